"""Server-rendered dashboard pages over the same Frontwatch core as the API (STYLE.md §5).

Jinja2 autoescapes everything; highlighted evidence is built from escaped pieces, never from raw
HTML. Scripts come only from /static (plotly.js from the installed plotly package), so the page
works offline and the CSP can forbid inline scripts.
"""

from __future__ import annotations

import collections
import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Form, Query, Request
from fastapi import Path as FPath
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import func, select

from frontwatch.errors import NotFound
from frontwatch.ledger import schema as t
from frontwatch.service import Frontwatch

CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
TYPES = ("captured", "withdrew", "advanced", "repelled", "attacked", "fighting")


def _pieces(text: str, flags: list[dict[str, Any]], start: int = 0, end: int | None = None) -> list[tuple[str, dict | None]]:
    """Split text[start:end] into (piece, flag-or-None), flags given with document offsets."""
    end = len(text) if end is None else end
    out: list[tuple[str, dict | None]] = []
    pos = start
    for f in sorted((f for f in flags if start <= f["start"] and f["end"] <= end), key=lambda f: f["start"]):
        if f["start"] < pos:
            continue
        out.append((text[pos : f["start"]], None))
        out.append((text[f["start"] : f["end"]], f))
        pos = f["end"]
    out.append((text[pos:end], None))
    return out


