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
