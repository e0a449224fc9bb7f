"""Folding, sentences, language and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.text.dates import event_date
from frontwatch.text.language import detect_language
from frontwatch.text.normalize import fold
from frontwatch.text.sentences import sentence_spans


def test_fold_keeps_length_and_fixes_homoglyphs():
    text = "Урoжайнoе, Куп’янськ — Ёлки\u200bпалки"
    out = fold(text)
    assert len(out) == len(text)
    assert out.startswith("урожайное, куп'янськ - елки")


def test_sentences_survive_abbreviations_citations_and_telegram_lines():
    text = "Gen. Syrskyi said forces held.[12] Russian forces attacked.\n⚡️Бои под Купянском\nс. Кучерівка — под контролем. Дальше."
    sents = [text[s.start : s.end] for s in sentence_spans(text)]
    assert sents[0] == "Gen. Syrskyi said forces held."  # the citation mark is not evidence
    assert sents[1] == "Russian forces attacked."
    assert "⚡️Бои под Купянском" in sents
    assert "с. Кучерівка — под контролем." in sents


@pytest.mark.parametrize(
    "text, lang",
    [("Сили оборони відбили атаки.", "uk"), ("Войска отразили атаки.", "ru"), ("Forces repelled attacks.", "en"), ("", None)],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


PUB = dt.date(2024, 12, 10)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The MoD announced on December 7 the capture.", dt.date(2024, 12, 7)),
        ("В ночь на 7 декабря войска атаковали.", dt.date(2024, 12, 7)),
        ("За минулу добу ворог атакував.", dt.date(2024, 12, 9)),
        ("За минувшие сутки войска отразили атаки.", dt.date(2024, 12, 9)),
        ("Yesterday Russian forces attacked.", dt.date(2024, 12, 9)),
        ("Ukraine on Thursday said the town held.", dt.date(2024, 12, 5)),
        ("Сьогодні тривають бої.", PUB),
        ("Russian forces attacked Kupiansk.", None),
    ],
)
def test_event_dates_relative_to_publication(sentence, expected):
    assert event_date(sentence, PUB) == expected


def test_paragraph_opening_date_carries():
    assert event_date("Russian forces attacked X.", PUB, "On December 1, Russian forces attacked Y.") == dt.date(2024, 12, 1)


def test_a_lead_that_ends_on_its_date_carries_it():
    lead = "Ukrainian forces held their positions north of the town on December 2."
    assert event_date("Russian forces attacked X.", PUB, lead) == dt.date(2024, 12, 2)
    assert event_date("Бои шли у Х.", PUB, "Противник продолжал штурмы 2 декабря.") == dt.date(2024, 12, 2)
    # a date in the middle of a lead does not spread
    assert event_date("Russian forces attacked X.", PUB, "On the map of December 2 the front moved; more below.") is None


def test_date_in_january_of_december_event_is_previous_year():
    assert event_date("on December 30", dt.date(2025, 1, 2)) == dt.date(2024, 12, 30)
