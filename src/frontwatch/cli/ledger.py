"""CLI commands over the ledger: ingest, claims, place, export, failures, stats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from frontwatch.cli.app import app
from frontwatch.errors import ConfigError

console = Console()
DB = typer.Option(None, "--db", help="ledger URL: sqlite:///PATH or postgresql://USER@HOST/DB (default: $FRONTWATCH_DB or a file in your data dir)")


def _open(db: str | None):  # noqa: ANN202
    from frontwatch.service import Frontwatch

    return Frontwatch.open(db)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{value!r} is not a date; use YYYY-MM-DD") from exc


@app.command("ingest")
def ingest_cli(
    paths: list[str] = typer.Argument(..., help="files or folders (JSONL of {doc_id, text, ...} or plain text)"),
    source: str | None = typer.Option(None, "--source", help="source name for these documents"),
    mapping: str | None = typer.Option(None, "--map", help="JSONL/CSV columns of our fields, e.g. text=body,date=published,doc_id=guid"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="analysis processes (the gazetteer is shared)"),
    db: str | None = DB,
) -> None:
    """Analyse documents and store their claims and flags in the ledger (idempotent)."""
    from frontwatch.io_jsonl import parse_mapping

    fields = parse_mapping(mapping)
    fw = _open(db)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        report = fw.ingest(paths, source=source, workers=workers, mapping=fields, progress=lambda n: progress.advance(task, n))
    table = Table(title="Ingest")
    for col in ("new", "of which echoes", "duplicate", "failed", "claims", "flags"):
        table.add_column(col, justify="right")
    table.add_row(str(report.new), str(report.echoes), str(report.duplicates), str(report.failed), str(report.claims), str(report.flags))
    console.print(table)
    for skip in report.skipped[:20]:
        console.print(f"[yellow]failed[/] {skip.origin}: {skip.reason}", highlight=False)


@app.command("claims")
def claims_cli(
    place: str | None = typer.Option(None, "--place", help="place name or id"),
    since: str | None = typer.Option(None, "--since", help="YYYY-MM-DD"),
    until: str | None = typer.Option(None, "--until", help="YYYY-MM-DD"),
    type: str | None = typer.Option(None, "--type", help="captured, withdrew, advanced, repelled, attacked, fighting"),
    claimant_side: str | None = typer.Option(None, "--claimant-side", help="RU, UA or independent"),
    source: str | None = typer.Option(None, "--source"),
    limit: int = typer.Option(50, "--limit"),
    db: str | None = DB,
) -> None:
    """Query stored claims, newest first."""
    fw = _open(db)
    place_id = fw.place(place).id if place else None
    rows = fw.claims(place=place_id, since=_date(since), until=_date(until), type=type, claimant_side=claimant_side, source=source, limit=limit)
    table = Table(title=f"{len(rows)} claims")
    for col in ("date", "place", "type", "actor", "claimant", "side", "stance", "evidence"):
        table.add_column(col, overflow="fold")
    gaz = fw.res.gazetteer
    for c in rows:
        name = gaz.get(c.place).name_en if c.place and c.place in gaz else c.surface
        table.add_row(str(c.date or c.doc_date or "-"), name or "", c.type, c.actor or "-", c.claimant, c.claimant_side, c.stance, c.sentence)
    console.print(table)


@app.command("place")
def place_cli(name_or_id: str = typer.Argument(..., help="any spelling of a place name, or its id"), db: str | None = DB) -> None:
    """A place's timeline of claims with their evidence sentences."""
    fw = _open(db)
    p = fw.place(name_or_id)
    console.print(f"[bold]{p.name_en}[/] / {p.name_uk} / {p.name_ru} — {p.oblast} oblast, {p.raion} raion ({p.id})", highlight=False)
    table = Table()
    for col in ("date", "type", "actor", "claimant", "side", "stance", "evidence"):
        table.add_column(col, overflow="fold")
    for c in fw.timeline(p.id):
        table.add_row(str(c.date or c.doc_date or "-"), c.type, c.actor or "-", c.claimant, c.claimant_side, c.stance, c.sentence)
    console.print(table)
    clusters = fw.clusters(p.id)
    if clusters:
        ct = Table(title="Claim clusters (echoes = repeats of the same claim)")
        for col in ("from", "to", "type", "actor", "claimant side", "claims", "sources"):
            ct.add_column(col, overflow="fold")
        for k in clusters:
            ct.add_row(str(k.first), str(k.last), k.type, k.actor or "-", k.claimant_side, str(len(k.claims)), ", ".join(k.sources))
        console.print(ct)
    status = [(d, s) for d, s in fw.status(p.id) if s]
    if status:
        changes = [status[0]] + [b for a, b in zip(status, status[1:]) if a[1] != b[1]]
        console.print("status: " + "; ".join(f"{d}: {s}" for d, s in changes), highlight=False)


