"""Find lexicon terms in a text (placeholder replaced below)."""

from __future__ import annotations

from frontwatch.framing.lexicon import Lexicon
from frontwatch.model import Flag


def find_flags(text: str, lang: str, lexicon: Lexicon) -> list[Flag]:
    return []
