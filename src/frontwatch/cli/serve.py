"""CLI command: serve — the REST API (OpenAPI at /docs) over a ledger."""

from __future__ import annotations

import typer

from frontwatch.cli.app import app


@app.command("serve")
def serve_cli(
    db: str | None = typer.Option(None, "--db", help="ledger URL (default: $FRONTWATCH_DB or a file in your data dir)"),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    closed: bool = typer.Option(False, "--closed", help="reads need a bearer token too (default: $FRONTWATCH_CLOSED_READS)"),
    write_rate: int | None = typer.Option(None, "--write-rate", help="writes a minute per token (default 60; 0: no limit)"),
    extract_rate: int | None = typer.Option(None, "--extract-rate", help="POST /api/extract a minute per client (default 120)"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="server processes; analysis of one write then never stalls reads (rate limits count per process)"),
) -> None:
    """Serve the dashboard and the REST API (OpenAPI at /docs). Writes need a token (`tokens create`)."""
    import os

    import uvicorn

    from frontwatch.api.app import create_app
    from frontwatch.ledger.store import Store
    from frontwatch.service import Frontwatch

    if workers > 1:
        # each process builds its app from the environment (uvicorn starts them fresh)
        os.environ["FRONTWATCH_DB"] = Store.open(db).engine.url.render_as_string(hide_password=False)
        for name, value in (("FRONTWATCH_CLOSED_READS", "1" if closed else None), ("FRONTWATCH_WRITE_RATE", write_rate), ("FRONTWATCH_EXTRACT_RATE", extract_rate)):
            if value is not None:
                os.environ[name] = str(value)
        uvicorn.run("frontwatch.api.app:app_from_env", factory=True, workers=workers, host=host, port=port, log_level="info")
        return
    fw = Frontwatch.open(db)
    fw.warm_up()
    app_ = create_app(fw, closed_reads=closed or None, write_rate=write_rate, extract_rate=extract_rate)
    uvicorn.run(app_, host=host, port=port, log_level="info")


tokens_app = typer.Typer(help="API tokens for writes (stored hashed in the ledger).", no_args_is_help=True)
app.add_typer(tokens_app, name="tokens")


@tokens_app.command("create")
def tokens_create(name: str, db: str | None = typer.Option(None, "--db")) -> None:
    """Create (or replace) the token NAME and print it once."""
    from frontwatch.service import Frontwatch

    typer.echo(Frontwatch.open(db).store.create_token(name))


@tokens_app.command("list")
def tokens_list(db: str | None = typer.Option(None, "--db")) -> None:
    """Token names and when they were created (tokens themselves are not stored)."""
    from frontwatch.service import Frontwatch

    for name, created in Frontwatch.open(db).store.token_names():
        typer.echo(f"{name}\t{created}")


@tokens_app.command("revoke")
def tokens_revoke(name: str, db: str | None = typer.Option(None, "--db")) -> None:
    """Delete the token NAME."""
    from frontwatch.service import Frontwatch

    if not Frontwatch.open(db).store.revoke_token(name):
        from frontwatch.errors import NotFound

        raise NotFound(f"no token named {name!r}")
    typer.echo(f"revoked {name}")
