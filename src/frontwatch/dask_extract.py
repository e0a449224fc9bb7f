"""Extraction over an archive with Dask distributed (issue 7): the same pure per-document function
as `frontwatch extract`, mapped over partitions of JSONL or Parquet inputs, written as Parquet.

Each partition becomes two files, ``claims/part-NNNNN.parquet`` (one row per claim) and
``flags/part-NNNNN.parquet`` (one row per flag), written by the worker that analysed it, so no
results travel back through the scheduler. Workers load the gazetteer once each (module cache).

    frontwatch extract --dask tcp://scheduler:8786 'archive/*.jsonl' -o out/
    frontwatch extract --dask local:2 'archive/*.parquet' -o out/      # a LocalCluster here
"""

from __future__ import annotations

import glob
import json
from pathlib import Path
from typing import Any

from frontwatch.errors import ConfigError, InputError
from frontwatch.model import Document, claim_to_json, to_json

CLAIM_COLUMNS = (
    "doc_id", "place", "surface", "type", "actor", "claimant", "claimant_side", "stance", "hedged", "date", "direction",
    "sentence", "evidence_start", "evidence_end", "mention_start", "mention_end", "rule",
)
FLAG_COLUMNS = ("doc_id", "start", "end", "surface", "term", "category", "associated_side", "voice", "speaker", "explanation", "neutral")


def analyse_records(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """Claims rows, flag rows and the number of skipped records of one partition (pure)."""
    from frontwatch.io_jsonl import document_from_record
    from frontwatch.pipeline import process
    from frontwatch.resources import default_resources

    res = default_resources()  # loaded once per worker process, then cached
    claims: list[dict[str, Any]] = []
    flags: list[dict[str, Any]] = []
    skipped = 0
    for i, rec in enumerate(records):
        rec = {k: (None if _missing(v) else v) for k, v in rec.items()}
        if rec.get("date") is not None and not isinstance(rec["date"], str):
            rec["date"] = str(rec["date"])[:10]  # pandas Timestamps from Parquet
        try:
            doc: Document = document_from_record(rec, f"record {i}")
        except InputError:
            skipped += 1
            continue
        doc = process(doc, res)
        for c in doc.claims:
            j = claim_to_json(c)
            claims.append({
                "doc_id": doc.doc_id, **{k: j[k] for k in CLAIM_COLUMNS[1:12]},
                "evidence_start": j["evidence"][0], "evidence_end": j["evidence"][1],
                "mention_start": j["mention"][0], "mention_end": j["mention"][1], "rule": j["rule"],
            })
        for f in doc.flags:
            j = to_json(f)
            flags.append({"doc_id": doc.doc_id, **{k: (json.dumps(j[k]) if isinstance(j.get(k), (list, dict)) else j.get(k)) for k in FLAG_COLUMNS[1:]}})
    return claims, flags, skipped


def _missing(value: Any) -> bool:
    try:
        import pandas as pd

        return value is None or (not isinstance(value, (list, dict, str)) and bool(pd.isna(value)))
    except (TypeError, ValueError):
        return False


def process_partition(frame: Any, out_dir: str, index: int) -> dict[str, int]:
    """Analyse one partition (a pandas DataFrame) and write its two Parquet files."""
    import pandas as pd

    claims, flags, skipped = analyse_records(frame.to_dict("records"))
    out = Path(out_dir)
    for name, rows, cols in (("claims", claims, CLAIM_COLUMNS), ("flags", flags, FLAG_COLUMNS)):
        (out / name).mkdir(parents=True, exist_ok=True)
        table = pd.DataFrame(rows, columns=list(cols))
        if name == "claims":
            table["hedged"] = table["hedged"].astype(bool)
        table.to_parquet(out / name / f"part-{index:05d}.parquet", index=False)
    return {"documents": len(frame), "claims": len(claims), "flags": len(flags), "skipped": skipped}


def _frame(pattern: str, blocksize: str):  # noqa: ANN202
    import dask.dataframe as dd

    files = sorted(glob.glob(pattern))
    if not files:
        raise InputError(f"no input matches {pattern!r}")
    if all(f.endswith(".parquet") for f in files):
        return dd.read_parquet(files)
    if all(f.endswith((".jsonl", ".ndjson", ".json")) for f in files):
        # strings stay strings: doc ids and dates must not be parsed into numbers or timestamps
        return dd.read_json(files, lines=True, blocksize=blocksize, dtype=False)
    raise InputError(f"{pattern!r}: inputs must all be .jsonl or all .parquet")


def run(scheduler: str, pattern: str, out_dir: str, *, blocksize: str = "16MB") -> dict[str, int]:
    """Map the extraction over the partitions of the inputs on a Dask cluster; returns totals.

    ``scheduler``: a scheduler address (tcp://host:8786) or ``local[:N]`` for a LocalCluster of N
    worker processes on this machine.
    """
    try:
        from dask import delayed
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("Dask is not installed: pip install 'frontwatch[dask]'") from exc

    frame = _frame(pattern, blocksize)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    cluster = None
    if scheduler == "local" or scheduler.startswith("local:"):
        n = int(scheduler.partition(":")[2] or 2)
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout="15s")
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        tasks = [delayed(process_partition)(part, out_dir, i) for i, part in enumerate(frame.to_delayed())]
        results = client.compute(tasks, sync=True)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    totals = {"partitions": len(results)}
    for r in results:
        for k, v in r.items():
            totals[k] = totals.get(k, 0) + v
    return totals
