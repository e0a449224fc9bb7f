"""The whole flow for one document, top to bottom (DESIGN.md). Pure: no I/O, no global state."""

from __future__ import annotations

from frontwatch.extraction.claims import extract_claims
from frontwatch.framing.flag import flag_framing
from frontwatch.gazetteer.resolve import resolve_places
from frontwatch.gazetteer.spot import spot_places
from frontwatch.model import Document
from frontwatch.resources import Resources
from frontwatch.text.language import detect_language
from frontwatch.text.sentences import split_sentences


def process(doc: Document, res: Resources) -> Document:
    """Run every stage on ``doc`` and return the enriched copy."""
    if doc.lang is None:
        doc = doc.replace(lang=detect_language(doc.text))
    doc = split_sentences(doc)
    doc = spot_places(doc, res.gazetteer)
    doc = resolve_places(doc, res.gazetteer)
    doc = extract_claims(doc, res)
    return flag_framing(doc, res.lexicon)
