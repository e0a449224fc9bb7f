"""The ledger store: documents, claims and flags in SQLite (default) or PostgreSQL.

Writes are transactional per batch: a batch either lands whole or not at all, so a crash or a bad
document never leaves half a document behind. Database errors become ``StoreError``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, insert, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from frontwatch.errors import ConfigError, StoreError
from frontwatch.ledger import schema as t
from frontwatch.model import Document


def default_url() -> str:
    """``FRONTWATCH_DB``, else a SQLite file in the user's data directory."""
    import os

    import platformdirs

    env = os.environ.get("FRONTWATCH_DB")
    if env:
        return env
    path = Path(platformdirs.user_data_dir("frontwatch")) / "frontwatch.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def normalise_url(url: str) -> str:
    """Accept plain paths and ``postgresql://`` URLs (driven by psycopg 3)."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith(("sqlite://", "postgresql+psycopg://")):
        return url
    raise ConfigError(f"unsupported database URL {url!r}; use sqlite:///PATH or postgresql://USER@HOST/DB")


def document_key(doc: Document) -> tuple[str, str]:
    """(doc_key, content_hash): the same text from the same source and id is the same document."""
    content = hashlib.sha256(" ".join(doc.text.split()).encode("utf-8")).hexdigest()
    key = hashlib.sha256(f"{doc.source or ''}\x1f{doc.doc_id}\x1f{content}".encode()).hexdigest()
    return key, content


@dataclass(frozen=True, slots=True)
class StoredClaim:
    id: int
    document_id: int
    place: str | None
    surface: str
    type: str
    actor: str | None
    claimant: str
    claimant_side: str
    stance: str
    hedged: bool
    date: dt.date | None
    doc_date: dt.date | None
    direction: str | None
    sentence: str
    source: str | None
    rule: str | None


# the claims columns in StoredClaim's field order: a row becomes a record without per-field lookups
_STORED_COLUMNS = tuple(t.claims.c[f.name] for f in dataclasses.fields(StoredClaim))


class Store:
    """Open with a URL; ``Store.open(":memory:")`` is an in-memory SQLite ledger for tests."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.last_echoes = 0  # echoes found by the last add_documents call

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        url = default_url() if url is None else url
        if url == ":memory:":
            url = "sqlite://"
        try:
            engine = create_engine(normalise_url(url), future=True)
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _sqlite_pragmas)
            migrate(engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open the ledger at {url}: {exc.__class__.__name__}: {exc}") from exc
        return cls(engine)

    def revision(self) -> str | None:
        """The Alembic revision the ledger is at."""
        from alembic.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"database error: {exc.__class__.__name__}: {exc}") from exc

    # -- writes ------------------------------------------------------------------------------
    def add_documents(self, docs: Iterable[Document], *, origin: str | None = None) -> tuple[int, int]:
        """Store analysed documents in one transaction; returns (new, duplicates).

        A near-duplicate of a stored document is stored too, as an echo of it (``echo_of``).
        """
        from frontwatch.ledger.echoes import band_keys

        new = dup = 0
        self.last_echoes = 0
        now = dt.datetime.now(dt.UTC)
        docs = list(docs)
        keys = [document_key(doc) for doc in docs]
        # bands, claims and flags of the whole batch go in as one executemany each
        band_rows: list[dict[str, Any]] = []
        claim_rows: list[dict[str, Any]] = []
        flag_rows: list[dict[str, Any]] = []
        with self._tx() as conn:
            seen = self._existing_keys(conn, [k for k, _ in keys])
            batch_bands: dict[str, int] = {}  # echoes of a document earlier in this same batch
            for doc, (key, content) in zip(docs, keys):
                if key in seen:
                    dup += 1
                    continue
                seen.add(key)
                bands = band_keys(doc.text)
                echo_of = None
                if bands:
                    stored = conn.execute(select(func.min(t.doc_bands.c.document_id)).where(t.doc_bands.c.band.in_(bands))).scalar()
                    found = [x for x in (stored, *(batch_bands.get(b) for b in bands)) if x is not None]
                    echo_of = min(found) if found else None
                    self.last_echoes += echo_of is not None
                doc_id = conn.execute(
                    insert(t.documents).values(echo_of=echo_of,
                        doc_key=key, content_hash=content, external_id=doc.doc_id, source=doc.source, lang=doc.lang,
                        date=doc.date, title=doc.title, url=doc.url, author=doc.author, origin=origin or dict(doc.meta).get("origin"),
                        text=doc.text, ingested_at=now,
                    )
                ).inserted_primary_key[0]  # fmt: skip
                for b in bands:
                    batch_bands.setdefault(b, doc_id)
                band_rows += ({"document_id": doc_id, "band": b} for b in bands)
                claim_rows += (_claim_row(doc_id, doc, c) for c in doc.claims)
                flag_rows += (_flag_row(doc_id, f) for f in doc.flags)
                new += 1
            for table, rows in ((t.doc_bands, band_rows), (t.claims, claim_rows), (t.flags, flag_rows)):
                if rows:
                    conn.execute(insert(table), rows)
        return new, dup

    @staticmethod
    def _existing_keys(conn: Connection, keys: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(keys), 500):  # bounded IN lists
            chunk = keys[i : i + 500]
            found.update(k for (k,) in conn.execute(select(t.documents.c.doc_key).where(t.documents.c.doc_key.in_(chunk))))
        return found

    def add_failure(self, origin: str, reason: str) -> None:
        with self._tx() as conn:
            conn.execute(insert(t.failures).values(origin=origin, reason=reason, at=dt.datetime.now(dt.UTC)))

    # -- reads -------------------------------------------------------------------------------
    def claims(
        self,
        *,
        place: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        type: str | None = None,
        claimant_side: str | None = None,
        source: str | None = None,
        direction: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[StoredClaim]:
        """Claims newest first (by publication date, then id), filtered; bound parameters only."""
        c = t.claims.c
        q = select(*_STORED_COLUMNS).order_by(c.doc_date.desc(), c.id.desc()).limit(limit).offset(offset)
        if place:
            q = q.where(c.place == place)
        if since:
            q = q.where(func.coalesce(c.date, c.doc_date) >= since)
        if until:
            q = q.where(func.coalesce(c.date, c.doc_date) <= until)
        if type:
            q = q.where(c.type == type)
        if claimant_side:
            q = q.where(c.claimant_side == claimant_side)
        if source:
            q = q.where(c.source == source)
        if direction:
            q = q.where(c.direction == direction)
        with self._tx() as conn:
            return [StoredClaim(*r) for r in conn.execute(q)]

    def claimed_places(self) -> list[tuple[str, int]]:
        """(place id, number of claims) for every place with a claim."""
        c = t.claims.c
        q = select(c.place, func.count()).where(c.place.is_not(None)).group_by(c.place)
        with self._tx() as conn:
            return [(p, n) for p, n in conn.execute(q)]

    def failures(self, limit: int = 100) -> list[tuple[str, str, dt.datetime]]:
        q = select(t.failures.c.origin, t.failures.c.reason, t.failures.c.at).order_by(t.failures.c.id.desc()).limit(limit)
        with self._tx() as conn:
            return [tuple(r) for r in conn.execute(q)]  # type: ignore[misc]

    def stats(self) -> dict[str, int]:
        with self._tx() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (("documents", t.documents), ("claims", t.claims), ("flags", t.flags), ("failures", t.failures))
            } | {"echoes": conn.execute(select(func.count()).select_from(t.documents).where(t.documents.c.echo_of.is_not(None))).scalar_one()}

    # -- API tokens: stored as sha256 hashes, compared in constant time ----------------------
    def create_token(self, name: str) -> str:
        """A new random token for ``name`` (shown once; only its hash is stored)."""
        import secrets

        token = secrets.token_urlsafe(32)
        digest = hashlib.sha256(token.encode()).hexdigest()
        with self._tx() as conn:
            conn.execute(t.api_tokens.delete().where(t.api_tokens.c.name == name))
            conn.execute(insert(t.api_tokens).values(name=name, token_hash=digest, created_at=dt.datetime.now(dt.UTC)))
        return token

    def verify_token(self, token: str) -> str | None:
        """The token's name, or None."""
        import hmac

        digest = hashlib.sha256(token.encode()).hexdigest()
        with self._tx() as conn:
            rows = conn.execute(select(t.api_tokens.c.name, t.api_tokens.c.token_hash)).all()
        found = None
        for name, stored in rows:  # compare with every stored hash: time does not depend on which matched
            if hmac.compare_digest(stored, digest):
                found = name
        return found

    def revoke_token(self, name: str) -> bool:
        with self._tx() as conn:
            return conn.execute(t.api_tokens.delete().where(t.api_tokens.c.name == name)).rowcount > 0

    def token_names(self) -> list[tuple[str, dt.datetime]]:
        with self._tx() as conn:
            return [tuple(r) for r in conn.execute(select(t.api_tokens.c.name, t.api_tokens.c.created_at).order_by(t.api_tokens.c.name))]  # type: ignore[misc]

    def claim_by_id(self, claim_id: int) -> StoredClaim:
        from frontwatch.errors import NotFound

        with self._tx() as conn:
            row = conn.execute(select(*_STORED_COLUMNS).where(t.claims.c.id == claim_id)).first()
        if row is None:
            raise NotFound(f"no claim {claim_id}")
        return StoredClaim(*row)

    def integrity_ok(self) -> bool:
        """SQLite's own integrity check (PostgreSQL enforces its constraints itself)."""
        if self.engine.dialect.name != "sqlite":
            return True
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    # a popular place's 1,000 claims lie on scattered pages: map the file instead of a read() per page
    cur.execute("PRAGMA mmap_size=1073741824")
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def _claim_row(doc_id: int, doc: Document, c: Any) -> dict[str, Any]:
    return {
        "document_id": doc_id, "place": c.place, "surface": c.surface, "type": c.type.value,
        "actor": c.actor.value if c.actor else None, "claimant": c.claimant, "claimant_side": c.claimant_side.value,
        "stance": c.stance.value, "hedged": c.hedged, "date": c.date, "doc_date": doc.date, "direction": c.direction,
        "sentence": c.sentence, "evidence_start": c.evidence.start, "evidence_end": c.evidence.end,
        "mention_start": c.mention.start, "mention_end": c.mention.end, "rule": c.rule, "source": doc.source,
    }  # fmt: skip


def _flag_row(doc_id: int, f: Any) -> dict[str, Any]:
    return {
        "document_id": doc_id, "start": f.start, "end": f.end, "surface": f.surface, "term": f.term,
        "category": f.category.value, "associated_side": f.associated_side.value, "voice": f.voice.value,
        "speaker": f.speaker, "explanation": f.explanation, "neutral": f.neutral,
    }  # fmt: skip


def _alembic_config(conn: Connection):  # noqa: ANN202
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    cfg.attributes["connection"] = conn
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the ledger to ``revision`` with Alembic (a new ledger is created from revision 0001).

    Ledgers made before migrations existed hold the 0001 tables without a version row: they are
    stamped 0001 first, then upgraded like any other.
    """
    from alembic import command
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.begin() as conn:
        cfg = _alembic_config(conn)
        current = MigrationContext.configure(conn).get_current_revision()
        if current == ScriptDirectory.from_config(cfg).get_current_head() and revision == "head":
            return  # the common case: nothing to do, and no Alembic logging on every open
        if current is None and inspect(conn).has_table("documents"):
            command.stamp(cfg, "0001")
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the ledger back to an older revision (for rolling back a release)."""
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), revision)
