"""Sentence splitting that survives abbreviations, quotes and Telegram formatting."""

from __future__ import annotations

import re

from frontwatch.model import Document, Span

# Abbreviations after which a full stop does not end a sentence (lower-case, without the dot).
_ABBREVIATIONS = frozenset(
    """
    gen lt col maj capt sgt adm mr mrs ms dr st no vs etc approx jan feb mar apr jun jul aug sep sept
    oct nov dec u.s e.g i.e fig km obl
    г гг им т.е т.к т.д т.п ст ул обл р-н пгт с пос нп н.п тыс млн млрд км вс ген полк подп мин
    див вул м смт с-ще тис млн млрд ім обл р-ну напр пор
    """.split()
)
_LINE = re.compile(r"[^\n]+")
# a sentence end: . ! ? … (with closing quotes/brackets) followed by space and a new sentence start
_END = re.compile(r"(?<=[.!?…])[\"'»”’)\]]*(?:\[\d+\])*\s+(?=[\"'«“„(\[]?[A-ZА-ЯЁІЇЄҐ0-9—–-])")
# the word before a full stop, read backwards from the stop (one match, not a try at every position)
_WORD_BEFORE_REVERSED = re.compile(r"\.([\w.]+)")


def _split_line(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    cur = start
    for m in _END.finditer(text, start, end):
        w = _WORD_BEFORE_REVERSED.match(text[cur : m.start()][::-1]) if text[m.start() - 1] == "." else None
        word = w.group(1)[::-1] if w else ""
        if w and (word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())):
            continue  # "Gen. Syrskyi", "с. Кучерівка", initials "О. Синєгубов"
        spans.append(Span(cur, m.start()))
        cur = m.end()
    spans.append(Span(cur, end))
    return spans


def sentence_spans(text: str) -> tuple[Span, ...]:
    """Sentences as offsets; every newline ends a sentence (headlines, Telegram lines, bullets)."""
    out: list[Span] = []
    for line in _LINE.finditer(text):
        for span in _split_line(text, line.start(), line.end()):
            s, e = span.start, span.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Span(s, e))
    return tuple(out)


def split_sentences(doc: Document) -> Document:
    """Fill ``doc.sentences``."""
    return doc.replace(sentences=sentence_spans(doc.text))
