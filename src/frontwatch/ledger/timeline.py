"""Claim clusters and a place's status per day (issue 5, DESIGN.md "Ledger semantics").

A claim is never merged away: claims with the same place, type, actor and claimant side within
``window`` days form one cluster, which keeps every claim, source and evidence sentence (the
echoes). A place's status on a day is read from the capture claims up to that day:

* ``claimed_RU`` / ``claimed_UA`` — the latest capture claim names that actor;
* ``disputed`` — within the window, capture claims name both actors, or the latest was denied;
* ``corroborated`` — the latest capture is also claimed by a claimant of another side (an
  independent source, or the other side itself), or a reference map shows that actor in control;
* ``premature`` — a reference map exists for the place and still shows the other side that day;
* ``repeated`` — the same actor's capture is claimed again in a later cluster after an earlier one
  (a re-announcement, or a recapture after a loss).

Corroborated and premature need independent evidence and win over the plain "claimed" statuses;
disputed wins over everything, because a reader must see the contradiction first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from frontwatch.ledger.store import StoredClaim


@dataclass(frozen=True)
class Cluster:
    place: str
    type: str
    actor: str | None
    claimant_side: str
    first: dt.date
    last: dt.date
    claims: tuple[StoredClaim, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({c.source or c.claimant for c in self.claims}))

    @property
    def echoes(self) -> int:
        return len(self.claims) - 1


def _day(c: StoredClaim) -> dt.date | None:
    return c.date or c.doc_date


def clusters(claims: Sequence[StoredClaim], *, window: int = 7) -> list[Cluster]:
    """Group claims of one place into clusters (same type, actor, claimant side, within the window)."""
    groups: dict[tuple, list[StoredClaim]] = {}
    for c in sorted((c for c in claims if _day(c) is not None), key=lambda c: (_day(c), c.id)):
        groups.setdefault((c.place, c.type, c.actor, c.claimant_side), []).append(c)
    out: list[Cluster] = []
    for (place, ctype, actor, side), items in groups.items():
        current: list[StoredClaim] = []
        for c in items:
            if current and (_day(c) - _day(current[-1])).days > window:  # type: ignore[operator]
                out.append(Cluster(place, ctype, actor, side, _day(current[0]), _day(current[-1]), tuple(current)))  # type: ignore[arg-type]
                current = []
            current.append(c)
        if current:
            out.append(Cluster(place, ctype, actor, side, _day(current[0]), _day(current[-1]), tuple(current)))  # type: ignore[arg-type]
    return sorted(out, key=lambda k: (k.first, k.type))


def status_by_day(
    claims: Sequence[StoredClaim],
    since: dt.date,
    until: dt.date,
    *,
    reference: Sequence[tuple[dt.date, str]] = (),
    window: int = 7,
) -> list[tuple[dt.date, str | None]]:
    """(day, status) for every day from ``since`` to ``until``; None before any capture claim."""
    captures = [c for c in claims if c.type == "captured" and c.actor and _day(c) is not None]
    captures.sort(key=lambda c: (_day(c), c.id))
    cls = [k for k in clusters(captures, window=window)]
    ref = sorted(reference)
    out: list[tuple[dt.date, str | None]] = []
    day = since
    while day <= until:
        upto = [c for c in captures if _day(c) <= day]  # type: ignore[operator]
        if not upto:
            out.append((day, None))
            day += dt.timedelta(days=1)
            continue
        latest = upto[-1]
        recent = [c for c in upto if (day - _day(c)).days <= window]  # type: ignore[operator]
        ref_now = next((s for d, s in reversed(ref) if d <= day), None)
        status: str
        if len({c.actor for c in recent}) > 1 or latest.stance == "denied":
            status = "disputed"
        elif ref_now is not None and ref_now == latest.actor:
            status = "corroborated"
        elif ref_now is not None and ref_now not in (latest.actor, "contested"):
            status = "premature"
        elif any(c.actor == latest.actor and c.claimant_side != latest.claimant_side for c in recent):
            status = "corroborated"
        elif len([k for k in cls if k.actor == latest.actor and k.first <= day]) > 1:
            status = "repeated"
        else:
            status = f"claimed_{latest.actor}"
        out.append((day, status))
        day += dt.timedelta(days=1)
    return out
