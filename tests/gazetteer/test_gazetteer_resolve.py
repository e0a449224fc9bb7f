"""Place spotting and namesake resolution on short texts we wrote."""

from __future__ import annotations

import pytest

from frontwatch.gazetteer.resolve import resolve_places
from frontwatch.gazetteer.spot import spot_places
from frontwatch.model import Document

KUPIANSK = "UA63080090010026457"
KUCHERIVKA_KUPIANSK = "UA63080130080014612"
RIVNE_DONETSK = "UA14160150030092191"
RIVNE_CITY = "UA56080150010073000"


def mentions(gaz, text):
    return resolve_places(spot_places(Document("t", text), gaz), gaz).mentions


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Бои идут под Купянском.", "Купянском"),
        ("Штурмовики вошли в Купянск.", "Купянск"),
        ("Окупанти атакували біля Куп’янська.", "Куп’янська"),
        ("Окупанти атакували біля Куп'янська.", "Куп'янська"),
        ("Окупанти атакували біля Купʼянська.", "Купʼянська"),
        ("Russian forces attacked Kupiansk.", "Kupiansk"),
        ("Russian forces attacked Kupyansk.", "Kupyansk"),
        ("Russian forces attacked Kup'yansk.", "Kup'yansk"),
        ("Russian forces attacked KUPIANSK.", "KUPIANSK"),
    ],
)
def test_spot_inflected_and_transliterated_kupiansk(gaz, text, surface):
    ms = mentions(gaz, text)
    assert [(m.surface, m.place) for m in ms] == [(surface, KUPIANSK)]


@pytest.mark.parametrize(
    "name",
    ["Avdiivka", "Avdeyevka", "Avdeevka", "Avdiyivka", "Авдеевку", "Авдіївці", "Авдіївки"],
)
def test_spot_latin_and_cyrillic_families_of_avdiivka(gaz, name):
    ms = mentions(gaz, f"Fighting continues near {name}, Donetsk oblast.")
    assert ms and ms[0].place == "UA14160010010073615"


def test_resolve_kharkiv_oblast_namesake_by_oblast_cue(gaz):
    ms = mentions(gaz, "Окупанти атакували в районі Кучерівки Харківської області.")
    assert ms[0].place == KUCHERIVKA_KUPIANSK
    assert "Харківська" in ms[0].reason


def test_resolve_namesake_near_other_places_of_the_text(gaz):
    ms = mentions(gaz, "Бої тривають біля Кучерівки, за 15 км від Куп’янська та Петропавлівки.")
    kuch = next(m for m in ms if m.surface == "Кучерівки")
    assert kuch.place == KUCHERIVKA_KUPIANSK
    assert len(kuch.candidates) > 1  # the losers are kept for the explanation


def test_resolve_rivne_in_donetsk_peoples_republic_is_not_the_city(gaz):
    ms = mentions(gaz, "The settlement of Rovno in the Donetsk People's Republic came under Russian control.")
    rovno = next(m for m in ms if m.surface == "Rovno")
    assert gaz.get(rovno.place).oblast == "Донецька"  # one of the Donetsk-oblast Rivnes
    assert rovno.place != RIVNE_CITY


def test_resolve_garbled_spelling_by_fuzzy_match(gaz):
    ms = mentions(gaz, "The Ministry detailed the 'release' of Kucherkovka on the Kupyansk direction.")
    assert any(m.surface == "Kucherkovka" and m.place == KUCHERIVKA_KUPIANSK for m in ms)


def test_spot_kursk_oblast_village(gaz):
    ms = mentions(gaz, "Бои продолжаются в районе Суджи Курской области.")
    assert [m.place for m in ms] == ["gn:486816"]


def test_spot_former_name_of_bakhmut(gaz):
    ms = mentions(gaz, "Штурмовые отряды продвинулись в Артемовске.")
    assert any(m.place == "UA14020010010059145" for c in [0] for m in ms for _ in [c]) or any(
        c.place == "UA14020010010059145" for m in ms for c in m.candidates
    )


@pytest.mark.parametrize(
    "text",
    [
        "Победа будет за нами, сказал он.",  # a common word that is also a village name
        "Харківська область знову під обстрілом.",  # an oblast, not a settlement
        "Покровский район остаётся под ударами.",  # a raion, not the town
        "Мир и дружба между народами.",
        "As the situation evolves, officials wait.",  # an English word, not the Crimean village As
    ],
)
def test_spot_no_place_in_non_place_homonyms(gaz, text):
    assert [m.surface for m in mentions(gaz, text)] == []


def test_search_accepts_any_spelling(gaz):
    for q in ("Kupyansk", "Купянск", "Куп'янськ", "под Купянском"):
        assert gaz.search(q)[0].place == KUPIANSK, q


def test_gazetteer_covers_every_place_kind(gaz):
    p = gaz.get(KUCHERIVKA_KUPIANSK)
    assert p.name_uk == "Кучерівка" and p.oblast == "Харківська" and p.lat and p.lon
    assert "кучеровка" in gaz.forms_of(KUCHERIVKA_KUPIANSK)  # generated Russian form
    assert len(gaz) > 31000


