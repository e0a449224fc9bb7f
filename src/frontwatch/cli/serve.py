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
