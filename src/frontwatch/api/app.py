"""The REST API: plain `def` routes over the Frontwatch core (STYLE.md §5). OpenAPI at /docs.

Reads are open unless closed (``closed_reads`` / FRONTWATCH_CLOSED_READS=1: then every page and
endpoint but /static needs a token too); writes (POST /api/documents) need a bearer token made by
`frontwatch tokens create` (or FRONTWATCH_API_TOKEN), rate-limited per token; text analysis
(POST /api/extract) is rate-limited per client. Every error has one JSON shape,
{"error": {"code", "message"}}, and no stack trace reaches a client.
"""

from __future__ import annotations

import datetime as dt
import hmac
import os
from dataclasses import asdict
from typing import Any

from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontwatch.api.limits import RateLimiter
from frontwatch.api.middleware import Guard
from frontwatch.api.middleware import error_response as _error
from frontwatch.errors import AuthError, FrontwatchError, InputError, NotFound, RateLimited
from frontwatch.model import Document, claim_to_json, to_json
from frontwatch.service import Frontwatch

MAX_BODY = 1_000_000
MAX_ID = 2**63 - 1  # the largest id a database integer holds; larger ones are a 422, not a 500


class TextIn(BaseModel):
    text: str = Field(..., max_length=MAX_BODY, description="the text to analyse")
    lang: str | None = Field(None, pattern="^(en|ru|uk)$")
    date: dt.date | None = None
    source: str | None = Field(None, max_length=500)


def _json(content: dict[str, Any]) -> Any:
    """A response from JSON-ready data (to_json output), skipping FastAPI's generic encoder,
    which walks every value again and was a large share of a read's time."""
    return JSONResponse(content)


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.strip().isdigit() else default


