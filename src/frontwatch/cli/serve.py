"""CLI command: serve — the REST API (OpenAPI at /docs) over a ledger."""

from __future__ import annotations

import typer

from frontwatch.cli.app import app


@app.command("serve")
def serve_cli(
    db: str | None = typer.Option(None, "--db", help="ledger URL (default: $FRONTWATCH_DB or a file in your data dir)"),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """Serve the REST API (the dashboard is planned). Writes need FRONTWATCH_API_TOKEN."""
    import uvicorn

    from frontwatch.api.app import create_app
    from frontwatch.service import Frontwatch

    uvicorn.run(create_app(Frontwatch.open(db)), host=host, port=port, log_level="info")


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
