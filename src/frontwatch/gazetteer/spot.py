"""Spot candidate place mentions in a text (the first of the two resolution steps, STYLE.md §2)."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from frontwatch.gazetteer.index import Gazetteer, Hit
from frontwatch.model import Candidate, Document, Mention, Span
from frontwatch.text.morphology import parses as readings
from frontwatch.text.normalize import fold

_NEXT_WORD = re.compile(r"[\s\-–—)]*([\w'’.]+)")  # ")": the name inside "X (Y) районе"
# The one or two words before a name, never across a line break (a headline). Matched on the
# reversed window before the name: forwards, ([\w'’.]+(?:[^\S\n]+[\w'’.]+)?)[^\S\n]*\Z would be
# tried at every position of the window.
_PREV_WORDS_REVERSED = re.compile(r"[^\S\n]*([\w'’.]+(?:[^\S\n]+[\w'’.]+)?)")
# Latin words that look like a transliterated settlement name (for the near-miss fallback).
# Region names (Харківщина, Донетчина) are never settlements in running text.
_REGION_SUFFIX = ("щина", "щині", "щини", "щину", "щиною", "чина", "чині", "чини", "чину", "щине", "щины", "чине", "чины")
# -ск towns as adjectives count only in a direction phrase ("Купянского направления")
_SK_ADJ = frozenset("ого ому ое ий ая ой ую им ім ым ої ій ее і".split())
_DIRECTION_NEXT = ("направлен", "напрям", "direction", "axis", "фронт", "front")
# a hyphenated first part ("Ivano-Daryvivka") belongs to the name; -grad/-hrad is a town ending
_LATIN_PREV = re.compile(r"(\w+|,)[^\S\n]*\Z")
_LATIN_PLACE_LIKE = re.compile(r"\b(?:[A-Z][a-z'’]+-)?[A-Z][a-z'’]{3,}(?:ovka|ivka|evka|yivka|ivske|ske|sk|ne|ino|ovo|ove|ivka|ka|ye|oye|oe|grad|hrad)\b")


_PAREN_AFTER = re.compile(r"\s*\([^()]{1,40}\)")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return fold(m.group(1)).rstrip(".") if m else ""


def _prev_words(text: str, pos: int) -> str:
    m = _PREV_WORDS_REVERSED.match(text[max(0, pos - 40) : pos][::-1])
    return fold(m.group(1)[::-1]) if m else ""


_FUNCTION_POS = ("PREP", "CONJ", "PRCL", "ADVB", "NPRO", "VERB", "INFN", "PRED", "INTJ", "GRND", "COMP")
# used with .match(text, pos): no "^", which would only match at the start of the text
_LIST_OF_REGIONS = re.compile(r"(?:,?\s*(?:and\s+|и\s+|та\s+|і\s+)?[A-ZА-ЯІЇЄҐ][\w'’-]+)*\s+(?:Oblasts|oblasts|regions|districts|raions|Rivers|rivers|областей|областях|областями|областям|районов|районах|районів)\b")


_TOWN = r"[A-ZА-ЯІЇЄҐ][\w'’]+"
_NEXT_TOWN = re.compile(r"\s?[-–—]\s?" + _TOWN)
_TOWN_BEFORE = re.compile(_TOWN + r"\s?[-–—]\s?\Z")


@dataclass(frozen=True)
class _Roads:
    """A road named by the towns it joins ("the T1302 Bakhmut-Lysychansk highway", "трасса
    Суджа-Коренево"); the road words are `road_words` in stoplist.toml."""

    word_after: re.Pattern[str]
    word_before: re.Pattern[str]

    def names(self, text: str, start: int, end: int) -> bool:
        """Whether the town at text[start:end] is the first or second town of a road's name."""
        second = _NEXT_TOWN.match(text, end)
        if second and self.word_after.match(text, second.end()):
            return True  # first town, road word after
        first = _TOWN_BEFORE.search(text, max(0, start - 40), start)
        if first and self.word_after.match(text, end):
            return True  # second town, road word after
        if second and self.word_before.search(text, max(0, start - 20), start):
            return True  # first town, road word before
        return bool(first and self.word_before.search(text, max(0, first.start() - 20), first.start()))


def _roads(words: list[str]) -> _Roads:
    alternation = "|".join(words)
    return _Roads(re.compile(rf"\s+(?:{alternation})\b", re.IGNORECASE), re.compile(rf"(?:{alternation})\s+\Z", re.IGNORECASE))


_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+(?:и|і|й|та|and))\s*")

