"""Ukrainian claims: General Staff, DeepState and spokesman formulas on sentences we wrote (CLAIMS.md)."""

from __future__ import annotations

import datetime as dt

import pytest

import frontwatch

KUPIANSK = "UA63080090010026457"
VOVCHANSK = "UA63140010010035757"
PUB = "2024-12-10"


def claims(text, source=None, date=PUB):
    doc = frontwatch.extract(text, lang="uk", date=date, source=source)
    return [(c.place, c.type.value, c.actor.value if c.actor else None) for c in doc.claims], doc


@pytest.mark.parametrize(
    "text, expected",
    [
        # the subject stands between the place and the verb
        ("Ситуація у Вовчанську: окупанти просуваються, місто зруйноване.", (VOVCHANSK, "advanced", "RU")),
        ("В районі Вовчанська ворог намагається просуватися до лісосмуги.", (VOVCHANSK, "attacked", "RU")),
        # the subject of a relative clause after "атаки" is the defender, not the attacker
        ("На Харківському напрямку було дві атаки, які наші оборонці відбили в районі Вовчанська.", (VOVCHANSK, "repelled", "UA")),
        # a unit's name ("окремий батальйон") does not make a capture partial
        ("Бійці 92 окремої штурмової бригади звільнили Вовчанськ.", (VOVCHANSK, "captured", "UA")),
        # "на сході" far from the place is the east of the country, not part of the town
        ("На сході, за тиждень боїв, Сили оборони звільнили Вовчанськ.", (VOVCHANSK, "captured", "UA")),
        # square kilometres near a place: an advance, not the place taken
        ("Сили оборони звільнили близько 3 кв км території в районі Вовчанська.", (VOVCHANSK, "advanced", "UA")),
        # a purpose clause does not make a failed assault a plan
        ("Окупанти вели штурмові дії з метою охоплення Вовчанська, успіху не мали.", (VOVCHANSK, "repelled", "UA")),
        # "вибили ворога з" is a recapture
        ("Українські захисники вибили окупантів з Вовчанська.", (VOVCHANSK, "captured", "UA")),
        # General Staff summaries: a dash opens another sector, whose attacks are not the ones repelled before
        ("На Покровському напрямку Сили оборони відбили 30 атак, на Харківському – росіяни атакували 5 разів, зокрема біля Вовчанська.", (VOVCHANSK, "attacked", "RU")),
        ("Сили оборони продовжують стримувати ворога в районі Вовчанська.", (VOVCHANSK, "repelled", "UA")),
        # whom the enemy tries to push out of positions near X: X is the target, not a starting point
        ("Окупанти 45 разів намагалися витіснити наших захисників з позицій поблизу Вовчанська.", (VOVCHANSK, "attacked", "RU")),
        # "X та у напрямку Y": Y is a target, and X is no direction
        ("Наші оборонці відбили атаки в районах Липців, Вовчанська та у напрямку Куп'янська.", (VOVCHANSK, "repelled", "UA")),
        # only the Russian side "occupies", with or without a subject
        ("Вовчанськ окуповано.", (VOVCHANSK, "captured", "RU")),
        # a headline signed after a dash: the place before the dash is no "X – Y" direction pair
        ("Окупанти просунулися у Вовчанськ – DeepState", (VOVCHANSK, "advanced", "RU")),
        ("Загарбники мали успіх біля Вовчанська.", (VOVCHANSK, "advanced", "RU")),
        ("Наші підрозділи відновили втрачені позиції біля Вовчанська.", (VOVCHANSK, "advanced", "UA")),
        # "прорвати оборону": a breach is an advance, an attempt at one an attack
        ("Росіяни прорвали оборону біля Вовчанська.", (VOVCHANSK, "advanced", "RU")),
        ("Ворог здійснив 8 спроб прорвати оборону наших військ біля Вовчанська.", (VOVCHANSK, "attacked", "RU")),
        # the one who speaks is not the actor: "в ЗСУ пояснили захоплення ЗС РФ …"
        ("У ЗСУ пояснили захоплення ЗС РФ мікрорайону у Вовчанську.", (VOVCHANSK, "advanced", "RU")),
        # those who defend a town fight for it
        ("Евакуювали поранених бійців, які два місяці обороняли Вовчанськ.", (VOVCHANSK, "fighting", None)),
        # a sentence without a place name points back to the place(s) of the sentence before
        ("Окупанти штурмують Вовчанськ з трьох боків. У Силах оборони повідомили, що в місті тривають бої.", (VOVCHANSK, "fighting", None)),
        ("Ситуація біля Вовчанська складна. Окупанти намагаються там просуватися, однак успіхів не мають.", (VOVCHANSK, "repelled", "UA")),
        ("Росіяни накопичують сили біля Вовчанська та Куп'янська. Війська РФ підійшли до цих населених пунктів впритул.", (KUPIANSK, "advanced", "RU")),
        # a chain of sentences about "місто" keeps pointing at the town
        ("Росіяни кажуть, що зайшли у Вовчанськ. Це спростували. Місто під контролем ЗСУ. Противник у місто не проникав, бої точаться на підступах.", (VOVCHANSK, "fighting", "RU")),
    ],
)
def test_uk_formulas(text, expected):
    got, _ = claims(text)
    assert expected in got


