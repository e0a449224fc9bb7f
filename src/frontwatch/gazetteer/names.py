"""Name variants: Russian forms of Ukrainian names, Latin spellings, inflection paradigms.

Used at build time (scripts/build_gazetteer.py) to enrich every place with the spellings that real
texts use, and at run time to match inflected mentions ("под Купянском", "в районі Кучерівки").
Rules are general (word endings, letter correspondences); irregular names come from the sources.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from frontwatch.text.normalize import fold_name

# ---------------------------------------------------------------------------------------------
# Ukrainian -> Russian
# ---------------------------------------------------------------------------------------------

# Whole words that change irregularly (adjectives and nouns frequent in settlement names).
_UK_RU_WORDS = {
    "нова": "новая",
    "новий": "новый",
    "нове": "новое",
    "нові": "новые",
    "велика": "великая",
    "великий": "великий",
    "велике": "великое",
    "мала": "малая",
    "малий": "малый",
    "мале": "малое",
    "стара": "старая",
    "старий": "старый",
    "старе": "старое",
    "верхня": "верхняя",
    "нижня": "нижняя",
    "середня": "средняя",
    "червона": "красная",
    "червоний": "красный",
    "червоне": "красное",
    "біла": "белая",
    "білий": "белый",
    "зелена": "зеленая",
    "зелений": "зеленый",
    "ріг": "рог",
    "кривий": "кривой",
    "яр": "яр",
    "гора": "гора",
    "поле": "поле",
    "гай": "гай",
    "луг": "луг",
    "балка": "балка",
    "хутір": "хутор",
    "перше": "первое",
    "друге": "второе",
    "травня": "мая",
    "часів": "часов",
}
# Stems at the start of a word: Ukrainian forms of Christian names and common roots.
_UK_RU_PREFIXES = (
    ("верхньо", "верхне"),  # Верхньокам'янське → Верхнекаменское
    ("нижньо", "нижне"),
    ("середньо", "средне"),
    ("олександр", "александр"),
    ("костянтин", "константин"),
    ("олекс", "алекс"),
    ("микола", "никола"),
    ("микит", "никит"),
    ("георгі", "георги"),
    ("григор", "григор"),
    ("дмитр", "дмитр"),
    ("іван", "иван"),
    ("євген", "евген"),
    ("юр", "юр"),
    ("мар'ї", "марье"),
    ("мар'ян", "марьян"),
    ("кам'ян", "камен"),
    ("п'ят", "пят"),
    ("новоолександр", "новоалександр"),
    ("новомикола", "новонико"),
    ("вугле", "угле"),
    ("вуглe", "угле"),
    ("вовч", "волч"),
    ("вільн", "вольн"),
    ("вільх", "ольх"),
    ("вишн", "вишн"),
    ("ізюм", "изюм"),
)


def _letters_uk_to_ru(word: str) -> list[str]:
    """Letter-level correspondences; the last 'і' of the stem gets its etymological o/e variants."""
    w = word.replace("'", "").replace("’", "").replace("ʼ", "")
    w = w.replace("ґ", "г").replace("є", "е")
    # doubled consonant + soft vowel is Russian consonant + ь (Іллінка→Ильинка, Запоріжжя→Запорожье)
    w = re.sub(r"([лнтджчшзсц])\1([іяюе])", lambda m: m.group(1) + "ь" + m.group(2), w)
    # Ukrainian и after hard consonants is Russian ы (Рибне→Рыбное); only original и
    bases = {w}
    # (not after к, г, х and the hushing consonants, which keep и in Russian too)
    y = re.sub(r"(?<=[бвдзлмнпрстф])и(?=[бвгджзклмнпрстфхцчшї])", "ы", w)  # ї too: Виїмка→Выемка
    if y != w:
        bases.add(y)
    variants: dict[str, None] = {}  # ordered: the plain correspondence first
    for b in sorted(bases, key=lambda x: x != w):
        b = b.replace("ії", "ие").replace("аї", "ае").replace("ої", "ое")
        if "ї" in b:
            variants[b.replace("ї", "е").replace("і", "и")] = None  # Виїмка→Выемка
        b = b.replace("ї", "и")
        b = b.replace("ьі", "ьи")
        # Ukrainian і in a closed last syllable usually stands for Russian о/е (Рівне→Ровное):
        # that variant names the place; the plain і→и one is kept as a spelling
        idx = b.rfind("і")
        if idx > 0:
            head, tail = b[:idx].replace("і", "и"), b[idx + 1 :]
            variants[head + "о" + tail] = None
        variants[b.replace("і", "и")] = None
        if idx > 0:
            variants[head + "е" + tail] = None
        if b.count("і") > 1:  # every і as е: Диліївка→Дилеевка
            variants[b.replace("і", "е")] = None
            if idx > 0:  # earlier і as е, the last as о: Неліпівка→Нелеповка
                variants[b[:idx].replace("і", "е") + "о" + tail] = None
    return list(variants)


def _endings_uk_to_ru(word: str) -> list[str]:
    """Russian endings for a (lower-case, letter-converted) Ukrainian word."""
    rules: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("иевка", ("еевка",)),
        ("ивка", ("овка", "евка")),
        ("ськe", ("ское",)),
        ("ське", ("ское",)),
        ("цьке", ("цкое",)),
        ("зьке", ("зское",)),
        ("ське", ("ское",)),
        ("ськ", ("ск",)),
        ("цьк", ("цк",)),
        ("ове", ("ово", "овое")),
        ("еве", ("ево", "евое")),
        ("ине", ("ино", "иное")),
        ("ине", ("ино", "иное")),
        ("не", ("ное", "но")),
        ("ке", ("кое",)),
        ("ле", ("лое",)),
        ("те", ("тое",)),
        ("ре", ("рое",)),
        ("де", ("дое",)),
        ("ве", ("вое",)),
        ("ий", ("ый", "ий", "ой")),
        ("ій", ("ий",)),
        ("ів", ("ов", "ев")),
        ("ь", ("ь",)),
        ("че", ("чье", "че")),  # Птиче→Птичье
        ("же", ("жье", "же")),
        # a doubled consonant before я (read as ь + я by the letter rules) is Russian ье:
        # Запоріжжя→Запорожье, Заріччя→Заречье, Поділля→Подолье
        ("ья", ("ье", "ья")),
        ("нье", ("нное", "нье")),  # Желанне (adjective) → Желанное, read as нн → нь by the letter rules
    )
    for ending, repl in rules:
        if word.endswith(ending):
            return [word[: -len(ending)] + r for r in repl]
    return [word]


def russian_forms(name_uk: str) -> list[str]:
    """Plausible Russian spellings of a Ukrainian settlement name (lower-case, folded).

    >>> "кучеровка" in russian_forms("Кучерівка")
    True
    """
    words = re.split(r"([ -])", fold_name(name_uk))
    last = max((i for i, w in enumerate(words) if w not in (" ", "-", "")), default=-1)
    per_word: list[list[str]] = []
    for i, piece in enumerate(words):
        if piece in (" ", "-", ""):
            per_word.append([piece])
            continue
        if i < last and words[i + 1] == " " and piece not in _UK_RU_WORDS:
            # a word before another in a name is an adjective agreeing with it: Золота Нива →
            # Золотая Нива, Малі Проходи → Малые Проходы
            adj = _adjective_ru(piece)
            if adj:
                per_word.append(adj)
                continue
        if piece in _UK_RU_WORDS:
            per_word.append([_UK_RU_WORDS[piece]])
            continue
        base = piece
        for uk, ru in _UK_RU_PREFIXES:
            if base.startswith(uk):
                base = ru + base[len(uk) :]
                break
        if "кам'ян" in base[1:]:  # inside a compound: Верхньокам'янське → …каменское
            base = base[0] + base[1:].replace("кам'ян", "камен")
        out: list[str] = []
        # endings first on the Ukrainian spelling (і-sensitive), then letters
        for cand in _letters_uk_to_ru(base):
            for full in _endings_uk_to_ru(cand):
                out.append(full)
        # a soft adjective in -нє is Russian -нее (Дальнє→Дальнее, Верхнє→Верхнее), not -ное
        if base.endswith("нє"):
            out.insert(0, _letters_uk_to_ru(base[:-2])[0] + "нее")
        # -івка after a vowel/soft sign is -евка (Андріївка→Андреевка, Василівка→Васильевка)
        if base.endswith("івка"):
            stem = _letters_uk_to_ru(base[:-4])[0]
            out.append(stem + "евка")
            if stem.endswith("л"):
                out.append(stem + "ьевка")
        per_word.append(list(dict.fromkeys(out))[:6])
    forms = [""]
    for options in per_word:
        forms = [f + o for f in forms for o in options][:24]
    words_only = [w for w in words if w not in (" ", "-", "")]
    if len(words_only) == 2 and words_only[1] in _ORDINALS and " " in words:
        # Russian copy puts the ordinal first: Желанне Друге → Второе Желанное
        forms += [f"{_ORDINALS[words_only[1]]} {f.split(' ', 1)[0]}" for f in forms if " " in f]
    return list(dict.fromkeys(f for f in forms if f))  # the main rule first: it names the place


# Names that Russian copy translates rather than transliterates (both forms are in use:
# Першотравневе → "Першотравневое" and "Первомайское"); the translation is added as a variant.
_UK_RU_TRANSLATED_STEMS = (
    ("першотравнев", "первомайск"),
    ("жовтнев", "октябрьск"),
    ("червоноармійськ", "красноармейск"),
    ("червоногвардійськ", "красногвардейск"),
    ("зорян", "звездн"),
    ("сонячн", "солнечн"),
    ("відрадн", "отрадн"),
    ("відродженн", "возрожден"),
    ("перемог", "побед"),
)
_TRANSLATED_ENDINGS = {"е": "ое", "ий": "ый", "а": "ая", "я": "ие", "": ""}


def translated_forms(name_uk: str) -> list[str]:
    """Russian translations of a one-word name built on a translated stem (Перемога → победа)."""
    word = fold_name(name_uk)
    for uk, ru in _UK_RU_TRANSLATED_STEMS:
        if word.startswith(uk) and " " not in word:
            rest = word[len(uk) :]
            if ru.endswith(("ск", "н")):  # adjectives: Жовтневе → Октябрьское
                return [ru + _TRANSLATED_ENDINGS[rest]] if rest in _TRANSLATED_ENDINGS else []
            return [ru + rest]  # nouns keep their ending: Перемога → Победа
    return []


def ukrainian_spellings(name_uk: str) -> list[str]:
    """Other Ukrainian spellings of a name: after ж, ч, ш, щ the suffix -ев-/-ов- varies
    (Сторожеве / Сторожове, Грушеве / Грушове)."""
    word = fold_name(name_uk)
    swapped = re.sub(r"([жчшщ])([ео])(в(?:е|а|ий|ка))$", lambda m: m.group(1) + ("о" if m.group(2) == "е" else "е") + m.group(3), word)
    return [swapped] if swapped != word else []


_ORDINALS = {
    "перше": "первое", "друге": "второе", "третє": "третье", "перший": "первый", "другий": "второй",
    "третій": "третий", "перша": "первая", "друга": "вторая", "третя": "третья",
}


def _adjective_ru(word: str) -> list[str]:
    """Russian forms of a Ukrainian feminine or plural adjective (Золота, Малі), else []."""
    stem_forms = _letters_uk_to_ru(word[:-1])
    if word.endswith("а") and len(word) >= 4:
        return list(dict.fromkeys([f + "ая" for f in stem_forms[:2]] + [f + "а" for f in stem_forms[:1]]))
    if word.endswith("і") and len(word) >= 4:
        soft = word[-2] in "кгхжшчщ"
        return list(dict.fromkeys([f + ("ие" if soft else "ые") for f in stem_forms[:2]]))
    return []


_RU_UK_ENDINGS = (
    ("овка", "івка"),
    ("евка", "іївка"),
    ("ское", "ське"),
    ("цкое", "цьке"),
    ("ое", "е"),
    ("ая", "а"),
    ("ый", "ий"),
    ("ово", "ове"),
    ("ево", "еве"),
    ("ино", "ине"),
)


def ukrainian_o_form(name_uk: str) -> str | None:
    """Ukrainian і in the last syllable turns into о when the name inflects: Костянтинопіль →
    Костянтинополя, Харків → Харкова. Returns that stem form (to index) or None."""
    folded = fold_name(name_uk)
    m = re.search(r"і([бвгджзклмнпрстфхцчшщ]ь?)$", folded)
    if not m:
        return None
    return folded[: m.start()] + "о" + m.group(1)


def ukrainian_forms(name_ru: str) -> list[str]:
    """Plausible Ukrainian spellings of a Russian name (for Russian border villages in UK texts)."""
    out = []
    for word in fold_name(name_ru).split(" "):
        w = word
        for ru, uk in _RU_UK_ENDINGS:
            if w.endswith(ru):
                w = w[: -len(ru)] + uk
                break
        w = w.replace("ы", "и").replace("э", "е")
        out.append(w)
    return [" ".join(out)]


# ---------------------------------------------------------------------------------------------
# Latin spellings
# ---------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _schemas() -> tuple[object, ...]:
    import iuliia

    return (iuliia.BGN_PCGN, iuliia.WIKIPEDIA, iuliia.MOSMETRO)


def latin_from_russian(name_ru: str) -> list[str]:
    """BGN/PCGN, Wikipedia and simple press transliterations of a Russian name."""
    out = []
    for schema in _schemas():
        out.append(schema.translate(name_ru))  # type: ignore[attr-defined]
    return sorted({fold_name(x) for x in out if x})


_UK_PRESS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "yu", "я": "ya", "'": "",
}  # fmt: skip


def latin_from_ukrainian(name_uk: str) -> list[str]:
    """KMU 2010 (official) plus the press variants that real English texts use.

    Kupiansk / Kupyansk / Kup'yansk; Avdiivka / Avdiyivka; Vovchansk; Kucherivka.
    """
    import translitua

    folded = fold_name(name_uk)
    out = {fold_name(translitua.translit(name_uk))}
    press = "".join(_UK_PRESS.get(c, c) for c in folded)
    out.add(press)
    out.add(press.replace("iy", "ii"))
    # apostrophe kept: Kup'yansk
    out.add("".join(_UK_PRESS.get(c, c) if c != "'" else "'" for c in folded))
    # ия/ія written -iya- or -ia- (Balakliia / Balakliya / Balakleya)
    out.add(fold_name(translitua.translit(name_uk)).replace("iia", "iya").replace("ia", "ya"))
    # adjectives written -y for -yi (Zeleny Hai for Zelenyi Hai)
    out |= {re.sub(r"yi\b", "y", x) for x in list(out)}
    # a doubled жж written once: Zaporizhzhia → Zaporizhia, Zaporizhya
    out |= {x.replace("zhzh", "zh") for x in list(out) if "zhzh" in x}
    if "г" in folded:  # г written g as in Russian spelling: Oleksandrograd, Bogorodychne
        out.add("".join("g" if c == "г" else _UK_PRESS.get(c, c) for c in folded))
    return sorted(x for x in out if x)


def strip_accents(s: str) -> str:
    """Latin names from GeoNames carry diacritics (Rivnė, Równe); texts rarely do."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