def test_seed_article_resolves_the_worked_example(gaz, shared):
    text = (shared / "corpus" / "seed" / "kupyansk_front_article.txt").read_text(encoding="utf-8")
    ms = {m.surface: m.place for m in mentions(gaz, text)}
    assert ms["Kucherkovka"] == KUCHERIVKA_KUPIANSK
    assert ms["Rovno"] == RIVNE_DONETSK


def test_two_word_name_missing_from_the_gazetteer_stays_unresolved(gaz):
    """'Нижний Клин' is not the village 'Клин': the mention keeps both words and no place."""
    from frontwatch.gazetteer.spot import NOT_IN_GAZETTEER, spot_places
    from frontwatch.model import Document

    doc = spot_places(Document("t", "Наши взяли под контроль село Нижний Клин.", lang="ru"), gaz)
    assert [(m.surface, m.candidates, m.reason) for m in doc.mentions] == [("Нижний Клин", (), NOT_IN_GAZETTEER)]
    known = spot_places(Document("t", "Освобождена Великая Новоселка.", lang="ru"), gaz)
    assert [m.surface for m in known.mentions] == ["Великая Новоселка"] and known.mentions[0].candidates


def test_common_word_in_a_list_of_villages_is_a_village(gaz):
    from frontwatch.gazetteer.spot import spot_places
    from frontwatch.model import Document

    doc = spot_places(Document("t", "Наши бойцы взяли Дерилово и Майское.", lang="ru"), gaz)
    assert [m.surface for m in doc.mentions] == ["Дерилово", "Майское"]
    alone = spot_places(Document("t", "Было тёплое Майское утро.", lang="ru"), gaz)
    assert alone.mentions == ()


def test_oblast_after_a_name_is_its_own_not_the_previous_list_items(gaz):
    # the ДНР before "Степовое" belongs to "Калиновку"; "Днепропетровской области" after it is its own
    text = "Штурмовые подразделения заняли Калиновку в ДНР, а также Степовое в Днепропетровской области."
    stepove = next(m for m in mentions(gaz, text) if m.surface == "Степовое")
    assert gaz.get(stepove.place).oblast == "Дніпропетровська"


def test_list_shares_the_oblast_written_after_it(gaz):
    text = "Окупанти просунулися у селах Успенівка та Новомиколаївка на Запоріжжі, а також у Покровську."
    found = {m.surface: gaz.get(m.place).oblast for m in mentions(gaz, text)}
    assert found["Успенівка"] == "Запорізька"
    assert found["Новомиколаївка"] == "Запорізька"


def test_one_place_per_name_in_a_text(gaz):
    # the second mention has no oblast of its own: the first one's decides both
    text = (
        "Ворог просунувся поблизу Успенівки Запорізької області. Окремо, Сили оборони відбили атаки "
        "біля Покровська. Бої в районі Успенівки тривають."
    )
    uspenivka = [m for m in mentions(gaz, text) if m.surface == "Успенівки"]
    assert len(uspenivka) == 2
    assert {gaz.get(m.place).oblast for m in uspenivka} == {"Запорізька"}
    assert uspenivka[1].place == uspenivka[0].place


@pytest.mark.parametrize(
    "text, surface, town",
    [
        ("На Новопавлівському напрямку ворог атакував поблизу Іванівки.", "Іванівки", "UA12140190010085809"),
        ("На Гуляйпольском направлении противник пытался продвинуться у Успеновки.", "Успеновки", "UA23100070010036682"),
        ("Russian forces attacked near Ivanivka in the Novopavlivka direction.", "Ivanivka", "UA12140190010085809"),
    ],
)
def test_direction_named_picks_the_namesake_near_its_town(gaz, text, surface, town):
    from frontwatch.gazetteer.resolve import _km

    m = next(m for m in mentions(gaz, text) if m.surface == surface)
    p, anchor = gaz.get(m.place), gaz.get(town)
    assert _km((p.lat, p.lon), (anchor.lat, anchor.lon)) < 40
    assert "direction is named" in m.reason


def test_every_direction_anchor_is_a_place_with_coordinates(gaz):
    assert len(gaz.directions) >= 25
    for d in gaz.directions:
        assert gaz.get(d.anchor).lat is not None, d


def test_a_regional_capital_beats_a_village_namesake_in_another_oblasts_text(gaz):
    text = "Бои шли под Молочанском в Запорожской области. Под Харьковом армия отступила."
    kharkiv = next(m for m in mentions(gaz, text) if m.surface == "Харьковом")
    assert kharkiv.place == "UA63120270010096107"


def test_isw_city_suffix_is_part_of_the_mention(gaz):
    (m,) = mentions(gaz, "Russian forces shelled Kharkiv City on May 5.")
    assert m.surface == "Kharkiv City" and m.place == "UA63120270010096107"
