"""CLI commands: framing, framing-report, eval-framing."""

from __future__ import annotations

import collections
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from frontwatch.cli.app import app
from frontwatch.errors import InputError
from frontwatch.io_jsonl import Skip, read_inputs

console = Console()
_STYLE = {"RU": "bold red", "UA": "bold blue", "none": "bold yellow"}


@app.command("framing")
def framing_cli(text_or_file: str = typer.Argument(..., help="a text, or a path to a text file")) -> None:
    """Highlight loaded words (both sides) with category, voice and neutral wording."""
    from frontwatch.framing.flag import flag_framing
    from frontwatch.model import Document
    from frontwatch.resources import default_resources
    from frontwatch.text.language import detect_language

    path = Path(text_or_file)
    text = path.read_text(encoding="utf-8") if len(text_or_file) < 4096 and path.is_file() else text_or_file
    from frontwatch.gazetteer.spot import spot_places

    res = default_resources()
    doc = Document("cli", text, lang=detect_language(text))
    doc = flag_framing(spot_places(doc, res.gazetteer), res.lexicon)
    shown = Text(text)
    for f in doc.flags:
        shown.stylize(_STYLE.get(f.associated_side.value, "bold"), f.start, f.end)
    console.print(shown)
    table = Table(title=f"{len(doc.flags)} flags")
    for col in ("surface", "term", "category", "side", "voice", "speaker", "neutral", "why"):
        table.add_column(col)
    for f in doc.flags:
        table.add_row(f.surface, f.term, f.category.value, f.associated_side.value, f.voice.value, f.speaker or "", f.neutral or "", f.explanation)
    console.print(table)


@app.command("framing-report")
def framing_report_cli(input: str = typer.Argument(..., help="JSONL of documents ({text, source?, lang?}) or a text file")) -> None:
    """Balance report: flag rates per associated side, per category and per source."""
    from frontwatch.framing.flag import flag_framing
    from frontwatch.resources import default_resources
    from frontwatch.text.language import detect_language

    lex = default_resources().lexicon
    by_side: collections.Counter[str] = collections.Counter()
    by_cat: collections.Counter[tuple[str, str]] = collections.Counter()
    by_source: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    chars_by_source: collections.Counter[str] = collections.Counter()
    chars = docs = 0
    for item in read_inputs(input):
        if isinstance(item, Skip):
            continue
        doc = flag_framing(item.replace(lang=item.lang or detect_language(item.text)), lex)
        docs += 1
        chars += len(item.text)
        src = item.source or "(no source)"
        chars_by_source[src] += len(item.text)
        for f in doc.flags:
            by_side[f.associated_side.value] += 1
            by_cat[(f.category.value, f.associated_side.value)] += 1
            by_source[src][f.associated_side.value] += 1
    per10k = lambda n, c: f"{10000 * n / c:.2f}" if c else "-"  # noqa: E731
    t = Table(title=f"Flags per 10,000 characters, {docs} documents")
    for col in ("side", "flags", "per 10k chars"):
        t.add_column(col)
    for side in ("RU", "UA", "none"):
        t.add_row(side, str(by_side[side]), per10k(by_side[side], chars))
    console.print(t)
    t = Table(title="By category")
    for col in ("category", "RU", "UA", "none"):
        t.add_column(col)
    for cat in ("euphemism", "dysphemism", "loaded_label", "justification", "sanitised_loss"):
        t.add_row(cat, *(str(by_cat[(cat, s)]) for s in ("RU", "UA", "none")))
    console.print(t)
    t = Table(title="By source")
    for col in ("source", "RU", "UA", "none", "per 10k chars"):
        t.add_column(col)
    for src, counts in sorted(by_source.items(), key=lambda kv: -sum(kv[1].values()))[:40]:
        t.add_row(src, str(counts["RU"]), str(counts["UA"]), str(counts["none"]), per10k(sum(counts.values()), chars_by_source[src]))
    console.print(t)


@app.command("eval-framing")
def eval_framing_cli(
    gold: Path = typer.Argument(..., help="gold framing JSONL, e.g. ../shared/eval/framing_dev.jsonl"),
    errors: bool = typer.Option(False, "--errors", help="list false positives and negatives"),
) -> None:
    """Precision and recall of framing flags, category and voice accuracy."""
    from frontwatch.framing.evaluate import evaluate_framing
    from frontwatch.resources import default_resources

    if not gold.exists():
        raise InputError(f"{gold}: no such file")
    with open(gold, encoding="utf-8") as fh:
        res = default_resources()
        score = evaluate_framing(fh, res.lexicon, res.gazetteer)
    if errors:
        for e in score.errors:
            console.print(e, highlight=False, markup=False)
    typer.echo(score.summary())
