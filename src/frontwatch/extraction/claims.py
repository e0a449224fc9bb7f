"""Territorial-control claims from resolved place mentions and trigger words (CLAIMS.md).

For every sentence with a resolved place and a trigger: each place takes the trigger that governs
it (the nearest before it, else the nearest after); the actor comes from the side words of the
sentence (who is the subject, who is "from"/"of", whose attack failed); the claimant from
attribution cues, carried through a paragraph, else the outlet in its own voice. Pure function.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING

from frontwatch.extraction.claimants import Claimant, ClaimantHit, Claimants
from frontwatch.extraction.triggers import TriggerHit, Triggers, load_grammar
from frontwatch.gazetteer.spot import NOT_IN_GAZETTEER
from frontwatch.model import Claim, ClaimantSide, ClaimType, Document, Mention, Place, Side, Span, Stance
from frontwatch.resources import Resources
from frontwatch.text.dates import event_date
from frontwatch.text.normalize import fold

if TYPE_CHECKING:
    from frontwatch.gazetteer.index import Gazetteer

# grammar words of every language (function words, conjunctions, auxiliaries), one regular
# expression per name: data/grammar.toml ("_G.negation", "_G.clause_break", …)
_G = SimpleNamespace(**load_grammar())
_PARENS = re.compile(r"\([^()]*\)")
_PARAGRAPH = re.compile(r"\n\s*\n")
_KYIV = "UA80000000000093317"


@dataclass(frozen=True, slots=True)
class _Speaker:
    claimant: Claimant
    attributed: bool


def _opposite(side: Side | None) -> Side | None:
    return None if side is None else (Side.UA if side == Side.RU else Side.RU)


def _speaker_side(speaker: _Speaker, lang: str) -> Side | None:
    if speaker.claimant.side == ClaimantSide.RU:
        return Side.RU
    if speaker.claimant.side == ClaimantSide.UA:
        return Side.UA
    return {"uk": Side.UA, "ru": Side.RU}.get(lang)


@dataclass(frozen=True, slots=True)
class _SideCue:
    start: int
    end: int
    side: Side
    role: str  # "agent", "patient" (freed from / pushed out of), "attacker" (whose attack), "by"


def _side_cues(low: str, trig: Triggers, speaker_side: Side | None, mention_spans: list[tuple[int, int]]) -> list[_SideCue]:
    cues: list[_SideCue] = []
    taken: list[tuple[int, int]] = []
    if speaker_side is not None:
        for m in trig.enemy.finditer(low):
            cues.append(_SideCue(m.start(), m.end(), _opposite(speaker_side), "agent"))  # type: ignore[arg-type]
            taken.append((m.start(), m.end()))
        for m in trig.own.finditer(low):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                cues.append(_SideCue(m.start(), m.end(), speaker_side, "agent"))
                taken.append((m.start(), m.end()))
    for side, pattern in trig.side.items():
        for m in pattern.finditer(low):
            if any(s < m.end() and m.start() < e for s, e in taken + mention_spans):
                continue
            cues.append(_SideCue(m.start(), m.end(), Side(side), "agent"))
    out = []
    for c in sorted(cues, key=lambda c: c.start):
        before = low[max(0, c.start - 40) : c.start]
        cue_text = low[c.start : c.end]
        role = "agent"
        after = low[c.end : c.end + 30]
        if _G.holder_before.search(before):
            role = "patient"
        elif _G.attack_noun_before.search(before) or _G.attack_word_after.match(after) or _G.attack_cue_end.search(cue_text):
            role = "attacker"
        elif (pm := _G.patient_before.search(before)) and not any(
            c.start - len(before) + pm.start() < e and s < c.start for s, e in mention_spans
        ):
            role = "patient"  # not "после отступления из Угледара украинские боевики": a place between
        elif _G.agent_by.search(before):
            role = "by"
        out.append(_SideCue(c.start, c.end, c.side, role))
    return out


def _has_verb(words: str, lang: str) -> bool:
    """A finite verb among ``words`` (Russian/Ukrainian): a clause of its own begins there."""
    if lang not in ("ru", "uk"):
        return False
    from frontwatch.text.morphology import analyzer

    morph = analyzer(lang)
    return any((p := morph.parse(w)) and p[0].tag.POS == "VERB" for w in re.findall(r"[^\W\d_]{3,}", words))


def _governing_trigger(hits: list[TriggerHit], pos: int, low: str, trig: Triggers, lang: str = "en") -> TriggerHit | None:
    adverbial = [h for h in hits if trig.adverbial_before.search(low[max(0, h.start - 40) : h.start])]
    last = max((h for h in hits if h.end <= pos), key=lambda h: h.end, default=None)
    if last is not None and last in adverbial and not any(h.end <= last.start and h not in adverbial for h in hits):
        # no verb trigger before it: the circumstance noun governs its own place ("после
        # отступления из Угледара"; but "опорники взяты в ходе штурма X" is the verb's), and with
        # no verb trigger at all, not the places of the clause after it ("боевики пытаются
        # создать укрепрайоны в Y")
        own_verb = next((h for h in hits if h.start >= pos), None)  # "…боёв Волчанск был освобождён"
        if _G.complement_gap.fullmatch(low[last.end : pos]) and not (own_verb and _G.predicate_gap.fullmatch(low[pos : own_verb.start])):
            return last
        if len(adverbial) == len(hits) and _has_verb(low[last.end : pos], lang):
            return None
    main = [h for h in hits if h not in adverbial]
    hits = main or hits  # "в результате боёв X освобождено": the verb, not the circumstance
    # a verb inside a parenthetical governs only the places inside it ("X (which Y forces captured)")
    parens = [(m.start(), m.end()) for m in _PARENS.finditer(low)]
    hits = [h for h in hits if not any(a < h.start < b and not a < pos < b for a, b in parens)]
    before = [h for h in hits if h.end <= pos]
    # "strikes against X and … their capture of Y": a noun with its own "of" object governs only that
    after = [h for h in hits if h.start >= pos and not (low[h.start : h.end].endswith(" of") or re.match(r"\s+of\b", low[h.end : h.end + 4]))]
    # "…, в Волчанске идут бои": a verb right after the place, in the place's own comma clause
    if before and after and re.search(r",\s*(?:\w+\s+)?$", low[before[-1].end : pos]) and after[0].start - pos <= 30 and not _G.close_gap_break.search(low[pos : after[0].start]):
        return after[0]
    if before:
        h = before[-1]
        if not _G.clause_break.search(low[h.end : pos]) or not after:
            # "продвинулись к Гуево, чем … засевшим в Судже": a subordinate clause without a
            # trigger of its own says nothing about its places
            return None if trig.subclause.search(low[h.end : pos]) and not after else h
    if after:
        return after[0]
    return before[-1] if before else None


def _resolve_type_actor(
    hit: TriggerHit, hits: list[TriggerHit], cues: list[_SideCue], pos: int, default_side: Side | None, low: str
) -> tuple[ClaimType, Side | None, str]:
    """The claim's type and actor for a place at ``pos`` governed by ``hit``."""
    ctype = hit.trigger.type
    rule = hit.trigger.id
    # One event, one claim: an attack that failed, or was repelled, is a "repelled" claim
    # a repel verb close by, or a failure word anywhere later in the sentence ("…, успіху не мав")
    # ("…відбили 48 штурмів; на Олександрівському – росіяни атакували біля X": another sector, not one event)
    near = [
        h for h in hits
        # "launched an attack near X … but were repulsed": a passive repel verb later is the outcome
        if h.trigger.type == ClaimType.REPELLED and (abs(h.start - hit.start) < 90 or ((h.trigger.failure or h.passive) and h.start > hit.start))
        and not (h.start < hit.start and re.search(r"\s[-–—]\s|;", low[h.end : hit.start]))
    ]
    failure = hit.trigger.failure or any(h.trigger.failure for h in near)
    if ctype in (ClaimType.ATTACKED, ClaimType.ADVANCED, ClaimType.CAPTURED) and near:
        rule = near[0].trigger.id
        ctype = ClaimType.REPELLED
        if not hit.trigger.failure and not any(h.trigger.failure for h in near):
            hit = near[0]  # the subject of "repelled" decides, not the attack noun
    # the subject: the nearest side word before the trigger (before the place for passives)
    limit = hit.start
    agents_before = [c for c in cues if c.end <= limit and c.role == "agent"]
    by_agents = [c for c in cues if c.role == "by"]
    attackers = [c for c in cues if c.role == "attacker"]
    patients = [c for c in cues if c.role == "patient"]
    # not past a clause break: "заявили о взятии X, однако ВСУ это опровергают"
    agents_after = [c for c in cues if c.start >= hit.end and c.role == "agent" and not _G.clause_break.search(low[hit.end : c.start])]

    if ctype == ClaimType.REPELLED:
        if failure:
            # "Russian forces conducted unsuccessful attacks": the subject attacked and failed;
            # "всі спроби противника … зазнали невдачі": whose attempts they were says it first
            fail_at = hit.start if hit.trigger.failure else next((h.start for h in near if h.trigger.failure), hit.start)
            named = [c for c in attackers if c.end <= fail_at]
            attacker = (named[-1].side if named else None) or (agents_before[-1].side if agents_before else None) or (attackers[0].side if attackers else None)
            if attacker is None and agents_after:
                attacker = agents_after[0].side
            if attacker is None:
                return ctype, default_side, rule
            return ctype, _opposite(attacker), rule
        if hit.passive:
            if by_agents:  # "were repulsed by Ukrainian defenders"
                return ctype, by_agents[0].side, rule
            # "группа ВСУ уничтожена нашими силами": the instrumental agent right after a passive
            # repel verb is the defender; the subject right before it is the attacker
            by = [c for c in agents_after if c.start - hit.end < 25 and _G.instrumental.match(low[c.start : c.end])]
            if by:
                return ctype, by[0].side, rule
            if agents_before:
                # "подразделениями группировки …, ударами авиации отражены атаки": an instrumental
                # agent before the verb defends; the nominative subject right before it, or of a
                # clause it closes ("ВСУ пытались …, но были отброшены"), attacked
                subj = agents_before[-1]
                between = low[subj.end : hit.start]
                if _G.instrumental.search(low[max(0, subj.start - 30) : subj.end]):
                    return ctype, subj.side, rule
                if (len(between) < 30 and "," not in between) or _G.but_passive.search(between):
                    return ctype, _opposite(subj.side), rule
        if agents_before:
            return ctype, agents_before[-1].side, rule
        if by_agents:
            return ctype, by_agents[0].side, rule
        if attackers:
            return ctype, _opposite(attackers[0].side), rule
        if agents_after and patients == []:
            # "атаки ВСУ отражены" / passive: the side after the verb is usually the attacker
            return ctype, _opposite(agents_after[0].side), rule
        return ctype, default_side, rule

    # the trigger names the side itself: "came under Russian control", "in Ukrainian hands"
    # (not "pushed Russian forces out of", where the side inside is the loser)
    inside = [c for c in cues if hit.start <= c.start and c.end <= hit.end and c.role == "agent" and _G.control_word.search(low[c.start : c.end])]
    if inside and ctype == ClaimType.CAPTURED:
        return ctype, inside[0].side, rule
    # "our units are surrounded in X", "Ukrainian troops were encircled": the subject of an
    # English passive participle is the side it happened to
    if hit.passive and not by_agents and re.search(r"(?:ed|en)$", low[hit.start : hit.end]):
        subject = [c for c in cues if c.role == "agent" and _G.en_aux_gap.fullmatch(low[c.end : hit.start])]
        if subject and ctype in (ClaimType.ADVANCED, ClaimType.CAPTURED):
            return ctype, _opposite(subject[-1].side), rule
    # the side named in the attack noun itself ("Russian infiltration attempts near X") decides
    own_noun = [c for c in attackers if c.start <= hit.end and c.end >= hit.start - 1]
    if own_noun and ctype in (ClaimType.ATTACKED, ClaimType.ADVANCED):
        return ctype, own_noun[0].side, rule
    if by_agents:
        return ctype, by_agents[0].side, rule
    if agents_before:
        return ctype, agents_before[-1].side, rule
    if attackers and ctype in (ClaimType.ATTACKED, ClaimType.ADVANCED, ClaimType.FIGHTING):
        return ctype, attackers[0].side, rule
    if patients and ctype == ClaimType.CAPTURED:
        return ctype, _opposite(patients[0].side), rule
    if agents_after:
        return ctype, agents_after[0].side, rule
    if ctype == ClaimType.FIGHTING:
        return ctype, None, rule
    return ctype, default_side, rule


