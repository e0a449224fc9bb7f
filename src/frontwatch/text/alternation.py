"""Many regular-expression alternatives matched as one ``(?<!\\w)(?:a|b|…)(?!\\w)`` would be,
but fast.

One alternation of hundreds of patterns makes Python's regex engine try every pattern at every
position. Here each pattern's possible two-character beginnings are worked out from its parsed
form; a cheap scan finds word starts whose first character begins some pattern, and only the
groups that can start with the next two characters are tried there, in their original order, so
the first listed group still wins, as in one alternation. Groups whose beginnings cannot be
worked out are tried everywhere. Used by the framing lexicon and the claimant registry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

try:  # the regex parser's module moved in Python 3.11
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]


@dataclass(frozen=True)
class Alternation:
    starts: re.Pattern[str]
    buckets: dict[str, re.Pattern[str]]  # two-character prefix -> the groups that can start so
    short: dict[str, re.Pattern[str]]  # first character -> groups that may be one character long
    default: re.Pattern[str] | None  # groups that may start anywhere

    @classmethod
    def build(cls, groups: Sequence[Sequence[str]]) -> Alternation:
        """``groups[i]``: the patterns of alternative i (matches report i)."""
        prefixes: list[frozenset[str] | None] = []
        for pats in groups:
            sets = [_prefixes(p) for p in pats]
            prefixes.append(None if any(x is None for x in sets) else frozenset().union(*sets))  # type: ignore[arg-type]
        anywhere = [i for i, f in enumerate(prefixes) if f is None]
        known = [f for f in prefixes if f is not None]
        keys = sorted({k for f in known for k in f if len(k) == 2})
        firsts = sorted({k[0] for f in known for k in f})

        def compile_(idx: list[int]) -> re.Pattern[str] | None:
            if not idx:
                return None
            parts = [f"(?P<g{i}>" + "|".join(f"(?:{p})" for p in groups[i]) + ")" for i in idx]
            return re.compile("(?:" + "|".join(parts) + r")(?![\w])")

        def members(key: str) -> list[int]:
            return [i for i, f in enumerate(prefixes) if f is None or key in f or key[0] in f]

        buckets = {k: p for k in keys if (p := compile_(members(k))) is not None}
        short = {c: p for c in firsts if (p := compile_(members(c))) is not None}
        if anywhere:
            return cls(re.compile(r"(?<![\w])[\s\S]"), buckets, short, compile_(anywhere))
        # word starts are found by the longest beginnings that can be worked out (up to four
        # characters, as a trie-shaped regex): most word starts begin no pattern and are skipped
        # in C instead of being tried one by one
        heads = {q for pats in groups for p in pats for q in _longest_prefixes(p)}
        return cls(re.compile(r"(?<![\w])" + _trie(heads)), buckets, short, None)

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], int]]:
        """Non-overlapping matches, leftmost first, each with the index of its group."""
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
            yield m, int(m.lastgroup[1:]) if m.lastgroup else 0
            pos = max(m.end(), p + 1)


_MAX_PREFIXES = 4000
_HEAD = 5  # characters of a pattern's beginning the start scan looks at


def _longest_prefixes(pattern: str) -> frozenset[str]:
    """The beginnings of ``pattern``, as long as can be worked out (up to ``_HEAD`` characters)."""
    for k in range(_HEAD, 1, -1):
        got = _prefixes(pattern, k)
        if got is not None:
            return got
    raise AssertionError(f"no beginnings for {pattern!r}")  # callers only pass patterns with some


def _trie(strings: set[str]) -> str:
    """A regex matching exactly where one of ``strings`` begins, branching one character at a time."""
    # a string that has a shorter one of the set as its beginning adds nothing
    kept = sorted(s for s in strings if not any(s[:i] in strings for i in range(1, len(s))))
    by_first: dict[str, set[str]] = {}
    for s in kept:
        by_first.setdefault(s[0], set()).add(s[1:])
    parts = []
    for first, rests in sorted(by_first.items()):
        if "" in rests:
            parts.append(re.escape(first))
        else:
            parts.append(re.escape(first) + _trie(rests))
    return "(?:" + "|".join(parts) + ")"


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


def longest_first(strings: Iterable[str]) -> str:
    """A regex for the literal ``strings`` that prefers the longest one that matches, as
    "|".join(sorted(map(re.escape, strings), key=len, reverse=True)) does, but shaped as a trie:
    at each position only the strings that begin with the text there are tried."""
    root: dict = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}  # a string ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")  # ending here is tried last: longer strings first
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root) if root else "(?!)"
