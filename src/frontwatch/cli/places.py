"""CLI commands: places resolve / show / eval."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from frontwatch.cli.app import app
from frontwatch.errors import InputError

places_app = typer.Typer(help="Look up places in the gazetteer.", no_args_is_help=True)
app.add_typer(places_app, name="places")
console = Console()


@places_app.command("resolve")
def resolve_cli(
    name: str = typer.Argument(..., help="a place name in any spelling or case form"),
    context: str = typer.Option("", "--context", "-c", help="text around the name (oblast, direction, other places)"),
) -> None:
    """Show the candidates for NAME, their scores and reasons, and the choice."""
    from frontwatch.gazetteer.index import load_gazetteer
    from frontwatch.gazetteer.resolve import resolve_places
    from frontwatch.model import Candidate, Document, Mention, Span

    gaz = load_gazetteer()
    cands = gaz.search(name, limit=25)
    if not cands:
        raise InputError(f"no place matches {name!r}; try another spelling")
    text = f"{name} {context}".strip()
    doc = Document("cli", text, mentions=(Mention(Span(0, len(name)), name, tuple(Candidate(c.place, 0.0, c.reasons) for c in cands)),))
    if context:
        from frontwatch.gazetteer.spot import spot_places

        extra = spot_places(Document("cli", text), gaz).mentions
        doc = doc.replace(mentions=doc.mentions + tuple(m for m in extra if m.span.start >= len(name)))
    doc = resolve_places(doc, gaz)
    m = doc.mentions[0]
    table = Table(title=f"Candidates for {name!r}")
    for col in ("", "id", "name", "oblast", "raion", "score", "reasons"):
        table.add_column(col)
    for c in m.candidates:
        p = gaz.get(c.place)
        table.add_row("→" if c.place == m.place else "", p.id, f"{p.name_uk} / {p.name_ru} / {p.name_en}", p.oblast or "", p.raion or "", f"{c.score:.2f}", "; ".join(c.reasons))
    console.print(table)
    console.print(f"choice: [bold]{m.place}[/] (confidence {m.confidence:.2f}): {m.reason}", highlight=False)


@places_app.command("show")
def show_cli(place_id: str = typer.Argument(..., help="a gazetteer id (UA… KATOTTG code, gn:…, RU-…)")) -> None:
    """Print one place with all its names."""
    from frontwatch.gazetteer.index import load_gazetteer

    gaz = load_gazetteer()
    if place_id not in gaz:
        raise InputError(f"no place with id {place_id!r}; find ids with `frontwatch places resolve NAME`")
    p = gaz.get(place_id)
    table = Table(show_header=False)
    for field in ("id", "country", "category", "name_uk", "name_ru", "name_en", "oblast", "raion", "hromada", "lat", "lon", "coord_approx", "population", "former_names"):
        table.add_row(field, str(getattr(p, field)))
    table.add_row("name forms", ", ".join(gaz.forms_of(place_id)))
    console.print(table)


@places_app.command("eval")
def eval_places_cli(
    gold: Path = typer.Argument(..., help="gold claims JSONL, e.g. ../shared/eval/dev.jsonl"),
    errors: bool = typer.Option(False, "--errors", help="list the missed and wrongly resolved mentions"),
) -> None:
    """Place coverage and accuracy on the gold claims' place mentions."""
    from frontwatch.gazetteer.evaluate import evaluate_places_file
    from frontwatch.gazetteer.index import load_gazetteer

    if not gold.exists():
        raise InputError(f"{gold}: no such file")
    s = evaluate_places_file(gold, load_gazetteer())
    if errors:
        for line in s.misses:
            typer.echo(f"MISS  {line}")
        for line in s.wrong:
            typer.echo(f"WRONG {line}")
    typer.echo(f"SUMMARY places gold={s.gold} found={s.found} correct={s.correct} coverage={s.coverage:.3f} accuracy={s.accuracy:.3f}")
