"""Framing flags: mirrored pairs, sense exclusions, voice, data files (FRAMING.md)."""

from __future__ import annotations

import pytest

from frontwatch.framing.lexicon import load_lexicon
from frontwatch.framing.match import find_flags
from frontwatch.model import FlagCategory, FlagSide


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def flags(lex, text, lang):
    """As in the pipeline: settlement names found by the gazetteer count as war context."""
    from frontwatch.gazetteer.spot import spot_places
    from frontwatch.model import Document
    from frontwatch.resources import default_resources

    gaz = default_resources().gazetteer
    places = [(m.span.start, m.span.end) for m in spot_places(Document("t", text, lang=lang), gaz).mentions]
    return find_flags(text, lang, lex, places)


def cats(fs):
    return sorted((f.category.value, f.associated_side.value) for f in fs)


def mirrored(fs):
    swap = {"RU": "UA", "UA": "RU", "none": "none"}
    return sorted((c, swap[s]) for c, s in cats(fs))


# The same event told by each side in its own vocabulary: (RU-side text, UA-side text, lang).
PAIRS = [
    ("Наши войска освободили Кучеровку.", "Наші захисники звільнили Кучерівку.", "ru", "uk"),
    ("Армия освобождает село от неонацистов.", "ЗСУ звільняють село від рашистів.", "ru", "uk"),
    ("Киевский режим снова бросил боевиков в атаку.", "Кремлівський режим знову кинув окупантів у наступ.", "ru", "uk"),
    ("Укронацисты обстреляли село.", "Рашисти обстріляли село.", "ru", "uk"),
    ("В Белгороде раздался хлопок.", "У Криму знову бавовна.", "ru", "uk"),
    ("Украинские националисты отступили.", "Окупанти відступили.", "ru", "uk"),
    ("Хохлы ликуют зря.", "Русня радіє дарма.", "ru", "uk"),
    ("Хохлы бегут.", "Русня тікає.", "ru", "uk"),
    ("Укропы отошли.", "Орки відійшли.", "ru", "uk"),
    ("Жест доброй воли: войска ушли из Херсона.", "Сили оборони відійшли на заздалегідь підготовлені позиції.", "ru", "uk"),
    ("Перегруппировка войск завершена.", "Війська відійшли на заздалегідь підготовлені позиції.", "ru", "uk"),
    ("Кремль говорит о денацификации.", "Київ говорить про повну деокупацію.", "ru", "uk"),
    ("Нацбаты засели в городе.", "Орки засіли в місті.", "ru", "uk"),
    ("Киевский режим лжёт.", "Путінський режим бреше.", "ru", "uk"),
    ("Украинские террористы ударили по городу.", "Російські терористи вдарили по місту.", "ru", "uk"),
    ("Вооруженные формирования Украины отступили.", "Окупаційні війська відступили.", "ru", "uk"),
    ("Это исторические территории России.", "Це тимчасово окуповані території України.", "ru", "uk"),
    ("Russian forces liberated the village, the Kremlin said.", "Ukrainian forces liberated the village, Kyiv said.", "en", "en"),
    ("Moscow speaks of historical lands.", "Kyiv speaks of temporarily occupied lands.", "en", "en"),
    ("The Kyiv regime sent neo-Nazis to the front.", "The Putin regime sent orcs to the front.", "en", "en"),
    ("Neo-Nazis shelled the town.", "Ruscists shelled the town.", "en", "en"),
    ("The troops left as a goodwill gesture.", "The troops withdrew to pre-prepared positions.", "en", "en"),
    ("The Kiev regime is to blame.", "The Kremlin regime is to blame.", "en", "en"),
    ("Наши взяли село, противник — националисты — бежал.", "Наші взяли село, окупанти тікали.", "ru", "uk"),
    ("Освобождение Авдеевки завершено.", "Звільнення Авдіївки завершено.", "ru", "uk"),
    ("Киевский режим обречён.", "Кремлівський режим приречений.", "ru", "uk"),
    ("Неонацисты отступили.", "Рашисти відступили.", "ru", "uk"),
    ("Хлопок прозвучал в Курске.", "Бавовна пролунала в Криму.", "ru", "uk"),
    ("Укропы бежали.", "Рашисти тікали.", "ru", "uk"),
    ("Русские войска освободили село, сообщили в Минобороны.", "Українські війська звільнили село, повідомили в Генштабі.", "ru", "uk"),
    ("Фашисты из ВСУ отступили.", "Рашисти з ЗС РФ відступили.", "ru", "uk"),
    ("Наёмники бежали.", "Окупанти тікали.", "ru", "uk"),
    ("Освобождённый посёлок Кураховка.", "Звільнене селище Курахове.", "ru", "uk"),
    ("Russian forces liberated Kurakhove.", "Ukrainian forces liberated Izium.", "en", "en"),
    ("The Kyiv regime ordered a retreat.", "The Putin regime ordered a retreat.", "en", "en"),
    ("Kremlin: the collective West is to blame.", "Kyiv: the terrorist state is to blame.", "en", "en"),
    ("Ukro-Nazis fled.", "Rashists fled.", "en", "en"),
    ("Бандеровцы отступили из села.", "Орки відступили з села.", "ru", "uk"),
    ("Укронацисты снова обстреляли Донецк.", "Рашисти знову обстріляли Харків.", "ru", "uk"),
    ("Киевская хунта сдаёт позиции.", "Кремлівський режим здає позиції.", "ru", "uk"),
]


