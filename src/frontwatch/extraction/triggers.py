"""Claim-type triggers and the cue words around them, loaded from data/triggers and data/cues.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from frontwatch.errors import DataError
from frontwatch.model import ClaimType, Side
from frontwatch.text.morphology import lemmas as word_lemmas
from frontwatch.text.morphology import parses as readings
from frontwatch.text.normalize import fold
from frontwatch.text.tokens import tokenize

LANGS = ("en", "ru", "uk")


@dataclass(frozen=True, slots=True)
class Trigger:
    id: str
    type: ClaimType
    failure: bool  # a failed-attack trigger: the defender is the actor
    not_in: re.Pattern[str] | None = None  # sense exclusions: the sentence is about something else
    only_in: re.Pattern[str] | None = None  # a trigger only in a sentence that also has one of these
    bound: bool = False  # only with another trigger right after it ("пытались прорваться")
    side: Side | None = None  # the actor when the sentence names none ("окуповано X": the occupier)


@dataclass(frozen=True, slots=True)
class TriggerHit:
    start: int  # offsets into the sentence
    end: int
    trigger: Trigger
    passive: bool = False  # "was captured", "освобождён", "звільнено": the subject is what was taken
    future: bool = False  # "захватят", "звільнять": a plan or forecast, not a claim


_EN_PASSIVE = re.compile(r"(?:\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?)$")
_UK_PASSIVE_ENDINGS = ("ено", "ано", "ито", "ото", "ений", "ена", "ене", "ені", "аний", "ана", "ане", "ані", "итий", "ита", "ите", "иті")


def _is_future(word: str, lang: str) -> bool:
    """A perfective verb in the present form is future in Russian/Ukrainian ("захватят")."""
    if lang not in ("ru", "uk"):
        return False
    parses = readings(word.lower(), lang)
    if not parses:
        return False
    tag = str(parses[0].tag)
    # -овать/-увати verbs are two-aspect: "атакуют" is present, not future
    return "futr" in tag and "VERB" in tag and "perf" in tag and not parses[0].normal_form.endswith(("овать", "увати", "ювати"))


def _is_passive(word: str, lang: str) -> bool:
    """Short passive participles (освобождён, захвачен) and Ukrainian -но/-то forms (звільнено)."""
    w = word.lower()
    if lang == "uk":
        return w.endswith(_UK_PASSIVE_ENDINGS)
    if lang != "ru":
        return False
    parses = readings(w, "ru")
    tag = str(parses[0].tag) if parses else ""
    return "PRTS" in tag or ("PRTF" in tag and "pssv" in tag)


def _is_attributive(word: str, lang: str) -> bool:
    """A full passive participle ("в занятом нашими X", "оккупированного села X", "окружённых в
    X"): it describes who holds a place or is caught in it, a standing state (CLAIMS.md "Standing control is not a claim"). Russian
    only: the predicate takes the short form there ("X освобождён"), unlike Ukrainian."""
    if lang != "ru":
        return False
    parses = readings(word.lower(), "ru")
    if not parses or parses[0].tag.POS not in ("PRTF", "ADJF"):  # "занятом" reads first as ADJF
        return False
    return not any(p.tag.POS in ("PRTS", "VERB", "INFN", "GRND", "NOUN") for p in parses)


@dataclass(frozen=True)
class LangTriggers:
    lang: str
    regex: re.Pattern[str] | None  # EN: one alternation, group name = trigger index
    regex_triggers: tuple[Trigger, ...]
    lemma_map: dict[str, Trigger]  # RU/UK: lemma -> trigger
    phrases: tuple[tuple[tuple[str, ...], Trigger], ...]
    # RU/UK: the first three letters of every inflected form of every trigger lemma; a word that
    # starts otherwise cannot be a trigger, so it is never sent to the (slow) morphology
    prefixes: frozenset[str] = frozenset()


def _words(pattern_list: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])(?:" + "|".join(f"(?:{p})" for p in pattern_list) + r")(?![\w])")


@dataclass(frozen=True)
class Triggers:
    by_lang: dict[str, LangTriggers]
    side: dict[str, re.Pattern[str]]
    enemy: re.Pattern[str]
    own: re.Pattern[str]
    partial: re.Pattern[str]
    attribution: dict[str, re.Pattern[str]]
    denial: re.Pattern[str]
    back_reference: re.Pattern[str]  # "Про це повідомив X": X said what came before
    recap: re.Pattern[str]  # "Ранее наши бойцы взяли X": the outlet recaps in its own voice
    subclause: re.Pattern[str]  # ", чем …", " — оттуда …": a subordinate clause begins
    settlements_after: re.Pattern[str]  # "освобождены деревни A, B": settlement nouns after a verb
    pronoun_attribution: re.Pattern[str]  # "По его словам", "Сообщается, что": the last claimant named
    anaphora: dict[str, re.Pattern[str]]  # "city" / "place" / "plural": words pointing back to places
    hedge: re.Pattern[str]
    locator_before: re.Pattern[str]
    start_before: frozenset[str]
    origin_before: re.Pattern[str]
    strike: re.Pattern[str]
    plan: re.Pattern[str]
    purpose: re.Pattern[str]
    air_raid: re.Pattern[str]
    direction_after: re.Pattern[str]
    adverbial_before: re.Pattern[str]

    def find(self, sentence: str, lang: str, low: str | None = None) -> list[TriggerHit]:
        """Trigger words of ``sentence`` (offsets into it), in text order; ``low``: its fold, if known."""
        lt = self.by_lang.get(lang) or self.by_lang["en"]
        if low is None:
            low = fold(sentence)
        hits = self._find(sentence, low, lt, lang)
        if any(h.trigger.not_in is not None or h.trigger.only_in is not None for h in hits):
            hits = [h for h in hits if h.trigger.not_in is None or not h.trigger.not_in.search(low)]
            hits = [h for h in hits if h.trigger.only_in is None or h.trigger.only_in.search(low)]
        if any(h.trigger.bound for h in hits):
            hits = [h for h in hits if not h.trigger.bound or any(0 <= o.start - h.end <= 25 and not o.trigger.bound for o in hits)]
        return hits

    def _find(self, sentence: str, low: str, lt: LangTriggers, lang: str) -> list[TriggerHit]:
        hits: list[TriggerHit] = []
        if lt.regex is not None:
            for m in lt.regex.finditer(low):
                idx = int(m.lastgroup[1:]) if m.lastgroup else 0
                passive = bool(_EN_PASSIVE.search(low[max(0, m.start() - 25) : m.start()])) or low[m.start() : m.end()].startswith(("was ", "were ", "is ", "are ", "been "))
                # "are pushing back", "were advancing": a progressive, not a passive
                passive = passive and not re.match(r"\w+ing\b", low[m.start() : m.end()])
                hits.append(TriggerHit(m.start(), m.end(), lt.regex_triggers[idx], passive))
            return hits
        toks = tokenize(low)  # folded: Latin homoglyphs inside Cyrillic words are fixed
        words = [t.text.replace("’", "'").lower().replace("ё", "е") for t in toks]
        lems = [word_lemmas(w, lang) if w[:3] in lt.prefixes else frozenset((w,)) for w in words]
        used: set[int] = set()
        at: dict[str, list[int]] = {}  # lemma -> the tokens that can be it, in text order
        for i, lem in enumerate(lems):
            for form in lem:
                at.setdefault(form, []).append(i)
        for words, trig in lt.phrases:
            n = len(words)
            for i in at.get(words[0], ()):
                if i in used:
                    continue
                j, k = i + 1, 1
                while k < n and j < len(toks) and j <= i + k + 1:
                    if words[k] in lems[j]:
                        k += 1
                    j += 1
                if k == n:
                    hits.append(TriggerHit(toks[i].start, toks[j - 1].end, trig))
                    used.update(range(i, j))
        for i, (tok, lem) in enumerate(zip(toks, lems)):
            if i in used:
                continue
            for form in lem:
                trig = lt.lemma_map.get(form)
                if trig is not None:
                    if trig.type in (ClaimType.CAPTURED, ClaimType.ADVANCED, ClaimType.WITHDREW) and _is_attributive(tok.text, lang):
                        break
                    passive = lang == "ru" and trig.type == ClaimType.REPELLED and _is_passive(tok.text, lang)
                    hits.append(TriggerHit(tok.start, tok.end, trig, passive, future=_is_future(tok.text, lang)))
                    break
        hits.sort(key=lambda h: h.start)
        return hits


def _form_prefixes(lang: str, lemmas: set[str]) -> frozenset[str]:
    """First three letters of every form pymorphy3 inflects each lemma into (suppletive forms
    such as шел/идти included), plus those of forms it would read as that lemma."""
    from frontwatch.text.morphology import analyzer

    morph = analyzer(lang)
    out: set[str] = set()
    for lem in lemmas:
        out.add(lem[:3])
        for parse in morph.parse(lem):
            if parse.normal_form.replace("ё", "е") == lem:
                out.update(f.word.replace("ё", "е")[:3] for f in parse.lexeme)
    return frozenset(out)


def _read(name: str) -> dict:
    path = resources.files("frontwatch.data").joinpath(name)
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"{name}: {exc}") from exc


def load_grammar() -> dict[str, re.Pattern[str]]:
    """data/grammar.toml: the grammar words the claim rules read structure with, compiled."""
    out: dict[str, re.Pattern[str]] = {}
    for name, pattern in _read("grammar.toml").items():
        try:
            out[name] = re.compile(pattern)
        except (re.error, TypeError) as exc:
            raise DataError(f"grammar.toml: {name}: {exc}") from exc
    return out


def load_triggers() -> Triggers:
    by_lang: dict[str, LangTriggers] = {}
    for lang in LANGS:
        name = f"triggers/{lang}.toml"
        doc = _read(name)
        regex_parts: list[str] = []
        regex_triggers: list[Trigger] = []
        lemma_map: dict[str, Trigger] = {}
        phrases: list[tuple[tuple[str, ...], Trigger]] = []
        seen: set[str] = set()
        for entry in doc.get("trigger", ()):
            tid = entry.get("id")
            if not tid or tid in seen:
                raise DataError(f"{name}: missing or duplicate trigger id {tid!r}")
            seen.add(tid)
            try:
                excl, only = entry.get("not_in"), entry.get("only_in")
                trig = Trigger(
                    tid, ClaimType(entry["type"]), entry.get("outcome") == "failure", _words(excl) if excl else None, _words(only) if only else None,
                    bool(entry.get("bound")), Side(entry["actor"]) if entry.get("actor") else None,
                )
            except (KeyError, ValueError) as exc:
                raise DataError(f"{name}: {tid}: bad type ({exc}); use one of {[t.value for t in ClaimType]}") from exc
            if entry.get("patterns"):
                regex_parts.append(f"(?P<t{len(regex_triggers)}>" + "|".join(f"(?:{p})" for p in entry["patterns"]) + ")")
                regex_triggers.append(trig)
            for lem in entry.get("lemmas", ()):
                lemma_map.setdefault(lem.replace("ё", "е"), trig)
            for phrase in entry.get("phrases", ()):
                phrases.append((tuple(phrase.replace("ё", "е").split()), trig))
        regex = re.compile(r"(?<![\w'])(?:" + "|".join(regex_parts) + r")(?![\w])") if regex_parts else None
        phrases.sort(key=lambda p: -len(p[0]))
        prefixes = _form_prefixes(lang, set(lemma_map) | {w for words, _ in phrases for w in words}) if lang in ("ru", "uk") else frozenset()
        by_lang[lang] = LangTriggers(lang, regex, tuple(regex_triggers), lemma_map, tuple(phrases), prefixes)
    cues = _read("cues.toml")
    ex = cues["exclude"]
    return Triggers(
        by_lang=by_lang,
        side={s: _words(cues["side"][s]) for s in (Side.RU, Side.UA)},
        enemy=_words(cues["side"]["enemy"]),
        own=_words(cues["side"]["own"]),
        partial=_words(cues["partial"]["patterns"]),
        attribution={lang: _words(words) for lang, words in cues["attribution"].items()},
        denial=_words(cues["denial"]["patterns"]),
        anaphora={kind: _words(words) for kind, words in cues["anaphora"].items()},
        # "Про це повідомив X", also after a lead-in clause: "Як передає Укрінформ, про це повідомили X"
        pronoun_attribution=_words(cues["pronoun_attribution"]["patterns"]),
        subclause=re.compile(r"(?:,|\s[—–-])\s+(?:" + "|".join(cues["clause"]["subordinate"]) + r")(?!\w)"),
        settlements_after=re.compile(r"\s+(?:\w+\s+)?(?:" + "|".join(cues["clause"]["settlements"]) + r")(?!\w)"),
        recap=re.compile(r"^\W*(?:" + "|".join(cues["recap"]["patterns"]) + r")(?!\w)"),
        back_reference=re.compile(r"^\W*(?:[^,;:]{1,40},\s*)?(?:" + "|".join(cues["back_reference"]["patterns"]) + r")(?!\w)"),
        hedge=_words(cues["hedge"]["patterns"]),
        locator_before=re.compile(r"(?:" + "|".join(ex["locator_before"]) + r")\s*$"),
        start_before=frozenset(ex["start_before"]),
        origin_before=re.compile(r"(?<![\w])(?:" + "|".join(ex["origin_before"]) + r")\s*$"),
        strike=_words(ex["strike"]),
        plan=_words(ex["plan"]),
        purpose=_words(ex["purpose"]),
        air_raid=_words(ex["air_raid"]),
        direction_after=re.compile(
            # "X та Y напрямках" is a pair of directions; "X та у напрямку Y" is a target (a preposition)
            r"^\W{0,3}(?:(?:city|oblast|обл\w*|and \w{3,}|и \w{3,}|і \w{3,}|та \w{3,})\W+)?(?:" + "|".join(cues["direction"]["after"]) + r")"
        ),
        # the phrase, then at most one adjective ("в результате тяжёлых боёв")
        adverbial_before=re.compile(r"(?<![\w])(?:" + "|".join(cues["adverbial"]["before"]) + r")\s+(?:\w+\s+)?$"),
    )
