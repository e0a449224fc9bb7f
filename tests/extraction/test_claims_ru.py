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


def test_civilians_fleeing_is_no_withdrawal():
    got, _ = claims("Жители Волчанска, бежавшие из своего города, устроили митинг.", "Telegram: Mash")
    assert got == []


def test_milblogger_going_toward_a_town_is_an_advance():
    got, _ = claims("Прямо сейчас наши идут в направлении Волчанска.", "Telegram: Mash")
    assert got == [(VOVCHANSK, "advanced", "RU")]


def test_breakout_from_encirclement_is_fighting():
    got, _ = claims("Противник потерял 20 человек, пытаясь выбраться из котла в районе Волчанска.", "Telegram: SHOT")
    assert [(p, t) for p, t, _ in got] == [(VOVCHANSK, "fighting")]


def test_offensive_to_seize_is_an_attack_not_a_capture():
    got, _ = claims("Штурмовые отряды продолжают наступательные действия по овладению кварталами на окраинах Волчанска.", "tass.ru")
    assert got == [(VOVCHANSK, "attacked", "RU")]


def test_locators_with_a_settlement_noun():
    assert claims("Российские войска атакуют северо-западнее села Волчанск.", "tass.ru")[0] == []
    assert claims("Населённый пункт под Волчанском был взят группировкой войск «Север».", "tass.ru")[0] == []
    got, _ = claims("ВС РФ движутся к Липцам со стороны села Волчанск.", "Telegram: Mash")
    assert all(p != VOVCHANSK for p, _, _ in got)


def test_command_of_a_side_is_that_side():
    got, _ = claims("Военное командование Украины отдало приказ об отступлении из Волчанска.", "dzen.ru")
    assert got == [(VOVCHANSK, "withdrew", "UA")]


def test_attributive_participles_are_standing_state():
    got, _ = claims("В занятом нашими Волчанске продолжается уничтожение остатков украинской пехоты.", "Telegram: Mash")
    assert [(p, t) for p, t, _ in got] == [(VOVCHANSK, "fighting")]
    assert claims("Противник перебросил резервы к окружённым в Волчанске подразделениям.", "Telegram: Mash")[0] == []


def test_controlling_part_of_a_town_is_an_advance():
    got, _ = claims("Западную часть Волчанска контролирует ВС РФ.", "Telegram: Mash")
    assert got == [(VOVCHANSK, "advanced", "RU")]
    got, _ = claims("ВСУ почти потеряли Волчанск - армия РФ контролирует 90% города.", "rambler.ru")
    assert got == [(VOVCHANSK, "advanced", "RU")]


def test_attempt_verb_is_an_attack_only_with_a_trigger_after_it():
    assert claims("Украинские боевики пытаются создать укрепрайоны в Волчанске.", "tass.ru")[0] == []
    got, _ = claims("ВСУ пытались прорваться к Волчанску.", "tass.ru")
    assert got == [(VOVCHANSK, "attacked", "UA")]


def test_subordinate_clause_without_trigger_gives_no_claim():
    got, _ = claims("Наши продвинулись к Липцам, чем усложнили снабжение засевшим в Волчанске украинским солдатам.", "Telegram: Mash")
    assert all(p != VOVCHANSK for p, _, _ in got) and len(got) == 1


def test_verb_right_after_the_place_in_its_comma_clause_governs_it():
    got, _ = claims("Под контроль ВС России перешли 13 населённых пунктов, в Волчанске идут уличные бои.", "tass.ru")
    assert [(p, t) for p, t, _ in got] == [(VOVCHANSK, "fighting")]


def test_the_dnieper_is_a_river_not_the_city():
    _, doc = claims("ВСУ пытались форсировать Днепр у Крынок.", "tass.ru")
    assert all(m.surface != "Днепр" for m in doc.mentions)


def test_purpose_clause_is_a_goal():
    got, _ = claims("ВСУ подтянули резервы, чтобы не дать нашим подойти к Волчанску.", "Telegram: Mash")
    assert got == []


def test_waiting_for_an_attack_is_no_attack():
    got, _ = claims("ВСУшники засели в Волчанске и ожидают атаки.", "Telegram: Mash")
    assert got == []


def test_distance_clause_after_a_dash_locates():
    got, _ = claims("Сейчас бои идут в Липцах — оттуда до окраин Волчанска менее двух километров.", "Telegram: Mash")
    assert all(p != VOVCHANSK for p, _, _ in got) and len(got) == 1


def test_town_word_before_a_name_is_a_cue_not_a_first_name():
    got, _ = claims("Город Волчанск контролируют подразделения группировки войск «Север».", "360.ru")
    assert got == [(VOVCHANSK, "captured", "RU")]


