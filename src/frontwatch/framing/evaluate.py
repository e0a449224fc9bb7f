"""Score framing flags against gold (FRAMING.md; issue 4): a flag matches when its span overlaps a
gold flag's and the associated side agrees. Reports precision, recall, category and voice accuracy."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from frontwatch.framing.lexicon import Lexicon
from frontwatch.framing.match import find_flags
from frontwatch.text.language import detect_language


@dataclass
class FramingScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    category_ok: int = 0
    voice_ok: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        gold = self.tp + self.fn
        return self.tp / gold if gold else 0.0

    def summary(self) -> str:
        cat = self.category_ok / self.tp if self.tp else 0.0
        voice = self.voice_ok / self.tp if self.tp else 0.0
        return f"SUMMARY framing P={self.precision:.3f} R={self.recall:.3f} category_acc={cat:.3f} voice_acc={voice:.3f} tp={self.tp} fp={self.fp} fn={self.fn}"


def _gold_spans(text: str, flag: dict) -> tuple[int, int]:
    if "start" in flag and "end" in flag:
        return flag["start"], flag["end"]
    i = text.find(flag["surface"])
    return (i, i + len(flag["surface"])) if i >= 0 else (-1, -1)


def evaluate_framing(lines: Iterable[str], lexicon: Lexicon, gazetteer: object | None = None) -> FramingScore:
    """Score flags; with a gazetteer, place names count as war context (as in the pipeline)."""
    score = FramingScore()
    for line in lines:
        if not line.strip():
            continue
        rec = json.loads(line)
        text = rec["text"]
        lang = rec.get("lang") or detect_language(text) or "en"
        places: list[tuple[int, int]] = []
        if gazetteer is not None:
            from frontwatch.gazetteer.spot import spot_places
            from frontwatch.model import Document

            places = [(m.span.start, m.span.end) for m in spot_places(Document("e", text, lang=lang), gazetteer).mentions]  # type: ignore[arg-type]
        pred = find_flags(text, lang, lexicon, places)
        # gold flags carry surfaces, not offsets: the n-th flag with a surface is its n-th occurrence
        gold = []
        seen_count: dict[str, int] = {}
        for g in rec.get("flags", []):
            if "start" in g:
                gold.append((g["start"], g["end"], g))
                continue
            n = seen_count.get(g["surface"], 0)
            seen_count[g["surface"]] = n + 1
            pos = -1
            for _ in range(n + 1):
                pos = text.find(g["surface"], pos + 1)
                if pos < 0:
                    break
            gold.append((pos, pos + len(g["surface"]), g) if pos >= 0 else (*_gold_spans(text, g), g))
        used: set[int] = set()
        for p in pred:
            match = next(
                (i for i, (s, e, g) in enumerate(gold) if i not in used and s < p.end and p.start < e and g["associated_side"] == p.associated_side.value),
                None,
            )
            if match is None:  # the same surface at another occurrence (gold has no offsets)
                match = next(
                    (i for i, (s, e, g) in enumerate(gold) if i not in used and g["surface"].lower() == p.surface.lower() and g["associated_side"] == p.associated_side.value),
                    None,
                )
            if match is None:
                # overlapping a gold flag already counted (a second hit in one phrase) is not an error
                if any(s < p.end and p.start < e for s, e, _ in gold):
                    continue
                score.fp += 1
                score.errors.append(f"FP {rec['doc_id']} {p.surface!r} {p.term} {p.associated_side}")
                continue
            used.add(match)
            g = gold[match][2]
            score.tp += 1
            score.category_ok += p.category.value == g["category"]
            score.voice_ok += p.voice.value == g["voice"]
            if p.voice.value != g["voice"]:
                context = text[max(0, p.start - 60) : p.end + 30].replace("\n", " ")
                score.errors.append(f"VOICE {rec['doc_id']} {p.surface!r} got {p.voice.value} gold {g['voice']}: …{context}…")
        for i, (_, _, g) in enumerate(gold):
            if i not in used:
                score.fn += 1
                score.errors.append(f"FN {rec['doc_id']} {g['surface']!r} {g['category']} {g['associated_side']}")
    return score
