#!/usr/bin/env python3
"""Throughput of the whole pipeline (extraction + framing) and of framing alone, on one core.

One-core figures are CPU time of this process (time.process_time): the machine is shared, and
wall time measures the neighbours as much as the code. The two-worker figure is wall time.

Reads ISW 2022 and Russian Telegram 2024 from ../shared/corpus (never copied into the repo).
Also, in the same run, a bare pyahocorasick scan of the gazetteer's name forms over the same
texts (lower-cased, every hit enumerated): the floor any gazetteer-based extractor pays, reported
as the ratio "ours / bare scan". The ledger side is benchmarks/ledger_scale.py; all of it:
benchmarks/run.py.

    python benchmarks/pipeline_speed.py [--mb 5]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def load_docs(limit_mb: float) -> list[dict]:
    docs: list[dict] = []
    size = 0
    files = [SHARED / "isw_2022" / "isw_2022-02-24_2022-09-30.jsonl", SHARED / "ru_telegram_2024" / "ru_telegram_posts_2024-05-19_2024-11-19.jsonl"]
    for f in files:
        for line in f.open(encoding="utf-8"):
            rec = json.loads(line)
            text = rec.get("text") or ""
            if not text:
                continue
            docs.append({"text": text, "lang": rec.get("lang")})
            size += len(text.encode("utf-8"))
            if size > limit_mb * 1e6 / len(files) * (files.index(f) + 1):
                break
    return docs


def bare_scan(gaz, docs) -> float:  # noqa: ANN001
    """Seconds for a bare pyahocorasick scan of every gazetteer name form over the texts."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for form in gaz._exact_index():  # every folded name form the gazetteer knows
        auto.add_word(form, len(form))
    auto.make_automaton()
    t = time.process_time()
    n = 0
    for d in docs:
        for _ in auto.iter(d.text.lower()):
            n += 1
    return time.process_time() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0)
    args = ap.parse_args()
    if not SHARED.exists():
        raise SystemExit("../shared/corpus is not here")
    from frontwatch.framing.flag import flag_framing
    from frontwatch.model import Document
    from frontwatch.pipeline import process
    from frontwatch.resources import default_resources

    res = default_resources()
    docs = [Document(f"d{i}", d["text"], lang=d["lang"]) for i, d in enumerate(load_docs(args.mb))]
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    process(docs[0], res)  # warm caches

    t, w = time.process_time(), time.perf_counter()
    n_claims = sum(len(process(d, res).claims) for d in docs)
    full, full_wall = time.process_time() - t, time.perf_counter() - w
    t = time.process_time()
    n_flags = sum(len(flag_framing(d.replace(lang=d.lang or "ru"), res.lexicon).flags) for d in docs)
    framing = time.process_time() - t
    from frontwatch.parallel import process_many

    t = time.perf_counter()
    n2 = sum(len(d.claims) for d in process_many(docs, workers=2))
    two = time.perf_counter() - t
    assert n2 == n_claims, "two workers must give the same claims"
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    bare = bare_scan(res.gazetteer, docs)
    print(f"{len(docs)} documents, {mb:.1f} MB")
    print(f"bare Aho-Corasick scan: {mb / bare:.2f} MB/s; ours / bare = {bare / full:.3f}")
    print(f"two workers (wall):   {mb / two:.2f} MB/s, scaling {full_wall / two:.2f}x over one worker's wall time")
    print(f"extraction + framing: {mb / full:.2f} MB/s, {len(docs) / full:.0f} docs/s, {n_claims} claims ({mb / full_wall:.2f} MB/s wall)")
    print(f"framing alone:        {mb / framing:.2f} MB/s, {n_flags} flags")
    print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
