"""Russian claim extraction: MoD, news and Telegram (milblogger) style, on sentences we wrote."""

from __future__ import annotations

import frontwatch

VOVCHANSK = "UA63140010010035757"
PUB = "2024-12-10"


def claims(text, source=None):
    doc = frontwatch.extract(text, lang="ru", date=PUB, source=source)
    return [(c.place, c.type.value, c.actor.value if c.actor else None) for c in doc.claims], doc


def test_vsu_is_an_actor_not_a_claimant():
    # "у ВСУ" after "по данным" must not make the Ukrainian military the speaker of the post
    got, doc = claims("По данным с мест, у ВСУ большие проблемы с эвакуацией.\n\nВС РФ зашли в Волчанск.", "Telegram: Mash")
    assert got == [(VOVCHANSK, "advanced", "RU")]
    assert doc.claims[0].claimant_side.value == "RU" and doc.claims[0].stance.value == "asserted"


def test_a_place_after_from_is_not_the_patient_side():
    got, _ = claims("После отступления из Волчанска украинские боевики пытаются закрепиться на новых рубежах.")
    assert (VOVCHANSK, "withdrew", "UA") in got


def test_attack_on_positions_of_a_side_destroyed_is_repelled_by_that_side():
    got, _ = claims("Ещё 20 боевиков уничтожены в ходе попыток атаковать позиции ВС РФ в районе Волчанска.")
    assert got == [(VOVCHANSK, "repelled", "RU")]


def test_attempt_destroyed_by_instrumental_agent_is_repelled():
    got, _ = claims("Группа ВСУ пыталась прорваться к Волчанску и была уничтожена нашими бойцами.")
    assert got == [(VOVCHANSK, "repelled", "RU")]


def test_destroyed_without_attempt_is_no_claim():
    got, _ = claims("В районе Волчанска уничтожен склад боеприпасов.")
    assert got == []


def test_circumstance_noun_does_not_govern_the_place():
    got, _ = claims("В результате тяжёлых боёв Волчанск был освобождён.", "Telegram: SHOT")
    assert got == [(VOVCHANSK, "captured", "RU")]
    got, _ = claims("Ещё два опорника взяты подразделениями ВС РФ в ходе штурма Волчанска.", "Telegram: SHOT")
    assert got == [(VOVCHANSK, "advanced", "RU")]


def test_common_war_nouns_are_not_villages():
    got, doc = claims("Атаки продолжаются. Город Волчанск под контролем.")
    assert got == [] and all(m.surface not in ("Атаки", "Город") for m in doc.mentions)