@pytest.mark.parametrize("ru_side, ua_side, lang_a, lang_b", PAIRS)
def test_framing_mirrored_pairs_give_mirrored_flags(lex, ru_side, ua_side, lang_a, lang_b):
    a = flags(lex, ru_side, lang_a)
    b = flags(lex, ua_side, lang_b)
    assert a, ru_side
    assert {c for c, _ in cats(a)} == {c for c, _ in cats(b)}, (cats(a), cats(b))
    assert {s for _, s in cats(a)} == {"RU"}
    assert {s for _, s in cats(b)} == {"UA"}


def test_framing_has_at_least_forty_mirrored_pairs():
    assert len(PAIRS) >= 40


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Задержанный освобождён под подписку о невыезде.", "ru"),
        ("Его освободили от должности.", "ru"),
        ("Из плена освобождены 90 военнопленных.", "ru"),
        ("Міністра звільнили з посади.", "uk"),
        ("Звільнення полонених відбулося вчора.", "uk"),
        ("He was released on bail.", "en"),
        ("The liberation of hostages took three days.", "en"),
        ("The band released a new album.", "en"),
        ("Оркестр виступив у Києві.", "uk"),
        ("Боевики ХАМАС атаковали Израиль.", "ru"),
        ("Russian forces occupied the village.", "en"),  # the verb is not flagged (FRAMING.md)
        ("Окупували село.", "uk"),
        ("Ворог атакував. Противник відступив. Захисники тримають оборону.", "uk"),
    ],
)
def test_framing_sense_exclusions_give_no_flag(lex, text, lang):
    assert flags(lex, text, lang) == []


def test_framing_voice_quoted_attributed_author(lex):
    q = flags(lex, "The ministry announced the 'liberation' of the village.", "en")
    assert q[0].voice.value == "quoted"
    a = flags(lex, "В Минобороны заявили, что войска освободили село.", "ru")
    assert a[0].voice.value == "attributed" and a[0].speaker == "Russian Ministry of Defense"
    u = flags(lex, "Окупанти обстріляли село.", "uk")
    assert u[0].voice.value == "author" and u[0].speaker is None


def test_framing_apostrophe_inside_a_word_is_not_a_quote(lex):
    f = flags(lex, "Окупанти відступили від Куп’янська.", "uk")
    assert f[0].voice.value == "author"


