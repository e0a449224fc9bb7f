"""`python -m frontwatch` runs the CLI."""

from frontwatch.cli import main

main()
