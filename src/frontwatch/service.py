"""The one core: `Frontwatch` opens a ledger and offers ingest, queries and exports (STYLE.md §5).

The CLI (and later the REST API and dashboard) are thin shells over these methods.

    fw = Frontwatch.open("frontwatch.db")          # or "postgresql://user@host/db"
    report = fw.ingest(["reports/"], source="My archive")
    fw.claims(place="UA63080090010026457", since=datetime.date(2024, 11, 1))
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwatch.errors import ConfigError, InputError, NotFound
from frontwatch.io_jsonl import Skip, read_inputs
from frontwatch.ledger.store import Store, StoredClaim
from frontwatch.model import Document, Place
from frontwatch.pipeline import process
from frontwatch.resources import Resources, default_resources


@dataclass
class IngestReport:
    new: int = 0
    duplicates: int = 0
    echoes: int = 0
    failed: int = 0
    claims: int = 0
    flags: int = 0
    skipped: list[Skip] = field(default_factory=list)


def _walk(inputs: Iterable[str]) -> Iterator[str]:
    """Files of the inputs; folders walked recursively in sorted order, hidden files skipped."""
    for item in inputs:
        p = Path(item)
        if item != "-" and p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    yield str(f)
        else:
            yield item


class Frontwatch:
    def __init__(self, store: Store, resources: Resources | None = None):
        self.store = store
        self._res = resources

    @classmethod
    def open(cls, url: str | None = None) -> Frontwatch:
        return cls(Store.open(url))

    @property
    def res(self) -> Resources:
        if self._res is None:
            self._res = default_resources()
        return self._res

    def analyse(self, text: str, *, lang: str | None = None, date: dt.date | None = None, source: str | None = None) -> Document:
        """Claims and flags of one text, not stored."""
        return process(Document("text", text, lang=lang, date=date, source=source), self.res)

    def warm_up(self) -> None:
        """Load everything a first request would load lazily (gazetteer search buckets,
        morphology, date parser), so a server's first users do not wait seconds."""
        for text, lang in (
            ("Russian forces captured Kupiansk on December 7, the Russian MoD claimed.", "en"),
            ("Минобороны России заявило об освобождении Купянска 7 декабря.", "ru"),
            ("Сили оборони відбили атаку поблизу Куп'янська вчора.", "uk"),
        ):
            self.analyse(text, lang=lang, date=dt.date(2024, 12, 8))
        self.res.gazetteer.search("Kupyansk", limit=5)
        self.store.stats()

    def ingest(
        self,
        inputs: Iterable[str],
        *,
        source: str | None = None,
        batch_size: int = 200,
        workers: int = 1,
        mapping: dict[str, str] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Read, analyse and store; one transaction per batch; failures recorded with their reason.

        Inputs are read lazily and analysed on ``workers`` processes (input order kept), so a
        folder of any size streams through in batches.
        """
        report = IngestReport()
        batch: list[Document] = []

        def flush() -> None:
            if batch:
                new, dup = self.store.add_documents(batch)
                report.echoes += self.store.last_echoes
                report.new += new
                report.duplicates += dup
                if progress:
                    progress(len(batch))
                batch.clear()

        def documents() -> Iterator[Document]:
            # Skips are recorded as they are met; only documents go on to the workers.
            for path, item in self._read(inputs, mapping):
                if isinstance(item, Skip):
                    report.failed += 1
                    report.skipped.append(item)
                    self.store.add_failure(item.origin, item.reason)
                    continue
                yield item.replace(source=source or item.source or Path(path).name, meta=(("origin", path),))

        from frontwatch.parallel import process_many

        for doc in process_many(documents(), workers=workers, resources=self.res):
            report.claims += len(doc.claims)
            report.flags += len(doc.flags)
            batch.append(doc)
            if len(batch) >= batch_size:
                flush()
        flush()
        return report

    @staticmethod
    def _read(inputs: Iterable[str], mapping: dict[str, str] | None) -> Iterator[tuple[str, Document | Skip]]:
        from frontwatch.ingest import read_bytes, read_path

        for path in _walk(inputs):
            try:
                if path.startswith(("http://", "https://")):
                    from frontwatch.ingest.fetch import fetch

                    got = fetch(path)
                    for i in read_bytes(got.content, origin=got.url, mapping=mapping):
                        yield path, (i.replace(url=i.url or got.url) if isinstance(i, Document) else i)
                elif path == "-":
                    for i in read_inputs(path):
                        yield path, i
                else:
                    for i in read_path(path, mapping):
                        yield path, i
            except InputError as exc:
                yield path, Skip(path, str(exc))

    def claims(self, **filters: Any) -> list[StoredClaim]:
        return self.store.claims(**filters)

    def place(self, name_or_id: str) -> Place:
        """A place by gazetteer id or by any spelling of its name (the best candidate)."""
        gaz = self.res.gazetteer
        if name_or_id in gaz:
            return gaz.get(name_or_id)
        cands = gaz.search(name_or_id, limit=50)
        if not cands:
            raise NotFound(f"no place matches {name_or_id!r}; try another spelling or an id")
        # of the namesakes, the one the ledger has claims about is the one the user means
        claimed = dict(self.store.claimed_places())
        best = max(cands, key=lambda c: (claimed.get(c.place, 0), c.score))
        return gaz.get(best.place)

    def timeline(self, place_id: str, *, limit: int = 1000) -> list[StoredClaim]:
        """Every claim about a place, oldest first."""
        return list(reversed(self.store.claims(place=place_id, limit=limit)))

    def clusters(self, place_id: str, *, window: int = 7) -> list[Any]:
        """The place's claim clusters (same type, actor and claimant side within ``window`` days)."""
        from frontwatch.ledger.timeline import clusters

        return clusters(self.timeline(place_id), window=window)

    def status(self, place_id: str, since: dt.date | None = None, until: dt.date | None = None) -> list[tuple[dt.date, str | None]]:
        """The place's status per day (see ``frontwatch.ledger.timeline``), against any imported reference."""
        from sqlalchemy import select

        from frontwatch.ledger import schema as t
        from frontwatch.ledger.timeline import status_by_day

        claims = self.timeline(place_id)
        days = [c.date or c.doc_date for c in claims if (c.date or c.doc_date)]
        if not days and (since is None or until is None):
            return []
        since = since or min(days)  # type: ignore[type-var]
        until = until or max(days)  # type: ignore[type-var]
        with self.store.engine.connect() as conn:
            ref = [(d, s) for d, s in conn.execute(select(t.reference_status.c.date, t.reference_status.c.status).where(t.reference_status.c.place == place_id))]
        return status_by_day(claims, since, until, reference=ref)

    def import_reference(self, path: Path, *, dataset: str) -> int:
        """Import a reference control map (GeoJSON snapshots, JSONL snapshots or a CSV timeline)."""
        from frontwatch.ledger.reference import import_reference

        points = [(p.id, p.lat, p.lon) for p in self.res.gazetteer.places if p.lat is not None and p.lon is not None and not p.coord_approx]
        return import_reference(self.store, Path(path), dataset=dataset, points=points)

    def lag_report(self, *, window_days: int = 180) -> list[Any]:
        """Claim-to-reference lag per claimant side (median and quartiles, in days)."""
        from frontwatch.ledger.reference import lag_report

        return lag_report(self.store, window_days=window_days)

    def export(self, fmt: str, path: Path, **filters: Any) -> int:
        """Write claims as GeoJSON (points of claimed places), CSV or Parquet; returns the row count."""
        rows = self.store.claims(limit=filters.pop("limit", 1_000_000), **filters)
        gaz = self.res.gazetteer
        records = [_record(c) for c in rows]
        if fmt == "csv":
            with open(path, "w", newline="", encoding="utf-8") as fh:
                w = csv.DictWriter(fh, fieldnames=list(records[0]) if records else list(_record_fields()))
                w.writeheader()
                w.writerows(records)
        elif fmt == "geojson":
            features = []
            for r in records:
                p = gaz.get(r["place"]) if r["place"] in gaz else None
                if p is None or p.lat is None or p.lon is None:
                    continue
                props = {**r, "name_uk": p.name_uk, "name_en": p.name_en, "oblast": p.oblast, "coord_approx": p.coord_approx}
                features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]}, "properties": props})
            path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8")
        elif fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(records) if records else pa.table({k: [] for k in _record_fields()}), path)
        else:
            raise ConfigError(f"unknown export format {fmt!r}; use geojson, csv or parquet")
        return len(records)


def _record_fields() -> tuple[str, ...]:
    return tuple(StoredClaim.__dataclass_fields__)


def _record(c: StoredClaim) -> dict[str, Any]:
    out = {k: getattr(c, k) for k in _record_fields()}
    for k in ("date", "doc_date"):
        out[k] = out[k].isoformat() if out[k] else None  # ISO dates in every export
    return out
