"""The framing lexicon (data/framing/{en,ru,uk}.toml), validated on load (FRAMING.md)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from frontwatch.errors import DataError
from frontwatch.model import FlagCategory, FlagSide
from frontwatch.text.alternation import Alternation

LANGS = ("en", "ru", "uk")


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    lang: str
    patterns: tuple[str, ...]  # regular expressions over folded text; stems so every inflection counts
    category: FlagCategory
    side: FlagSide
    explanation: str
    neutral: str | None
    counterparts: tuple[str, ...]
    not_in: tuple[str, ...]  # sense exclusions: folded phrases that cancel a match nearby
    quoted_only: bool = False
    side_by_actor: bool = False  # the side is the actor's ("liberated" by Ukraine is UA vocabulary)
    context: str | None = None  # a regex the sentence must contain (war/territory sense of a common word)  # ordinary words ("release", "security") loaded only as scare quotes


@dataclass(frozen=True)
class Lexicon:
    terms: tuple[Term, ...]

    def for_lang(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.lang == lang)

    def matcher(self, lang: str) -> Matcher | None:
        """The language's terms compiled for one pass over a text (cached per lexicon and language)."""
        cached = _MATCHERS.get((id(self), lang))
        if cached is None:
            terms = self.for_lang(lang)
            if not terms:
                return None
            cached = Matcher.build(terms)
            _MATCHERS[(id(self), lang)] = cached
        return cached


@dataclass(frozen=True)
class Matcher:
    """A language's terms compiled for one fast pass over a text (see text/alternation.py)."""

    alternation: Alternation
    terms: tuple[Term, ...]

    @classmethod
    def build(cls, terms: tuple[Term, ...]) -> Matcher:
        return cls(Alternation.build([t.patterns for t in terms]), terms)

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], Term]]:
        """Non-overlapping matches, leftmost first, as one big alternation would give them."""
        for m, i in self.alternation.finditer(text):
            yield m, self.terms[i]


_MATCHERS: dict[tuple[int, str], Matcher] = {}


def load_lexicon() -> Lexicon:
    terms: list[Term] = []
    ids: set[str] = set()
    for lang in LANGS:
        name = f"framing/{lang}.toml"
        try:
            doc = tomllib.loads(resources.files("frontwatch.data").joinpath(name).read_text("utf-8"))
        except FileNotFoundError:
            continue
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise DataError(f"{name}: {exc}") from exc
        for e in doc.get("term", ()):
            tid = e.get("id")
            if not tid or tid in ids:
                raise DataError(f"{name}: missing or duplicate term id {tid!r}")
            ids.add(tid)
            try:
                terms.append(
                    Term(
                        id=tid,
                        lang=lang,
                        patterns=tuple(x.replace("ё", "е").lower() for x in e["patterns"]),
                        category=FlagCategory(e["category"]),
                        side=FlagSide(e["side"]),
                        explanation=e["explanation"],
                        neutral=e.get("neutral"),
                        counterparts=tuple(e.get("counterparts", ())),
                        not_in=tuple(x.lower() for x in e.get("not_in", ())),
                        quoted_only=bool(e.get("quoted_only", False)),
                        side_by_actor=bool(e.get("side_by_actor", False)),
                        context=e.get("context"),
                    )
                )
            except (KeyError, ValueError) as exc:
                raise DataError(f"{name}: {tid}: {exc}") from exc
    for t in terms:
        for c in t.counterparts:
            if c not in ids:
                raise DataError(f"framing/{t.lang}.toml: {t.id}: unknown counterpart {c}")
    return Lexicon(tuple(terms))
