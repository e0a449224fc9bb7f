"""Resolve each mention to one place, with a confidence and the reasons (CLAIMS.md "Place resolution").

Evidence, strongest first: the oblast named right by the mention ("Rovno in the Donetsk People's
Republic", "Кучерівка Харківської області"); the front direction named in the text ("on the
Kupyansk direction" picks the namesake near Kupiansk); other places of the same text (prefer the
candidate near them); the oblast named anywhere in the text; front-line regions for combat texts;
population and category as a weak prior.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from frontwatch.gazetteer.index import Gazetteer
from frontwatch.model import Candidate, Document, Mention
from frontwatch.text.alternation import longest_first
from frontwatch.text.normalize import fold, fold_name

OUTSIDE_AREA = "a region beyond the gazetteer's area is named next to it"

_REGION_WORD = re.compile(
    r"\s*(?:обл\.?|област\w*|oblast\w*|region\w*|province|народн\w*|people['’]s|governorate|район\w*|raion|кра[йяюе]\w*|krai)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class RegionMention:
    key: str
    start: int
    end: int


def _region_automaton(gaz: Gazetteer) -> Any:
    """Aho-Corasick over every oblast stem and alias, built once per gazetteer."""
    cached = gaz.__dict__.get("_region_auto")
    if cached is None:
        import ahocorasick

        cached = ahocorasick.Automaton()
        entries: dict[str, list[tuple[str, bool]]] = {}
        for region in gaz.regions:
            for stem in region.stems:
                entries.setdefault(stem, []).append((region.key, True))
            for alias in region.aliases:
                entries.setdefault(alias, []).append((region.key, False))
        for key, meta in entries.items():
            cached.add_word(key, (len(key), tuple(meta)))
        cached.make_automaton()
        gaz.__dict__["_region_auto"] = cached
    return cached


def _word_start_matches(auto: Any, folded: str) -> Any:
    """Automaton matches that start a word: (start, end of the key, end of its word, value)."""
    n = len(folded)
    for end, (length, value) in auto.iter(folded):
        start = end - length + 1
        if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] == "'"):
            continue
        word_end = end + 1
        while word_end < n and (folded[word_end].isalnum() or folded[word_end] == "'"):
            word_end += 1
        yield start, end, word_end, value


def find_regions(text: str, gaz: Gazetteer) -> list[RegionMention]:
    """Oblasts named in the text: an oblast stem followed by an oblast word, or an alias (ДНР)."""
    folded = fold(text)
    out: list[RegionMention] = []
    for start, end, word_end, meta in _word_start_matches(_region_automaton(gaz), folded):
        for key, needs_word in meta:
            if needs_word:
                tail = _REGION_WORD.match(folded, word_end)
                if tail and not tail.group(0).strip().startswith(("район", "raion")):
                    out.append(RegionMention(key, start, tail.end()))
            elif word_end == end + 1:
                out.append(RegionMention(key, start, end + 1))
    out.sort(key=lambda r: r.start)
    return out


_RAION_WORD = re.compile(r"\s*(?:район\w*|р-н\w*|raion|district)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RaionMention:
    key: tuple[str, str]  # (oblast, raion)
    start: int
    end: int


def _raion_automaton(gaz: Gazetteer) -> Any:
    """Raion name stems (uk and generated ru: "покровськ", "покровск") -> (oblast, raion) keys."""
    cached = gaz.__dict__.get("_raion_auto")
    if cached is None:
        import ahocorasick

        from frontwatch.gazetteer.names import russian_forms

        stems: dict[str, set[tuple[str, str]]] = {}
        for p in gaz.places:
            if p.country != "UA" or not p.raion or not p.oblast:
                continue
            for form in {fold_name(p.raion), *russian_forms(p.raion)}:
                stem = re.sub(r"(?:ий|ый|ой|ій|ого|ий)$", "", form)
                if len(stem) >= 4:
                    stems.setdefault(stem, set()).add((p.oblast, p.raion))
        cached = ahocorasick.Automaton()
        for stem, keys in stems.items():
            cached.add_word(stem, (len(stem), tuple(sorted(keys))))
        cached.make_automaton()
        gaz.__dict__["_raion_auto"] = cached
    return cached


def find_raions(text: str, gaz: Gazetteer) -> list[RaionMention]:
    """Raions named in the text: a raion adjective followed by "район"/"raion"/"district"."""
    folded = fold(text)
    out: list[RaionMention] = []
    for start, _end, word_end, keys in _word_start_matches(_raion_automaton(gaz), folded):
        tail = _RAION_WORD.match(folded, word_end)
        if tail:
            out.extend(RaionMention(k, start, tail.end()) for k in keys)
    return out


_DIRECTION_WORD = r"(?:напрям\w*|направлен\w*|directions?|axis|axes|ділянц\w*|участк\w*)"
_DIRECTION_WORD_RE = re.compile(_DIRECTION_WORD)


@dataclass(frozen=True, slots=True)
class DirectionMention:
    anchor: str
    start: int
    end: int


def _direction_patterns(gaz: Gazetteer) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    cached = gaz.__dict__.get("_direction_re")
    if cached is None:
        by_stem = {stem: d.anchor for d in gaz.directions for stem in d.stems}
        stems = longest_first(by_stem)
        # "Куп'янському напрямку", "Kupiansk-Lyman direction", "Гуляйпольском направлении"
        explicit = re.compile(rf"(?<![\w'])({stems})[\w']*(?:[\s-]+[\w']+)?\s+{_DIRECTION_WORD}")
        # the direction word left out after the first: "на Гуляйпільському – два рази в районі …"
        elliptic = re.compile(rf"(?<![\w'])(?:на|on the)\s+({stems})[\w']*(?=\s*[–—:-])")
        cached = (explicit, elliptic, by_stem)
        gaz.__dict__["_direction_re"] = cached
    return cached


def find_directions(text: str, gaz: Gazetteer) -> list[DirectionMention]:
    """Front directions named in the text, each with the town it is named after."""
    explicit, elliptic, by_stem = _direction_patterns(gaz)
    folded = fold(text)
    if not _DIRECTION_WORD_RE.search(folded):
        return []  # no direction word: neither pattern can match (the elliptic one needs an explicit one)
    found = [DirectionMention(by_stem[m.group(1)], m.start(), m.end()) for m in explicit.finditer(folded)]
    if found:
        found += [DirectionMention(by_stem[m.group(1)], m.start(), m.end()) for m in elliptic.finditer(folded)]
    return sorted(set(found), key=lambda d: d.start)


def _governing_direction(text: str, directions: list[DirectionMention], pos: int) -> DirectionMention | None:
    """The direction a mention is reported under: in its sentence, else the last one before it in its paragraph."""
    same = [d for d in directions if not _crosses_sentence(text, d.start, pos)]
    if same:
        return min(same, key=lambda d: abs(d.start - pos))
    before = [d for d in directions if d.end <= pos and pos - d.end <= 600 and "\n\n" not in text[d.end:pos]]
    return before[-1] if before else None


def _crosses_sentence(text: str, a: int, b: int) -> bool:
    """Whether text[lo:hi] holds a sentence end: a match of [.!?]\\s or \\n (lo, hi = a, b sorted).

    Asked for every pair of a mention and a region or direction, so the ends of the whole text
    are listed once (for the last text asked about) and each question is two bisections.
    """
    global _ends
    lo, hi = sorted((a, b))
    ends = _ends
    if ends[0] is not text:
        ends = _ends = (text, [m.start() for m in _STOP.finditer(text)], [m.start() for m in _NEWLINE.finditer(text)])
    _, stops, newlines = ends
    i = bisect_left(stops, lo)
    if i < len(stops) and stops[i] + 2 <= hi:  # the stop and the space after it lie inside
        return True
    j = bisect_left(newlines, lo)
    return j < len(newlines) and newlines[j] + 1 <= hi


_STOP = re.compile(r"[.!?](?=\s)")
_NEWLINE = re.compile(r"\n")
_ends: tuple[str, list[int], list[int]] = ("", [], [])


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _coherence(mentions: tuple[Mention, ...], gaz: Gazetteer) -> dict[tuple[int, str], tuple[float, float]]:
    """Bonus for candidates close to the other places of the text (namesakes far away lose).

    Each other name votes with weight 1/sqrt(its number of candidates): a unique name
    ("Kupiansk") is a strong anchor, a name with 100 namesakes a weak one. Names with more than
    12 candidates are not used as anchors (they cover half the country). Vectorised: one distance
    matrix per distinct name.
    """
    import numpy as np

    groups: dict[str, tuple[tuple[str, ...], np.ndarray, list[int]]] = {}
    for m in mentions:
        key = fold(m.surface)
        if key in groups:
            groups[key][2].append(m.span.start)
            continue
        ids, xy = _points(gaz, tuple(c.place for c in m.candidates[:200]))
        if ids:
            groups[key] = (ids, xy, [m.span.start])
    out: dict[tuple[int, str], tuple[float, float]] = {}
    anchors = [(k, ids, xy) for k, (ids, xy, _) in groups.items() if len(ids) <= 12]
    if len(groups) < 2 or not anchors:
        return out
    a_xy = np.concatenate([xy for _, _, xy in anchors])
    starts = np.cumsum([0] + [len(ids) for _, ids, _ in anchors[:-1]])
    weights = np.array([1.0 / math.sqrt(len(ids)) for _, ids, _ in anchors])
    a_keys = [k for k, _, _ in anchors]
    id_sets = {k: frozenset(ids) for k, (ids, _, _) in groups.items()}
    for key, (ids, xy, positions) in groups.items():
        dlat = xy[:, None, 0] - a_xy[None, :, 0]
        dlon = (xy[:, None, 1] - a_xy[None, :, 1]) * np.cos((xy[:, None, 0] + a_xy[None, :, 0]) / 2)
        d = 6371.0 * np.sqrt(dlat**2 + dlon**2)
        per_anchor = np.minimum.reduceat(d, starts, axis=1)  # n × anchors
        mask = np.array([k != key and id_sets[k] != id_sets[key] for k in a_keys])
        if not mask.any():
            continue
        w = weights * mask
        total = (w[None, :] * np.exp(-per_anchor / 50.0)).sum(axis=1)
        nearest = np.where(mask[None, :], per_anchor, np.inf).min(axis=1)
        bonus = 2.0 * total / max(1.0, float(w.sum()))
        pairs = list(zip(bonus.tolist(), nearest.tolist()))
        for pos in positions:
            for pid, pair in zip(ids, pairs):
                out[(pos, pid)] = pair
    return out


def _points(gaz: Gazetteer, place_ids: tuple[str, ...]) -> tuple[tuple[str, ...], Any]:
    """The candidates that have coordinates, and their coordinates in radians (read-only: shared
    by every text that names the same namesakes)."""
    import numpy as np

    cache = gaz.__dict__.get("_points")
    if cache is None or len(cache) > 50_000:
        cache = gaz.__dict__["_points"] = {}
    got = cache.get(place_ids)
    if got is None:
        ids, coords = [], []
        for pid in place_ids:
            p = gaz.get(pid)
            if p.lat is not None and p.lon is not None:
                ids.append(pid)
                coords.append((p.lat, p.lon))
        got = cache[place_ids] = (tuple(ids), np.radians(np.array(coords)) if ids else None)
    return got


def _priors(gaz: Gazetteer) -> dict[int, float]:
    """``gaz._prior`` of the places scored so far, by index (the same namesakes come up in text after text)."""
    priors = gaz.__dict__.get("_priors")
    if priors is None:
        priors = gaz.__dict__["_priors"] = {}
    return priors


def _front_regions(gaz: Gazetteer) -> set[str]:
    return {r.key for r in gaz.regions if r.front}


def resolve_places(doc: Document, gaz: Gazetteer) -> Document:
    """Choose a candidate for every mention; keep the losers with their scores and reasons."""
    if not doc.mentions:
        return doc
    text = doc.text
    regions = find_regions(text, gaz)
    doc_regions = {r.key for r in regions}
    raions = find_raions(text, gaz)
    doc_raions = {r.key for r in raions}
    front = _front_regions(gaz)
    outside = {r.key for r in gaz.regions if r.outside}
    russian_context = bool(doc_regions & {"Курська", "Бєлгородська", "Брянська"})

    directions = find_directions(text, gaz)
    coherence = _coherence(doc.mentions, gaz)
    # hromadas and raions of the places the text names unambiguously: namesakes in them win ties
    unique = [gaz.get(m.candidates[0].place) for m in doc.mentions if len(m.candidates) == 1]
    anchor_hromadas = {(p.oblast, p.raion, p.hromada) for p in unique if p.hromada}
    anchor_raions = {(p.oblast, p.raion) for p in unique if p.raion}

    scored_by_mention: list[list[Candidate]] = []
    priors = _priors(gaz)
    for m in doc.mentions:
        scored: list[Candidate] = []
        # An oblast or raion written after the name ("Степовое в Днепропетровской области") is the
        # name's own; one written before it belongs to the previous item of a list ("Майское в
        # ДНР, а также Степовое …") unless nothing follows the name.
        after = [r for r in regions if 0 <= r.start - m.span.end <= 60 and not _crosses_sentence(text, m.span.end, r.start)]
        after = [r for r in after if r.start == after[0].start]  # the closest: a list shares it
        near_regions = after or [r for r in regions if 0 <= m.span.start - r.end <= 25 and not _crosses_sentence(text, r.end, m.span.start)]
        if near_regions and all(r.key in outside for r in near_regions):
            # "у деревни Заболотье в Тверской области": a place beyond the gazetteer, not a namesake of ours
            scored_by_mention.append([])
            continue
        sentence_regions = {r.key for r in regions if abs(r.start - m.span.start) <= 160 and not _crosses_sentence(text, r.start, m.span.start)}
        raions_after = sorted((r for r in raions if 0 <= r.start - m.span.end <= 80), key=lambda r: r.start)
        near_raions = {r.key for r in raions_after if r.start == raions_after[0].start} or {r.key for r in raions if 0 <= m.span.start - r.end <= 40}
        governing = _governing_direction(text, directions, m.span.start) if directions else None
        for c in m.candidates:
            idx = gaz.index_of(c.place)
            p = gaz.places[idx]
            score = priors[idx] if idx in priors else priors.setdefault(idx, gaz._prior(idx))
            reasons: list[str] = [*c.reasons]
            if p.population:
                reasons.append(f"population {p.population:,}")
            if p.raion and (p.oblast, p.raion) in near_raions:
                score += 3.0
                reasons.append(f"{p.raion} raion named next to the mention")
            elif p.raion and (p.oblast, p.raion) in doc_raions:
                score += 1.0
                reasons.append(f"{p.raion} raion named in the text")
            if any(r.key == p.oblast for r in near_regions):
                score += 3.0
                reasons.append(f"{p.oblast} oblast named next to the mention")
            elif p.oblast in sentence_regions:
                score += 2.0
                reasons.append(f"{p.oblast} oblast named in the sentence")
            elif p.oblast in doc_regions:
                score += 1.0
                reasons.append(f"{p.oblast} oblast named in the text")
            if p.oblast in front:
                score += 0.8
            if p.front_km is not None and p.front_km < 60:
                score += round(0.8 * math.exp(-p.front_km / 25.0), 3)
                reasons.append(f"{p.front_km:.0f} km from the 2022–23 front line")
                reasons.append("front-line region")
            if p.country == "RU":
                score += 0.5 if russian_context else -0.3
                if russian_context:
                    reasons.append("Russian border oblast named in the text")
            if len(m.candidates) > 1 and (p.oblast, p.raion, p.hromada) in anchor_hromadas:
                score += 0.6
                reasons.append(f"same hromada ({p.hromada}) as another place in the text")
            elif len(m.candidates) > 1 and (p.oblast, p.raion) in anchor_raions:
                score += 0.3
                reasons.append(f"same raion ({p.raion}) as another place in the text")
            if governing and p.lat is not None and c.place != governing.anchor:
                town = gaz.get(governing.anchor)
                km = _km((p.lat, p.lon), (town.lat, town.lon))
                if km < 80:
                    score += round(2.0 * math.exp(-km / 40.0), 3)
                    reasons.append(f"{km:.0f} km from {town.name_uk}, whose direction is named")
            bonus, dist = coherence.get((m.span.start, c.place), (0.0, None))
            if bonus > 0.05:
                score += bonus
                reasons.append(f"{dist:.0f} km from other places in the text")
            scored.append(Candidate(c.place, round(score, 4), tuple(reasons)))
        scored_by_mention.append(scored)
    return doc.replace(mentions=tuple(_choose(doc.mentions, _pool_by_name(doc.mentions, scored_by_mention))))


def _pool_by_name(mentions: tuple[Mention, ...], scored_by_mention: list[list[Candidate]]) -> list[list[Candidate]]:
    """One place per name in a text: mentions with the same candidates share their evidence.

    "Новогригорівка у Запорізькій області … біля Новогригорівки": the second mention has no oblast
    of its own; each candidate keeps its best score over the mentions, so the oblast named by the
    first one decides both.
    """
    groups: dict[frozenset[str], list[int]] = {}
    for i, m in enumerate(mentions):
        if len(m.candidates) > 1:
            groups.setdefault(frozenset(c.place for c in m.candidates), []).append(i)
    out = list(scored_by_mention)
    for members in groups.values():
        if len(members) < 2:
            continue
        total: dict[str, float] = {}
        for i in members:
            for c in scored_by_mention[i]:
                total[c.place] = max(total.get(c.place, c.score), c.score)
        n = len(members)
        note = f"evidence pooled over {n} mentions of the name"
        for i in members:
            out[i] = [Candidate(c.place, total[c.place], (*c.reasons, note)) for c in scored_by_mention[i]]
    return out


def _choose(mentions: tuple[Mention, ...], scored_by_mention: list[list[Candidate]]) -> list[Mention]:
    resolved: list[Mention] = []
    for m, scored in zip(mentions, scored_by_mention):
        scored = sorted(scored, key=lambda c: (-c.score, c.place))
        if not scored:
            resolved.append(Mention(m.span, m.surface, (), None, 0.0, OUTSIDE_AREA) if m.candidates else m)
            continue
        best = scored[0]
        margin = best.score - scored[1].score if len(scored) > 1 else 1.0
        confidence = 1.0 if len(scored) == 1 else round(1 / (1 + math.exp(-3 * margin)), 3)
        if m.reason == "near-miss spelling":
            confidence = round(confidence * 0.8, 3)
        reason = "the only place with this name" if len(scored) == 1 else "; ".join(best.reasons[-3:]) or "population prior"
        resolved.append(Mention(m.span, m.surface, tuple(scored), best.place, confidence, reason))
    return resolved

