"""Words that spell a village but are not one here: people, acronyms, adjective phrases, streets
(short texts we wrote, in the style of Russian Telegram news)."""

from __future__ import annotations

import pytest

from frontwatch.gazetteer.spot import NOT_IN_GAZETTEER, spot_places
from frontwatch.model import Document


def spotted(gaz, text, lang="ru"):
    return [(m.surface, m.reason) for m in spot_places(Document("t", text, lang=lang), gaz).mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Умер известный ресторатор Алексей Зимин.",  # surname after a first name
        "Шеф-повара Алексея Зимина похоронят в пятницу.",
        "Учительница Мария Андреевна пришла на урок.",  # first name and patronymic
        "Москвичке Марине повезло с квартирой.",  # a first name alone
        "Сотрудники ГАИ остановили водителя.",  # an acronym in capitals
        "Новое наступление начнётся весной.",  # an adjective with its noun
        "Бойові зведення суттєво не змінилися.",  # the same in Ukrainian, the noun plural
        "Кражу заметили в баре на Цветном бульваре.",  # a street
    ],
)
def test_not_a_place(gaz, text):
    lang = "uk" if "Бойові" in text else "ru"
    assert [s for s, reason in spotted(gaz, text, lang) if reason != NOT_IN_GAZETTEER] == []


def test_adjective_and_unknown_name_is_one_unresolved_mention(gaz):
    assert spotted(gaz, "Военные заняли Новую Сорочину.") == [("Новую Сорочину", NOT_IN_GAZETTEER)]


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Противник атаковал в районе Работино и Вербовое в Запорожской области.", "Вербовое"),
        ("Окупанти атакували поблизу Вовчанська та Кам’янки.", "Кам’янки"),
        ("Бої в районах сіл Красне, Олійникове, Лук’янці і Гатище.", "Лук’янці"),
    ],
)
def test_villages_stay_villages(gaz, text, surface):
    lang = "uk" if "Окупанти" in text or "Бої" in text else "ru"
    assert (surface, "") in [(s, r or "") for s, r in spotted(gaz, text, lang)]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Russian forces advanced near the T1302 Bakhmut-Lysychansk highway.", "en"),
        ("Колонна двигалась по трассе Суджа-Коренево днём.", "ru"),
    ],
)
def test_road_named_after_two_towns_is_not_the_towns(gaz, text, lang):
    assert spotted(gaz, text, lang) == []


def test_a_road_word_elsewhere_does_not_hide_a_town(gaz):
    assert ("Коренево", "") in [(s, r or "") for s, r in spotted(gaz, "Бои у Коренево, дорога перекрыта.")]


def test_a_surname_is_a_person_throughout_the_text(gaz):
    text = "Умер ресторатор Алексей Зимин. Друзья зашли в номер и увидели тело Зимина."
    assert spotted(gaz, text) == []


def test_a_village_is_not_taken_for_a_surname_sharing_its_stem(gaz):
    text = "Генерал Иван Иванов сообщил, что ВС РФ освободили Ивановку в ДНР."
    assert ("Ивановку", "") in [(s, r or "") for s, r in spotted(gaz, text)]


@pytest.mark.parametrize(
    "text, surface",
    [("Бої тривають біля Лиманки.", "Лиманки"), ("ЗСУ відбили атаку на Олександрію.", "Олександрію"), ("Бої біля Садків.", "Садків")],
)
def test_a_common_word_does_not_hide_villages_sharing_its_stem(gaz, text, surface):
    # "лиман", "олександр", "садки" are stop words; Лиманка, Олександрія, Садки are villages
    assert surface in [s for s, _ in spotted(gaz, text, "uk")]


def test_a_common_word_stays_common_in_every_case(gaz):
    assert spotted(gaz, "Отдыхающие приехали к Лиману на выходные.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The commander of the Svoboda Battalion described the fighting.",
        "Russian forces attacked the Romny Correctional Colony.",
        "Ukraine repelled attempts to cross the Siverskyi Donets.",
    ],
)
def test_units_institutions_and_rivers_named_after_towns(gaz, text):
    assert spotted(gaz, text, "en") == []


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("На Покровському напрямку ворог атакував біля Новоселівки.", "uk", ["Покровському", "Новоселівки"]),
        ("Бывший спикер посетила New York и Вашингтон.", "ru", []),
        ("Новая «лаборатория» займётся торжествами.", "ru", []),
        ("Неизвестные бросили коктейли Молотова в окно.", "ru", []),
    ],
)
def test_directions_stay_and_foreign_or_common_words_go(gaz, text, lang, expected):
    assert [s for s, r in spotted(gaz, text, lang) if r != NOT_IN_GAZETTEER] == expected


def test_an_adjective_surname_reading_does_not_hide_a_two_word_name(gaz):
    assert ("Толстого Луга", NOT_IN_GAZETTEER) in spotted(gaz, "Бои идут у Толстого Луга и Любимовки.")


def test_a_town_that_is_also_a_first_name_stays_a_town(gaz):
    # pymorphy3 knows "Бахмут" as a first name too; its place reading wins
    assert ("Бахмуте", "") in [(s, r or "") for s, r in spotted(gaz, "Наши уже встречали их в Бахмуте и Авдеевке.")]
