"""English claim rules (ISW, wire and news copy), on short sentences we wrote (CLAIMS.md)."""

from __future__ import annotations

import pytest

import frontwatch


def got(text, source=None):
    doc = frontwatch.extract(text, lang="en", date="2024-12-10", source=source)
    return [(c.surface, c.type.value, c.actor.value if c.actor else None) for c in doc.claims]


@pytest.mark.parametrize(
    "text",
    [
        # "A and B oblasts / districts / rivers": every name of the list is the region, not the town
        "Heavy fighting continued across Donetsk and Luhansk oblasts.",
        "Russian forces repelled Ukrainian attacks in the Sudzha and Korenevo districts.",
        # a facility named after a town is not the town
        "Russian forces attacked the Zaporizhzhia nuclear power plant.",
        # the town as a government
        "Kharkiv authorities reported fighting overnight.",
    ],
)
def test_regions_facilities_and_governments_are_not_claims(text):
    assert got(text) == []
