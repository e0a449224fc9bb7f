"""The claimant registry (data/claimants.toml): who speaks, and for which side."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from frontwatch.errors import DataError
from frontwatch.model import ClaimantSide
from frontwatch.text.alternation import Alternation
from frontwatch.text.normalize import fold


@dataclass(frozen=True, slots=True)
class Claimant:
    name: str
    side: ClaimantSide


@dataclass(frozen=True, slots=True)
class ClaimantHit:
    start: int
    end: int
    claimant: Claimant


@dataclass(frozen=True)
class Claimants:
    entries: tuple[Claimant, ...]
    pattern: Alternation  # the aliases of entries[N] are group N
    outlets: tuple[tuple[re.Pattern[str], ClaimantSide], ...]

    def find(self, text: str) -> list[ClaimantHit]:
        low = fold(text)
        out = []
        for m, idx in self.pattern.finditer(low):
            out.append(ClaimantHit(m.start(), m.end(), self.entries[idx]))
        return out

    def outlet(self, source: str | None, doc_id: str = "") -> Claimant:
        """The outlet itself as claimant (its own voice), with the side it speaks for."""
        name = (source or "").strip()
        if name.lower().startswith("telegram:"):
            name = name.split(":", 1)[1].strip()
        if name.lower().startswith("rss:"):
            name = name.split(":", 1)[1].strip()
        key = fold(source or "") + " " + doc_id.lower()
        if "isw" in key:
            return Claimant("ISW", ClaimantSide.INDEPENDENT)
        registered = self.find(name) if name else []
        if registered and len(registered[0].claimant.name) > 4:
            return registered[0].claimant  # the source is itself a known claimant (a ministry's channel)
        for pattern, side in self.outlets:
            if pattern.search(key.strip()):
                return Claimant(name or "the author", side)
        return Claimant(name or "the author", ClaimantSide.INDEPENDENT)


def load_claimants() -> Claimants:
    path = resources.files("frontwatch.data").joinpath("claimants.toml")
    try:
        doc = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"claimants.toml: {exc}") from exc
    entries: list[Claimant] = []
    groups: list[tuple[str, ...]] = []
    for e in doc.get("claimant", ()):
        try:
            c = Claimant(e["name"], ClaimantSide(e["side"]))
        except (KeyError, ValueError) as exc:
            raise DataError(f"claimants.toml: {e.get('name')!r}: {exc}") from exc
        groups.append(tuple(e["aliases"]))
        entries.append(c)
    pattern = Alternation.build(groups)
    outlets = tuple((re.compile(o["match"], re.IGNORECASE), ClaimantSide(o["side"])) for o in doc.get("outlet", ()))
    return Claimants(tuple(entries), pattern, outlets)
