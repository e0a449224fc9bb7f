"""Alembic migrations: new ledgers start at head; older ledgers are upgraded in place, data kept."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from frontwatch.ledger.store import Store, downgrade, migrate


def test_new_ledger_is_at_head(tmp_path):
    store = Store.open(str(tmp_path / "new.db"))
    assert store.revision() == "0002"
    assert "author" in {c["name"] for c in inspect(store.engine).get_columns("documents")}


def test_ledger_from_before_migrations_is_stamped_and_upgraded(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    migrate(engine, "0001")
    with engine.begin() as conn:
        # as a ledger written by create_all before Alembic was used: tables, no version row
        conn.execute(text("drop table alembic_version"))
        conn.execute(
            text("insert into documents (doc_key, content_hash, text, ingested_at) values ('k', 'h', 'старий текст', '2024-01-01 00:00:00')")
        )
    engine.dispose()
    store = Store.open(url)
    assert store.revision() == "0002"
    with store.engine.connect() as conn:
        assert conn.execute(text("select text, author from documents")).one() == ("старий текст", None)


def test_downgrade_and_upgrade_round_trip(tmp_path):
    store = Store.open(str(tmp_path / "rt.db"))
    downgrade(store.engine, "0001")
    assert "author" not in {c["name"] for c in inspect(store.engine).get_columns("documents")}
    migrate(store.engine)
    assert store.revision() == "0002"
