"""General news that mentions a town without a territorial-control claim (English texts we wrote,
in the style of wire and RSS items)."""

from __future__ import annotations

import pytest

import frontwatch


@pytest.mark.parametrize(
    "text",
    [
        "Two British volunteers were captured in Mariupol last week, their families said.",
        "The exhibition captured the hearts of visitors in Lviv.",
        "Refugees fled Kharkiv by train with a few bags each.",
        "A singer left her home in Kyiv on the first morning of the war.",
        "Explosions shook Kyiv overnight as air raid sirens sounded.",
        "Anna Horodetska opened a cafe in Warsaw.",
        "A clash of loyalties divides the residents of Bakhmut.",
        "Preparing to defend Kyiv, new recruits learn how to fight.",
        "The mayor of Voznesensk praised the fighting spirit of its people.",
        "See how Kyiv residents are fighting to save their city.",
        "Driver Nikita Mazepin hit back at his former team.",
    ],
)
def test_no_claim_in_general_news(text):
    assert frontwatch.extract(text, lang="en").claims == ()


def test_real_claims_in_news_stay():
    doc = frontwatch.extract("Ukrainian forces regained control of Makariv after intense fighting.", lang="en")
    assert [(c.type.value, c.actor.value) for c in doc.claims] == [("captured", "UA")]


def test_garbled_name_after_a_place_cue_is_still_found():
    doc = frontwatch.extract("On the Kupyansk direction Russian forces captured the village of Kucherkovka.", lang="en")
    assert doc.claims and doc.claims[0].place == "UA63080130080014612"


@pytest.mark.parametrize(
    "text, lang",
    [("У Новоивановки бойцы взяли в плен около 30 военнослужащих.", "ru"), ("Біля Новоселівки бійці взяли в полон двох окупантів.", "uk")],
)
def test_taking_prisoners_is_no_capture(text, lang):
    assert [c for c in frontwatch.extract(text, lang=lang).claims if c.type.value == "captured"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces conducted airstrikes near Staryi Saltiv and continued to shell settlements surrounding Kharkiv City.",
        "Russian forces are gathering reserves in Luhansk Oblast for a renewed offensive on Severodonetsk.",
        "The withdrawal will deprive the Slovyansk effort of combat power.",
        "Armed Russian servicemen broke into two universities in Melitopol.",
    ],
)
def test_isw_style_sentences_without_a_claim(text):
    assert frontwatch.extract(text, lang="en", source="ISW").claims == ()


@pytest.mark.parametrize(
    "text",
    [
        "Два грузовика загорелись после столкновения на трассе у деревни Заболотье.",
        "С наступлением холодов обитатели Московского зоопарка начали набирать вес.",
        "Вариант заморозки конфликта по линии боевого столкновения неприемлем для России — Песков",
    ],
)
def test_russian_telegram_news_without_a_claim(text):
    assert frontwatch.extract(text, lang="ru").claims == ()


def test_pisky_in_a_list_is_still_the_village():
    assert [c.surface for c in frontwatch.extract("Бои идут в районе Песков под Донецком.", lang="ru").claims] == ["Песков"]


def test_established_positions_is_an_advance_and_a_suburbs_city_only_locates():
    doc = frontwatch.extract("Russian forces established positions in Verkhnokamyanka, 15km southwest of Lysychansk.", lang="en", source="ISW")
    assert [(c.type.value, c.surface) for c in doc.claims] == [("advanced", "Verkhnokamyanka")]
    doc = frontwatch.extract("Ukrainian forces recaptured the Kyiv suburb of Irpin.", lang="en", source="ISW")
    assert [c.surface for c in doc.claims] == ["Irpin"]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Russian forces attacked Bilohorivka in an effort to encircle Lysychansk.", "en", ["Bilohorivka"]),
        ("Противник атаковал у Белогоровки с целью окружения Лисичанска.", "ru", ["Белогоровки"]),
    ],
)
def test_a_purpose_clause_names_a_goal(text, lang, expected):
    assert [c.surface for c in frontwatch.extract(text, lang=lang).claims] == expected


def test_lyman_and_zaporizhia_spellings_are_places_and_plans_cover_their_clause():
    doc = frontwatch.extract("Russian forces made limited advances in the direction of Lyman.", lang="en", source="ISW")
    assert [(c.type.value, c.place) for c in doc.claims] == [("advanced", "UA14120110010088407")]
    text = "Russian forces may be preparing for an offensive to capture Kherson Oblast and push toward Zaporizhia City."
    assert frontwatch.extract(text, lang="en", source="ISW").claims == ()


def test_an_air_raid_on_a_city_is_no_ground_claim():
    text = "Силы ПВО отразили массированную атаку на Киев. Обломки беспилотников упали в двух районах."
    assert frontwatch.extract(text, lang="ru").claims == ()
    ground = "Силы ПВО сбили два беспилотника. Штурмовики противника атаковали Купянск, атака отражена."
    assert [c.surface for c in frontwatch.extract(ground, lang="ru").claims] != []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ми продовжимо спроби довезти в Маріуполь допомогу.", []),
        ("Окупанти намагаються зобразити в Херсоні нову владу.", []),
        ("Росіяни намагаються прориватися у бік Куп'янська-Вузлового.", ["Куп'янська-Вузлового"]),
        ("Противник тричі намагався штурмувати позиції біля Кремінної.", ["Кремінної"]),
    ],
)
def test_a_ukrainian_attempt_is_an_attack_only_at_a_military_verb(text, expected):
    assert [c.surface for c in frontwatch.extract(text, lang="uk").claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Russian forces intensified hostilities near Kreminna and shelled Siversk.", "en", ["Kreminna"]),
        ("Бои идут у Антоновки, противник обстрелял Херсон.", "ru", ["Антоновки"]),
        ("Russian forces were shelling Brazhkivka, indicating that they have pulled back from this settlement.", "en", ["Brazhkivka"]),
    ],
)
def test_the_object_of_a_strike_verb_is_not_the_target_of_an_earlier_trigger(text, lang, expected):
    assert [c.surface for c in frontwatch.extract(text, lang=lang).claims] == expected


def test_where_a_halted_attack_started_is_not_its_target():
    text = "Ukrainian forces halted renewed Russian attacks from Kherson toward Mykolaiv on March 14."
    assert [c.surface for c in frontwatch.extract(text, lang="en", source="ISW").claims] == ["Mykolaiv"]
