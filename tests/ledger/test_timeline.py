"""Claim clusters and status per day."""

from __future__ import annotations

import datetime as dt

from frontwatch.ledger.store import StoredClaim
from frontwatch.ledger.timeline import clusters, status_by_day

D = dt.date


def claim(i, day, actor="RU", side="RU", type="captured", stance="reported", source="MoD"):
    return StoredClaim(i, i, "P", "X", type, actor, source, side, stance, False, day, day, None, "s", source, "r")


def test_clusters_group_echoes_within_the_window():
    cs = [claim(1, D(2024, 12, 1)), claim(2, D(2024, 12, 2), source="TASS"), claim(3, D(2024, 12, 20))]
    ks = clusters(cs)
    assert [(k.first, k.last, len(k.claims)) for k in ks] == [(D(2024, 12, 1), D(2024, 12, 2), 2), (D(2024, 12, 20), D(2024, 12, 20), 1)]
    assert ks[0].echoes == 1 and ks[0].sources == ("MoD", "TASS")


def test_status_claimed_disputed_corroborated_premature_repeated():
    ru = claim(1, D(2024, 12, 1))
    days = dict(status_by_day([ru], D(2024, 11, 30), D(2024, 12, 2)))
    assert days[D(2024, 11, 30)] is None and days[D(2024, 12, 1)] == "claimed_RU"
    ua = claim(2, D(2024, 12, 2), actor="UA", side="UA")
    assert dict(status_by_day([ru, ua], D(2024, 12, 2), D(2024, 12, 2)))[D(2024, 12, 2)] == "disputed"
    indep = claim(3, D(2024, 12, 2), side="independent", source="ISW")
    assert dict(status_by_day([ru, indep], D(2024, 12, 2), D(2024, 12, 2)))[D(2024, 12, 2)] == "corroborated"
    ref = [(D(2024, 11, 1), "UA")]
    assert dict(status_by_day([ru], D(2024, 12, 1), D(2024, 12, 1), reference=ref))[D(2024, 12, 1)] == "premature"
    ref_ok = [(D(2024, 11, 30), "RU")]
    assert dict(status_by_day([ru], D(2024, 12, 1), D(2024, 12, 1), reference=ref_ok))[D(2024, 12, 1)] == "corroborated"
    again = claim(4, D(2024, 12, 20))
    assert dict(status_by_day([ru, again], D(2024, 12, 20), D(2024, 12, 20)))[D(2024, 12, 20)] == "repeated"