def test_beating_off_strongpoints_is_no_repel_and_oblast_side_is_no_partial():
    text = "На севере Харьковской области ВС РФ уже контролируют Волчанск, ими отбиты и заняты два опорных пункта."
    assert claims(text, "Telegram: Mash")[0] == [(VOVCHANSK, "captured", "RU")]
    assert claims("ВСУ отбили атаку у Волчанска.", "Telegram: Mash")[0] == [(VOVCHANSK, "repelled", "UA")]


def test_in_the_area_of_a_town_after_a_place_locates_it():
    got, _ = claims("Освобождение Липцов в районе Волчанска позволило выйти к реке.", "tass.ru")
    assert all(p != VOVCHANSK for p, _, _ in got) and len(got) == 1


def test_units_that_left_a_town_is_an_attribute():
    got, _ = claims("В Волчанске проводятся мероприятия по блокированию украинских подразделений, оставивших город.", "tass.ru")
    assert got == []


def test_pulling_troops_out_of_a_town_is_a_withdrawal():
    got, _ = claims("ВСУ пытаются вывести первые группы военнослужащих из Волчанска.", "tass.ru")
    assert got == [(VOVCHANSK, "withdrew", "UA")]


def test_raion_adjectives_with_a_bracketed_other_name_are_no_places():
    _, doc = claims("Посёлок Гродовка расположен в Красноармейском (Покровском) районе ДНР.", "tass.ru")
    assert [m.surface for m in doc.mentions] == ["Гродовка"]


def test_a_dot_ru_outlet_speaks_for_the_russian_side():
    for source in ("novosti-regiona.ru", "news.rambler.ua", "dzen.ru"):
        _, doc = claims("Российские войска освободили Волчанск.", source)
        assert doc.claims[0].claimant_side.value == "RU", source


def test_subject_of_a_clause_closed_by_a_passive_repel_attacked():
    got, _ = claims("Украинские войска предприняли попытку атаковать в направлении Волчанска, но были отброшены.", "ria.ru")
    assert got == [(VOVCHANSK, "repelled", "RU")]


def test_area_of_a_place_before_villages_taken_locates_them():
    got, _ = claims("В районе Волчанска нашими освобождены деревни Липцы и Глубокое.", "Telegram: Mash")
    assert all(p != VOVCHANSK for p, _, _ in got) and len(got) == 2


def test_a_district_named_like_a_village_is_not_a_place():
    _, doc = claims("Микрорайон Ступки в городе Волчанске перешёл под контроль российских войск.", "ria.ru")
    assert [m.surface for m in doc.mentions] == ["Волчанске"]


def test_courts_releasing_people_and_strike_damage_are_no_claims():
    assert claims("Суд в Волчанске освободил задержанного под залог.", "ria.ru")[0] == []
    assert claims("В результате атаки на Волчанск погибли два человека.", "ria.ru")[0] == []
    assert claims("США передают разведданные в надежде улучшить положение ВСУ под Волчанском.", "ria.ru")[0] == []


def test_ongoing_liberation_approach_and_encirclement_are_advances():
    for text in ("Наши продолжают освобождать Волчанск.", "Наши приблизились к Волчанску.", "Наши почти замкнули кольцо вокруг Волчанска."):
        assert claims(text, "Telegram: Mash")[0] == [(VOVCHANSK, "advanced", "RU")], text


def test_failure_nouns_only_of_an_attack():
    assert claims("Житель Волчанска рассказал о провале на экзамене.", "ria.ru")[0] == []


def test_controlling_work_is_no_capture():
    assert claims("Агаев находился в Волчанске, где контролировал ход строительства.", "ria.ru")[0] == []


def test_origin_list_is_no_list_continuation():
    got, _ = claims("ВС РФ освободили Липцы. Со стороны Волчанска, Глубокого — в сторону Харькова.", "Telegram: Mash")
    assert all(p != VOVCHANSK for p, _, _ in got)


def test_negation_of_another_verb_does_not_flip_an_attack():
    got, _ = claims("Российские военные не комментировали атаку на Волчанск.", "ria.ru")
    assert all(t != "repelled" for _, t, _ in got)
    assert claims("ВСУ не смогли взять Волчанск.", "ria.ru")[0] == [(VOVCHANSK, "repelled", "RU")]
    assert claims("Российские войска не полностью освободили Волчанск.", "ria.ru")[0] == [(VOVCHANSK, "advanced", "RU")]


def test_a_route_through_villages_locates():
    got, _ = claims("Украинская ДРГ попыталась зайти в тыл нашим через сёла Волчанск и Липцы.", "Telegram: Mash")
    assert got == []


