"""Character-level normalisation that keeps offsets: every function maps one char to one char.

Place names and trigger words are matched on a *folded* copy of the text of the same length, so a
match's offsets are valid in the original string without an offset map. Folding runs on every
byte of every document, so it is written for speed: C-level ``str`` methods, no per-char Python.
"""

from __future__ import annotations

import functools
import re

# Apostrophes and quote-like marks used inside Ukrainian words (Куп’янськ, Куп'янськ, Купʼянськ).
APOSTROPHES = "'’ʼ`´‘ʹ′"
# (char, replacement) pairs applied after lower-casing; each is skipped unless present.
_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    *((a, "'") for a in APOSTROPHES[1:]),
    ("ё", "е"),
    *((d, "-") for d in "\u2010\u2011\u2012\u2013\u2014"),
    # non-breaking and zero-width spaces: never glue or split a word silently
    *((s, " ") for s in "\u00a0\u202f\u2009\u200b\u200c\u200d\u2060\ufeff\u00ad"),
)
# Latin letters that look like Cyrillic ones, used (by accident or to dodge filters) inside
# Cyrillic words ("Урoжайнoе" with Latin o), and the reverse inside Latin words.
_LAT = "aceopxyiekmhtb"
_CYR = "асеорхуіекмнтв"
_TO_CYR = str.maketrans(_LAT, _CYR)
_TO_LAT = str.maketrans(_CYR, _LAT)
_CYR_LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюя"


# A seam: a Cyrillic letter next to a Latin homoglyph, in either order; matched at its first
# letter (the second only looked at), so seams that share a letter are all found.
_SEAM = re.compile(f"[{_CYR_LETTERS}](?=[{_LAT}])|[{_LAT}](?=[{_CYR_LETTERS}])")


def _fix_mixed_words(text: str) -> str:
    """Rewrite words that mix scripts into the script most of their letters use."""
    if text.isascii():
        return text  # no Cyrillic letter, no seam
    pieces: list[str] = []
    done = 0  # text[:done] is already in pieces
    n = len(text)
    for seam in _SEAM.finditer(text):
        end = seam.start() + 1  # the seam's second letter
        if end < done:
            continue
        start = end - 1
        while start > done and text[start - 1].isalnum():
            start -= 1
        stop = end + 1
        while stop < n and text[stop].isalnum():
            stop += 1
        word = text[start:stop]
        cyr = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
        lat = sum(1 for ch in word if "a" <= ch <= "z")
        pieces.append(text[done:start])
        pieces.append(word.translate(_TO_CYR if cyr >= lat else _TO_LAT))
        done = stop
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


# The last long text folded and its fold: the stages of the pipeline each fold the whole
# document (spotting, regions, claimants, claims, framing); the first pays, the rest reuse it.
_last: tuple[str, str] = ("", "")
_LONG = 500


def fold(text: str) -> str:
    """Lower-case, unify apostrophes/dashes/spaces/ё and fix homoglyphs in mixed-script words.

    The result has exactly the same length as ``text``.
    """
    global _last
    if len(text) < _LONG:
        return _fold_short(text)
    last = _last  # one read: another thread may replace it
    if last[0] is text:
        return last[1]
    out = _fold(text)
    _last = (text, out)
    return out


@functools.lru_cache(maxsize=4096)
def _fold_short(text: str) -> str:
    """Sentences and words: folded again and again by the stages (a claim's sentence by the
    triggers, the cues and the dates), and names recur across texts."""
    return _fold(text)


def _fold(text: str) -> str:
    out = text.lower()
    if len(out) != len(text):  # rare characters (İ) grow when lower-cased: keep alignment
        out = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for char, repl in _REPLACEMENTS:
        if char in out:
            out = out.replace(char, repl)
    return _fix_mixed_words(out)


def fold_name(name: str) -> str:
    """Fold a name for dictionary keys: ``fold`` plus collapsed whitespace."""
    return " ".join(fold(name).split())
