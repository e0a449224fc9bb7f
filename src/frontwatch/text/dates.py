"""Event dates relative to the publication date (CLAIMS.md "date"; words in data/dates.toml)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from frontwatch.text.normalize import fold


@dataclass(frozen=True)
class DateRules:
    day_month: re.Pattern[str]  # "7 декабря", "7 грудня", "7 December"
    month_day: re.Pattern[str]  # "December 7", "Dec. 7"
    months: dict[str, int]
    relative: tuple[tuple[re.Pattern[str], int], ...]
    weekday: re.Pattern[str]
    weekdays: dict[str, int]


@functools.lru_cache(maxsize=1)
def date_rules() -> DateRules:
    data = tomllib.loads(resources.files("frontwatch.data").joinpath("dates.toml").read_text("utf-8"))
    months: dict[str, int] = {}
    for names in data["months"].values():
        for i, forms in enumerate(names, start=1):
            for f in forms:
                months[f] = i
    alt = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    day_month = re.compile(rf"(?<!\d)(\d{{1,2}})(?:-?(?:го|е|th|st|nd|rd))?\s+({alt})\b\.?(?:\s+(\d{{4}}))?")
    month_day = re.compile(rf"\b({alt})\.?\s+(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?")
    relative = tuple(
        (re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)"), int(days)) for days, words in data["relative"].items()
    )
    weekdays: dict[str, int] = {}
    for names in data["weekdays"].values():
        for i, name in enumerate(names):
            weekdays[name] = i
    weekday = re.compile(r"(?<!\w)(?:on|в|во|у|(?:в|у) ніч на|вночі на|в ночь на|ночью на)\s+(" + "|".join(map(re.escape, weekdays)) + r")(?!\w)")
    return DateRules(day_month, month_day, months, relative, weekday, weekdays)


def _make(year: int, month: int, day: int, pub: dt.date | None) -> dt.date | None:
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    if pub is not None and d > pub + dt.timedelta(days=1):  # "on December 7" read in January
        try:
            d = dt.date(year - 1, month, day)
        except ValueError:
            return None
    return d


def explicit_date(text: str, pub: dt.date | None) -> dt.date | None:
    """A calendar date written in ``text`` ("on December 7", "7 грудня"); year from ``pub``."""
    rules = date_rules()
    low = fold(text)
    best: tuple[int, dt.date] | None = None
    for m in rules.month_day.finditer(low):
        year = int(m.group(3)) if m.group(3) else (pub.year if pub else None)
        if year is None:
            continue
        d = _make(year, rules.months[m.group(1)], int(m.group(2)), pub if not m.group(3) else None)
        if d and (best is None or m.start() < best[0]):
            best = (m.start(), d)
    for m in rules.day_month.finditer(low):
        year = int(m.group(3)) if m.group(3) else (pub.year if pub else None)
        if year is None:
            continue
        d = _make(year, rules.months[m.group(2)], int(m.group(1)), pub if not m.group(3) else None)
        if d and (best is None or m.start() < best[0]):
            best = (m.start(), d)
    return best[1] if best else None


def relative_date(text: str, pub: dt.date | None) -> dt.date | None:
    """"yesterday", "за минулу добу" (publication − 1), "today", "on Thursday"."""
    if pub is None:
        return None
    rules = date_rules()
    low = fold(text)
    found = [(m.start(), days) for pattern, days in rules.relative if (m := pattern.search(low))]
    if found:
        return pub - dt.timedelta(days=min(found)[1])
    m = rules.weekday.search(low)
    if m:
        wd = rules.weekdays[m.group(1)]
        delta = (pub.weekday() - wd) % 7
        return pub - dt.timedelta(days=delta)
    return None


def event_date(sentence: str, pub: dt.date | None, paragraph_lead: str | None = None) -> dt.date | None:
    """The event date of a claim: its sentence first, then a date that opens its paragraph."""
    d = explicit_date(sentence, pub) or relative_date(sentence, pub)
    if d is None and paragraph_lead:
        head = paragraph_lead[:40]
        if _opens_with_date(head):
            d = explicit_date(head, pub)
        elif _CLOSING_DATE.search(fold(paragraph_lead)):
            # a lead that ends on its date sums up that day ("Russian forces continued ground
            # attacks east of Bakhmut on August 13."): the paragraph goes on with that day's events
            d = explicit_date(paragraph_lead, pub)
    return d


_CLOSING_DATE = re.compile(r"\b(?:on|in the past day,? on)\s+\w+\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\W*$|\s\d{1,2}\s+\w+(?:\s+\d{4})?(?:\s+(?:года|року|г\.|р\.))?\W*$")


def _opens_with_date(head: str) -> bool:
    rules = date_rules()
    low = fold(head).lstrip()
    low = re.sub(r"^(?:on|в ночь на|у ніч на)\s+", "", low)
    return bool(rules.month_day.match(low) or rules.day_month.match(low))
