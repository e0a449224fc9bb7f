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
    r"повідом\w+|за словами|за даними|йдеться|назвав\w*|стверджу\w+|зазначи\w+|"
    r"confirmed|hinted|wrote|write|подтверди\w+|намекну\w+|пишут|пишет|появил\w* информаци\w*|"
    r"підтверди\w+|натякну\w+|пишуть|пише|з'явил\w* інформаці\w*)(?!\w)"
)


@functools.lru_cache(maxsize=1)
def _claimants():  # noqa: ANN202
    from frontwatch.extraction.claimants import load_claimants

    return load_claimants()


def _inside_quotes(text: str, start: int, end: int, s0: int, s1: int) -> bool:
    """Is [start, end) inside a pair of quotation marks within the sentence (or the line)?

    Paired marks (« », „ “, “ ”, ‘ ’) open and close; straight marks (" ') and a ” used on both
    sides (”liberation”) pair up by count, so a closed "Канал" earlier in the sentence does not
    put the rest of it in quotes. ' and ’ count only at a word edge (not Куп’янськ).
    """
    line_start = text.rfind("\n", 0, start) + 1
    lo = min(s0, line_start)
    limit = max(s1, end) + 400
    before = text[lo:start]
    for open_, close in (("«", "»"), ("„", "“"), ("“", "”"), ("‘", "’")):
        o, c = before.rfind(open_), before.rfind(close)
        if open_ == "“" and before.rfind("„") > c:
            continue  # „…“: the “ closes
        if o != -1 and o > c and _next_mark(text, close, end, limit) != -1:
            return True
    for mark in ('"', "”", "'"):
        if mark == "”" and "“" in before:
            continue
        if _count_marks(before, mark) % 2 == 1 and _next_mark(text, mark, end, limit) != -1:
            return True
    return False


def _edge(text: str, i: int) -> bool:
    """A quote mark at a word edge, not an apostrophe inside a word."""
    return not (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum())


def _count_marks(segment: str, mark: str) -> int:
    if mark not in "'’":
        return segment.count(mark)
    return sum(1 for i, ch in enumerate(segment) if ch == mark and _edge(segment, i))


def _next_mark(text: str, mark: str, pos: int, limit: int) -> int:
    j = text.find(mark, pos, limit)
    while j != -1 and mark in "'’" and not _edge(text, j):
        j = text.find(mark, j + 1, limit)
    return j


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
    cues = list(_REPORTED.finditer(low))
    rel = start - s0
    if cues and all(c.start() >= rel for c in cues) and not re.search(r"[,:;—–-]\s|\s[—–-]", low[rel : cues[0].start()]):
        # the words belong to the speaker's own phrase ("один з рупорів окупантів заявив"), not to
        # what is reported: the author's voice
        return Voice.AUTHOR, None
    if cues or re.search(r"(?:russian|российск\w*|російськ\w*) (?:officials|authorities|чиновник\w*|посадов\w*)", low):
        if speaker is None and re.search(r"russian officials|russian authorities", low):
            speaker = "Russian officials"
        return Voice.ATTRIBUTED, speaker
    return Voice.AUTHOR, None