def _sentence_speaker(sentence: str, low: str, hits: list[ClaimantHit], trig: Triggers, lang: str) -> _Speaker | None:
    """The claimant a sentence attributes itself to, if it names one (``hits``: sentence offsets)."""
    if not hits:
        return None
    attribution = trig.attribution.get(lang) or trig.attribution["en"]
    # the denier speaks in a denial ("В ВСУ опровергли заявление Минобороны о взятии X")
    attr = (trig.denial.search(low) if lang != "en" else None) or attribution.search(low) or (trig.attribution["en"].search(low) if lang != "en" else None) or trig.denial.search(low)
    # a headline signed with its source after a dash: "Біля Покровська точаться бої – Генштаб"
    signed = next((h for h in hits if re.search(r"\s[—–-]\s+(?:[\w'«»\"]+\s+){0,3}$", low[: h.start]) and not re.search(r"\w", low[h.end :])), None)
    # "Ukraine war: …", "Analysis: …" are headline kickers, not a speaker before a colon
    colon = re.match(r"^[^:]{0,60}:", sentence) and not _G.headline_kicker.match(low)
    if attr is None and signed is None and not colon and not _G.dash_speech.search(low):
        return None
    # the named claimant nearest to the attribution cue
    if signed is not None and attr is None:
        best = signed
    elif attr is not None:
        best = min(hits, key=lambda h: min(abs(h.start - attr.end()), abs(attr.start() - h.end)))
    else:
        best = hits[0]
    return _Speaker(best.claimant, True)


