"""Language identification for en/ru/uk: letter evidence first, lingua for the rest."""

from __future__ import annotations

import functools
import re
from typing import Any

_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_CYR = re.compile(r"[а-яА-Я]")
_LAT = re.compile(r"[a-zA-Z]")


@functools.lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.RUSSIAN, Language.UKRAINIAN).build()


def detect_language(text: str) -> str | None:
    """"en", "ru" or "uk"; None when the text has no letters of those languages."""
    sample = text[:5000]
    cyr = len(_CYR.findall(sample))
    lat = len(_LAT.findall(sample))
    if cyr == 0 and lat == 0:
        return None
    if lat > cyr * 2:
        return "en"
    uk, ru = len(_UK_ONLY.findall(sample)), len(_RU_ONLY.findall(sample))
    if uk and uk >= 3 * ru:
        return "uk"
    if ru and ru >= 3 * uk:
        return "ru"
    try:
        lang = _detector().detect_language_of(sample)
    except Exception:  # lingua is an optional accuracy boost; letters decided most cases already
        lang = None
    if lang is None:
        return "ru" if cyr > lat else "en"
    return {"ENGLISH": "en", "RUSSIAN": "ru", "UKRAINIAN": "uk"}.get(lang.name)
