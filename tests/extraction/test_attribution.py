"""Who a claim belongs to when the attribution is in another sentence (texts we wrote)."""

from __future__ import annotations

import frontwatch


def _by_place(text, lang, source="example.org"):
    return {c.surface: c for c in frontwatch.extract(text, lang=lang, source=source).claims}


def test_next_sentence_continuing_with_also_names_the_claimant():
    text = "Российские войска взяли под контроль Новоселовку. Как сообщает Минобороны России, также освобождена Калиновка."
    c = _by_place(text, "ru")["Новоселовку"]
    assert (c.claimant, c.claimant_side.value, c.stance.value) == ("Russian Ministry of Defense", "RU", "reported")


def test_headline_and_lead_take_the_claimant_of_the_sentence_pointing_back():
    text = "Українські сили вийшли з Новоселівки\n\nУкраїнські сили вийшли з Новоселівки на підготовлені позиції. Про це у суботу повідомив Генштаб ЗСУ."
    claims = frontwatch.extract(text, lang="uk", source="example.org").claims
    assert len(claims) == 1
    assert (claims[0].claimant, claims[0].stance.value) == ("Ukrainian General Staff", "reported")


def test_without_a_back_reference_the_outlet_speaks():
    text = "Российские войска освободили Новоселовку. Минобороны России сообщило о потерях противника под Купянском."
    c = _by_place(text, "ru")["Новоселовку"]
    assert c.stance.value == "asserted" and c.claimant == "example.org"
