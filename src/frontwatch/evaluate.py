"""Score extraction against gold claims exactly as CLAIMS.md "Scoring" says.

A predicted claim matches a gold claim of the same document when place, type and actor are equal
(for ``fighting``: place and type). Gold claims with a null place are left out, and so are
predictions on the same surface. Micro-averaged precision/recall/F1 per source kind, per
language and overall, with place accuracy and claimant-side/stance/date accuracy of matches.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from frontwatch.model import Claim, Document


def source_kind(source: str | None, doc_id: str = "") -> str:
    """ISW / Telegram / RSS / seed / news: the kinds the issue reports per."""
    s = (source or "").lower()
    if "isw" in s or doc_id.startswith("isw"):
        return "ISW"
    if s.startswith("telegram") or doc_id.startswith("tg_"):
        return "Telegram"
    if s.startswith("rss") or doc_id.startswith("rss"):
        return "RSS"
    if "seed" in s:
        return "seed"
    return "news"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    side_ok: int = 0
    stance_ok: int = 0
    date_ok: int = 0
    place_found: int = 0
    place_ok: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        for f in self.__dataclass_fields__:
            setattr(self, f, getattr(self, f) + getattr(other, f))


@dataclass
class EvalReport:
    overall: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_lang: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    errors: list[str] = field(default_factory=list)
    docs: int = 0


def _key(place: str | None, ctype: str, actor: str | None) -> tuple[str | None, str, str | None]:
    return (place, ctype, None if ctype == "fighting" else actor)


def _score_doc(gold: list[dict[str, Any]], pred: tuple[Claim, ...], doc: Document, errors: list[str] | None) -> Tally:
    t = Tally()
    null_surfaces = {g["surface"] for g in gold if not g.get("place")}
    gold = [g for g in gold if g.get("place")]
    preds = [c for c in pred if c.place and c.surface not in null_surfaces]
    gold_keys: dict[tuple, dict[str, Any]] = {}
    for g in gold:
        gold_keys.setdefault(_key(g["place"], g["type"], g.get("actor")), g)
    pred_keys: dict[tuple, Claim] = {}
    for c in preds:
        pred_keys.setdefault(_key(c.place, c.type.value, c.actor.value if c.actor else None), c)
    for k, g in gold_keys.items():
        c = pred_keys.get(k)
        if c is None:
            t.fn += 1
            if errors is not None:
                errors.append(f"FN {doc.doc_id} [{g['type']}/{g.get('actor')}] {g['surface']} ({g['place']}) :: {g.get('sentence', '')[:200]}")
            continue
        t.tp += 1
        got = {
            "SIDE": (c.claimant_side.value, g.get("claimant_side")),
            "STANCE": (c.stance.value, g.get("stance")),
            "DATE": (c.date.isoformat() if c.date else None, g.get("date")),
        }
        t.side_ok += got["SIDE"][0] == got["SIDE"][1]
        t.stance_ok += got["STANCE"][0] == got["STANCE"][1]
        t.date_ok += got["DATE"][0] == got["DATE"][1]
        if errors is not None:
            # attribute errors of matched claims: listed after FP/FN, prefixed by the attribute
            errors.extend(
                f"{what} {doc.doc_id} {g['surface']} gold {want} got {have} (claimant {c.claimant!r}) :: {g.get('sentence', '')[:160]}"
                for what, (have, want) in got.items()
                if have != want
            )
    for k, c in pred_keys.items():
        if k not in gold_keys:
            t.fp += 1
            if errors is not None:
                errors.append(f"FP {doc.doc_id} [{c.type.value}/{c.actor}] {c.surface} ({c.place}) :: {c.sentence[:200]}")
    # place accuracy: of gold mentions found, the share resolved to the gold id
    for g in gold:
        ms = [m for m in doc.mentions if m.surface == g["surface"]]
        if ms:
            t.place_found += 1
            t.place_ok += any(m.place == g["place"] for m in ms)
    return t


def evaluate(
    gold_lines: Iterable[str],
    run: Callable[[Document], Document],
    *,
    collect_errors: bool = False,
    progress: Callable[[], None] | None = None,
) -> EvalReport:
    """Run ``run`` on every gold document and score it."""
    report = EvalReport()
    for line in gold_lines:
        if not line.strip():
            continue
        rec = json.loads(line)
        date = rec.get("date")
        pub = None
        if isinstance(date, str) and len(date) >= 10:
            try:
                pub = dt.date.fromisoformat(date[:10])
            except ValueError:
                pub = None
        doc = Document(doc_id=rec["doc_id"], text=rec["text"], lang=rec.get("lang"), date=pub, source=rec.get("source"))
        out = run(doc)
        tally = _score_doc(rec.get("claims", []), out.claims, out, report.errors if collect_errors else None)
        report.docs += 1
        report.overall.add(tally)
        report.by_kind[source_kind(rec.get("source"), rec["doc_id"])].add(tally)
        report.by_lang[out.lang or rec.get("lang") or "?"].add(tally)
        if progress:
            progress()
    return report


def summary_line(report: EvalReport) -> str:
    o = report.overall
    pa = o.place_ok / o.place_found if o.place_found else 0.0
    return (
        f"SUMMARY claims P={o.precision:.3f} R={o.recall:.3f} F1={o.f1:.3f} place_acc={pa:.3f} "
        f"docs={report.docs} tp={o.tp} fp={o.fp} fn={o.fn}"
    )
