"""Scratch databases on the local PostgreSQL (127.0.0.1:5432, trust auth) for the benchmarks."""

from __future__ import annotations

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
