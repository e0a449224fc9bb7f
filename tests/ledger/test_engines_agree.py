"""A sample of the real corpora ingested end to end into SQLite and into PostgreSQL gives the same
claims (issue 5); the PostgreSQL run also uses two worker processes, which must not change them."""

from __future__ import annotations

import json
from itertools import islice

import pytest

from frontwatch.ledger.store import Store
from frontwatch.service import Frontwatch

from .test_ledger_store import drop_pg, pg_url

WAR = ("освобо", "ВСУ", "направлени", "населенн", "штурм")


def sample(shared, tmp_path):
    """The first ISW reports and the first war-related Telegram posts (copied to tmp, never to the repo)."""
    isw = next((shared / "corpus" / "isw_2022").glob("*.jsonl"))
    tg = next((shared / "corpus" / "ru_telegram_2024").glob("*.jsonl"))
    a = tmp_path / "isw.jsonl"
    with open(isw, encoding="utf-8") as fh:
        a.write_text("".join(islice(fh, 1, 7)), encoding="utf-8")
    b = tmp_path / "tg.jsonl"
    with open(tg, encoding="utf-8") as fh:
        posts = [line for line in fh if any(w in line for w in WAR)]
    b.write_text("".join(posts[:120]), encoding="utf-8")
    return [str(a), str(b)]


def claim_rows(store: Store) -> list[tuple]:
    rows = store.claims(limit=100_000)
    return sorted(
        (
            tuple("" if v is None else str(v) for v in (r.place, r.surface, r.type, r.actor, r.claimant, r.claimant_side, r.stance, r.hedged, r.date, r.doc_date, r.direction, r.sentence, r.source))
        )
        for r in rows
    )


def test_sqlite_and_postgresql_ledgers_hold_the_same_claims(shared, tmp_path, res):
    inputs = sample(shared, tmp_path)
    lite = Frontwatch(Store.open(str(tmp_path / "l.db")), res)
    r1 = lite.ingest(inputs, mapping={"source": "channel"}, batch_size=25)
    name = pg_url()
    try:
        pg = Frontwatch(Store.open(f"postgresql://postgres@127.0.0.1:5432/{name}"), res)
        r2 = pg.ingest(inputs, mapping={"source": "channel"}, batch_size=25, workers=2)
        assert (r1.new, r1.echoes, r1.claims, r1.flags) == (r2.new, r2.echoes, r2.claims, r2.flags)
        a, b = claim_rows(lite.store), claim_rows(pg.store)
        assert len(a) >= 30, "the sample should hold claims"
        assert a == b
        assert lite.store.stats() == pg.store.stats()
        # ingesting again adds nothing on either engine
        assert pg.ingest(inputs, mapping={"source": "channel"}).new == 0
        pg.store.engine.dispose()
    finally:
        drop_pg(name)


def test_column_mapping_for_jsonl_and_csv(tmp_path, res):
    j = tmp_path / "feed.jsonl"
    j.write_text(
        json.dumps({"guid": "x1", "body": "Russian forces captured Kupyansk, the Russian MoD claimed on December 7.", "published": "2024-12-08", "channel": "Wire"}) + "\n",
        encoding="utf-8",
    )
    c = tmp_path / "feed.csv"
    c.write_text("guid,body,published\nx2,Сили оборони відбили атаку біля Куп'янська.,2024-12-09\n", encoding="utf-8")
    fw = Frontwatch(Store.open(":memory:"), res)
    report = fw.ingest([str(j), str(c)], mapping={"text": "body", "date": "published", "doc_id": "guid", "source": "channel"})
    assert (report.new, report.failed) == (2, 0)
    got = {(r.surface, r.doc_date.isoformat(), r.source) for r in fw.claims()}
    assert ("Kupyansk", "2024-12-08", "Wire") in got
    assert any(s.startswith("Куп") and d == "2024-12-09" for s, d, _ in got)


def test_bad_mapping_is_a_clear_error():
    from frontwatch.errors import InputError
    from frontwatch.io_jsonl import parse_mapping

    assert parse_mapping("text=body, date=published") == {"text": "body", "date": "published"}
    for bad in ("text", "colour=red", "=body"):
        with pytest.raises(InputError):
            parse_mapping(bad)
