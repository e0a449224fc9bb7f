"""Places beyond the gazetteer's area are not resolved to Ukrainian namesakes (texts we wrote)."""

from __future__ import annotations

import pytest

from frontwatch.gazetteer.resolve import OUTSIDE_AREA, resolve_places
from frontwatch.gazetteer.spot import spot_places
from frontwatch.model import Document


def mentions(gaz, text, lang="ru"):
    return resolve_places(spot_places(Document("t", text, lang=lang), gaz), gaz).mentions


def test_a_name_next_to_a_russian_region_outside_the_area_is_not_resolved(gaz):
    (m,) = mentions(gaz, "Грузовик загорелся у деревни Заболотье в Тверской области.")
    assert m.place is None and m.reason == OUTSIDE_AREA


def test_the_same_name_in_a_covered_oblast_is_resolved(gaz):
    (m,) = mentions(gaz, "Грузовик загорелся у села Заболотье Волынской области.")
    assert gaz.get(m.place).oblast == "Волинська"


@pytest.mark.parametrize(
    "text",
    [
        "Заложников в СИЗО Ростова освободили силовики.",
        "Рейс из Воронежа задержали на два часа.",
        "Самолёт летел из Москвы на Дальний Восток.",
        "Армяне покинули Нагорный Карабах.",
        "В Краснодарском крае, в Ейске, прошёл ливень.",
    ],
)
def test_big_places_abroad_are_not_village_namesakes(gaz, text):
    assert [m for m in mentions(gaz, text) if m.place] == []


def test_a_settlement_cue_still_makes_the_village(gaz):
    (m,) = mentions(gaz, "Противник атаковал село Воронеж Сумской области.")
    assert gaz.get(m.place).oblast == "Сумська"


def test_soft_adjective_names_get_their_russian_form(gaz):
    (m,) = mentions(gaz, "ВС РФ заняли Дальнее в ДНР.")
    assert gaz.get(m.place).name_uk == "Дальнє"


@pytest.mark.parametrize("text", ["ВС РФ освободили Ивановку в ДНР.", "Бои идут у Курганки и Газового."])
def test_villages_sharing_a_stem_with_a_city_abroad_stay(gaz, text):
    # Иваново and Ростов are abroad; Ивановка is not: the outside list matches whole words
    found = [m.surface for m in mentions(gaz, text) if m.place]
    assert found and all(not s.lower().startswith(("иваново", "ростов ")) for s in found)