def _claim(
    m: Mention,
    ctype: ClaimType,
    actor: Side | None,
    who: _Speaker,
    sentence: str,
    sent: Span,
    rule: str,
    date: object,
    hedged: bool,
    direction: str | None,
    stance: Stance | None = None,
) -> Claim:
    return Claim(
        place=m.place,
        surface=m.surface,
        type=ctype,
        actor=actor,
        claimant=who.claimant.name,
        claimant_side=who.claimant.side,
        stance=stance or (Stance.REPORTED if who.attributed else Stance.ASSERTED),
        hedged=hedged,
        date=date,  # type: ignore[arg-type]
        direction=direction,
        sentence=sentence,
        evidence=Span(sent.start, sent.end),
        mention=m.span,
        rule=rule,
    )


def _attributed(c: Claim, who: _Speaker) -> Claim:
    """``c`` as reported by ``who`` (the evidence stays the first sentence)."""
    return dataclasses.replace(c, claimant=who.claimant.name, claimant_side=who.claimant.side, stance=Stance.REPORTED)


def _is_town(p: Place) -> bool:
    """A city (KATOTTG category M) or a place of 10,000 people: what "місто" / "город" points back to."""
    return p.category == "M" or (p.population or 0) >= 10_000


def _anaphora(low: str, sent: Span, antecedents: list[Mention], trig: Triggers, gaz: Gazetteer) -> list[Mention]:
    """Places a sentence without a place name points back to ("окупували місто", "до цих сіл"),
    as mentions at the pointing word; ``antecedents``: the resolved mentions of the sentence before."""
    places = list({m.place: m for m in antecedents if m.place}.values())
    if not places:
        return []
    m = trig.anaphora["plural"].search(low)
    chosen = places if m and len(places) >= 2 else []
    if not chosen and (m := trig.anaphora["city"].search(low)):
        towns = [a for a in places if _is_town(gaz.get(a.place))]  # type: ignore[arg-type]
        chosen = towns[-1:]
    if not chosen and (m := trig.anaphora["place"].search(low)) and len(places) == 1:
        chosen = places
    if not chosen or m is None:
        return []
    span = Span(sent.start + m.start(), sent.start + m.end())
    return [dataclasses.replace(a, span=span) for a in chosen]


