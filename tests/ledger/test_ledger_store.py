"""The ledger on SQLite and PostgreSQL: idempotent ingest, failures, queries, exports."""

from __future__ import annotations

import csv
import json
import os
import uuid

import pytest

from frontwatch.service import Frontwatch

DOCS = [
    {"doc_id": "a", "date": "2024-12-08", "source": "Telegram: Минобороны России", "text": "Подразделения группировки войск «Запад» освободили населённый пункт Кучеровка Харьковской области."},
    {"doc_id": "b", "date": "2024-12-09", "source": "Генштаб ЗСУ", "text": "Сили оборони відбили чотири атаки окупантів поблизу Кучерівки Харківської області."},
    {"doc_id": "c", "date": "2024-12-10", "source": "ISW", "text": "Russian forces conducted ground attacks near Vovchansk on December 9."},
]


def write_inputs(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in DOCS) + "\n{broken json\n", encoding="utf-8")
    return p


def pg_url():
    """A fresh database on the local PostgreSQL (skipped when absent, unless in CI)."""
    try:
        import psycopg

        name = f"fw_test_{uuid.uuid4().hex[:8]}"
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return name
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL on 127.0.0.1:5432 is not reachable: {exc}")


def drop_pg(name):
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def fw(request, tmp_path, res):
    if request.param == "sqlite":
        yield Frontwatch(__import__("frontwatch.ledger.store", fromlist=["Store"]).Store.open(str(tmp_path / "l.db")), res)
        return
    name = pg_url()
    from frontwatch.ledger.store import Store

    store = Store.open(f"postgresql://postgres@127.0.0.1:5432/{name}")
    yield Frontwatch(store, res)
    store.engine.dispose()
    drop_pg(name)


def test_ledger_ingest_is_idempotent_and_records_failures(fw, tmp_path):
    src = write_inputs(tmp_path)
    first = fw.ingest([str(src)])
    assert (first.new, first.duplicates, first.failed) == (3, 0, 1)
    second = fw.ingest([str(src)])
    assert (second.new, second.duplicates) == (0, 3)
    stats = fw.store.stats()
    assert stats["documents"] == 3 and stats["failures"] == 2
    assert "invalid JSON" in fw.store.failures()[0][1]


def test_ledger_claims_filters_and_timeline(fw, tmp_path):
    fw.ingest([str(write_inputs(tmp_path))])
    kuch = fw.place("Кучерівка")
    assert kuch.id == "UA63080130080014612"  # the namesake with claims wins
    timeline = fw.timeline(kuch.id)
    assert [(c.type, c.actor) for c in timeline] == [("captured", "RU"), ("repelled", "UA")]
    assert all(c.sentence for c in timeline)
    assert [c.type for c in fw.claims(type="attacked")] == ["attacked"]
    assert {c.claimant_side for c in fw.claims(claimant_side="RU")} == {"RU"}
    import datetime as dt

    assert len(fw.claims(since=dt.date(2024, 12, 9))) == 2


def test_ledger_exports_open_in_standard_tools(fw, tmp_path):
    fw.ingest([str(write_inputs(tmp_path))])
    gj, cs, pq = tmp_path / "c.geojson", tmp_path / "c.csv", tmp_path / "c.parquet"
    assert fw.export("geojson", gj) == 3
    import geopandas

    frame = geopandas.read_file(gj)
    assert len(frame) == 3 and frame.geometry.iloc[0].geom_type == "Point"
    fw.export("csv", cs)
    rows = list(csv.DictReader(cs.open(encoding="utf-8")))
    assert rows and rows[0]["doc_date"].count("-") == 2  # ISO dates
    fw.export("parquet", pq)
    import duckdb

    assert duckdb.sql(f"select count(*) from '{pq}'").fetchall()[0][0] == 3


def test_ledger_sqlite_integrity_after_ingest(tmp_path, res):
    from frontwatch.ledger.store import Store

    fw = Frontwatch(Store.open(str(tmp_path / "x.db")), res)
    fw.ingest([str(write_inputs(tmp_path))])
    assert fw.store.integrity_ok()


def test_ledger_near_duplicates_are_echoes(tmp_path, res):
    from frontwatch.ledger.store import Store

    fw = Frontwatch(Store.open(str(tmp_path / "e.db")), res)
    bulletin = (
        "Подразделения группировки войск «Запад» в результате активных действий освободили населённый пункт "
        "Кучеровка Харьковской области и нанесли поражение живой силе противника в районах Синьковки и Петропавловки."
    )
    rows = [
        {"doc_id": "mod", "source": "Минобороны", "text": bulletin},
        {"doc_id": "ch1", "source": "Channel 1", "text": "⚡️Срочно\n" + bulletin + "\nПодписаться: t.me/x"},
        {"doc_id": "other", "source": "Channel 2", "text": "Совсем другая новость о погоде в Москве, снегопад и пробки на МКАД продолжаются весь день сегодня."},
    ]
    src = tmp_path / "e.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    report = fw.ingest([str(src)])
    assert report.new == 3 and report.echoes == 1
    assert fw.store.stats()["echoes"] == 1
