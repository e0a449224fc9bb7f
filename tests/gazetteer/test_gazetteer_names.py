"""Generated name variants."""

from __future__ import annotations

import pytest

from frontwatch.gazetteer.names import latin_from_russian, latin_from_ukrainian, russian_forms


@pytest.mark.parametrize(
    "uk, ru",
    [
        ("Кучерівка", "кучеровка"),
        ("Рівне", "ровное"),
        ("Рівне", "ровно"),
        ("Андріївка", "андреевка"),
        ("Покровське", "покровское"),
        ("Велика Новосілка", "великая новоселка"),
        ("Куп’янськ", "купянск"),
        ("Вовчанськ", "волчанск"),
        ("Рибне", "рыбное"),
        ("Олександрівка", "александровка"),
        ("Іллінка", "ильинка"),
        ("Золота Нива", "золотая нива"),  # an adjective before the noun agrees
        ("Малі Проходи", "малые проходи"),
        ("Нове Запоріжжя", "новое запорожье"),  # doubled consonant + я → ье
        ("Заріччя", "заречье"),
        ("Желанне Друге", "второе желанное"),  # the ordinal goes first in Russian copy
        ("Верхньокам'янське", "верхнекаменское"),
        ("Виїмка", "выемка"),
        ("Неліпівка", "нелеповка"),
    ],
)
def test_russian_forms_by_rule(uk, ru):
    assert ru in russian_forms(uk)


def test_latin_press_spellings():
    assert {"kupiansk", "kupyansk", "kup'yansk"} <= set(latin_from_ukrainian("Куп’янськ"))
    assert {"avdiivka", "avdiyivka"} <= set(latin_from_ukrainian("Авдіївка"))
    assert {"avdeyevka", "avdeevka"} <= set(latin_from_russian("Авдеевка"))


@pytest.mark.parametrize(
    "uk, ru",
    [("Перемога", "победа"), ("Першотравневе", "первомайское"), ("Жовтневе", "октябрьское"), ("Відрадне", "отрадное"), ("Зоряне", "звездное")],
)
def test_translated_names_get_their_russian_translation(uk, ru):
    from frontwatch.gazetteer.names import translated_forms

    assert translated_forms(uk) == [ru]


def test_hushing_consonant_suffix_spellings_vary():
    from frontwatch.gazetteer.names import ukrainian_spellings

    assert ukrainian_spellings("Сторожеве") == ["сторожове"]
    assert ukrainian_spellings("Грушове") == ["грушеве"]
    assert ukrainian_spellings("Кучерівка") == []


def test_translated_and_variant_spellings_are_spotted(gaz):
    from frontwatch.gazetteer.resolve import resolve_places
    from frontwatch.gazetteer.spot import spot_places
    from frontwatch.model import Document

    text = "Заняты Отрадное Днепропетровской области. Бої тривають у Сторожовому Донецької області."
    found = {m.surface: gaz.get(m.place) for m in resolve_places(spot_places(Document("t", text), gaz), gaz).mentions}
    assert found["Отрадное"].oblast == "Дніпропетровська" and found["Отрадное"].name_uk == "Відрадне"
    assert found["Сторожовому"].oblast == "Донецька" and found["Сторожовому"].name_uk == "Сторожеве"


def test_ukrainian_h_written_g():
    assert "oleksandrograd" in latin_from_ukrainian("Олександроград")


def test_plural_names_and_their_adjectives_inflect(gaz):
    from frontwatch.gazetteer.resolve import resolve_places
    from frontwatch.gazetteer.spot import spot_places
    from frontwatch.model import Document

    text = "Окупанти просунулися у Сухих Ялах Донецької області."
    (m,) = resolve_places(spot_places(Document("t", text, lang="uk"), gaz), gaz).mentions
    assert m.surface == "Сухих Ялах" and gaz.get(m.place).name_uk == "Сухі Яли"


def test_a_village_named_like_a_region_is_a_village(gaz):
    from frontwatch.gazetteer.spot import spot_places
    from frontwatch.model import Document

    surfaces = [m.surface for m in spot_places(Document("t", "Звільнено Гавронщину та Буча.", lang="uk"), gaz).mentions]
    assert "Гавронщину" in surfaces
    assert spot_places(Document("t", "Бої на Харківщині тривають.", lang="uk"), gaz).mentions == ()