NOT_IN_GAZETTEER = "adjective + name not in the gazetteer"  # a settlement named, but unknown to us

# a capitalised adjective right before a name: the first word of a two-word settlement name
_NAME_ADJECTIVE = re.compile(
    r"(?<![\w'’-])([А-ЯІЇЄҐЁ][а-яіїєґё'’]{2,}(?:ий|ый|ой|ій|ая|яя|ое|ее|ые|ие|ого|ому|ым|им|ом|ую|ей|ем|ых|их|ня|ні|ньому|ній|на|ра|ла|ка|та|ва|ма))\s$"
)


def _is_adjective(word: str, lang: str | None) -> bool:
    """A full adjective (Нижний, Золотая), not a participle or a short form (Освобождена)."""
    if lang not in ("ru", "uk"):
        return False
    found = readings(word.lower(), lang)
    return bool(found) and found[0].tag.POS == "ADJF"


_PERSON = ("Name", "Patr")
_NAME_OR_SURNAME = ("Name", "Patr", "Surn")
_FOLLOWING_WORD = re.compile(r"[^\S\n]+[«\"“„]?([\w'’-]+)")  # the next word on the same line (quotes skipped)
_CAPITALISED_WORD = re.compile(r"[A-ZА-ЯІЇЄҐЁ][\w'’-]+")


@functools.lru_cache(maxsize=65536)
def _top_tag(word: str, lang: str) -> Any:
    parses = readings(word.lower().replace("’", "'").replace("ʼ", "'"), lang)
    # only dictionary words: pymorphy guesses unknown village names by analogy, often as names;
    # and no word with a place reading among the first ("Бахмут" is also a first name)
    if not parses or not parses[0].is_known or any("Geox" in str(p.tag) for p in parses[:4]):
        return None
    return parses[0]


def _is_person_or_acronym(text: str, hit: Hit, surface: str, lang: str | None) -> bool:
    """A first name or patronymic ("Марине", "Никита"), a surname next to a name ("Алексея Зимина"),
    or a short acronym in capitals ("ГАИ", "МЧС") that happens to spell a village."""
    if " " in surface or hit.latin:
        return False
    if surface.isupper() and len(surface) <= 5:
        return True
    if lang not in ("ru", "uk"):
        return False
    top = _top_tag(surface, lang)
    if top is None or "Geox" in str(top.tag):
        return False
    tag = str(top.tag)
    if any(g in tag for g in _PERSON):
        return True
    if "Surn" not in tag:
        return False
    before = re.search(r"([\w'’-]+)\s+$", text[max(0, hit.start - 40) : hit.start])
    after = re.match(r"\s+([\w'’-]+)", text[hit.end : hit.end + 40])
    for m in (before, after):
        if m and _CAPITALISED_WORD.fullmatch(m.group(1)):
            near = _top_tag(m.group(1), lang)
            if near is not None and any(g in str(near.tag) for g in _NAME_OR_SURNAME):
                return True
    return False


_NAME_PAIR = re.compile(r"(?<![\w'’-])([А-ЯІЇЄҐЁ][а-яіїєґё'’]+)\s+([А-ЯІЇЄҐЁ][а-яіїєґё'’]{3,})")


