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


@pytest.mark.parametrize(
    "text, want",
    [
        ("Russian forces shelled Vovchansk and surrounding villages.", []),
        ("A man from Vovchansk was mobilised to fight for Russia.", []),
        ("Russian forces in Vovchansk continued attacks on two lines of advance.", []),
        ("Ukrainian and Russian sources reported kinetic activity near Vovchansk.", [("Vovchansk", "fighting", None)]),
        ("The Battle of Vovchansk continues as both sides bring up reserves.", [("Vovchansk", "fighting", None)]),
        ("Ukraine won the Battle of Vovchansk in March.", []),
        ("Ukrainian officials said Kupiansk was under Russian attack.", [("Kupiansk", "attacked", "RU")]),
        ("Russian forces are now on the outskirts of Vovchansk.", [("Vovchansk", "advanced", "RU")]),
        ("Russian troops have been trying to move closer to Vovchansk.", [("Vovchansk", "attacked", "RU")]),
        ("Ukrainian counteroffensives around Vovchansk continued.", [("Vovchansk", "attacked", "UA")]),
        ("Ukraine said Vovchansk remained under its control despite Russian infiltration attempts.", [("Vovchansk", "attacked", "RU")]),
        ("Moscow has stepped up its efforts to capture Vovchansk.", [("Vovchansk", "attacked", "RU")]),
        ("Moscow continues to ramp up its assault on Vovchansk.", [("Vovchansk", "attacked", "RU")]),
        ("Ukraine presses its counteroffensive toward Vovchansk.", [("Vovchansk", "attacked", "UA")]),
        # a first name that is also a village name
        ("Milblogger Maksim Fomin claimed that Russian forces captured Lyptsi.", [("Lyptsi", "captured", "RU")]),
    ],
)
def test_english_vocabulary(text, want):
    assert got(text) == want


@pytest.mark.parametrize(
    "text, want",
    [
        # the outskirts of a place are part of it; "east of" a place is away from it
        ("Russian forces gained a foothold on the northeastern outskirts of Vovchansk.", [("Vovchansk", "advanced", "RU")]),
        ("Russian forces attacked east of Vovchansk.", []),
        # the second end of "between X and Y", and a route, are not targets
        ("Russian forces attacked near Lyptsi, which lies between Kupiansk and Vovchansk.", [("Lyptsi", "attacked", "RU")]),
        ("Russian forces advanced toward Lyptsi via Vovchansk.", [("Lyptsi", "advanced", "RU")]),
    ],
)
def test_english_locators(text, want):
    assert got(text) == want


@pytest.mark.parametrize(
    "text, want",
    [
        # a verb inside a parenthetical does not govern the places outside it
        ("A man mobilized in Vovchansk (whom Ukrainian forces captured later) testified.", []),
        # a starting point, and the next names of its list, are not targets
        ("Russian forces attempted to advance from Lyptsi (10km north of Kharkiv) and Vovchansk.", []),
        ("Ukrainian forces repelled an attempt by Russian troops to cut a road from Vovchansk.", []),
        ("Ukrainian forces repelled Russian troops from positions in Vovchansk.", [("Vovchansk", "repelled", "UA")]),
        # the consequence of a hypothetical is hypothetical too
        ("If Russian forces take Kupiansk, they could then regroup for several weeks and advance toward Vovchansk.", []),
        ("Russian forces continued limited offensive operations on the Kupiansk and Novopavlivka axes.", []),
        # a new clause after an attack noun: its subject is not the attacker
        ("Vovchansk was under constant attack until Russian forces withdrew.", [("Vovchansk", "withdrew", "RU")]),
    ],
)
def test_english_clauses(text, want):
    assert got(text) == want


