#!/usr/bin/env python3
"""Ledger at scale (issue 7): query latency with 1M claims stored, on SQLite and PostgreSQL, and
the ledger's ingest rate.

Fills a fresh ledger with synthetic claims (real gazetteer places, Zipf-distributed: a few places
are claimed thousands of times, most a few times; three years of dates; every type, side and 40
sources) through bulk inserts, then times the two hot reads through the core API, as the REST API
and dashboard call them:

* place timeline: ``Frontwatch.timeline(place)`` (the latest 1,000 claims of a place), places
  drawn by popularity, as users look them up;
* claims feed: ``Frontwatch.claims(limit=50)``, unfiltered and filtered by claimant side / type.

The ingest rate is measured separately with the real pipeline (`Frontwatch.ingest`) on Telegram
posts from ../shared/corpus when it exists (extraction included, and store-only).

    python benchmarks/ledger_scale.py [--claims 1000000] [--engines sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from local_pg import scratch_ledger

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TYPES = ("captured", "withdrew", "advanced", "repelled", "attacked", "fighting")
SIDES = ("RU", "UA", "independent")


DOC_COLS = ("id", "doc_key", "content_hash", "external_id", "source", "lang", "date", "text", "ingested_at")
CLAIM_COLS = ("document_id", "place", "surface", "type", "actor", "claimant", "claimant_side", "stance", "hedged", "date", "doc_date",
              "direction", "sentence", "evidence_start", "evidence_end", "mention_start", "mention_end", "rule", "source")


def _bulk(store, table: str, cols: tuple[str, ...], rows: list[tuple]) -> None:  # noqa: ANN001
    """COPY on PostgreSQL, executemany of tuples on SQLite: the fastest path each driver has."""
    with store.engine.begin() as conn:
        if store.engine.dialect.name == "postgresql":
            cur = conn.connection.driver_connection.cursor()
            with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in cols)
            conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows)


def fill(store, places: list[str], n_claims: int, per_doc: int = 5, seed: int = 7) -> float:  # noqa: ANN001
    """Insert ``n_claims`` synthetic claims in documents of ``per_doc``; returns seconds taken."""
    rng = random.Random(seed)
    cum = list(itertools.accumulate(1 / (i + 1) for i in range(len(places))))  # Zipf: place i ∝ 1/(i+1)
    start = dt.date(2022, 2, 24)
    now = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    n_docs = n_claims // per_doc
    batch = 50_000
    for lo in range(0, n_docs, batch):
        hi = min(n_docs, lo + batch)
        docs, claims = [], []
        for d in range(lo + 1, hi + 1):
            day = start + dt.timedelta(days=rng.randrange(1000))
            src = f"source {rng.randrange(40)}"
            docs.append((d, f"k{d}", f"h{d}", f"d{d}", src, "ru", day, f"synthetic document {d}", now))
            for place in rng.choices(places, cum_weights=cum, k=per_doc):
                claims.append((d, place, place, rng.choice(TYPES), rng.choice(("RU", "UA")), "synthetic", rng.choice(SIDES), "asserted", False,
                               day, day, None, f"synthetic claim about {place}", 0, 10, 0, 5, "synthetic", src))
        _bulk(store, "documents", DOC_COLS, docs)
        _bulk(store, "claims", CLAIM_COLS, claims)
        print(f"  {hi * per_doc:,} claims", end="\r", flush=True)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
        if store.engine.dialect.name == "postgresql":  # explicit ids: move the sequence past them
            conn.exec_driver_sql("SELECT setval('documents_id_seq', (SELECT max(id) FROM documents))")
    return time.perf_counter() - t0


def timed(fn, n: int) -> tuple[float, float]:  # noqa: ANN001
    """p50 and p95 in ms of ``n`` calls (fn receives the call number)."""
    xs = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i)
        xs.append((time.perf_counter() - t0) * 1000)
    xs.sort()
    return statistics.median(xs), xs[int(0.95 * (len(xs) - 1))]


def queries(fw, places: list[str], n: int = 300, seed: int = 11) -> dict[str, tuple[float, float]]:  # noqa: ANN001
    rng = random.Random(seed)
    cum = list(itertools.accumulate(1 / (i + 1) for i in range(len(places))))
    picks = rng.choices(places, cum_weights=cum, k=n)
    fw.claims(limit=50)  # connection pool warm
    return {
        "place timeline": timed(lambda i: fw.timeline(picks[i]), n),
        "claims feed": timed(lambda i: fw.claims(limit=50, offset=(i % 5) * 50), n),
        "feed by side": timed(lambda i: fw.claims(limit=50, claimant_side=SIDES[i % 3]), n),
        "feed by type": timed(lambda i: fw.claims(limit=50, type=TYPES[i % 6]), n),
    }


def ingest_rate(url: str, res, docs: int) -> tuple[float, float] | None:  # noqa: ANN001
    """(docs/s end to end, docs/s store only) on Telegram posts; None without ../shared."""
    src = SHARED / "corpus" / "ru_telegram_2024" / "ru_telegram_posts_2024-05-19_2024-11-19.jsonl"
    if not src.exists():
        return None
    from frontwatch.io_jsonl import document_from_record
    from frontwatch.ledger.store import Store
    from frontwatch.pipeline import process
    from frontwatch.service import Frontwatch

    records = []
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            records.append(json.loads(line))
            if len(records) >= docs:
                break
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "posts.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        fw = Frontwatch(Store.open(url), res)
        t0 = time.perf_counter()
        fw.ingest([str(path)])
        end_to_end = len(records) / (time.perf_counter() - t0)
    analysed = [process(document_from_record({**r, "doc_id": f"again-{i}", "text": r["text"] + " "}, "x"), res) for i, r in enumerate(records)]
    store = Store.open(url)
    t0 = time.perf_counter()
    for i in range(0, len(analysed), 200):
        store.add_documents(analysed[i : i + 200])
    store_only = len(analysed) / (time.perf_counter() - t0)
    store.engine.dispose()
    return end_to_end, store_only


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--engines", default="sqlite,postgresql")
    ap.add_argument("--ingest-docs", type=int, default=1000)
    args = ap.parse_args()
    from frontwatch.ledger.store import Store
    from frontwatch.resources import default_resources
    from frontwatch.service import Frontwatch

    res = default_resources()
    places = sorted(p.id for p in res.gazetteer.places)
    random.Random(3).shuffle(places)
    places = places[:30_000]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for engine in args.engines.split(","):
            with scratch_ledger(engine, Path(tmp), "scale") as url, scratch_ledger(engine, Path(tmp), "ingest") as ingest_url:
                if url is None:
                    print(f"{engine}: no server on 127.0.0.1:5432, skipped")
                    continue
                store = Store.open(url)
                print(f"{engine}: filling {args.claims:,} claims …")
                secs = fill(store, places, args.claims)
                q = queries(Frontwatch(store, res), places)
                store.engine.dispose()
                rate = ingest_rate(ingest_url, res, args.ingest_docs) if ingest_url else None
                rows.append((engine, secs, q, rate))
    print(f"\nWith {args.claims:,} claims over {len(places):,} places (Zipf), p50 / p95 in ms:")
    print("| ledger | bulk fill (claims/s) | place timeline | claims feed | feed by side | feed by type | ingest docs/s (with extraction) | ingest docs/s (store only) |")
    print("|---|---|---|---|---|---|---|---|")
    for engine, secs, q, rate in rows:
        cells = " | ".join(f"{q[k][0]:.1f} / {q[k][1]:.1f}" for k in ("place timeline", "claims feed", "feed by side", "feed by type"))
        r1, r2 = (f"{rate[0]:.0f}", f"{rate[1]:.0f}") if rate else ("-", "-")
        print(f"| {engine} | {args.claims / secs:,.0f} | {cells} | {r1} | {r2} |")


if __name__ == "__main__":
    main()
