"""CLI command: demo — run the whole pipeline on the sample texts shipped in the package."""

from __future__ import annotations

import json
from importlib import resources

import typer
from rich.console import Console
from rich.table import Table

from frontwatch.cli.app import app
from frontwatch.io_jsonl import document_from_record

console = Console()


@app.command("demo")
def demo_cli(
    db: str | None = typer.Option(None, "--db", help="where to build the demo ledger (default: demo.db in your data dir, rebuilt each run)"),
    serve: bool = typer.Option(True, "--serve/--no-serve", help="serve the dashboard after building (Ctrl-C stops it)"),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """Resolve places, extract claims and flag framing in the bundled sample texts (EN/RU/UK),
    and build a demo ledger from them."""
    from frontwatch.pipeline import process
    from frontwatch.resources import default_resources

    res = default_resources()
    lines = resources.files("frontwatch.data").joinpath("samples").joinpath("samples.jsonl").read_text("utf-8").splitlines()
    docs = [process(document_from_record(json.loads(line), f"samples.jsonl#{i}"), res) for i, line in enumerate(lines, 1) if line.strip()]
    claims = Table(title=f"Claims in {len(docs)} sample texts")
    for col in ("doc", "place", "surface", "type", "actor", "claimant", "side", "stance", "date", "direction", "evidence"):
        claims.add_column(col, overflow="fold")
    flags = Table(title="Framing flags")
    for col in ("doc", "surface", "category", "side", "voice", "neutral"):
        flags.add_column(col, overflow="fold")
    for doc in docs:
        for c in doc.claims:
            p = res.gazetteer.get(c.place) if c.place else None
            where = f"{p.name_en} ({p.oblast})" if p else "?"
            claims.add_row(doc.doc_id, where, c.surface, c.type.value, c.actor.value if c.actor else "-", c.claimant, c.claimant_side.value, c.stance.value, str(c.date or "-"), c.direction or "-", c.sentence)
        for f in doc.flags:
            flags.add_row(doc.doc_id, f.surface, f.category.value, f.associated_side.value, f.voice.value, f.neutral or "")
    console.print(claims)
    console.print(flags)
    n_claims = sum(len(d.claims) for d in docs)
    n_flags = sum(len(d.flags) for d in docs)
    console.print(f"{len(docs)} documents, {n_claims} claims, {n_flags} framing flags.", highlight=False)

    from pathlib import Path

    import platformdirs

    from frontwatch.ledger.store import Store
    from frontwatch.service import Frontwatch

    if db is None:
        path = Path(platformdirs.user_data_dir("frontwatch")) / "demo.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        db = str(path)
    fw = Frontwatch(Store.open(db), res)
    samples = resources.files("frontwatch.data").joinpath("samples").joinpath("samples.jsonl")
    with resources.as_file(samples) as sample_path:
        report = fw.ingest([str(sample_path)])
    console.print(f"demo ledger: {db} ({report.new} documents, {report.claims} claims). Try:", highlight=False)
    console.print(f"  frontwatch place Kupiansk --db {db}\n  frontwatch claims --claimant-side RU --db {db}", highlight=False)
    if serve:
        import uvicorn

        from frontwatch.api.app import create_app

        fw.warm_up()
        console.print(f"[bold]Dashboard: http://127.0.0.1:{port}[/]  (API docs at /docs; Ctrl-C to stop)")
        uvicorn.run(create_app(fw), host="127.0.0.1", port=port, log_level="warning")
