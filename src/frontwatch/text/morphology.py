"""Lemmas for Russian and Ukrainian words (pymorphy3), cached per process.

The analysers load their dictionaries once per process (about 0.3 s and 20 MB each); results
are memoised because war reporting repeats a small vocabulary endlessly.
"""

from __future__ import annotations

import functools
import threading
from typing import Any

_lock = threading.Lock()
_analyzers: dict[str, Any] = {}


def analyzer(lang: str) -> Any:
    """The pymorphy3 MorphAnalyzer for ``lang`` ("ru" or "uk")."""
    if lang not in ("ru", "uk"):
        raise ValueError(f"no morphology for language {lang!r}; expected 'ru' or 'uk'")
    with _lock:
        if lang not in _analyzers:
            import pymorphy3

            _analyzers[lang] = pymorphy3.MorphAnalyzer(lang=lang)
        return _analyzers[lang]


@functools.lru_cache(maxsize=50_000)
def parses(word: str, lang: str) -> tuple[Any, ...]:
    """pymorphy3's readings of ``word`` exactly as given (lower-case it first), best first.

    Memoised: several stages analyse the same capitalised words and triggers, text after text.
    """
    return tuple(analyzer(lang).parse(word))


@functools.lru_cache(maxsize=500_000)
def lemma(word: str, lang: str) -> str:
    """The most likely lemma of ``word`` (lower-case). English words are only lower-cased."""
    w = word.lower().replace("ё", "е")
    if lang not in ("ru", "uk") or not w.replace("-", "").isalpha():
        return w
    parses = analyzer(lang).parse(w)
    return parses[0].normal_form.replace("ё", "е") if parses else w


@functools.lru_cache(maxsize=200_000)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """Every lemma pymorphy3 considers for ``word``: for matching where ambiguity must not hide a hit."""
    w = word.lower().replace("ё", "е")
    if lang not in ("ru", "uk") or not w.replace("-", "").isalpha():
        return frozenset((w,))
    return frozenset(p.normal_form.replace("ё", "е") for p in analyzer(lang).parse(w)) or frozenset((w,))
