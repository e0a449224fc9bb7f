"""Place accuracy on gold claims: was the gold surface spotted, and resolved to the gold id?"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.gazetteer.index import Gazetteer
from frontwatch.gazetteer.resolve import resolve_places
from frontwatch.gazetteer.spot import spot_places
from frontwatch.model import Document


@dataclass
class PlaceScore:
    gold: int = 0
    found: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.found if self.found else 0.0


def evaluate_places(gold_lines: Iterable[str], gaz: Gazetteer) -> PlaceScore:
    score = PlaceScore()
    for line in gold_lines:
        if not line.strip():
            continue
        rec = json.loads(line)
        doc = Document(doc_id=rec["doc_id"], text=rec["text"], lang=rec.get("lang"))
        doc = resolve_places(spot_places(doc, gaz), gaz)
        seen: set[tuple[str, str]] = set()
        for claim in rec.get("claims", ()):
            if not claim.get("place") or (claim["surface"], claim["place"]) in seen:
                continue
            seen.add((claim["surface"], claim["place"]))
            score.gold += 1
            hits = [m for m in doc.mentions if m.surface == claim["surface"] or claim["surface"] in m.surface]
            if not hits:
                score.misses.append(f"{rec['doc_id']}: {claim['surface']!r} ({claim['place']})")
                continue
            score.found += 1
            if any(m.place == claim["place"] for m in hits):
                score.correct += 1
            else:
                got = hits[0]
                score.wrong.append(
                    f"{rec['doc_id']}: {claim['surface']!r} gold {claim['place']} got {got.place} "
                    f"({len(got.candidates)} cands; {got.reason})"
                )
    return score


def evaluate_places_file(path: Path, gaz: Gazetteer) -> PlaceScore:
    with open(path, encoding="utf-8") as fh:
        return evaluate_places(fh, gaz)