def mount_web(app: FastAPI, fw: Frontwatch) -> None:
    templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
    static = Path(__file__).parent / "static"

    def names_of(place_ids: set[str | None]) -> dict[str, str]:
        gaz = fw.res.gazetteer
        return {p: gaz.get(p).name_en or p for p in place_ids if p and p in gaz}

    def flags_of(document_id: int) -> tuple[str, list[dict[str, Any]]]:
        with fw.store.engine.connect() as conn:
            text = conn.execute(select(t.documents.c.text).where(t.documents.c.id == document_id)).scalar()
            rows = [dict(r) for r in conn.execute(select(t.flags).where(t.flags.c.document_id == document_id)).mappings()]
        if text is None:
            raise NotFound(f"no document {document_id}")
        return text, rows

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        path = resources.files("plotly").joinpath("package_data").joinpath("plotly.min.js")
        return Response(path.read_bytes(), media_type="application/javascript", headers={"Cache-Control": "max-age=86400"})

    @app.get("/static/boundaries.geojson", include_in_schema=False)
    def boundaries() -> Response:
        data = resources.files("frontwatch.data").joinpath("boundaries").joinpath("oblasts.geojson").read_bytes()
        return Response(data, media_type="application/geo+json")

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> FileResponse:
        path = static / name
        if name not in ("app.js", "style.css") or not path.exists():
            raise NotFound(f"no static file {name!r}")
        return FileResponse(path)

    @app.get("/api/map")
    def map_points(
        until: dt.date | None = None,
        claimant_side: str | None = Query(None, pattern="^(RU|UA|independent)$"),
        type: str | None = Query(None, pattern="^(captured|withdrew|advanced|repelled|attacked|fighting)$"),
        direction: str | None = Query(None, max_length=200),
        source: str | None = Query(None, max_length=500),
    ) -> dict[str, Any]:
        """Claimed places with coordinates and their status on ``until`` (default: today), filtered."""
        from frontwatch.ledger.timeline import status_by_day

        day = until or dt.date.today()
        claims = fw.claims(until=day, claimant_side=claimant_side, type=type, direction=direction, source=source, limit=100_000)
        by_place: dict[str, list] = collections.defaultdict(list)
        for c in claims:
            if c.place:
                by_place[c.place].append(c)
        gaz = fw.res.gazetteer
        points = []
        for pid, cs in by_place.items():
            if pid not in gaz:
                continue
            p = gaz.get(pid)
            if p.lat is None or p.lon is None:
                continue
            status = status_by_day(list(reversed(cs)), day, day)[0][1]
            points.append({"place": pid, "name": p.name_en, "lat": p.lat, "lon": p.lon, "status": status, "claims": len(cs)})
        return JSONResponse({"until": day.isoformat(), "points": points})  # JSON-ready already

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        feed = fw.claims(limit=30)
        with fw.store.engine.connect() as conn:
            dates = sorted({d for (d,) in conn.execute(select(t.claims.c.doc_date).distinct()) if d})
            # the filters offer what the ledger holds: every direction, the 50 busiest sources
            directions = sorted(d for (d,) in conn.execute(select(t.claims.c.direction).distinct()) if d)
            n = func.count().label("n")
            sources = [s for s, _ in conn.execute(select(t.claims.c.source, n).group_by(t.claims.c.source).order_by(n.desc()).limit(50)) if s]
        days = []
        if dates:
            d = dates[0]
            while d <= dates[-1]:
                days.append(d.isoformat())
                d += dt.timedelta(days=1)
        context = {"feed": feed, "names": names_of({c.place for c in feed}), "days": days, "types": TYPES, "directions": directions, "sources": sorted(sources)}
        return templates.TemplateResponse(request, "index.html", context)

    @app.get("/place/{place_id}", response_class=HTMLResponse, include_in_schema=False)
    def place_page(request: Request, place_id: str) -> HTMLResponse:
        gaz = fw.res.gazetteer
        if place_id not in gaz:
            raise NotFound(f"no place with id {place_id!r}")
        rows = []
        for c in fw.timeline(place_id):
            text, flags = flags_of(c.document_id)
            start = text.find(c.sentence)
            pieces = _pieces(text, flags, start, start + len(c.sentence)) if start >= 0 else [(c.sentence, None)]
            rows.append({"claim": c, "pieces": pieces})
        status = [(d, s) for d, s in fw.status(place_id) if s]
        changes = [status[0]] + [b for a, b in zip(status, status[1:]) if a[1] != b[1]] if status else []
        return templates.TemplateResponse(request, "place.html", {"place": gaz.get(place_id), "rows": rows, "status": changes})

    @app.get("/document/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, document_id: int = FPath(..., ge=1, le=2**63 - 1)) -> HTMLResponse:
        text, flags = flags_of(document_id)
        with fw.store.engine.connect() as conn:
            doc = conn.execute(select(t.documents).where(t.documents.c.id == document_id)).mappings().first()
        return templates.TemplateResponse(request, "document.html", {"doc": doc, "pieces": _pieces(text, flags)})

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, q: str = Query("", max_length=200)) -> Response:
        gaz = fw.res.gazetteer
        cands = gaz.search(q, limit=25) if q.strip() else []
        claimed = dict(fw.store.claimed_places())
        with_claims = [c for c in cands if c.place in claimed]
        if len(with_claims) == 1:
            return RedirectResponse(f"/place/{with_claims[0].place}", status_code=303)
        results = [(gaz.get(c.place), c.score) for c in sorted(cands, key=lambda c: (-claimed.get(c.place, 0), -c.score))]
        return templates.TemplateResponse(request, "search.html", {"q": q, "results": results, "claimed": claimed})

    @app.get("/paste", response_class=HTMLResponse, include_in_schema=False)
    def paste_form(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "paste.html", {"doc": None, "text": ""})

    @app.post("/paste", response_class=HTMLResponse, include_in_schema=False)
    def paste(request: Request, text: str = Form(..., max_length=100_000)) -> HTMLResponse:
        doc = fw.analyse(text)
        flags = [{"start": f.start, "end": f.end, "category": f.category.value, "associated_side": f.associated_side.value, "voice": f.voice.value, "explanation": f.explanation, "neutral": f.neutral} for f in doc.flags]
        return templates.TemplateResponse(request, "paste.html", {"doc": doc, "text": text, "pieces": _pieces(text, flags), "names": names_of({c.place for c in doc.claims})})

    @app.get("/framing", response_class=HTMLResponse, include_in_schema=False)
    def framing_page(request: Request) -> HTMLResponse:
        by_cat: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        by_src: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        with fw.store.engine.connect() as conn:
            q = select(t.flags.c.category, t.flags.c.associated_side, t.documents.c.source).join(t.documents, t.documents.c.id == t.flags.c.document_id)
            for cat, side, src in conn.execute(q):
                by_cat[cat][side] += 1
                by_src[src or "(no source)"][side] += 1
        return templates.TemplateResponse(request, "framing.html", {"by_category": sorted(by_cat.items()), "by_source": sorted(by_src.items(), key=lambda kv: -sum(kv[1].values()))[:50]})