@app.command("export")
def export_cli(
    fmt: str = typer.Option("geojson", "--format", help="geojson, csv or parquet"),
    output: Path = typer.Option(..., "-o", "--output"),
    db: str | None = DB,
) -> None:
    """Export claims (GeoJSON points of claimed places, CSV with ISO dates, or Parquet)."""
    n = _open(db).export(fmt, output)
    console.print(f"{n} claims → {output}", highlight=False)


@app.command("failures")
def failures_cli(db: str | None = DB) -> None:
    """Documents that could not be read, with the reason."""
    table = Table()
    for col in ("when", "origin", "reason"):
        table.add_column(col, overflow="fold")
    for origin, reason, at in _open(db).store.failures():
        table.add_row(str(at), origin, reason)
    console.print(table)


@app.command("stats")
def stats_cli(db: str | None = DB) -> None:
    """Counts of documents, claims, flags and failures in the ledger."""
    console.print(_open(db).store.stats())


db_app = typer.Typer(help="The ledger's schema: Alembic revisions (every command upgrades on open).", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("revision")
def db_revision_cli(db: str | None = DB) -> None:
    """Print the ledger's schema revision (opening it upgrades it to the newest)."""
    console.print(_open(db).store.revision())


@db_app.command("downgrade")
def db_downgrade_cli(revision: str = typer.Argument(..., help="target revision, e.g. 0001"), db: str | None = DB) -> None:
    """Take the ledger's schema back to an older revision (to roll back a release)."""
    from frontwatch.ledger.store import downgrade

    store = _open(db).store
    downgrade(store.engine, revision)
    console.print(f"ledger at revision {store.revision()}")


reference_app = typer.Typer(help="Reference control maps (user-supplied): import, and compare claims with them.", no_args_is_help=True)
app.add_typer(reference_app, name="reference")


@reference_app.command("import")
def reference_import_cli(
    path: Path = typer.Argument(..., help="folder or .tar(.xz) of dated GeoJSON snapshots, JSONL(.xz) of snapshots, or a CSV(.gz) timeline"),
    dataset: str = typer.Option("reference", "--dataset", help="a name for this reference"),
    db: str | None = DB,
) -> None:
    """Import control status per place and date (only changes are stored; idempotent)."""
    n = _open(db).import_reference(path, dataset=dataset)
    console.print(f"{n} control changes imported into dataset {dataset!r}", highlight=False)


@reference_app.command("lag")
def reference_lag_cli(window: int = typer.Option(180, "--window", help="max days between claim and change"), db: str | None = DB) -> None:
    """Days from the reference change to each capture claim, per claimant side (negative: claim came first)."""
    table = Table(title="Claim-to-reference lag (days)")
    for col in ("claimant side", "claims matched", "unmatched", "median", "Q1", "Q3"):
        table.add_column(col, justify="right")
    fmt = lambda v: "-" if v is None else f"{v:.1f}"  # noqa: E731
    for row in _open(db).lag_report(window_days=window):
        table.add_row(row.claimant_side, str(row.n), str(row.unmatched), fmt(row.median), fmt(row.q1), fmt(row.q3))
    console.print(table)
