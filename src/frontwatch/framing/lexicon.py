"""The framing lexicon (data/framing/{en,ru,uk}.toml), validated on load (FRAMING.md)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

from frontwatch.errors import DataError
from frontwatch.model import FlagCategory, FlagSide

LANGS = ("en", "ru", "uk")


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    lang: str
    lemmas: tuple[tuple[str, ...], ...]  # each a sequence of lemmas (one word or a phrase)
    category: FlagCategory
    side: FlagSide
    explanation: str
    neutral: str | None
    counterparts: tuple[str, ...]
    not_in: tuple[str, ...]  # sense exclusions: folded phrases that cancel a match nearby


@dataclass(frozen=True)
class Lexicon:
    terms: tuple[Term, ...]

    def for_lang(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.lang == lang)


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
                        lemmas=tuple(tuple(x.replace("ё", "е").lower().split()) for x in e["lemmas"]),
                        category=FlagCategory(e["category"]),
                        side=FlagSide(e["side"]),
                        explanation=e["explanation"],
                        neutral=e.get("neutral"),
                        counterparts=tuple(e.get("counterparts", ())),
                        not_in=tuple(x.lower() for x in e.get("not_in", ())),
                    )
                )
            except (KeyError, ValueError) as exc:
                raise DataError(f"{name}: {tid}: {exc}") from exc
    for t in terms:
        for c in t.counterparts:
            if c not in ids:
                raise DataError(f"framing/{t.lang}.toml: {t.id}: unknown counterpart {c}")
    return Lexicon(tuple(terms))