@pytest.mark.parametrize(
    "text",
    [
        "Українські війська взяли під вогневий контроль трасу на Куп'янськ.",
        "Сили оборони взяли Куп'янськ в оперативне оточення.",
    ],
)
def test_uk_not_a_capture(text):
    got, _ = claims(text)
    assert not [c for c in got if c[1] == "captured"]


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Українці відбивають атаки у Вовчанську.", "Українці"),
        ("Нам вистачає мужності боронити свою Батьківщину.", "Батьківщину"),
        ("Бої тривають біля Вовчанська, де фронт проходить по річці Вовча.", "Вовча"),
        ("Противник вів штурмові дії в напрямку Вуглегірська ТЕС – Вовчанськ.", "Вуглегірська"),
        # a settlement cue at the end of a headline does not reach over the line break
        ("ЗСУ звільнили 30 населених пунктів\nП'ятниця, 1 квітня, стала радісною днем.", "П'ятниця"),
    ],
)
def test_uk_not_a_settlement(text, surface):
    _, doc = claims(text)
    assert surface not in {m.surface for m in doc.mentions}


def _stance(text, place, source="example.com.ua"):
    _, doc = claims(text, source=source)
    c = next(c for c in doc.claims if c.place == place)
    return c.stance.value, c.claimant


@pytest.mark.parametrize(
    "text",
    [
        "Сили оборони звільнили Вовчанськ. Бійці закріплюються на позиціях. Про це повідомив Генштаб ЗСУ.",
        "Сили оборони звільнили Вовчанськ\nЯк передає Укрінформ, про це повідомив Генштаб ЗСУ.",
        "Сили оборони звільнили Вовчанськ\nЯк інформує Цензор.НЕТ, про це заявив Генштаб ЗСУ.",
        "Сили оборони звільнили Вовчанськ. Відповідну заяву оприлюднив Генштаб ЗСУ.",
    ],
)
def test_uk_back_reference_attributes_the_sentences_before(text):
    assert _stance(text, VOVCHANSK) == ("reported", "Ukrainian General Staff")


def test_uk_headline_repeated_with_attribution_is_reported():
    text = "Українські війська вийшли з Вовчанська\nУкраїнські війська вийшли з Вовчанська на підготовлені позиції, повідомив Олександр Сирський."
    assert _stance(text, VOVCHANSK) == ("reported", "Oleksandr Syrskyi")


def test_uk_headline_signed_after_a_dash_is_reported():
    assert _stance("Біля Вовчанська точаться запеклі бої – Генштаб\n\nІнші новини дня.", VOVCHANSK) == ("reported", "Ukrainian General Staff")


@pytest.mark.parametrize("verb", ["підтвердили", "зазначила", "сказав", "оголосило", "резюмували"])
def test_uk_attribution_verb_forms(verb):
    assert _stance(f"Українські захисники звільнили Вовчанськ, {verb} у Генштабі.", VOVCHANSK)[0] == "reported"


def test_uk_a_map_update_is_its_publishers():
    assert _stance("На оновленій мапі DeepState позначено просування ворога біля Вовчанська.", VOVCHANSK) == ("reported", "DeepState")


def test_uk_a_channel_post_speaks_in_its_own_voice_after_a_quoted_paragraph():
    text = "Генштаб заявив про бої біля Куп'янська.\n\nОкупанти просунулися у Вовчанську."
    assert _stance(text, VOVCHANSK, source="Telegram: some_channel")[0] == "asserted"
    assert _stance(text, VOVCHANSK, source="example.com.ua") == ("reported", "Ukrainian General Staff")


@pytest.mark.parametrize(
    "text, claimant",
    [
        ("Сили оборони просунулися біля Вовчанська, сказав Тарнавський.", "Oleksandr Tarnavskyi (OSUV Tavria)"),
        ("У Силах оборони повідомили, що у Вовчанську тривають бої.", "Ukrainian Defense Forces"),
        ("Росія заявила про відхід з Вовчанська.", "Russian sources"),
        ("Сили оборони звільнили Вовчанськ, повідомив командувач Сухопутних військ.", "Ukrainian military command"),
        ("Окупанти просунулися у Вовчанську, заявив начальник Вовчанської міської військової адміністрації.", "Ukrainian military command"),
    ],
)
def test_uk_military_claimants(text, claimant):
    assert _stance(text, VOVCHANSK) == ("reported", claimant)


def test_uk_russia_as_claimant_speaks_for_its_side():
    got, _ = claims("Росія заявила про відхід з Вовчанська.")
    assert (VOVCHANSK, "withdrew", "RU") in got