def _surnames(text: str, lang: str | None) -> set[str]:
    """Stems of the surnames the text writes after a first name ("Алексей Зимин" → "зимин")."""
    if lang not in ("ru", "uk"):
        return set()
    out = set()
    for m in _NAME_PAIR.finditer(text):
        if _is_first_name(m.group(1), lang):
            out.add(_surname_stem(fold(m.group(2))))
    return out


def _surname_stem(folded: str) -> str:
    for ending in ("ого", "ому", "ым", "ом", "ой", "ою", "им", "ім", "а", "у", "е"):
        if folded.endswith(ending) and len(folded) - len(ending) >= 4:
            return folded[: -len(ending)]
    return folded


_CASE_ENDINGS = frozenset(("", "а", "у", "ым", "ом", "е", "ой", "ого", "ому", "им", "ою", "ій", "ої", "ім", "ем"))


def _is_form_of(folded: str, stems: set[str]) -> bool:
    """Whether a mention is a case form of one of the surnames (not Ивановка for Иванов)."""
    return any(folded.startswith(s) and folded[len(s) :] in _CASE_ENDINGS for s in stems)


def _inflections(words: frozenset[str]) -> frozenset[str]:
    from frontwatch.gazetteer.index import _paradigm, _word_forms

    # words ending in a consonant ("лиман", "роман") in every case; others only as written
    return frozenset(f for w in words if not w.isascii() and _paradigm(w)[0] == w for f in _word_forms(w))


def _case_forms(names: tuple[str, ...]) -> frozenset[str]:
    """Whole-word case forms of nominative names: Ростов → Ростова, Ростове …; Москва → Москвы …"""
    out: set[str] = set()
    for name in names:
        out.add(name)
        if name.isascii():
            continue
        if name.endswith(("а", "я")):
            out |= {name[:-1] + e for e in ("ы", "и", "і", "е", "у", "ю", "ой", "ою", "ей")}
        elif name.endswith(("о", "е")):
            out |= {name[:-1] + e for e in ("а", "у", "ом", "е", "і")}
        elif name.endswith(("ь", "й")):
            out |= {name[:-1] + e for e in ("я", "ю", "ем", "е", "і", "и", "ью")}
        else:
            out |= {name + e for e in ("а", "у", "ом", "е", "і", "ым", "ом")}
    return frozenset(out)


def _is_first_name(word: str, lang: str | None) -> bool:
    if lang not in ("ru", "uk") or not word:
        return False
    top = _top_tag(word, lang)
    return top is not None and "Name" in str(top.tag)  # _top_tag is None for any place reading


def _adjective_then_noun(text: str, hit: Hit, surface: str, lang: str | None) -> str | None:
    """For a one-word hit that is an adjective: "phrase" when a lower-case noun agreeing with it
    follows ("Новое наступление"), "name" when a capitalised noun that is no place of ours follows
    ("Новую Сорочину"), else None."""
    if lang not in ("ru", "uk") or " " in surface or hit.latin:
        return None
    m = _FOLLOWING_WORD.match(text, hit.end)
    if not m:
        return None
    word = m.group(1)
    if fold(word).startswith(_DIRECTION_NEXT):
        return None  # "на Покровському напрямку": a direction, kept for the claims
    adjs = readings(surface.lower(), lang)[:4]
    # an adjective reading among the first ("Толстого Луга": Толстой the surname comes first)
    if not any(a.tag.POS == "ADJF" for a in adjs) or any("Geox" in str(p.tag) for p in adjs):
        return None
    parses = readings(word.lower(), lang)[:8]
    if len(word) < 3 or not parses or parses[0].tag.POS != "NOUN":
        return None  # "Вербовое в Запорожской области": "в" is no noun
    nouns = [p for p in parses if p.tag.POS == "NOUN"]
    # any reading of the two that agrees in case and number ("Новую Сорочину": accs/accs)
    agree = any(
        n.tag.case == a.tag.case and n.tag.number == a.tag.number and (a.tag.number == "plur" or a.tag.gender == n.tag.gender)
        for a in adjs
        if a.tag.POS == "ADJF"
        for n in nouns
    )
    if word[:1].islower():
        return "phrase" if agree else None
    # "Новом Арбате", "Толстого Луга": a name of two words (one the gazetteer had would have
    # matched whole, before this)
    return "name" if agree else None


