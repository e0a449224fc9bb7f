"""Property-based tests: no exceptions on arbitrary Unicode, offsets inside the text, determinism."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontwatch.model import Document
from frontwatch.pipeline import process

# Text built from war-report words, place names and arbitrary Unicode, so the rules actually fire.
WORDS = st.sampled_from(
    ["Russian", "forces", "captured", "repelled", "near", "Купянском", "освободили", "Кучерівки", "бої", "Kupiansk",
     "Вовчанськ", "«", "»", "'", "’", "—", "\u200b", ".", ",", "\n", "ВСУ", "окупанти", "відбили", "Avdiivka", "of", "east"]
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.one_of(WORDS, st.text(max_size=5)), max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, lang=st.sampled_from([None, "en", "ru", "uk"]))
def test_pipeline_never_raises_and_offsets_lie_inside(res, text, lang):
    doc = process(Document("p", text, lang=lang), res)
    for c in doc.claims:
        assert 0 <= c.evidence.start <= c.mention.start < c.mention.end <= c.evidence.end <= len(text)
        assert text[c.evidence.start : c.evidence.end] == c.sentence
        assert text[c.mention.start : c.mention.end] == c.surface
    for f in doc.flags:
        assert 0 <= f.start < f.end <= len(text) and text[f.start : f.end] == f.surface
    assert process(Document("p", text, lang=lang), res) == doc  # deterministic


@settings(max_examples=150, deadline=None)
@given(name=st.text(max_size=40))
def test_name_search_never_raises(gaz, name):
    for cand in gaz.search(name, limit=5):
        assert cand.place in gaz
