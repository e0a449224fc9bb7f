"""Framing flags: loaded words of both sides, with voice and neutral wording (FRAMING.md)."""

from __future__ import annotations

from frontwatch.framing.lexicon import Lexicon
from frontwatch.model import Document


def flag_framing(doc: Document, lexicon: Lexicon) -> Document:
    """Fill ``doc.flags``."""
    from frontwatch.framing.match import find_flags

    places = [(m.span.start, m.span.end) for m in doc.mentions if m.place]
    return doc.replace(flags=tuple(find_flags(doc.text, doc.lang or "en", lexicon, places, doc.sentences or None)))
