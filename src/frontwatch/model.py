"""The plain, frozen records that flow through the pipeline (DESIGN.md, CLAIMS.md, FRAMING.md).

Field names follow the gold format of CLAIMS.md and FRAMING.md, so ``to_json(claim)`` already has
the shape users and the evaluation expect. Every Span points into ``Document.text``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ClaimType(StrEnum):
    CAPTURED = "captured"
    WITHDREW = "withdrew"
    ADVANCED = "advanced"
    REPELLED = "repelled"
    ATTACKED = "attacked"
    FIGHTING = "fighting"


class Side(StrEnum):
    """A belligerent: the actor of a claim."""

    RU = "RU"
    UA = "UA"


class ClaimantSide(StrEnum):
    RU = "RU"
    UA = "UA"
    INDEPENDENT = "independent"


class Stance(StrEnum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    DENIED = "denied"


class FlagCategory(StrEnum):
    EUPHEMISM = "euphemism"
    DYSPHEMISM = "dysphemism"
    LOADED_LABEL = "loaded_label"
    JUSTIFICATION = "justification"
    SANITISED_LOSS = "sanitised_loss"


class FlagSide(StrEnum):
    """Whose vocabulary a framing term belongs to (not who wrote the text)."""

    RU = "RU"
    UA = "UA"
    NONE = "none"


class Voice(StrEnum):
    AUTHOR = "author"
    QUOTED = "quoted"
    ATTRIBUTED = "attributed"


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character offsets [start, end) into Document.text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Place:
    """A populated place of the gazetteer."""

    id: str  # KATOTTG "UA…" or an id of ru_border_places.csv ("gn:…", "RU-<postcode>-<name>")
    country: str  # "UA" or "RU"
    name_uk: str | None
    name_ru: str | None
    name_en: str | None  # the preferred Latin spelling
    category: str = ""  # KATOTTG category: M city, T/X urban-type/settlement, C village; "" for RU
    oblast: str | None = None
    raion: str | None = None
    hromada: str | None = None
    lat: float | None = None
    lon: float | None = None
    coord_approx: bool = False  # True when coordinates are a hromada/raion centroid
    population: int | None = None
    names_latin: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    front_km: float | None = None  # distance to the 2022–2023 front lines (KSE, MIT), a combat prior


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer place a mention may refer to, with the evidence for it."""

    place: str
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in the text; ``place`` is the chosen candidate (None if unresolved)."""

    span: Span
    surface: str
    candidates: tuple[Candidate, ...] = ()
    place: str | None = None
    confidence: float = 0.0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """A territorial-control claim; field names = the gold format of CLAIMS.md."""

    place: str | None
    surface: str
    type: ClaimType
    actor: Side | None
    claimant: str
    claimant_side: ClaimantSide
    stance: Stance
    hedged: bool
    date: dt.date | None
    direction: str | None
    sentence: str
    evidence: Span  # the sentence, as offsets into Document.text
    mention: Span  # the place name, as offsets into Document.text
    rule: str = ""  # the data entry that fired, e.g. "ru.captured.v1"
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Flag:
    """A framing flag (FRAMING.md)."""

    start: int
    end: int
    surface: str
    term: str
    category: FlagCategory
    associated_side: FlagSide
    voice: Voice
    speaker: str | None
    explanation: str
    neutral: str | None


@dataclass(frozen=True, slots=True)
class Document:
    """One text and everything the pipeline found in it. Stages return updated copies."""

    doc_id: str
    text: str
    lang: str | None = None
    date: dt.date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    flags: tuple[Flag, ...] = ()
    meta: tuple[tuple[str, str], ...] = field(default=())

    def replace(self, **changes: Any) -> Document:
        return dataclasses.replace(self, **changes)


def to_json(obj: Any) -> Any:
    """Turn records into JSON-ready values: dates as ISO strings, enums as their values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_json(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, StrEnum):
        return obj.value
    if isinstance(obj, (list, tuple)):
        return [to_json(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_json(v) for k, v in obj.items()}
    return obj


def claim_to_json(claim: Claim) -> dict[str, Any]:
    """A claim in the gold format of CLAIMS.md plus offsets and the rule that fired."""
    out: dict[str, Any] = to_json(claim)
    out["evidence"] = [claim.evidence.start, claim.evidence.end]
    out["mention"] = [claim.mention.start, claim.mention.end]
    return out