@pytest.mark.parametrize(
    "text, want",
    [
        # the side inside the control phrase is the one that took it; part of a town is an advance
        ("Officials said Vovchansk was also now under Russian control.", [("Vovchansk", "captured", "RU")]),
        ("Officials said 80% of Vovchansk was now under Russian control.", [("Vovchansk", "advanced", "RU")]),
        ("The centre of Vovchansk came under Russian control.", [("Vovchansk", "advanced", "RU")]),
        ("Ukrainian forces pushed Russian forces out of Vovchansk.", [("Vovchansk", "captured", "UA")]),
        # future, needed and prepared-for actions are not claims
        ("Russian forces keep defending positions as a springboard for future attacks against Vovchansk.", []),
        ("Ukrainian troops do not need to fully withdraw from Vovchansk.", []),
        ("Russian forces shelled Lyptsi to set conditions for an advance on Vovchansk.", []),
        # a modal governs its whole clause, however far the verb is
        ("Russian forces may instead bypass Kupiansk entirely and opt to drive north before advancing west toward Vovchansk.", []),
        ("Russian forces captured Lyptsi and will likely attempt to push on and advance toward Vovchansk.", [("Lyptsi", "captured", "RU")]),
    ],
)
def test_english_control_and_plans(text, want):
    assert got(text) == want


@pytest.mark.parametrize(
    "text, want",
    [
        # a near-miss spelling of a hyphenated or -grad name is still found
        ("Russian forces captured Ivano-Daryvivka.", [("Ivano-Daryvivka", "captured", "RU")]),
        # the subject of a passive participle is the side it happened to
        ("Ukrainian troops were surrounded in Vovchansk.", [("Vovchansk", "advanced", "RU")]),
        # a relative clause after a locator is about the place it locates
        ("The village lies 10 km southwest of Vovchansk, which Russian troops have stormed.", [("Vovchansk", "attacked", "RU")]),
    ],
)
def test_english_spelling_passive_relative(text, want):
    assert got(text) == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("Ukrainian forces are pushing back Russian advances near Vovchansk.", [("Vovchansk", "repelled", "UA")]),
        (
            "Elements of the Russian 98th Airborne Division launched an attack near Vovchansk on March 7 but were reportedly repulsed by Ukrainian defenders.",
            [("Vovchansk", "repelled", "UA")],
        ),
        ("A massive Russian column was closing in on Vovchansk.", [("Vovchansk", "advanced", "RU")]),
        ("Ukrainian soldiers reclaimed control over villages near Vovchansk.", [("Vovchansk", "advanced", "UA")]),
        # forecasts and what has not happened yet
        ("Russian forces are unlikely to capture Vovchansk soon.", []),
        ("Russian forces have yet to seize Vovchansk.", []),
        # other senses of took, released, fled, advance; outlets named after a town
        ("Partisans took responsibility for an explosion in Vovchansk.", []),
        ("The channel showed newly released images from Vovchansk.", []),
        ("Families fled their homes in Vovchansk.", []),
        ("Officials were appointed in advance of the referendum in Vovchansk.", []),
        ("Russian authorities seized the Kupiansk TV branch.", []),
        ("Russian forces tried to advance westward of Lyptsi.", []),
        ("Ukrainian forces abandoned any hope of holding Vovchansk.", []),
        ("Officials said Russia has stopped advancing towards Vovchansk.", []),
        ("Ukrainian forces lost half of their men near Vovchansk.", []),
        ("Ukrainian troops are bracing for a Russian assault on Vovchansk.", []),
        ("Russian forces attacked the Vovchansk theatre.", []),
        # a capture noun with its own object governs only that object
        ("Russian forces shelled Vovchansk and are using their capture of Lyptsi in order to advance.", [("Lyptsi", "captured", "RU")]),
        # stalled efforts are repelled; most of a town is an advance
        ("Russian efforts to advance toward Vovchansk are stymied by the terrain.", [("Vovchansk", "repelled", "UA")]),
        ("Russian forces established control over the majority of Vovchansk.", [("Vovchansk", "advanced", "RU")]),
        ("Russian forces continued to incrementally capture areas of Vovchansk.", [("Vovchansk", "advanced", "RU")]),
        ("Russia revised its plan after the failure of operations to seize Vovchansk.", [("Vovchansk", "repelled", "UA")]),
        ("Supporting Effort #2 (Objective: Defend Vovchansk against Ukrainian counterattacks)", []),
        ("Russian forces are completing preparations for an assault to seize Vovchansk within the next days.", []),
        ("Ukrainian intelligence released an intercepted conversation from Vovchansk.", []),
        ("Ukraine puts captured Russian weaponry on display in central Vovchansk.", []),
        ("Russian forces did not conduct any confirmed ground attacks near Vovchansk.", []),
        ("Russian forces advanced to seize settlements on the highway to Vovchansk.", []),
        ("Russian forces captured Lyptsi. Russian forces continued to fire on Vovchansk and Kupiansk.", [("Lyptsi", "captured", "RU")]),
        ("Ukrainian forces have taken up arms near Vovchansk.", []),
        # a strike list after a claim is no continuation of the claim's list
        ("Russian forces captured Lyptsi. Russian forces shelled Vovchansk and Kupiansk.", [("Lyptsi", "captured", "RU")]),
        ("Russian forces conducted no major offensive operations against Vovchansk.", []),
        ("Russian forces remained unable to take the town of Vovchansk.", [("Vovchansk", "repelled", "UA")]),
        ("Russian forces continued offensive operations west of the Vovchansk area.", []),
        ("The head of the Kharkiv Regional Military Administration said Russian troops now control Lyptsi.", [("Lyptsi", "captured", "RU")]),
        # other senses and things that did not happen
        ("A resident of Vovchansk lost her home.", []),
        ("Residents stood in the road to stop a Russian convoy from advancing into Vovchansk.", []),
        ("Residents of Vovchansk await the Russians' advance.", []),
        ("Amid fears of a Russian attack on Vovchansk, the museum closed.", []),
    ],
)
def test_english_corpus_senses(text, want):
    assert got(text) == want


