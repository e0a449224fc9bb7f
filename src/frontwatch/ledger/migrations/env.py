"""Alembic environment: migrations run on the connection the Store hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from frontwatch.ledger.schema import metadata


def run(connection: object) -> None:
    # render_as_batch: SQLite cannot ALTER most things; batch mode rebuilds the table instead
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:  # `alembic -c alembic.ini …` from a checkout: connect to sqlalchemy.url
    from sqlalchemy import create_engine

    with create_engine(context.config.get_main_option("sqlalchemy.url")).begin() as conn:
        run(conn)
else:
    run(connection)
