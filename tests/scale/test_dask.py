"""`frontwatch extract --dask`: the same claims as the single-process run, on a LocalCluster of
two worker processes (issue 7)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("distributed")

DOCS = [
    {"doc_id": "m1", "date": "2024-12-08", "lang": "ru", "text": "Подразделения группировки войск «Запад» освободили населённый пункт Кучеровка Харьковской области."},
    {"doc_id": "g1", "date": "2024-12-08", "lang": "uk", "text": "Сили оборони відбили чотири атаки окупантів поблизу Кучерівки та Петропавлівки."},
    {"doc_id": "i1", "date": "2024-12-07", "lang": "en", "text": "Geolocated footage indicates that Russian forces recently advanced in eastern Chasiv Yar."},
    {"doc_id": "i2", "date": "2024-12-07", "text": "Russian forces conducted unsuccessful assaults near Kupiansk and Vovchansk on December 6."},
    {"doc_id": "x", "date": None, "text": "Nothing to see here."},
    {"doc_id": "bad", "text": None},
]


def single_process_claims(docs):
    from frontwatch.io_jsonl import document_from_record
    from frontwatch.pipeline import process
    from frontwatch.resources import default_resources

    out = set()
    for rec in docs:
        if not isinstance(rec.get("text"), str):
            continue
        doc = process(document_from_record(rec, rec["doc_id"]), default_resources())
        out |= {(doc.doc_id, c.place, c.type.value, c.actor.value if c.actor else None, c.claimant_side.value) for c in doc.claims}
    return out


def test_dask_localcluster_gives_the_single_process_claims(tmp_path, res):
    import pandas as pd

    from frontwatch.dask_extract import run

    for part in range(3):  # three input files: several partitions
        with open(tmp_path / f"in-{part}.jsonl", "w", encoding="utf-8") as fh:
            for rec in DOCS:
                fh.write(json.dumps({**rec, "doc_id": f"{rec['doc_id']}-{part}"}, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    totals = run("local:2", str(tmp_path / "in-*.jsonl"), str(out))
    assert totals["partitions"] == 3 and totals["documents"] == 18 and totals["skipped"] == 3
    claims = pd.read_parquet(out / "claims")
    got = {(r.doc_id, r.place, r.type, r.actor, r.claimant_side) for r in claims.itertuples()}
    want = set()
    for part in range(3):
        want |= single_process_claims([{**d, "doc_id": f"{d['doc_id']}-{part}"} for d in DOCS])
    assert got == want and len(got) >= 12
    flags = pd.read_parquet(out / "flags")
    assert set(flags.columns) >= {"doc_id", "term", "associated_side", "voice"}
    # Parquet in, too, through the CLI
    pd.DataFrame([d for d in DOCS if d["text"]]).to_parquet(tmp_path / "in.parquet")
    from typer.testing import CliRunner

    from frontwatch.cli import app

    r = CliRunner().invoke(app, ["extract", "--dask", "local:2", str(tmp_path / "in.parquet"), "-o", str(tmp_path / "pq")])
    assert r.exit_code == 0, r.output
    assert len(pd.read_parquet(tmp_path / "pq" / "claims")) == len(single_process_claims(DOCS))
