"""Claim extraction on short sentences we wrote, per type, language and hard case (CLAIMS.md)."""

from __future__ import annotations

import datetime as dt

import pytest

import frontwatch

KUPIANSK = "UA63080090010026457"
VOVCHANSK = "UA63140010010035757"
PUB = "2024-12-10"


def claims(text, lang=None, source=None, date=PUB):
    doc = frontwatch.extract(text, lang=lang, date=date, source=source)
    return [(c.place, c.type.value, c.actor.value if c.actor else None) for c in doc.claims], doc


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # English (ISW / wire style)
        ("Russian forces captured Vovchansk.", "en", (VOVCHANSK, "captured", "RU")),
        ("Russian forces withdrew from Vovchansk.", "en", (VOVCHANSK, "withdrew", "RU")),
        ("Geolocated footage indicates that Russian forces advanced in Vovchansk.", "en", (VOVCHANSK, "advanced", "RU")),
        ("Ukrainian forces repelled Russian assaults near Vovchansk.", "en", (VOVCHANSK, "repelled", "UA")),
        ("Russian forces conducted ground attacks near Vovchansk.", "en", (VOVCHANSK, "attacked", "RU")),
        ("Fighting continues in Vovchansk.", "en", (VOVCHANSK, "fighting", None)),
        # Russian (MoD style)
        ("Подразделения группировки войск «Север» освободили Волчанск.", "ru", (VOVCHANSK, "captured", "RU")),
        ("Российские войска продвинулись в Волчанске.", "ru", (VOVCHANSK, "advanced", "RU")),
        ("Российские военные отразили три атаки ВСУ в районе Волчанска.", "ru", (VOVCHANSK, "repelled", "RU")),
        ("ВСУ отошли из Волчанска.", "ru", (VOVCHANSK, "withdrew", "UA")),
        ("Российские штурмовики атаковали позиции ВСУ у Волчанска.", "ru", (VOVCHANSK, "attacked", "RU")),
        ("В Волчанске продолжаются бои.", "ru", (VOVCHANSK, "fighting", None)),
        # Ukrainian (General Staff and DeepState style)
        ("Сили оборони відбили чотири атаки окупантів поблизу Вовчанська.", "uk", (VOVCHANSK, "repelled", "UA")),
        ("Ворог атакував позиції наших захисників у районі Вовчанська.", "uk", (VOVCHANSK, "attacked", "RU")),
        ("Окупанти просунулися у Вовчанську, повідомляє DeepState.", "uk", (VOVCHANSK, "advanced", "RU")),
        ("Українські війська звільнили Вовчанськ.", "uk", (VOVCHANSK, "captured", "UA")),
        ("Окупанти захопили Вовчанськ.", "uk", (VOVCHANSK, "captured", "RU")),
        ("Українські підрозділи відійшли з Вовчанська на підготовлені позиції.", "uk", (VOVCHANSK, "withdrew", "UA")),
        ("У Вовчанську тривають бої.", "uk", (VOVCHANSK, "fighting", None)),
    ],
)
def test_extract_type_and_actor_per_language(text, lang, expected):
    got, _ = claims(text, lang)
    assert expected in got


def test_extract_list_gives_one_claim_per_place():
    got, _ = claims("Ukrainian forces repelled Russian assaults near Kupiansk, Vovchansk and Lyptsi.", "en")
    places = {p for p, t, a in got if t == "repelled" and a == "UA"}
    assert {KUPIANSK, VOVCHANSK} <= places and len(places) == 3


def test_extract_failed_attack_is_repelled_by_the_defender():
    got, _ = claims("Russian forces conducted unsuccessful assaults near Vovchansk.", "en")
    assert got == [(VOVCHANSK, "repelled", "UA")]


def test_extract_failed_attack_in_russian():
    got, _ = claims("ВСУ безуспешно пытались атаковать позиции российских войск у Волчанска.", "ru")
    assert (VOVCHANSK, "repelled", "RU") in got


def test_extract_passive_voice():
    got, _ = claims("Волчанск был полностью освобожден от ВСУ.", "ru", source="Telegram: ТАСС")
    assert (VOVCHANSK, "captured", "RU") in got


def test_extract_denial_has_denied_stance():
    _, doc = claims("Ukraine's General Staff denied that Russian forces had captured Vovchansk.", "en")
    c = doc.claims[0]
    assert (c.place, c.type.value, c.actor.value) == (VOVCHANSK, "captured", "RU")
    assert c.stance.value == "denied" and c.claimant_side.value == "UA"


def test_extract_reported_stance_and_claimant():
    _, doc = claims("The Russian Ministry of Defense claimed that Russian forces captured Vovchansk.", "en")
    c = doc.claims[0]
    assert c.claimant == "Russian Ministry of Defense" and c.claimant_side.value == "RU" and c.stance.value == "reported"


def test_extract_hedge():
    _, doc = claims("Russian forces reportedly advanced in Vovchansk.", "en", source="ISW")
    assert doc.claims[0].hedged and doc.claims[0].stance.value == "asserted"


def test_extract_relative_date_from_publication():
    _, doc = claims("За минулу добу окупанти атакували поблизу Вовчанська.", "uk")
    assert doc.claims[0].date == dt.date(2024, 12, 9)


def test_extract_direction_is_never_a_claim():
    got, doc = claims("На Купянском направлении российские войска продвинулись у Волчанска.", "ru")
    assert (VOVCHANSK, "advanced", "RU") in got
    assert all(p != KUPIANSK for p, _, _ in got)
    assert doc.claims[0].direction


def test_extract_evidence_offsets_point_into_the_text():
    text = "Вступ.\nРосійські війська захопили Вовчанськ. Інше речення."
    _, doc = claims(text, "uk")
    c = doc.claims[0]
    assert text[c.evidence.start : c.evidence.end] == c.sentence == "Російські війська захопили Вовчанськ."
    assert text[c.mention.start : c.mention.end] == c.surface == "Вовчанськ"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Missiles struck Kupiansk overnight.", "en"),
        ("A man was released on bail in Kupiansk.", "en"),
        ("Russia aims to capture Kupiansk by spring.", "en"),
        ("If Russian forces take Kupiansk, they will advance west.", "en"),
        ("Беспилотники атаковали Купянск ночью.", "ru"),
        ("Задержанный в Купянске освобождён под подписку о невыезде.", "ru"),
        ("Russian forces attacked 10km east of Kupiansk.", "en"),
        ("Харківська область знову під обстрілом.", "uk"),
    ],
)
def test_extract_negatives_stay_negative(text, lang):
    got, _ = claims(text, lang)
    assert got == []


def test_extract_is_deterministic():
    text = "Российские войска освободили Волчанск. Ukrainian forces repelled attacks near Kupiansk."
    assert claims(text)[0] == claims(text)[0]


def test_seed_article_gives_exactly_the_worked_example(shared):
    text = (shared / "corpus" / "seed" / "kupyansk_front_article.txt").read_text(encoding="utf-8")
    doc = frontwatch.extract(text, lang="en", date="2024-12-10", source="news article (seed)")
    got = sorted((c.place, c.surface, c.type.value, c.actor.value, c.claimant_side.value, c.stance.value) for c in doc.claims)
    assert got == [
        ("UA14160150030092191", "Rovno", "captured", "RU", "RU", "reported"),
        ("UA63080130080014612", "Kucherkovka", "captured", "RU", "RU", "reported"),
    ]
    kuch = next(c for c in doc.claims if c.surface == "Kucherkovka")
    assert kuch.date == dt.date(2024, 12, 7)
