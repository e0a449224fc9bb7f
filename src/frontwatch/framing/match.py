"""Find lexicon terms in a text and decide their voice (FRAMING.md)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from frontwatch.framing.lexicon import Lexicon
from frontwatch.framing.voice import voice_of
from frontwatch.model import Flag, FlagSide, Span, Voice
from frontwatch.text.normalize import fold
from frontwatch.text.sentences import sentence_spans

_UA_ACTOR = re.compile(r"\b(?:ukrainian|ukraine's|ukraine|kyiv's|zsu|afu)\b")
_RU_ACTOR = re.compile(r"\b(?:russian|russia's|russia|moscow's|moscow|kremlin)\b")


def find_flags(
    text: str, lang: str, lexicon: Lexicon, place_spans: Sequence[tuple[int, int]] = (), sentences: Sequence[Span] | None = None
) -> list[Flag]:
    """Every lexicon term in ``text`` that no sense exclusion cancels, in text order.

    ``place_spans`` (settlement names found by the gazetteer) count as war context for terms whose
    common sense is harmless ("освободили задержанных" vs "освободили Кучеровку"). ``sentences``:
    ``sentence_spans(text)`` when the caller has it already.
    """
    matcher = lexicon.matcher(lang if lang in ("en", "ru", "uk") else "en")
    if matcher is None:
        return []
    folded = fold(text)
    flags: list[Flag] = []
    spans = None
    for m, term in matcher.finditer(folded):
        if spans is None:
            spans = sentences if sentences is not None else sentence_spans(text)
            starts = [s.start for s in spans]  # in text order, not overlapping
        i = bisect_right(starts, m.start()) - 1
        sent = spans[i] if i >= 0 and m.start() < spans[i].end else None
        s0, s1 = (sent.start, sent.end) if sent else (0, len(text))
        window = folded[s0:s1]
        if any(re.search(x, window) for x in term.not_in):
            continue
        if term.context and not re.search(term.context, window) and not any(s0 <= a < s1 for a, _ in place_spans):
            continue  # "освободили задержанных": the common sense of the word, not the war euphemism
        side = term.side
        if term.side_by_actor:
            # "liberated" is RU vocabulary for Russian captures, UA for Ukraine retaking (FRAMING.md)
            before = window[: m.start() - s0]
            ua = max((x.end() for x in _UA_ACTOR.finditer(before)), default=-1)
            ru = max((x.end() for x in _RU_ACTOR.finditer(before)), default=-1)
            if ua > ru:
                side = FlagSide.UA
        voice, speaker = voice_of(text, m.start(), m.end(), s0, s1)
        if term.quoted_only and voice != Voice.QUOTED:
            continue
        flags.append(
            Flag(
                start=m.start(),
                end=m.end(),
                surface=text[m.start() : m.end()],
                term=term.id,
                category=term.category,
                associated_side=side,
                voice=voice,
                speaker=speaker,
                explanation=term.explanation,
                neutral=term.neutral,
            )
        )
    return flags