def create_app(
    fw: Frontwatch,
    *,
    token: str | None = None,
    closed_reads: bool | None = None,
    write_rate: int | None = None,
    extract_rate: int | None = None,
) -> FastAPI:
    """The API and dashboard; settings default to FRONTWATCH_* environment variables.

    ``write_rate``: writes a minute per token (default 60); ``extract_rate``: analyses a minute per
    client address (default 120); 0 disables a limit.
    """
    app = FastAPI(title="Frontwatch", version="0.1.0", description="Territorial-control claims from war reporting.")
    write_token = token if token is not None else os.environ.get("FRONTWATCH_API_TOKEN")
    closed = closed_reads if closed_reads is not None else os.environ.get("FRONTWATCH_CLOSED_READS", "") in ("1", "true", "yes")
    writes = RateLimiter(write_rate if write_rate is not None else _env_int("FRONTWATCH_WRITE_RATE", 60))
    analyses = RateLimiter(extract_rate if extract_rate is not None else _env_int("FRONTWATCH_EXTRACT_RATE", 120))

    def token_name(authorization: str | None) -> str | None:
        """The name of a valid bearer token, or None (hashes compared in constant time)."""
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not given:
            return None
        name = fw.store.verify_token(given)
        if name:
            return name
        if write_token and hmac.compare_digest(given.encode(), write_token.encode()):
            return "FRONTWATCH_API_TOKEN"
        return None

    from frontwatch.web.routes import CSP

    app.add_middleware(Guard, max_body=MAX_BODY, closed=closed, token_name=token_name, csp=CSP)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, "http_error", str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request", "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))

    @app.exception_handler(FrontwatchError)
    async def fw_error(_: Request, exc: FrontwatchError) -> JSONResponse:
        status = 404 if isinstance(exc, NotFound) else 401 if isinstance(exc, AuthError) else 400 if isinstance(exc, InputError) else 500
        return _error(status, exc.__class__.__name__, str(exc) if status < 500 else "internal error")

    @app.exception_handler(RateLimited)
    async def rate_limited(_: Request, exc: RateLimited) -> JSONResponse:
        response = _error(429, "RateLimited", str(exc))
        response.headers["Retry-After"] = str(max(1, round(exc.retry_after)))
        return response

    @app.exception_handler(Exception)
    async def any_error(_: Request, exc: Exception) -> JSONResponse:
        return _error(500, "internal_error", "internal error")  # details stay in the server log

    def require_token(authorization: str | None = Header(None)) -> None:
        """A token made by `frontwatch tokens create NAME` (stored hashed), or FRONTWATCH_API_TOKEN."""
        name = token_name(authorization)
        if name is None:
            raise AuthError("missing or wrong bearer token; create one with `frontwatch tokens create NAME`")
        writes.hit(f"token:{name}")

    @app.get("/api/places")
    def places(q: str = Query(..., min_length=1, max_length=200)) -> dict[str, Any]:
        """Search places by any spelling; namesakes are listed with their oblast and raion."""
        gaz = fw.res.gazetteer
        out = []
        for c in gaz.search(q, limit=20):
            p = gaz.get(c.place)
            out.append({**to_json(p), "score": c.score})
        return _json({"query": q, "places": out})

    @app.get("/api/places/{place_id}")
    def place(place_id: str) -> dict[str, Any]:
        """A place with its timeline of claims (oldest first)."""
        gaz = fw.res.gazetteer
        if place_id not in gaz:
            raise NotFound(f"no place with id {place_id!r}")
        status = [{"date": d.isoformat(), "status": st} for d, st in fw.status(place_id) if st]
        return _json({"place": to_json(gaz.get(place_id)), "timeline": [to_json(asdict(c)) for c in fw.timeline(place_id)], "status": status})

    @app.get("/api/claims")
    def claims(
        place: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        type: str | None = Query(None, pattern="^(captured|withdrew|advanced|repelled|attacked|fighting)$"),
        claimant_side: str | None = Query(None, pattern="^(RU|UA|independent)$"),
        source: str | None = None,
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0, le=MAX_ID),
    ) -> dict[str, Any]:
        """Stored claims, newest first, with the CLI's filters; paginated by limit/offset."""
        rows = fw.claims(place=place, since=since, until=until, type=type, claimant_side=claimant_side, source=source, limit=limit, offset=offset)
        return _json({"claims": [to_json(asdict(c)) for c in rows], "limit": limit, "offset": offset})

    @app.get("/api/claims/{claim_id}")
    def claim(claim_id: int = Path(..., ge=1, le=MAX_ID)) -> dict[str, Any]:
        """One claim with its evidence, its cluster's echoes and the framing flags of its document."""
        from sqlalchemy import select

        from frontwatch.ledger import schema as t

        c = fw.store.claim_by_id(claim_id)
        echoes = [to_json(asdict(e)) for e in fw.claims(place=c.place, type=c.type, limit=200) if e.id != c.id and e.actor == c.actor]
        with fw.store.engine.connect() as conn:
            flags = [dict(r) for r in conn.execute(select(t.flags).where(t.flags.c.document_id == c.document_id)).mappings()]
        return {"claim": to_json(asdict(c)), "echoes": echoes, "flags": flags}

    @app.get("/api/export.geojson")
    def export_geojson() -> JSONResponse:
        """Every claim as a GeoJSON point of its place."""
        import json
        import pathlib
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "claims.geojson"
            fw.export("geojson", path)
            return JSONResponse(json.loads(path.read_text(encoding="utf-8")), media_type="application/geo+json")

    @app.post("/api/extract")
    def extract(body: TextIn, request: Request) -> dict[str, Any]:
        """Claims and framing flags of a text, not stored (rate-limited per client address)."""
        analyses.hit(f"ip:{request.client.host if request.client else '?'}")
        doc = fw.analyse(body.text, lang=body.lang, date=body.date, source=body.source)
        return {"lang": doc.lang, "claims": [claim_to_json(c) for c in doc.claims], "flags": [to_json(f) for f in doc.flags]}

    @app.post("/api/documents", dependencies=[Depends(require_token)])
    def add_document(body: TextIn) -> dict[str, Any]:
        """Analyse and store a document (bearer token required); returns its claims and flags."""
        from frontwatch.pipeline import process

        doc = process(Document(doc_id=f"api-{abs(hash(body.text)) % 10**12}", text=body.text, lang=body.lang, date=body.date, source=body.source or "API"), fw.res)
        new, dup = fw.store.add_documents([doc])
        return {"stored": bool(new), "duplicate": bool(dup), "claims": [claim_to_json(c) for c in doc.claims], "flags": [to_json(f) for f in doc.flags]}

    from frontwatch.web.routes import mount_web

    mount_web(app, fw)
    return app


def app_from_env() -> FastAPI:
    """The app of one server process of `frontwatch serve --workers N` (settings from FRONTWATCH_*)."""
    fw = Frontwatch.open(os.environ.get("FRONTWATCH_DB"))
    fw.warm_up()
    return create_app(fw)
