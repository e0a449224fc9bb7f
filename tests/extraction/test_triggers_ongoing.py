"""Ongoing clearing and operations 'to liberate' a place are advances; a completed one a capture."""

from __future__ import annotations

import pytest

import frontwatch


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Идет зачистка территорий на окраинах Кучеровки.", "ru", "advanced"),
        ("Наши зачистили Кучеровку.", "ru", "captured"),
        ("Russian troops are working to clear Vovchansk.", "en", "advanced"),
        ("Russian troops cleared Vovchansk.", "en", "captured"),
        ("Russian forces gained a foothold in Vovchansk.", "en", "advanced"),
        ("Окупанти в самих Липцях покращили свої позиції.", "uk", "advanced"),
        ("Російські війська продовжують рухатися до Липців.", "uk", "advanced"),
        ("Противник наступав в напрямку Липців.", "uk", "attacked"),  # on the offensive: not ground gained
    ],
)
def test_ongoing_versus_completed(text, lang, want):
    claims = frontwatch.extract(text, lang=lang).claims
    assert [c.type.value for c in claims] == [want]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Russian forces attacked from the Lysychansk area toward Siversk.", "en", [("Siversk", "attacked")]),
        ("Russian troops tried to push north from positions around Vovchansk.", "en", []),
        ("Ukrainian troops withdrew from the town of Izium.", "en", [("Izium", "withdrew")]),
    ],
)
def test_where_an_attack_starts_is_not_attacked(text, lang, want):
    assert [(c.surface, c.type.value) for c in frontwatch.extract(text, lang=lang).claims] == want


def test_a_spokesman_sharing_a_village_name_is_not_a_place():
    # (attacks "северо-западнее села Работино" would be located away from it: CLAIMS.md locators)
    claims = frontwatch.extract("Кроме того, добавил Рогов, ВС РФ атакуют у села Работино.", lang="ru").claims
    assert [c.surface for c in claims] == ["Работино"]


def test_whose_failed_attempts_decides_the_defender():
    text = "«Липці залишаються під нашим контролем, всі спроби противника прорватися в село зазнали невдачі», - сказав генерал."
    claims = frontwatch.extract(text, lang="uk").claims
    assert [(c.surface, c.type.value, c.actor.value) for c in claims] == [("Липці", "repelled", "UA")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russian forces are likely preparing to resume an offensive toward Vovchansk.", "en"),
        ("ВС РФ готовят плацдарм для начала боёв за Вовчанск.", "ru"),
    ],
)
def test_preparations_are_not_claims(text, lang):
    assert frontwatch.extract(text, lang=lang).claims == ()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russia said its forces had captured several settlements, a claim Kyiv has either denied or ignored.", "en"),
        ("Бойові дії у населеному пункті тривають.", "uk"),
    ],
)
def test_governments_and_noun_phrases_are_not_places(text, lang):
    assert frontwatch.extract(text, lang=lang).claims == ()
