"""The Typer application that every command module registers on (STYLE.md §5: thin shells)."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="frontwatch",
    help="Frontwatch: a ledger of territorial-control claims from war reporting (EN, RU, UK).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.command()
def version() -> None:
    """Print the Frontwatch version."""
    from frontwatch import __version__

    typer.echo(__version__)


@app.callback()
def _root() -> None:
    """Frontwatch: a ledger of territorial-control claims from war reporting (EN, RU, UK)."""
