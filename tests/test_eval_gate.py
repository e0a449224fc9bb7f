"""Accuracy floors on the dev gold: a change that lowers them fails (STYLE.md §7).

Lowering a floor is an explicit edit of tests/eval_floors.json, with the gold's digest checked so
the floors always refer to the same gold. Skipped where ../shared is absent.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text())


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_eval_gate_claims(shared, res):
    from frontwatch.evaluate import evaluate
    from frontwatch.pipeline import process

    gold = shared / "eval" / "dev.jsonl"
    assert _digest(gold) == FLOORS["dev_sha256"], "the gold changed: re-measure and update eval_floors.json"
    report = evaluate(gold.read_text(encoding="utf-8").splitlines(), lambda d: process(d, res))
    o = report.overall
    assert o.f1 >= FLOORS["claims_f1"], o.f1
    assert o.place_ok / o.place_found >= FLOORS["place_accuracy"]


def test_eval_gate_places(shared, gaz):
    from frontwatch.gazetteer.evaluate import evaluate_places_file

    s = evaluate_places_file(shared / "eval" / "dev.jsonl", gaz)
    assert s.accuracy >= FLOORS["gazetteer_place_accuracy"] and s.coverage >= FLOORS["gazetteer_place_coverage"]


def test_eval_gate_framing(shared, res):
    from frontwatch.framing.evaluate import evaluate_framing

    gold = shared / "eval" / "framing_dev.jsonl"
    assert _digest(gold) == FLOORS["framing_dev_sha256"]
    s = evaluate_framing(gold.read_text(encoding="utf-8").splitlines(), res.lexicon, res.gazetteer)
    assert s.precision >= FLOORS["framing_precision"] and s.recall >= FLOORS["framing_recall"]
    assert s.voice_ok / s.tp >= FLOORS["framing_voice_accuracy"]