def test_framing_flag_carries_explanation_and_neutral(lex):
    f = flags(lex, "СВО продолжается.", "ru")[0]
    assert f.category == FlagCategory.LOADED_LABEL and f.associated_side == FlagSide.RU
    assert f.explanation and f.neutral


def test_framing_data_files_are_valid_and_balanced(lex):
    ids = [t.id for t in lex.terms]
    assert len(ids) == len(set(ids))
    known = set(ids)
    for t in lex.terms:
        assert set(t.counterparts) <= known, t.id
        assert t.explanation.strip(), t.id
    for cat in FlagCategory:
        sides = {t.side for t in lex.terms if t.category == cat}
        if FlagSide.RU in sides or FlagSide.UA in sides:
            assert {FlagSide.RU, FlagSide.UA} <= sides, f"{cat}: both sides' vocabulary is covered"


def test_seed_article_flags(lex, shared):
    text = (shared / "corpus" / "seed" / "kupyansk_front_article.txt").read_text(encoding="utf-8")
    fs = flags(lex, text, "en")
    surfaces = {f.surface.lower() for f in fs}
    assert {"release", "complete liberation of donbas", "border regions", "security"} <= surfaces
    assert any("russia" in s and "borders" in s for s in surfaces)
    for f in fs:
        assert f.associated_side.value == "RU"
        assert f.voice.value in ("quoted", "attributed"), f
    assert not any("storming" in s for s in surfaces)


def test_prefix_buckets_find_what_one_alternation_finds(lex):
    """The bucketed matcher is an optimisation only: same matches, same terms, same order."""
    import re

    from frontwatch.text.alternation import _prefixes
    from frontwatch.text.normalize import fold

    assert _prefixes("a(?:b|c)?d") == {"ab", "ac", "ad"}
    assert _prefixes("(?:не )?смогл\\w*") == {"не", "см"}
    assert _prefixes("x") == {"x"} and _prefixes("\\w+") is None and _prefixes("a?") is None
    texts = {
        "ru": "Киевский режим и его боевики, укронацисты и нацбаты: освобождение сёл, хлопок в Белгороде, СВО.",
        "uk": "Рашисти й орки, бавовна в Криму, чмобіки та русня; звільнення сіл від окупантів.",
        "en": "The Kyiv regime, neo-Nazis and orcs; a goodwill gesture, the special military operation, liberated.",
    }
    for lang, text in texts.items():
        terms = lex.for_lang(lang)
        parts = [f"(?P<t{i}>" + "|".join(f"(?:{p})" for p in t.patterns) + ")" for i, t in enumerate(terms)]
        one = re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])")
        folded = fold(text)
        want = [(m.start(), m.end(), terms[int(m.lastgroup[1:])].id) for m in one.finditer(folded)]
        got = [(m.start(), m.end(), t.id) for m, t in lex.matcher(lang).finditer(folded)]
        assert got == want and len(got) >= 4, lang


@pytest.mark.parametrize(
    ("text", "lang", "surface", "voice"),
    [
        # a closed straight-quoted name earlier in the sentence does not quote the rest of it
        ('Мікрорайон "Сонячний", який захопили російські загарбники, зруйновано.', "uk", "загарбники", "author"),
        # ” used on both sides, as some English copy does
        ("They mocked the soldiers for wanting their own ”liberation” from Kyiv.", "en", "liberation", "quoted"),
        # the term is part of the speaker's own phrase: the author's words
        ("Один з рупорів окупантів заявив про нові удари.", "uk", "окупантів", "author"),
        # reported after a speech verb, or with the attribution trailing after a comma
        ("Речник натякнув, що рашисти відступили з села.", "uk", "рашисти", "attributed"),
        ("The Kyiv regime is collapsing, the Russian MoD said.", "en", "Kyiv regime", "attributed"),
    ],
)
def test_voice_of_quotes_and_reported_speech(lex, text, lang, surface, voice):
    got = [f for f in flags(lex, text, lang) if f.surface == surface]
    assert got and got[0].voice.value == voice, [(f.surface, f.voice.value) for f in flags(lex, text, lang)]