@pytest.mark.parametrize(
    "text, source, expected",
    [
        # Russian-language side words met while checking the Ukrainian stance rules
        ("Российским захватчикам не удалось войти в Волчанск.", "bbc.com", (VOVCHANSK, "repelled", "UA")),
        ("Союзные силы закрепились на окраине Волчанска.", "example.com.ua", (VOVCHANSK, "advanced", "RU")),
    ],
)
def test_ru_side_words(text, source, expected):
    got = [(c.place, c.type.value, c.actor.value if c.actor else None) for c in frontwatch.extract(text, lang="ru", date=PUB, source=source).claims]
    assert expected in got


@pytest.mark.parametrize(
    "text, days_before",
    [
        ("Вранці Сили оборони звільнили Вовчанськ.", 0),
        ("Вчора вранці окупанти атакували біля Вовчанська.", 1),  # the earliest date word decides
        ("Напередодні окупанти атакували біля Вовчанська.", 1),
        ("За останню добу окупанти атакували біля Вовчанська.", 1),
        ("Вночі на суботу окупанти атакували біля Вовчанська.", 3),  # PUB is a Tuesday
        # General Staff reports: "since the start of the day", "as of 22:00" is the day of the report
        ("З початку доби ворог 14 разів атакував біля Вовчанська.", 0),
        ("Станом на 22:00 ворог 14 разів атакував біля Вовчанська.", 0),
        # a headline without a date, repeated with one
        ("Окупанти атакували біля Вовчанська\nОкупанти атакували біля Вовчанська напередодні.", 1),
    ],
)
def test_uk_dates(text, days_before):
    _, doc = claims(text)
    c = next(c for c in doc.claims if c.place == VOVCHANSK)
    assert c.date == dt.date.fromisoformat(PUB) - dt.timedelta(days=days_before)


def test_uk_a_list_that_goes_on_keeps_the_date():
    _, doc = claims("Вчора Сили оборони звільнили Вовчанськ та Куп'янськ. Пізніше до них додалися Липці та Борова.")
    dates = {c.surface: c.date for c in doc.claims}
    assert dates.get("Липці") == dt.date.fromisoformat(PUB) - dt.timedelta(days=1)


def test_uk_genitive_of_an_adjectival_village_name():
    got, _ = claims("Там противник наступав в напрямку Бурлацького.")
    assert ("UA14040070200032485", "attacked", "RU") in got  # Бурлацьке: there is no town Бурлацьк


def test_uk_direction_adjective_is_not_a_village():
    got, doc = claims("На Лиманському та Слов'янському напрямках українські військові відбили 12 атак.")
    assert "Лиманському" not in {m.surface for m in doc.mentions}


@pytest.mark.parametrize(
    "text",
    [
        # a direction is not a place a later sentence points back to
        "На Харківському напрямку тривають бої. Окупанти намагаються там просуватися.",
        # a purpose clause, and "no advance recorded"
        "Ворог докладає зусиль, щоб захопити Вовчанськ.",
        "Біля Вовчанська просування ворога не зафіксовано.",
        # "захисників міста" names the town's defenders, not an event in it
        "Бої тривають біля Вовчанська. Лідери намагаються допомогти врятувати захисників міста.",
        "Даних про захоплення Вовчанська не надходило.",
        # a locator covers the rest of its list
        "Окупанти просунулися південніше Липців та Вовчанська.",
    ],
)
def test_uk_no_claim(text):
    got, _ = claims(text)
    assert not [c for c in got if c[1] in ("captured", "advanced", "attacked")]


def test_uk_back_reference_gives_its_date():
    _, doc = claims("Сили оборони вийшли з Вовчанська. Про це у суботу, 7 грудня, повідомив Генштаб ЗСУ.")
    c = next(c for c in doc.claims if c.place == VOVCHANSK)
    assert (c.stance.value, c.date) == ("reported", dt.date(2024, 12, 7))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a denial of an agentless capture is a denial of the enemy's claim
        ("У Генштабі спростували інформацію про захоплення Вовчанська.", ("captured", "RU", "denied", "UA")),
        # the denial in a later clause is another party's answer: the sentence keeps the assertion
        ("Росія заявила про захоплення Вовчанська: Україна спростовує", ("captured", "RU", "reported", "RU")),
        ("Російські пропагандисти стверджують про захоплення Вовчанська.", ("captured", "RU", "reported", "RU")),
    ],
)
def test_uk_claims_and_denials_of_the_other_side(text, expected):
    _, doc = claims(text)
    c = next(c for c in doc.claims if c.place == VOVCHANSK)
    assert (c.type.value, c.actor.value, c.stance.value, c.claimant_side.value) == expected


@pytest.mark.parametrize("surface", ["Великої Новосілки", "Великій Новосілці"])
def test_uk_feminine_adjective_in_a_two_word_name_inflects(surface):
    _, doc = claims(f"Ворог атакував біля {surface}.")
    assert "UA14040010010027148" in {m.place for m in doc.mentions if m.surface == surface}
