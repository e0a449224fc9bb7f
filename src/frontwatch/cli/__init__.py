"""Command-line interface: ``frontwatch COMMAND``. Each module registers its commands on ``app``."""

from __future__ import annotations

import importlib
import sys

from rich.console import Console

from frontwatch.cli.app import app
from frontwatch.errors import FrontwatchError

# Command modules, one per area; each registers on ``app`` when imported.
_MODULES = ("places", "extract", "framing", "ledger", "serve", "demo")
for _name in _MODULES:
    importlib.import_module(f"frontwatch.cli.{_name}")


def main() -> None:
    """Entry point: run the app, print a FrontwatchError as one line and exit non-zero."""
    try:
        app()
    except FrontwatchError as exc:
        Console(stderr=True).print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(2)
