"""Whose words a flag is: the author's, a quotation, or reported speech (FRAMING.md "voice")."""

from __future__ import annotations

import functools
import re

from frontwatch.model import Voice
from frontwatch.text.normalize import fold

# Opening and closing quotation marks; ' and ’ count only at a word edge (not Куп’янськ).
_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"', "‘": "’", "'": "'"}
_REPORTED = re.compile(
    r"(?<!\w)(?:said|says|claimed|claims|stated|announced|according to|told|reported|called|described|refers? to|"
    r"заяв\w+|сообщ\w+|по словам|по данным|говорится|назвал\w*|утвержда\w+|отметил\w*|"
    r"повідом\w+|за словами|за даними|йдеться|назвав\w*|стверджу\w+|зазначи\w+)(?!\w)"
)


@functools.lru_cache(maxsize=1)
def _claimants():  # noqa: ANN202
    from frontwatch.extraction.claimants import load_claimants

    return load_claimants()


def _inside_quotes(text: str, start: int, end: int, s0: int, s1: int) -> bool:
    """Is [start, end) inside a pair of quotation marks within the sentence (or the line)?"""
    line_start = text.rfind("\n", 0, start) + 1
    lo = min(s0, line_start)
    for i in range(start - 1, lo - 1, -1):
        ch = text[i]
        if ch in _PAIRS:
            if ch in "'‘" and i > 0 and text[i - 1].isalnum():
                continue  # an apostrophe inside a word
            close = _PAIRS[ch]
            j = text.find(close, end, max(s1, end) + 400)
            while j != -1 and close in "’'" and j + 1 < len(text) and text[j + 1].isalnum():
                j = text.find(close, j + 1, max(s1, end) + 400)
            if j != -1:
                return True
        if ch in "»”":
            return False
    return False


def voice_of(text: str, start: int, end: int, s0: int, s1: int) -> tuple[Voice, str | None]:
    """The voice of the words at [start, end) and the speaker when the sentence names one."""
    sentence = text[s0:s1]
    speaker = None
    hits = _claimants().find(sentence)
    if hits:
        speaker = hits[0].claimant.name
    starts_quoted = text[start] in _PAIRS or (start > 0 and text[start - 1] in "«“„\"‘")
    if starts_quoted or _inside_quotes(text, start, end, s0, s1):
        return Voice.QUOTED, speaker
    low = fold(sentence)
    if _REPORTED.search(low) or re.search(r"(?:russian|российск\w*|російськ\w*) (?:officials|authorities|чиновник\w*|посадов\w*)", low):
        if speaker is None and re.search(r"russian officials|russian authorities", low):
            speaker = "Russian officials"
        return Voice.ATTRIBUTED, speaker
    return Voice.AUTHOR, None
