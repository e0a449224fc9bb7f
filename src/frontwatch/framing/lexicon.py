"""The framing lexicon (data/framing/{en,ru,uk}.toml), validated on load (FRAMING.md)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

try:  # the regex parser's module moved in Python 3.11
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

from frontwatch.errors import DataError
from frontwatch.model import FlagCategory, FlagSide

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
    """Terms bucketed by the two characters their matches can start with.

    One alternation of hundreds of patterns makes the regex engine try every pattern at every
    position; here a cheap scan finds word starts whose first character begins some term, and
    only the terms that can start with the next two characters (in lexicon order, so the first
    listed term still wins, as in one alternation) are tried there. Terms whose beginnings
    cannot be worked out are tried everywhere.
    """

    starts: re.Pattern[str]
    buckets: dict[str, re.Pattern[str]]  # two-character prefix -> its terms
    short: dict[str, re.Pattern[str]]  # first character -> terms that may be one character long, or anywhere-terms
    default: re.Pattern[str] | None
    terms: tuple[Term, ...]

    @classmethod
    def build(cls, terms: tuple[Term, ...]) -> Matcher:
        prefixes: list[frozenset[str] | None] = []
        for t in terms:
            sets = [_prefixes(p) for p in t.patterns]
            prefixes.append(None if any(x is None for x in sets) else frozenset().union(*sets))  # type: ignore[arg-type]
        anywhere = [i for i, f in enumerate(prefixes) if f is None]
        known = [f for f in prefixes if f is not None]
        keys = sorted({k for f in known for k in f if len(k) == 2})
        firsts = sorted({k[0] for f in known for k in f})

        def compile_(idx: list[int]) -> re.Pattern[str] | None:
            if not idx:
                return None
            parts = [f"(?P<t{i}>" + "|".join(f"(?:{p})" for p in terms[i].patterns) + ")" for i in idx]
            return re.compile("(?:" + "|".join(parts) + r")(?![\w])")

        def members(key: str) -> list[int]:
            return [i for i, f in enumerate(prefixes) if f is None or key in f or key[0] in f]

        buckets = {k: p for k in keys if (p := compile_(members(k))) is not None}
        short = {c: p for c in firsts if (p := compile_(members(c))) is not None}
        start_class = "[" + "".join(re.escape(c) for c in firsts) + "]" if not anywhere else r"[\s\S]"
        return cls(re.compile(r"(?<![\w])" + start_class), buckets, short, compile_(anywhere), terms)

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], Term]]:
        """Non-overlapping matches, leftmost first, as one big alternation would give them."""
        pos = 0
        search = self.starts.search
        while True:
            s = search(text, pos)
            if s is None:
                return
            p = s.start()
            pat = self.buckets.get(text[p : p + 2]) or self.short.get(text[p], self.default)
            m = pat.match(text, p) if pat is not None else None
            if m is None:
                pos = p + 1
                continue
            yield m, self.terms[int(m.lastgroup[1:])] if m.lastgroup else self.terms[0]
            pos = max(m.end(), p + 1)


_MAX_PREFIXES = 4000


def _prefixes(pattern: str, k: int = 2) -> frozenset[str] | None:
    """The strings of up to ``k`` characters a match of ``pattern`` can begin with (shorter ones:
    the whole match can be that short); None when that cannot be told (a class like \\w, a
    negated set, too many combinations, or a pattern that can match the empty string)."""
    try:
        parsed = _sre_parser.parse(pattern)
    except re.error:
        return None
    got = _seq(list(parsed), k)
    if got is None or any(s == "" for s, _ in got):
        return None
    return frozenset(s for s, _ in got)


_Pre = set[tuple[str, bool]]  # (prefix, the match may go on after it)


def _seq(items: list, need: int) -> _Pre | None:
    current: _Pre = {("", True)}
    for item in items:
        nxt: _Pre = set()
        for s, more in current:
            if not more or len(s) >= need:
                nxt.add((s, False))
                continue
            sub = _item(item, need - len(s))
            if sub is None:
                return None
            nxt.update((s + t, m) for t, m in sub)
        if len(nxt) > _MAX_PREFIXES:
            return None
        current = nxt
    return current


def _item(item: tuple, need: int) -> _Pre | None:  # noqa: C901
    c = _sre_constants
    op, av = item
    if op is c.LITERAL:
        return {(chr(av), True)}
    if op is c.IN:
        chars: set[str] = set()
        for sop, sav in av:
            if sop is c.LITERAL:
                chars.add(chr(sav))
            elif sop is c.RANGE and sav[1] - sav[0] < 256:
                chars.update(chr(x) for x in range(sav[0], sav[1] + 1))
            else:
                return None
        return {(ch, True) for ch in chars}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {("", True)}
    if op is c.SUBPATTERN:
        return _seq(list(av[-1]), need)
    if op is c.BRANCH:
        out: _Pre = set()
        for alt in av[1]:
            got = _seq(list(alt), need)
            if got is None:
                return None
            out |= got
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op.name == "POSSESSIVE_REPEAT":
        lo, hi, sub = av
        once = _seq(list(sub), need)
        if once is None or any(t == "" for t, _ in once):
            return None  # a repeat of something that can be empty
        out = {("", True)} if lo == 0 else set()
        current: _Pre = {("", True)}
        for r in range(1, min(hi, need) + 1):
            nxt: _Pre = set()
            for s, more in current:
                if not more or len(s) >= need:
                    continue
                nxt.update((s + t, m) for t, m in _seq(list(sub), need - len(s)) or ())
            current = nxt
            if r >= lo:
                out |= current
        if lo > need:  # every match is longer than need: only the truncated prefixes count
            out |= current
        return out
    return None


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