def _is_common_word(surface: str, lang: str | None, sentence_initial: bool) -> bool:
    """A capitalised function word at the start of a sentence ("Біля Покровська…", "Атаки…")."""
    if not sentence_initial or lang not in ("ru", "uk") or " " in surface or "-" in surface:
        return False
    return _is_function_word(surface.lower(), lang)


@functools.lru_cache(maxsize=100_000)
def _is_function_word(word: str, lang: str) -> bool:
    """pymorphy3's best reading of ``word`` is a known function word and no reading is a place."""
    parses = readings(word, lang)
    if not parses:
        return False
    top = str(parses[0].tag)
    if any("Geox" in str(p.tag) for p in parses[:3]):
        return False
    return parses[0].is_known and top.split(",")[0].split(" ")[0] in _FUNCTION_POS


@dataclass(frozen=True)
class _StopWords:
    """The stoplist's word sets, built once per gazetteer (not for every text)."""

    common: frozenset[str]
    common_forms: frozenset[str]
    latin_cues: frozenset[str]
    cues: tuple[str, ...]
    not_after: frozenset[str]
    not_before: frozenset[str]
    region_aliases: frozenset[str]
    region_stems: frozenset[str]
    roads: _Roads


@functools.lru_cache(maxsize=4)
def _stop_words(gaz: Gazetteer) -> _StopWords:
    stop = gaz.stoplist
    return _StopWords(
        common=frozenset(stop.get("common", ())) | _case_forms(tuple(stop.get("outside", ()))),
        # the case forms of the common words themselves ("Лимана", "Романом"), not every name that
        # shares their stem (Лиманка, Олександрія, Романи stay villages)
        common_forms=_inflections(frozenset(stop.get("common", ()))),
        latin_cues=frozenset(stop.get("latin_place_cues", ())),
        cues=tuple(set(stop.get("settlement_cues", ()))),
        not_after=frozenset(stop.get("not_after", ())),
        not_before=frozenset(stop.get("not_before", ())),
        region_aliases=frozenset(a for r in gaz.regions for a in r.aliases),
        region_stems=frozenset(s for r in gaz.regions for s in r.stems),
        roads=_roads(list(stop.get("road_words", ()))),
    )


