"""Word tokens with offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word: letters/digits, with inner apostrophes or hyphens (Куп'янськ, Нью-Йорк, Kup'yansk).
WORD_RE = re.compile(r"[^\W_](?:[\w'’ʼ`-]*[^\W_])?")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, start, end)]
