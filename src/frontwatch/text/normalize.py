"""Character-level normalisation that keeps offsets: every function maps one char to one char.

Place names and trigger words are matched on a *folded* copy of the text of the same length, so a
match's offsets are valid in the original string without an offset map.
"""

from __future__ import annotations

import re

# Apostrophes and quote-like marks used inside Ukrainian words (Куп’янськ, Куп'янськ, Купʼянськ).
APOSTROPHES = "'’ʼ`´‘ʹ′"
_FOLD_TABLE = str.maketrans(
    {
        **{a: "'" for a in APOSTROPHES},
        "ё": "е",
        "Ё": "Е",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        # zero-width characters become spaces: never glue or split a word silently
        "\u200b": " ",
        "\u200c": " ",
        "\u200d": " ",
        "\u2060": " ",
        "\ufeff": " ",
        "\u00ad": " ",
    }
)
# Latin letters that look like Cyrillic ones, used (by accident or to dodge filters) inside
# Cyrillic words: "Урoжайнoе" with Latin o.
_HOMOGLYPHS_TO_CYR = str.maketrans("aceopxyiAEKMHOPCTXBI", "асеорхуіАЕКМНОРСТХВІ")
_CYR = re.compile(r"[\u0400-\u04ff]")
_MIXED_WORD = re.compile(r"\w*[\u0400-\u04ff]\w*[a-zA-Z]\w*|\w*[a-zA-Z]\w*[\u0400-\u04ff]\w*")


def _fix_homoglyphs(match: re.Match[str]) -> str:
    return match.group(0).translate(_HOMOGLYPHS_TO_CYR)


def fold(text: str) -> str:
    """Lower-case, unify apostrophes/dashes/ё and fix Latin homoglyphs in Cyrillic words.

    The result has exactly the same length as ``text``.
    """
    out = text.translate(_FOLD_TABLE)
    if _CYR.search(out):
        out = _MIXED_WORD.sub(_fix_homoglyphs, out)
    folded = out.lower()
    if len(folded) != len(text):  # rare characters (İ) grow when lower-cased: keep alignment
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in out)
    return folded


def fold_name(name: str) -> str:
    """Fold a name for dictionary keys: ``fold`` plus collapsed whitespace."""
    return " ".join(fold(name).split())