def test_headline_kicker_is_no_speaker_and_kyiv_orders_is_the_ukrainian_side():
    doc = frontwatch.extract("Ukraine war: Kyiv orders forces to withdraw from Vovchansk", lang="en", source="RSS: feeds.bbci.co.uk")
    (c,) = doc.claims
    assert (c.surface, c.type.value, c.actor.value, c.claimant_side.value, c.stance.value) == ("Vovchansk", "withdrew", "UA", "UA", "reported")
    doc = frontwatch.extract("Ukraine war: Russian forces captured Vovchansk", lang="en", source="RSS: feeds.bbci.co.uk")
    assert [(c.actor.value, c.claimant_side.value, c.stance.value) for c in doc.claims] == [("RU", "independent", "asserted")]


def test_isw_returns_to_its_own_voice_after_a_reported_sentence():
    text = (
        "The Ukrainian General Staff reported that Russian forces attacked near Lyptsi. "
        "Russian forces conducted unsuccessful attacks near Vovchansk. "
        "It also said that Russian forces attacked near Kupiansk."
    )
    doc = frontwatch.extract(text, lang="en", source="ISW Russian Offensive Campaign Assessment")
    got_ = {c.surface: (c.claimant_side.value, c.stance.value) for c in doc.claims}
    assert got_ == {"Lyptsi": ("UA", "reported"), "Vovchansk": ("independent", "asserted"), "Kupiansk": ("UA", "reported")}


def test_added_attributes():
    (c,) = frontwatch.extract("Gerasimov added that Russian forces captured Vovchansk.", lang="en", source="news").claims
    assert (c.claimant_side.value, c.stance.value) == ("RU", "reported")


def test_sources_of_both_sides_leave_the_author_speaking():
    text = "The Ukrainian General Staff reported that Russian forces attacked near Lyptsi. Ukrainian and Russian sources reported fighting in Vovchansk."
    doc = frontwatch.extract(text, lang="en", source="ISW Russian Offensive Campaign Assessment")
    c = next(c for c in doc.claims if c.surface == "Vovchansk")
    assert (c.claimant, c.claimant_side.value, c.stance.value) == ("ISW", "independent", "asserted")


def test_the_area_of_a_named_region_is_the_region():
    text = "Ukrainian units crossed into the Kursk region. Russian forces repelled attacks in the Kursk area."
    assert [c.surface for c in frontwatch.extract(text, lang="en").claims] == []
    # without the region named, "the Kursk area" stays the town's surroundings
    assert [c.surface for c in frontwatch.extract("Russian forces repelled attacks in the Kursk area.", lang="en").claims] == ["Kursk"]
