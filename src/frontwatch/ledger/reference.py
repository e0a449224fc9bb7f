"""Reference control maps: import control timelines, and compare claims with them (issue 5).

A reference is user-supplied (DeepStateMap-style GeoJSON snapshots, JSONL of snapshots, or a CSV
timeline of place id, date, status); its licence is the user's concern, so nothing is shipped.
Only changes are stored: (dataset, place, date, status) means "from this date on".
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import lzma
import re
import statistics
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select

from frontwatch.errors import InputError
from frontwatch.ledger import schema as t
from frontwatch.ledger.store import Store

# status words of the known datasets -> RU / UA / contested (unknown statuses are skipped)
_STATUS = {
    "occupied": "RU", "ru": "RU", "russian": "RU", "russia": "RU",
    "not_occupied": "UA", "ua_or_unmarked": "UA", "liberated_or_ua_marked": "UA", "liberated": "UA", "ua": "UA", "ukraine": "UA",
    "contested": "contested", "gray": "contested", "grey": "contested",
}  # fmt: skip
_DATE_IN_NAME = re.compile(r"(20\d\d)-?(\d\d)-?(\d\d)")


@dataclass(frozen=True, slots=True)
class Change:
    place: str
    date: dt.date
    status: str


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8")
    if path.suffix == ".xz":
        return io.TextIOWrapper(lzma.open(path), encoding="utf-8")
    return open(path, encoding="utf-8")


def changes_from_csv(path: Path) -> Iterator[Change]:
    """A timeline CSV with columns place id (katottg/place/id), date, status."""
    with _open_text(path) as fh:
        reader = csv.DictReader(fh)
        cols = reader.fieldnames or []
        pid = next((c for c in ("katottg", "place", "place_id", "id") if c in cols), None)
        if pid is None or "date" not in cols or "status" not in cols:
            raise InputError(f"{path}: a timeline CSV needs columns katottg|place, date, status; found {cols}")
        for row in reader:
            status = _STATUS.get((row.get("status") or "").strip().lower())
            if not status or not row.get(pid):
                continue
            try:
                yield Change(row[pid], dt.date.fromisoformat(row["date"][:10]), status)
            except ValueError:
                continue


def _snapshot_status(geoms: list, points: list[tuple[str, float, float]]) -> dict[str, str]:
    """RU for every point inside the occupied polygons, UA otherwise (one vectorised test)."""
    import numpy as np
    import shapely

    occupied = shapely.union_all([g for g in geoms if g is not None]) if geoms else None
    ids = [p for p, _, _ in points]
    if occupied is None or occupied.is_empty:
        return {p: "UA" for p in ids}
    shapely.prepare(occupied)
    lon = np.array([x for _, _, x in points])
    lat = np.array([y for _, y, _ in points])
    inside = shapely.contains_xy(occupied, lon, lat)
    return {p: ("RU" if flag else "UA") for p, flag in zip(ids, inside)}


def _geoms(features: Iterable[dict]) -> list:
    import shapely.geometry

    out = []
    for f in features:
        status = str((f.get("properties") or {}).get("status") or f.get("status") or "occupied").lower()
        if _STATUS.get(status, "RU") != "RU":
            continue
        try:
            out.append(shapely.geometry.shape(f["geometry"]))
        except (KeyError, ValueError, TypeError):
            continue
    return out


def snapshots(path: Path) -> Iterator[tuple[dt.date, list]]:
    """(date, occupied polygons) from a folder or tar of dated GeoJSON files, or a JSONL(.xz) of snapshots."""
    if path.is_dir():
        for f in sorted(path.rglob("*.geojson")) + sorted(path.rglob("*.json")):
            m = _DATE_IN_NAME.search(f.name)
            if m:
                yield dt.date(int(m[1]), int(m[2]), int(m[3])), _geoms(json.loads(f.read_text(encoding="utf-8")).get("features", []))
    elif ".tar" in path.name:
        with tarfile.open(path) as tar:
            for member in sorted(tar.getmembers(), key=lambda m: m.name):
                m = _DATE_IN_NAME.search(Path(member.name).name)
                fh = tar.extractfile(member) if member.isfile() else None
                if m and fh is not None:
                    yield dt.date(int(m[1]), int(m[2]), int(m[3])), _geoms(json.load(fh).get("features", []))
    else:
        with _open_text(path) as fh:
            for line in fh:
                rec = json.loads(line)
                when = rec.get("datetime_utc") or rec.get("date")
                if when:
                    yield dt.date.fromisoformat(str(when)[:10]), _geoms(rec.get("features", []))


def changes_from_snapshots(path: Path, points: list[tuple[str, float, float]]) -> Iterator[Change]:
    last: dict[str, str] = {}
    for date, geoms in snapshots(path):
        for place, status in _snapshot_status(geoms, points).items():
            if last.get(place) != status:
                last[place] = status
                yield Change(place, date, status)


def import_reference(store: Store, path: Path, *, dataset: str, points: list[tuple[str, float, float]], batch: int = 5000) -> int:
    """Import a reference; idempotent (a change already stored is skipped); one transaction per batch."""
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    is_csv = path.suffix == ".csv" or path.name.endswith((".csv.gz", ".csv.xz"))
    changes = changes_from_csv(path) if is_csv else changes_from_snapshots(path, points)
    n = 0
    pending: list[Change] = []

    def flush() -> None:
        nonlocal n
        if not pending:
            return
        with store.engine.begin() as conn:
            have = {
                (r.place, r.date)
                for r in conn.execute(
                    select(t.reference_status.c.place, t.reference_status.c.date).where(
                        t.reference_status.c.dataset == dataset, t.reference_status.c.place.in_({c.place for c in pending})
                    )
                )
            }
            rows = [{"dataset": dataset, "place": c.place, "date": c.date, "status": c.status} for c in pending if (c.place, c.date) not in have]
            unique = list({(r["place"], r["date"]): r for r in rows}.values())
            if unique:
                conn.execute(insert(t.reference_status), unique)
                n += len(unique)
        pending.clear()

    for change in changes:
        pending.append(change)
        if len(pending) >= batch:
            flush()
    flush()
    return n


@dataclass(frozen=True)
class LagRow:
    claimant_side: str
    n: int
    unmatched: int
    median: float | None
    q1: float | None
    q3: float | None


def lag_report(store: Store, *, window_days: int = 180) -> list[LagRow]:
    """Days between each capture claim and the reference change to the claimed controller.

    Positive: the claim came after the map showed the change; negative: before it (premature).
    Claims with no such change within ``window_days`` are counted as unmatched.
    """
    c, r = t.claims.c, t.reference_status.c
    with store.engine.connect() as conn:
        claims = conn.execute(
            select(c.place, c.actor, c.claimant_side, c.date, c.doc_date).where(c.type == "captured", c.place.is_not(None), c.actor.is_not(None))
        ).all()
        places = {row.place for row in claims}
        refs: dict[str, list[tuple[dt.date, str]]] = {}
        for row in conn.execute(select(r.place, r.date, r.status).where(r.place.in_(places)).order_by(r.date)):
            refs.setdefault(row.place, []).append((row.date, row.status))
    lags: dict[str, list[int]] = {}
    unmatched: dict[str, int] = {}
    for row in claims:
        when = row.date or row.doc_date
        if when is None:
            continue
        changes = [d for d, s in refs.get(row.place, []) if s == row.actor]
        best = min(changes, key=lambda d: abs((when - d).days), default=None)
        if best is None or abs((when - best).days) > window_days:
            unmatched[row.claimant_side] = unmatched.get(row.claimant_side, 0) + 1
            continue
        lags.setdefault(row.claimant_side, []).append((when - best).days)
    out = []
    for side in sorted(set(lags) | set(unmatched)):
        v = sorted(lags.get(side, []))
        q = statistics.quantiles(v, n=4) if len(v) >= 2 else [None, v[0] if v else None, None]
        out.append(LagRow(side, len(v), unmatched.get(side, 0), statistics.median(v) if v else None, q[0], q[2]))
    return out