def _small(m: Mention, gaz: Gazetteer) -> bool:
    p = gaz.get(m.place) if m.place and m.place in gaz else None
    return p is None or (p.population or 0) < 100_000


def _in_purpose_clause(low: str, pos: int, trig: Triggers, start: int = 0) -> bool:
    """Whether ``pos`` follows a purpose marker (after ``start``) of its own clause ("in an effort to …")."""
    # a marker that starts before pos ("in an effort to encircle": the trigger is inside it)
    last = None
    for m in trig.purpose.finditer(low, start):
        if m.start() >= pos:
            break
        last = m
    if last is None:
        return False
    between = low[min(last.end(), pos) : pos]
    return not _G.clause_break.search(between) and ")" not in between  # "(likely seeking to …) and X"


def _is_list_sentence(sentence: str, mentions: list[Mention], offset: int) -> bool:
    """Mostly place names: what is left after removing them is a handful of words."""
    rest = sentence
    for m in sorted(mentions, key=lambda m: -m.span.start):
        rest = rest[: m.span.start - offset] + rest[m.span.end - offset :]
    return len(re.findall(r"\w+", rest)) <= 8


def extract_claims(doc: Document, res: Resources) -> Document:
    """Fill ``doc.claims`` from ``doc.sentences`` and the resolved ``doc.mentions``."""
    if not doc.mentions:
        return doc.replace(claims=())  # no place named: nothing below can make a claim
    trig: Triggers = res.triggers
    claimants: Claimants = res.claimants
    lang = doc.lang if doc.lang in ("en", "ru", "uk") else "en"
    text = doc.text
    outlet = _Speaker(claimants.outlet(doc.source, doc.doc_id), False)
    # a channel's own post: a source it names in one paragraph does not speak the next ones
    own_voice = (doc.source or "").lower().startswith("telegram") or doc.doc_id.startswith("tg_")
    gaz = res.gazetteer
    paragraph_starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
    doc_air_raid = bool(trig.air_raid.search(fold(text)))
    doc_hedged = bool(_G.doc_doubt.search(fold(text)))

    doc_claimants = claimants.find(text)
    claims: list[Claim] = []
    seen: dict[tuple[str | None, ClaimType, Side | None], int] = {}  # claim key -> its index in claims
    # claims in the outlet's voice since the last named speaker of the paragraph: "Про це
    # повідомив X" after them makes them X's
    unattributed: list[int] = []
    run_paragraph = 0
    last_claims: tuple[ClaimType, Side | None, str] | None = None
    who_last = outlet
    date_last = None
    carried: _Speaker | None = None
    carried_paragraph = -1
    # mentions, claimant names and sentences are in text order: each sentence finds its own by
    # bisection instead of scanning the whole document
    mention_starts = [m.span.start for m in doc.mentions]
    by_start = mention_starts == sorted(mention_starts)
    claimant_starts = [h.start for h in doc_claimants]
    sentence_starts = [x.start for x in doc.sentences]
    sentences_sorted = sentence_starts == sorted(sentence_starts)
    antecedents: list[Mention] = []  # the places of the last sentence that named some
    antecedent_sent = -10
    for si, sent in enumerate(doc.sentences):
        # claimant names of this sentence, from one pass over the whole text
        i = bisect_left(claimant_starts, sent.start)
        s_hits = []
        while i < len(doc_claimants) and doc_claimants[i].start <= sent.end:
            h = doc_claimants[i]
            if h.end <= sent.end:
                s_hits.append(ClaimantHit(h.start - sent.start, h.end - sent.start, h.claimant))
            i += 1
        if by_start:
            mentions = list(doc.mentions[bisect_left(mention_starts, sent.start) : bisect_left(mention_starts, sent.end)])
        else:
            mentions = [m for m in doc.mentions if sent.start <= m.span.start < sent.end]
        if mentions:
            # a direction ("на Слов'янському напрямку") is not a place a later sentence points back to
            antecedents = [m for m in mentions if not trig.direction_after.match(fold(text[m.span.end : m.span.end + 20]))]
            antecedent_sent = si
        elif si - antecedent_sent <= 2:
            mentions = _anaphora(fold(text[sent.start : sent.end]), sent, antecedents, trig, gaz)
            if mentions:
                antecedent_sent = si  # "…місто під контролем. Противник у місто не проникав…": a chain
        if not mentions and not s_hits:
            # no place and no claimant named: no claim, and the speaker carried on is unchanged (a
            # new paragraph is noticed by the next sentence that is read)
            continue
        sentence = text[sent.start : sent.end]
        low = fold(sentence)
        para = bisect_right(paragraph_starts, sent.start) - 1
        speaker = _sentence_speaker(sentence, low, s_hits, trig, lang)
        both_sides = trig.attribution.get("both_sides")
        if both_sides is not None and both_sides.search(low):
            # "Ukrainian and Russian sources reported…": the author in its own voice (CLAIMS.md)
            speaker = carried = None
        if para != run_paragraph:
            unattributed, run_paragraph = [], para
        if speaker is not None:
            if trig.back_reference.match(low):
                # "Про це у суботу, 17 лютого, повідомив X": X's, and on that day if they had none
                said_on = event_date(sentence, doc.date) if unattributed else None
                for i in unattributed:
                    claims[i] = _attributed(claims[i], speaker)
                    if claims[i].date is None and said_on is not None:
                        claims[i] = dataclasses.replace(claims[i], date=said_on)
            unattributed = []
            carried, carried_paragraph = speaker, para
        elif lang != "en" and trig.recap.match(low) and not (trig.attribution.get(lang) or trig.attribution["en"]).search(low):
            speaker = None  # "Ранее наши бойцы взяли X": a recap in the outlet's own voice
        elif carried is not None and (
            # English analysis (ISW) moves from a source's report back to its own voice sentence by
            # sentence: only a sentence that attributes, or goes on with a pronoun, keeps the speaker
            (carried_paragraph == para or len(paragraph_starts) == 1) and (lang != "en" or _G.en_goes_on.match(low))
            or (lang != "en" and not own_voice)
            or (trig.attribution.get(lang) or trig.attribution["en"]).search(low)
        ):
            # "It also said…", "the report that…": the last named claimant goes on speaking
            speaker = carried
        elif lang != "en" and claimant_starts and claimant_starts[0] < sent.start and trig.pronoun_attribution.search(low):
            # "Герасимов проверил… По его словам, …", "Сообщается, что …": an attribution that
            # names nobody points back to the last claimant the text named
            speaker = _Speaker(doc_claimants[bisect_left(claimant_starts, sent.start) - 1].claimant, True)
        else:
            speaker = None
        if not mentions:
            continue
        hits = trig.find(sentence, lang, low)
        if not hits:
            # a list that goes on in the next sentence ("Later Vorzel, Hostomel and Bucha were added
            # to them"): places only, no verb of its own, right after a sentence that gave claims
            # ("Russian forces shelled A, B and C" has a verb of its own: strikes are no claims)
            # ("Со стороны A, B — в сторону C" names where pushes start: no list of claims)
            if last_claims and len([m for m in mentions if m.place]) >= 2 and _is_list_sentence(sentence, mentions, sent.start) and not trig.strike.search(low) and not any(trig.origin_before.search(low[: m.span.start - sent.start]) for m in mentions):
                ctype, actor, rule_id = last_claims
                for m in mentions:
                    key = (m.place, ctype, None if ctype == ClaimType.FIGHTING else actor)
                    if m.place is None or key in seen:
                        continue
                    seen[key] = len(claims)
                    # the list goes on the day its first sentence gave, unless it names its own
                    list_date = event_date(sentence, doc.date) or date_last
                    claims.append(_claim(m, ctype, actor, who_last, sentence, sent, rule_id + "+list", list_date, False, None))
            last_claims = None
            continue
        who = speaker or outlet
        spk_side = _speaker_side(who, lang)
        rel = [(m.span.start - sent.start, m.span.end - sent.start) for m in mentions]
        # side words inside a claimant's name ("Генштаб ВСУ") are not actors, nor is the one who
        # speaks ("в ЗСУ пояснили захоплення ЗС РФ …")
        named = [(h.start, h.end) for h in s_hits if " " in low[h.start : h.end] or (speaker is not None and speaker.attributed and h.claimant == speaker.claimant and _G.speaks_after.match(low, h.end))]
        # the capital as a government is a side word ("Kyiv orders forces to withdraw"), not a place
        cues = _side_cues(low, trig, spk_side, [r for m, r in zip(mentions, rel) if m.place != _KYIV] + named)
        direction = None
        targets: list[tuple[Mention, int, int]] = []
        for m, (s, e) in zip(mentions, rel):
            after = low[e : e + 40]
            if trig.direction_after.match(after):
                if m.place and direction is None:
                    place = gaz.get(m.place)
                    direction = {"en": place.name_en, "ru": place.name_ru, "uk": place.name_uk}.get(lang) or m.surface
                continue
            if m.place is None and m.reason != NOT_IN_GAZETTEER:
                continue  # a settlement we do not know still gets its claim (place null, CLAIMS.md)
            if any(h.start < e and s < h.end and (h.end - h.start > e - s or _small(m, gaz)) for h in s_hits):
                # part of a claimant's name ("Kharkiv Oblast Military Administration"), or a
                # spokesman whose surname a village shares ("добавил Рогов"); a city named as a
                # government ("Kyiv") is handled with the verbs below
                continue
            targets.append((m, s, e))
        denial = trig.denial.search(low)
        # "Росія заявила про захоплення X: Україна спростовує": a denial in a later clause is another
        # party's answer; the sentence keeps the assertion (CLAIMS.md "Asserted by one, denied by another")
        denied = denial is not None and not (
            hits and hits[0].end <= denial.start() and _G.denial_clause_break.search(low[hits[0].end : denial.start()])
        )
        hedged = bool(trig.hedge.search(low)) or doc_hedged
        if sentences_sorted:
            lead = bisect_left(sentence_starts, paragraph_starts[para])
            lead_span = doc.sentences[lead] if lead < len(doc.sentences) else sent
        else:
            lead_span = next((x for x in doc.sentences if x.start >= paragraph_starts[para]), sent)
        date = event_date(sentence, doc.date, text[lead_span.start : lead_span.end] if lead_span != sent else None)
        strike = bool(trig.strike.search(low))
        air_raid = doc_air_raid and bool(_G.air_raid_verb.search(low))
        if _G.conditional_opener.match(low):
            # hypotheticals are not claims: drop the triggers of the if-clause (up to its comma)
            comma = low.find(",")
            hits = [h for h in hits if comma != -1 and h.start > comma]
            # "If X, they will advance…": a main clause with a modal is the hypothetical's consequence
            if comma != -1 and trig.plan.search(low[comma : hits[0].start if hits else comma]):
                hits = []
            if not hits:
                continue
        prev_end = -1
        origin_end = -1
        locator_end = -1
        for m, s, e in targets:
            before = low[max(0, s - 45) : s]
            # "southwest of X, which Russian troops have stormed": the relative clause is about X
            if trig.locator_before.search(before) and not _G.which_clause.match(low[e : e + 8]):
                locator_end = e
                continue
            # "південніше Роботиного та Кліщіївки": the locator covers the rest of its list
            if locator_end >= 0 and _G.list_gap.fullmatch(_PARENS.sub(" ", sentence[locator_end:s])):
                locator_end = e
                continue
            locator_end = -1
            # "Марьинку под Донецком", "Kamianka near Avdiivka": a place that locates the previous one
            gap = low[prev_end:s] if prev_end >= 0 else ""
            prev_end = e
            if _G.near_gap.fullmatch(gap):
                continue
            # the capital as the government: "Kyiv said", "authorities in Kyiv", "Киев заявил"
            if m.place == _KYIV and (trig.attribution["en"].match(low, e + 1) or _G.government_verbs.match(low[e:]) or _G.government_before.search(before)):
                continue
            # one half of a compound ("Kharkiv-Belgorod highway", "дорогу Суджа-Коренево")
            # "в напрямках Покровське – Бахмут": the first is where the push starts (CLAIMS.md)
            if re.match(r"\s?[-–—]\s?[A-ZА-ЯІЇЄҐ]", sentence[e : e + 4]) and not any(e < h.start <= e + 4 for h in s_hits):
                continue
            if s > 1 and sentence[s - 1] == "-" and sentence[s - 2].isalpha():  # "Severodonetsk-Lysychansk"
                continue
            hit = _governing_trigger(hits, s, low, trig, lang)
            if hit is None:
                continue
            struck = _G.strike_object_before.search(before)
            if struck and hit.end <= s - len(before) + struck.start():
                # "hostilities in the Lyman area and shelled Siversk": the trigger is before the
                # strike verb, whose object was struck, not fought over ("shelling X, indicating
                # that they pulled back from it" keeps its withdrawal)
                continue
            if e <= hit.start and trig.settlements_after.match(low, hit.end):
                continue  # "в районе X освобождены сёла A и B": X locates the villages taken
            prev_word = re.findall(r"[\w']+", before)[-1:] or [""]
            # where a push starts is not its target, nor are the next names of the same list;
            # "repelled them from X" is X, "repelled an attack from X" is not
            pushed = hit.trigger.type in (ClaimType.ATTACKED, ClaimType.ADVANCED, ClaimType.FIGHTING) or (
                # the attack word may be inside the trigger itself: "halted resumed Russian attacks from X"
                hit.trigger.type == ClaimType.REPELLED and _G.attack_word.search(low, hit.start, s) is not None
            )
            # "намагалися витіснити наших захисників з позицій поблизу X": whom they push out, and from where, is the target
            pushed = pushed and not _G.dislodge.search(low, hit.start, s)
            if pushed and (
                prev_word[0] in trig.start_before
                or trig.origin_before.search(before)
                or (origin_end >= 0 and _G.list_gap.fullmatch(_PARENS.sub(" ", sentence[origin_end:s])))
            ):
                origin_end = e
                continue
            origin_end = -1
            if prev_word[0] in ("до", "к", "ко", "to", "towards", "toward") and hit.trigger.type == ClaimType.WITHDREW:
                continue  # "відступили до Куп'янська": where they went, not what they left
            if strike and hit.trigger.type == ClaimType.ATTACKED and not _G.ground_words.search(low):
                continue
            if air_raid and hit.trigger.type in (ClaimType.ATTACKED, ClaimType.REPELLED) and not _small(m, gaz) and not _G.ground_words_armour.search(low):
                continue  # "отражение массированной атаки на Киев" in an air-raid report
            window = low[max(0, hit.start - 40) : hit.end + 12]
            if lang == "en":
                # an English modal or plan verb governs its whole clause ("Russian forces may instead
                # bypass X and opt to drive north before advancing toward Y")
                clause = max(low.rfind(ch, 0, hit.start) for ch in ";—–(")  # "(Objective: Defend X…)" stays one clause
                window = low[max(0, min(hit.start - 40, max(clause + 1, hit.start - 120))) : hit.end + 12]
            # "вели штурмові дії з метою охоплення X, успіху не мали": the attempt happened and failed
            failed_later = any(h.trigger.failure and h.start > hit.start for h in hits)
            if trig.plan.search(window) and not hit.trigger.failure and not failed_later or hit.future and not hit.trigger.failure:
                continue
            if not hit.trigger.failure and not failed_later and (_in_purpose_clause(low, hit.start, trig) or s > hit.end and _in_purpose_clause(low, s, trig, hit.end)):
                continue  # "… in an effort to reach X", "attacked A to encircle X": the goal, not what happened
            # "не вдалося просунутися": the negation belongs to the failure phrase, not to the verb
            failure_near = any(h.trigger.failure and abs(h.start - hit.start) < 40 for h in hits)
            negated = bool(_G.negation.search(low[max(0, hit.start - 20) : hit.start])) and not hit.trigger.failure and not failure_near
            default_side = spk_side if who.claimant.side != ClaimantSide.INDEPENDENT or lang != "en" else None
            # "заявили о взятии X, однако ВСУ это опровергают": the denial of another clause
            dm = trig.denial.search(low, hit.end) if denied else None
            denied_here = denied and not (dm and _G.clause_break.search(low[hit.end : dm.start()]) and not trig.denial.search(low[: hit.end]))
            if denied_here and who.attributed and lang != "en":
                default_side = _opposite(default_side)  # "В ВСУ опровергли взятие X": the other side's claim
            default_side = hit.trigger.side or default_side
            # "намагаються зайняти", "пытались прорваться": an attempt verb right before the
            # capture or advance verb makes it an attack
            attempt = next((h for h in hits if h.trigger.type == ClaimType.ATTACKED and 0 <= hit.start - h.end <= 3), None)
            if attempt is not None and hit.trigger.type in (ClaimType.CAPTURED, ClaimType.ADVANCED):
                hit = attempt
            ctype, actor, rule = _resolve_type_actor(hit, hits, cues, s, default_side, low)
            if ctype == ClaimType.CAPTURED:
                lo, hi = sorted((hit.start, s))
                # "X … контролирует 90% города": the share may follow a verb that follows the place
                if trig.partial.search(low[max(0, lo - 60) : max(hi + 5, hit.end + 12 if s < hit.start else 0)]):
                    ctype = ClaimType.ADVANCED  # only part of the place: an advance
            if ctype == ClaimType.FIGHTING and actor is not None and not any(c.role in ("agent", "attacker") for c in cues):
                actor = None
            stance = Stance.REPORTED if who.attributed else Stance.ASSERTED
            if negated:
                if ctype in (ClaimType.CAPTURED, ClaimType.ADVANCED) and (denied or who.attributed):
                    stance = Stance.DENIED
                elif ctype in (ClaimType.ATTACKED, ClaimType.ADVANCED, ClaimType.CAPTURED):
                    ctype, actor = ClaimType.REPELLED, _opposite(actor)
                else:
                    continue
            elif denied_here and who.attributed:
                stance = Stance.DENIED
                if not cues and ctype in (ClaimType.CAPTURED, ClaimType.ADVANCED) and spk_side is not None:
                    actor = _opposite(spk_side)  # "у Генштабі спростували захоплення X": the enemy's claim
            if actor is None and ctype != ClaimType.FIGHTING:
                # no side took, left, gained, stopped or made the attack: "left her home in Kyiv",
                # "the fall of Mariupol" in a feature story; only fighting has no actor (CLAIMS.md)
                continue
            key = (m.place or m.surface, ctype, None if ctype == ClaimType.FIGHTING else actor)
            last_claims, who_last, date_last = (ctype, actor, rule), who, date
            if key in seen:
                # a claim first made in the outlet's voice (a headline) and then attributed is the claimant's
                first = claims[seen[key]]
                if stance == Stance.REPORTED and first.stance == Stance.ASSERTED and first.claimant == outlet.claimant.name:
                    first = claims[seen[key]] = _attributed(first, who)
                elif not who.attributed and first.claimant == outlet.claimant.name:
                    unattributed.append(seen[key])  # the lead repeats the headline: "Про це …" next covers both
                if first.date is None and date is not None:  # the repetition says when
                    claims[seen[key]] = dataclasses.replace(first, date=date)
                continue
            seen[key] = len(claims)
            if not who.attributed:
                unattributed.append(len(claims))
            claims.append(_claim(m, ctype, actor, who, sentence, sent, rule, date, hedged, direction, stance))
    return doc.replace(claims=tuple(claims))
