"""Scratch databases on the local PostgreSQL (127.0.0.1:5432, trust auth) for the benchmarks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def pg_database(name: str) -> str | None:
    """A fresh, empty database ``name`` and its URL; None when no server answers."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql://postgres@127.0.0.1:5432/{name}"
    except Exception:  # noqa: BLE001 - any failure means: no PostgreSQL here, skip it
        return None


def drop_pg(url: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


@contextmanager
def scratch_ledger(engine: str, tmp: Path, name: str) -> Iterator[str | None]:
    """A fresh ledger URL for ``engine`` ("sqlite": a file in ``tmp``; "postgresql": a database
    dropped afterwards), or None when PostgreSQL is not there."""
    if engine == "sqlite":
        yield f"sqlite:///{tmp / (name + '.db')}"
        return
    url = pg_database(f"fw_{name}_{os.getpid()}")
    try:
        yield url
    finally:
        if url is not None:
            drop_pg(url)