def test_attribution_naming_nobody_points_back_to_the_last_claimant():
    text = "Начальник Генштаба ВС РФ Валерий Герасимов проверил группировку «Север».\n\nСообщается, что подразделения освободили Волчанск."
    _, doc = claims(text, "news.example.com")
    c = doc.claims[0]
    assert c.claimant.startswith("Valery Gerasimov") and c.stance.value == "reported" and c.claimant_side.value == "RU"


UGLEDAR = "UA14040050010075856"


def _claim_row(text, source):
    _, doc = claims(text, source)
    c = doc.claims[0]
    return c.place, c.type.value, c.actor.value, c.claimant_side.value, c.stance.value


def test_a_denial_in_another_clause_leaves_the_claim_reported():
    row = _claim_row("В Минобороны России заявили о взятии Угледара, однако ВСУ это опровергают.", "Telegram: BBC News | Русская служба")
    assert row == (UGLEDAR, "captured", "RU", "RU", "reported")


def test_the_denier_speaks_and_denies_the_other_sides_claim():
    row = _claim_row("В ВСУ опровергли заявление Минобороны России о взятии Угледара.", "Telegram: BBC News | Русская служба")
    assert row == (UGLEDAR, "captured", "RU", "UA", "denied")


def test_failed_counterattack_and_choked_attack_are_repelled():
    assert claims("ВСУ провели неудачную контратаку у Волчанска.", "Telegram: Mash")[0] == [(VOVCHANSK, "repelled", "RU")]
    assert claims("Противник пытался прорвать оборону у Волчанска — атака захлебнулась.", "Telegram: Mash")[0] == [(VOVCHANSK, "repelled", "RU")]


def test_driving_the_enemy_out_is_a_capture():
    assert claims("Наши бойцы выбили противника из Волчанска.", "Telegram: Mash")[0] == [(VOVCHANSK, "captured", "RU")]


def test_recaps_and_dated_chronologies_are_the_outlets_voice():
    text = (
        "Подразделения группировки «Север» освободили Липцы, сообщает Минобороны России.\n\n"
        "Ранее наши бойцы взяли Волчанск. 3 октября армия России освободила Угледар."
    )
    _, doc = claims(text, "tvc.ru")
    by_place = {c.place: c for c in doc.claims}
    assert by_place[VOVCHANSK].stance.value == "asserted" and by_place[UGLEDAR].stance.value == "asserted"
    assert all(c.claimant_side.value == "RU" for c in doc.claims)


def test_congratulating_on_a_liberation_attributes_it():
    _, doc = claims("Президент России Владимир Путин поздравил военнослужащих с освобождением Волчанска.", "rg.ru")
    c = doc.claims[0]
    assert (c.type.value, c.actor.value, c.claimant, c.stance.value) == ("captured", "RU", "Vladimir Putin", "reported")


def test_an_unnamed_source_from_the_ground_stays_the_outlets_word():
    text = "Герасимов проверил группировку «Север».\n\nПо данным с мест, наши зашли в Волчанск."
    _, doc = claims(text, "Telegram: Mash")
    c = doc.claims[0]
    assert (c.claimant, c.stance.value) == ("Mash", "asserted")


def test_imperfective_withdrawal_and_membership_is_no_entry():
    assert claims("Противник отступает из Волчанска, бросая технику.", "Telegram: Mash")[0] == [(VOVCHANSK, "withdrew", "UA")]
    assert claims("Село Липцы входит в состав Волчанской громады.", "ria.ru")[0] == []


def test_an_island_named_like_a_village_is_no_place():
    _, doc = claims("Предотвращена попытка проникновения ДРГ около острова Волчанск, уничтожены две лодки.", "tass.ru")
    assert doc.mentions == () and doc.claims == ()


def test_a_clause_after_a_circumstance_noun_is_not_its_complement():
    got, _ = claims("После отступления из Волчанска украинские боевики пытаются создать укрепрайоны в Липцах.", "tass.ru")
    assert got == [(VOVCHANSK, "withdrew", "UA")]


def test_a_brigade_in_russian_is_no_side_word_of_its_own():
    got, _ = claims("Мужики из 155-й бригады закрепились в Волчанске после продолжительных атак.", "Telegram: Mash")
    assert got == [(VOVCHANSK, "advanced", "RU")]
    doc = frontwatch.extract("Бійці штурмової бригади просунулися біля Вовчанська.", lang="uk", date=PUB, source="Telegram: Mash")
    assert [(c.type.value, c.actor.value) for c in doc.claims] == [("advanced", "UA")]