def spot_places(doc: Document, gaz: Gazetteer) -> Document:
    """Fill ``doc.mentions`` with every place name in the text and all its namesakes as candidates."""
    text = doc.text
    words = _stop_words(gaz)
    common, common_forms, latin_cues, cues = words.common, words.common_forms, words.latin_cues, words.cues
    not_after, not_before, region_aliases = words.not_after, words.not_before, words.region_aliases
    roads = words.roads
    # regions the text names with an oblast word ("Kursk region"): "the Kursk area" is then the region
    named_regions = {m.group(1) for m in re.finditer(r"\b([a-z'’-]+)\s+(?:region|oblast|province)\b", fold(text))}
    region_stems = words.region_stems & named_regions

    hits = gaz.iter_hits(text, capitalised=True)
    # longest match wins where matches overlap ("Велика Новосілка" over "Новосілка")
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[Hit] = []
    last_end = -1
    for h in hits:
        if h.start < last_end:
            if chosen and h.start == chosen[-1].start and h.end == chosen[-1].end:
                chosen[-1] = Hit(h.start, h.end, h.form, tuple(sorted(set(chosen[-1].places) | set(h.places))), h.latin)
            continue
        chosen.append(h)
        last_end = h.end

    mentions: list[Mention] = []
    dropped: list[tuple[int, int]] = []
    common_hits: list[Hit] = []
    inside_name: set[int] = set()
    person_forms: set[str] = set()
    for h in chosen:
        if h.end in inside_name:
            continue
        surface = text[h.start : h.end]
        folded = fold(surface)
        # "Красноармейском (Покровском) районе": the word after a bracketed other name decides too
        paren = _PAREN_AFTER.match(text, h.end)
        nxt = _next_word(text, paren.end() if paren else h.end)
        dropped.append((h.start, h.end))
        if h.latin and doc.lang in ("ru", "uk"):
            continue  # a Latin name in a Cyrillic text is foreign ("New York", "Paris"): ours are written in Cyrillic
        if h.latin and len(surface) < 4:  # "As", "Ai": English words, not villages
            continue
        region_like = folded.endswith(_REGION_SUFFIX) and not any(fold(gaz.places[i].name_uk).endswith(("щина", "чина")) for i in h.places)
        if nxt in not_after or region_like or folded in region_aliases:
            continue  # "на Запоріжжі", "в Криму": the region, not the city
        if nxt == "area" and folded in region_stems:
            continue
        if _LIST_OF_REGIONS.match(text, h.end):  # "Kharkiv, Donetsk, Luhansk Oblasts"
            continue
        if roads.names(text, h.start, h.end):
            continue  # "the Bakhmut-Lysychansk highway", "трасса Суджа-Коренево": a road, not the towns
        # a quoted name is a unit or a channel («Днепр», ОСУВ «Хортиця»), not a settlement
        if h.start > 0 and text[h.start - 1] in "«\"“„" and text[h.end : h.end + 1] in ("»", '"', "”", "“"):
            continue
        line_start = max(text.rfind("\n", 0, h.start), text.rfind(". ", 0, h.start) + 1)
        initial = not re.search(r"[\w]", text[line_start + 1 : h.start])
        if _is_common_word(surface, doc.lang, initial):
            continue
        if h.form.endswith(("ск", "ськ", "цк", "цьк")) and folded[len(h.form) :] in _SK_ADJ:
            # a genitive where no town of that stem exists ("біля Бурлацького": the village Бурлацьке,
            # there is no Бурлацьк); "на Лиманському" is still a direction (Лиман → Лиманський)
            village = folded.endswith("ого") and not gaz.is_form(h.form)
            if not nxt.startswith(_DIRECTION_NEXT) and not gaz.is_form(folded) and not village:
                continue
        prev = _prev_words(text, h.start)
        has_cue = prev.endswith(cues)
        prev_word = prev.split(" ")[-1] if prev else ""
        if (prev_word in common or _is_first_name(prev_word, doc.lang)) and prev_word not in cues and text[max(0, h.start - len(prev_word) - 1) : h.start].strip()[:1].isupper():
            person_forms.add(_surname_stem(folded))
            continue  # a surname after a first name: "Владимир Рогов", "Алексея Зимина", "Oleh Syniehubov"
        if prev_word in not_before:
            continue  # a river or a street of that name
        if not has_cue and _is_person_or_acronym(text, h, surface, doc.lang):
            person_forms.add(_surname_stem(folded))
            continue  # "Алексея Зимина", "Мария Андреевна", "москвичке Марине", "ГАИ"
        follows = _adjective_then_noun(text, h, surface, doc.lang) if not has_cue else None
        if follows == "phrase":
            continue  # "Новое наступление", "Красная армия": an adjective with its noun
        if follows == "name":
            # "Новую Сорочину", "Новом Арбате": a two-word name the gazetteer lacks, whose first
            # word alone names some village: unresolved rather than wrong
            word = _FOLLOWING_WORD.match(text, h.end)
            end = word.end(1) if word else h.end
            mentions.append(Mention(Span(h.start, end), text[h.start : end], (), reason=NOT_IN_GAZETTEER))
            dropped.pop()
            inside_name.add(end)  # the second word is not a place of its own
            continue
        if (folded in common or folded in common_forms) and not has_cue:
            if not initial:
                common_hits.append(h)  # may still be a village in a list of villages (below)
            continue
        adj = _NAME_ADJECTIVE.search(text, max(0, h.start - 30), h.start)
        if adj and " " not in surface and _is_adjective(adj.group(1), doc.lang) and not gaz.is_form(fold(text[adj.start() : h.end])) and fold(adj.group(1)) not in common:
            # "Нижний Клин", "Зелёный Шлях": a two-word name the gazetteer lacks; its second word
            # alone names some other village, so the mention stays unresolved rather than wrong
            mentions.append(Mention(Span(adj.start(), h.end), text[adj.start() : h.end], (), reason=NOT_IN_GAZETTEER))
            dropped.pop()
            continue
        cands = tuple(Candidate(gaz.places[i].id, 0.0) for i in h.places)
        if h.latin and text.startswith(" City", h.end):  # ISW's "Kharkiv City", "Donetsk City"
            h = Hit(h.start, h.end + 5, h.form, h.places, h.latin)
            surface = text[h.start : h.end]
        mentions.append(Mention(Span(h.start, h.end), surface, cands))
        dropped.pop()

    # a capitalised common word ("Майское", "Степовое") joined to a named place by a comma or
    # "и/і/та/and" is one more village of the list ("взяли Дерилово и Майское"); repeat so a
    # chain of them is taken
    added = True
    while added and common_hits:
        added = False
        for h in list(common_hits):
            for m in mentions:
                gap = text[m.span.end : h.start] if m.span.end <= h.start else text[h.end : m.span.start]
                if _LIST_JOIN.fullmatch(gap):
                    cands = tuple(Candidate(gaz.places[i].id, 0.0) for i in h.places)
                    mentions.append(Mention(Span(h.start, h.end), text[h.start : h.end], cands))
                    common_hits.remove(h)
                    added = True
                    break
    # near-miss Latin spellings ("Kucherkovka"): only where nothing matched
    taken = sorted([(m.span.start, m.span.end) for m in mentions] + dropped)
    taken_starts = [s for s, _ in taken]
    reach = []  # reach[i]: the furthest end among taken[: i + 1]
    for _, e in taken:
        reach.append(max(e, reach[-1]) if reach else e)
    for m in _LATIN_PLACE_LIKE.finditer(text):
        before = bisect_left(taken_starts, m.end())  # the spans that start before this word ends
        if before and reach[before - 1] > m.start():
            continue  # one of them overlaps it
        word = m.group(0)
        if fold(word) in common or _next_word(text, m.end()) in not_after:
            continue
        prev = _LATIN_PREV.search(text, max(0, m.start() - 30), m.start())
        if not prev or prev.group(1).lower() not in latin_cues:
            continue  # "Anna Horodetska", "the Bolshevik revolution": a guess needs a place cue before it
        cands = _near_misses(gaz, word)
        if cands:
            cands = [Candidate(c.place, 0.0, c.reasons) for c in cands]
            mentions.append(Mention(Span(m.start(), m.end()), word, tuple(cands), reason="near-miss spelling"))
    person_forms |= _surnames(text, doc.lang)
    if person_forms:
        # one sense per text: "Алексей Зимин … тело Зимина" is the same person both times
        mentions = [m for m in mentions if not _is_form_of(fold(m.surface), person_forms)]
    mentions.sort(key=lambda m: m.span.start)
    return doc.replace(mentions=tuple(mentions))


@functools.lru_cache(maxsize=50_000)
def _near_misses(gaz: Gazetteer, word: str) -> tuple[Candidate, ...]:
    """``gaz.fuzzy`` for a near-miss spelling; the same words recur from text to text."""
    return tuple(gaz.fuzzy(word, limit=8, cutoff=88.0))
