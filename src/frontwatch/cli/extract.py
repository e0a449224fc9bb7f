"""CLI commands: extract, eval."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from frontwatch.cli.app import app
from frontwatch.errors import ConfigError, InputError
from frontwatch.io_jsonl import Skip, read_inputs
from frontwatch.model import claim_to_json, to_json

err = Console(stderr=True)


@app.command("extract")
def extract_cli(
    input: str = typer.Argument(..., help="JSONL of {doc_id, text, lang?, date?, source?}, a text file, or - for stdin; with --dask a glob of .jsonl or .parquet files"),
    output: Path | None = typer.Option(None, "-o", "--output", help="write JSONL here (default: stdout); with --dask an output folder"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="processes to use (output order is kept)"),
    dask: str | None = typer.Option(None, "--dask", help="Dask scheduler address (tcp://host:8786), or local:N for a LocalCluster; writes Parquet"),
) -> None:
    """Find claims and framing flags in each document; nothing is stored."""
    if dask:
        from frontwatch.dask_extract import run

        if output is None:
            raise ConfigError("--dask needs -o OUT_DIR (claims/ and flags/ Parquet files go there)")
        with err.status(f"extracting on Dask at {dask}"):
            totals = run(dask, input, str(output))
        err.print(", ".join(f"{v} {k}" for k, v in totals.items()) + f" → {output}", highlight=False)
        return
    from frontwatch.parallel import process_many
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    n_docs = n_claims = n_skipped = 0
    try:
        with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("extracting", total=None)

            def docs():  # noqa: ANN202
                nonlocal n_skipped
                for item in read_inputs(input):
                    if isinstance(item, Skip):
                        n_skipped += 1
                        err.print(f"[yellow]skipped[/] {item.origin}: {item.reason}", highlight=False)
                        continue
                    yield item

            for doc in process_many(docs(), workers=workers):
                record = {
                    "doc_id": doc.doc_id,
                    "lang": doc.lang,
                    "claims": [claim_to_json(c) for c in doc.claims],
                    "flags": [to_json(f) for f in doc.flags],
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                n_docs += 1
                n_claims += len(doc.claims)
                progress.advance(task)
    finally:
        if output:
            out.close()
    err.print(f"{n_docs} documents, {n_claims} claims, {n_skipped} skipped", highlight=False)


@app.command("eval")
def eval_cli(
    gold: Path = typer.Argument(..., help="gold JSONL (CLAIMS.md format), e.g. ../shared/eval/dev.jsonl"),
    errors: bool = typer.Option(False, "--errors", help="list false positives and negatives"),
) -> None:
    """Score extraction against gold claims: P/R/F1 per source kind, language and overall."""
    from frontwatch.evaluate import evaluate, summary_line
    from frontwatch.pipeline import process
    from frontwatch.resources import default_resources

    if not gold.exists():
        raise InputError(f"{gold}: no such file")
    res = default_resources()
    lines = gold.read_text(encoding="utf-8").splitlines()
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("evaluating", total=len(lines))
        report = evaluate(lines, lambda d: process(d, res), collect_errors=errors, progress=lambda: progress.advance(task))
    console = Console()
    table = Table(title=f"Claims against {gold.name}")
    for col in ("group", "P", "R", "F1", "tp", "fp", "fn", "place acc", "side acc", "stance acc", "date acc"):
        table.add_column(col, justify="right" if col != "group" else "left")

    def row(name: str, t) -> None:  # noqa: ANN001
        table.add_row(
            name, f"{t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}", str(t.tp), str(t.fp), str(t.fn),
            f"{t.place_ok / t.place_found:.3f}" if t.place_found else "-",
            f"{t.side_ok / t.tp:.3f}" if t.tp else "-", f"{t.stance_ok / t.tp:.3f}" if t.tp else "-",
            f"{t.date_ok / t.tp:.3f}" if t.tp else "-",
        )  # fmt: skip

    for k, t in sorted(report.by_kind.items()):
        row(f"source: {k}", t)
    for k, t in sorted(report.by_lang.items()):
        row(f"lang: {k}", t)
    row("overall", report.overall)
    console.print(table)
    if errors:
        for e in report.errors:
            console.print(e, highlight=False, markup=False)
    typer.echo(summary_line(report))
