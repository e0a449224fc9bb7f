"""The gazetteer: every place, every name form, and one Aho-Corasick automaton over them.

Name forms are indexed by *stem* (the name minus its inflectable ending) with the set of endings
its paradigm allows, so "Купянском", "Кучерівці" and "Покровского" match without generating
every inflected form. The automaton runs over a folded copy of the text (same length), so match
offsets are offsets into the original text.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import logging
import math
import re
import tomllib
from dataclasses import dataclass
from importlib import resources as importlib_resources
from typing import Any

import ahocorasick

from frontwatch.errors import DataError
from frontwatch.model import Candidate, Place
from frontwatch.text.normalize import fold, fold_name

log = logging.getLogger(__name__)

# Endings by the end of a word (folded). The longest matching key wins. Russian and Ukrainian
# paradigms share one table: a mention in either language must match.
_PARADIGMS: tuple[tuple[str, int, frozenset[str]], ...] = tuple(
    (end, cut, frozenset(endings.split()))
    for end, cut, endings in (
        ("ка", 2, "ка ки ке ку кой кою ці ко кої кій"),  # кої/кій: adjectives (Велика → Великої, Великій)
        ("ая", 2, "ая ой ую ою ей"),
        ("яя", 2, "яя ей юю ею"),
        ("ое", 2, "ое ого ому ом ым"),
        ("ее", 2, "ее его ему ем им"),
        ("ий", 2, "ий ого ому им ім ом ем ій ьом"),
        ("ый", 2, "ый ого ому ым ом"),
        ("ой", 2, "ой ого ому ым ом"),
        ("ій", 2, "ій ього ьому ім"),
        ("ія", 2, "ія ії ію ією ии ию ией іє ия"),
        ("ия", 2, "ия ии ию ией ія ії ію"),
        ("я", 1, "я ї ю ею єю і ей е и"),
        ("а", 1, "а и і ы е у ою ой ої ій ую"),
        ("е", 1, "е ого ому им ім ем я ю і ое"),
        ("о", 1, "о а у ом е ого ому ым"),
        ("и", 1, "и ы ів ов ах ам ами ях"),
        # plurals: Лук'янці → Лук'янцях, Сухі (Яли) → Сухих (Ялах)
        ("і", 1, "і ів ей ах ях ам ям ами ями их им ими"),
        ("ие", 2, "ие их им ими"),
        ("ые", 2, "ые ых ым ыми"),
        ("ы", 1, "ы и ов ах ам ами"),
        ("ь", 1, "ь я ю ем і е ем ью"),
        ("й", 1, "й я ю ем ї е ї"),
    )
)
_CONSONANT_ENDINGS = frozenset(" а у ом ем е і ові ым ою".split(" "))
_LATIN_ENDINGS = frozenset(("", "'s"))
_SK_ENDINGS = _CONSONANT_ENDINGS | frozenset("ого ому ое ий ая ой ую им ім ым ом ої ій ое ому ее".split())
# Paradigm ids: positions in this tuple (stored as ints in the index to keep it small).
_ENDING_SETS: tuple[frozenset[str], ...] = (*(p[2] for p in _PARADIGMS), _CONSONANT_ENDINGS, _LATIN_ENDINGS, _SK_ENDINGS)
_PID = {id(e): i for i, e in enumerate(_ENDING_SETS)}
_IDX_BITS = 20
_WORD_CHARS = re.compile(r"[^\w']")
_INNER = re.compile(r"[\w']+")


def _paradigm(word: str) -> tuple[str, frozenset[str]]:
    """(stem, allowed endings) of one folded word."""
    if word.isascii():
        return word, _LATIN_ENDINGS
    if word.endswith(("ск", "ськ", "цк", "цьк")):
        # towns in -ск also appear as adjectives: "Купянского направления", "Покровського району"
        return word, _SK_ENDINGS
    for end, cut, endings in _PARADIGMS:
        if word.endswith(end) and len(word) - cut >= 2:
            return word[:-cut], endings
    return word, _CONSONANT_ENDINGS


def _word_forms(word: str) -> list[str]:
    """Explicit inflected forms of a non-final word of a multiword name (Велика → великої, …)."""
    stem, endings = _paradigm(word)
    forms = {stem + e for e in endings}
    forms.add(word)
    # possessive adjectives decline like adjectives: Часів Яр → Часового Яру, Часов Яр → Часовом Яре
    if word.endswith("ів"):
        forms |= {word[:-2] + "ов" + e for e in ("ого", "ому", "им", "ім", "ом", "ым")}
    elif word.endswith(("ов", "ев", "ин")):
        forms |= {word + e for e in ("ого", "ому", "им", "ом", "ым")}
    return sorted(forms)


def scan_text(text: str) -> str:
    """The string the automaton runs on: folded, every non-word character a space, a space in front."""
    return " " + _WORD_CHARS.sub(" ", fold(text))


@dataclass(frozen=True, slots=True)
class Hit:
    """A raw name-form match: offsets into the text, and the places that carry the form."""

    start: int
    end: int
    form: str
    places: tuple[int, ...]
    latin: bool


@dataclass(frozen=True)
class Region:
    key: str
    stems: tuple[str, ...]
    aliases: tuple[str, ...]
    front: bool
    outside: bool = False  # a region beyond the gazetteer's area: names next to it are not ours


@dataclass(frozen=True)
class Direction:
    """A front direction named after a town: its anchor place id and folded name stems."""

    anchor: str
    stems: tuple[str, ...]


class Gazetteer:
    """All places with their name forms; read-only and picklable (the automaton is rebuilt lazily)."""

    def __init__(
        self,
        places: list[Place],
        forms: list[tuple[str, ...]],
        regions: list[Region],
        stoplist: dict[str, Any],
        directions: tuple[Direction, ...] = (),
    ):
        self.places = places
        self._forms = forms
        self.regions = regions
        self.directions = directions
        self.stoplist = stoplist
        self._by_id = {p.id: i for i, p in enumerate(places)}
        self._automaton: Any = None
        self._exact: dict[str, tuple[int, ...]] | None = None

    # -- pickling: ship data, rebuild the automaton in the worker (fast, deterministic) ----------
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_exact"] = None  # cheap to rebuild, only needed by fuzzy search
        state.pop("_buckets", None)
        state.pop("_region_auto", None)
        state.pop("_raion_auto", None)
        state.pop("_direction_re", None)
        state.pop("_priors", None)
        state.pop("_points", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __len__(self) -> int:
        return len(self.places)

    def get(self, place_id: str) -> Place:
        """The place with this id; KeyError if unknown."""
        return self.places[self._by_id[place_id]]

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._by_id

    def index_of(self, place_id: str) -> int:
        return self._by_id[place_id]

    # -- the automaton -------------------------------------------------------------------------
    @property
    def automaton(self) -> Any:
        if self._automaton is None:
            self._automaton = self._build()
        return self._automaton

    def _build(self) -> Any:
        """Compile the index: automaton over stem keys (int values) + flat (paradigm, place) entries."""
        import array

        table: dict[str, set[int]] = {}
        for idx, forms in enumerate(self._forms):
            for form in forms:
                words = form.replace("-", " ").split()
                if not words:
                    continue
                stem, endings = _paradigm(words[-1])
                code = (_PID[id(endings)] << _IDX_BITS) | idx
                heads = [""]
                for w in words[:-1]:
                    heads = [h + f + " " for h in heads for f in _word_forms(w)][:64]
                for head in heads:
                    table.setdefault(" " + head + stem, set()).add(code)
        keys = sorted(table)
        auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        offsets = array.array("l", [0])
        entries = array.array("l")
        for i, key in enumerate(keys):
            auto.add_word(key, i)
            entries.extend(sorted(table[key]))
            offsets.append(len(entries))
        auto.make_automaton()
        key_len = array.array("l", (len(k) for k in keys))
        return (auto, offsets, entries, key_len)

    def iter_hits(self, text: str, *, capitalised: bool = False) -> list[Hit]:
        """Every name form in ``text`` whose inflected ending is allowed (with ``capitalised``:
        only those whose first character is a capital letter or a digit)."""
        auto, offsets, entries, key_len = self.automaton
        scan = scan_text(text)
        n = len(scan)
        hits: list[Hit] = []
        mask = (1 << _IDX_BITS) - 1
        for end_idx, ki in auto.iter(scan):
            if capitalised:
                first = text[end_idx - key_len[ki] + 1]
                if not (first.isupper() or first.isdigit()):
                    continue
            j = scan.find(" ", end_idx + 1)
            if j == -1:
                j = n
            rest = scan[end_idx + 1 : j].rstrip("'")
            matched = [
                e & mask for e in entries[offsets[ki] : offsets[ki + 1]] if rest in _ENDING_SETS[e >> _IDX_BITS]
            ]
            if not matched:
                continue
            t_start = end_idx - key_len[ki] + 1  # scan has one leading space: scan[i] is text[i-1]
            t_end = end_idx + len(rest)
            hits.append(Hit(t_start, t_end, scan[end_idx - key_len[ki] + 2 : end_idx + 1], tuple(sorted(set(matched))), scan[end_idx].isascii()))
        return hits

    # -- lookup by name (search boxes, CLI) ---------------------------------------------------
    def lookup(self, name: str) -> tuple[int, ...]:
        """Indices of places one of whose forms matches ``name`` (inflection allowed)."""
        text = name.strip()
        hits = [h for h in self.iter_hits(text) if h.start == 0 and h.end >= len(text.rstrip(".,;:!?")) - 0]
        out: set[int] = set()
        for h in hits:
            out.update(h.places)
        return tuple(sorted(out))

    def search(self, name: str, *, limit: int = 10) -> list[Candidate]:
        """Places matching any spelling of ``name``: exact and inflected forms, then near-misses."""
        name = name.strip()
        if not name:
            return []
        words = name.split()
        # strip a leading preposition: "под Купянском", "в районі Кучерівки", "near Kupiansk"
        for i in range(min(3, len(words))):
            idx = self.lookup(" ".join(words[i:]))
            if idx:
                cands = [Candidate(self.places[j].id, 1.0 + self._prior(j), ("name form matches",)) for j in idx]
                return sorted(cands, key=lambda c: (-c.score, c.place))[:limit]
        return self.fuzzy(name, limit=limit)

    def fuzzy(self, name: str, *, limit: int = 10, cutoff: float = 85.0) -> list[Candidate]:
        """Near-miss spellings ("Kucherkovka" for Кучеровка) by rapidfuzz ratio over all forms."""
        from rapidfuzz import fuzz, process

        exact = self._exact_index()
        query = fold_name(name)
        # only forms that start like the query and are of similar length: a near-miss keeps both
        buckets = self._fuzzy_buckets()
        pool = [f for n in range(len(query) - 3, len(query) + 4) for f in buckets.get((query[:1], n), ())]
        results = process.extract(query, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit * 4)
        best: dict[int, float] = {}
        for form, score, _ in results:
            for j in exact[form]:
                best[j] = max(best.get(j, 0.0), score / 100.0)
        cands = [Candidate(self.places[j].id, s + self._prior(j), (f"near-miss spelling ({s:.2f})",)) for j, s in best.items()]
        return sorted(cands, key=lambda c: (-c.score, c.place))[:limit]

    def _fuzzy_buckets(self) -> dict[tuple[str, int], list[str]]:
        buckets = self.__dict__.get("_buckets")
        if buckets is None:
            buckets = {}
            for form in self._exact_index():
                buckets.setdefault((form[:1], len(form)), []).append(form)
            self.__dict__["_buckets"] = buckets
        return buckets

    def _exact_index(self) -> dict[str, tuple[int, ...]]:
        if self._exact is None:
            acc: dict[str, list[int]] = {}
            for idx, forms in enumerate(self._forms):
                for f in forms:
                    acc.setdefault(f, []).append(idx)
            self._exact = {k: tuple(v) for k, v in acc.items()}
        return self._exact

    def is_form(self, folded: str) -> bool:
        """Whether ``folded`` is itself a name form (nominative) of some place."""
        return folded in self._exact_index()

    def forms_of(self, place_id: str) -> tuple[str, ...]:
        return self._forms[self._by_id[place_id]]

    def all_forms(self) -> list[str]:
        """Every name form (for the benchmark's bare scan)."""
        return sorted(self._exact_index())

    def _prior(self, idx: int) -> float:
        """A weak prior: bigger places are mentioned more (a tie-breaker, never decisive)."""
        p = self.places[idx]
        pop = p.population or 0
        # a bare name that is a city's is overwhelmingly the city (Kostiantynivka, Rubizhne)
        cat = {"M": 0.6, "K": 0.8, "X": 0.15}.get(p.category, 0.0)
        # a bare name of a large city is the city; of a regional capital overwhelmingly so, even in
        # a text that names another oblast ("отход под Харьковом" beside Zaporizhzhia villages)
        big = 1.5 if pop >= 1_000_000 else 1.0 if pop >= 500_000 else 0.3 if pop >= 100_000 else 0.0
        return round(0.15 * math.log10(pop + 1) + cat + big, 4)


def _parse_places(raw: bytes) -> tuple[list[Place], list[tuple[str, ...]]]:
    places: list[Place] = []
    forms: list[tuple[str, ...]] = []
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8")))
    for row in reader:
        places.append(
            Place(
                id=row["id"],
                country=row["country"],
                name_uk=row["name_uk"] or None,
                name_ru=row["name_ru"] or None,
                name_en=row["name_en"] or None,
                category=row["category"],
                oblast=row["oblast"] or None,
                raion=row["raion"] or None,
                hromada=row["hromada"] or None,
                lat=float(row["lat"]) if row["lat"] else None,
                lon=float(row["lon"]) if row["lon"] else None,
                coord_approx=row["approx"] == "1",
                population=int(float(row["population"])) if row["population"] else None,
                names_latin=tuple(row["forms_lat"].split("|")) if row["forms_lat"] else (),
                former_names=tuple(row["former"].split("|")) if row["former"] else (),
                front_km=float(row["front_km"]) if row.get("front_km") else None,
            )
        )
        f = [x for x in row["forms_cyr"].split("|") if x] + [x for x in row["forms_lat"].split("|") if x]
        forms.append(tuple(dict.fromkeys(f)))
    return places, forms


def _data_file(name: str) -> bytes:
    return importlib_resources.files("frontwatch.data").joinpath("gazetteer").joinpath(name).read_bytes()


_CACHE_VERSION = "1"


def _cache_path(digest: str) -> Any:
    from pathlib import Path

    import platformdirs

    return Path(platformdirs.user_cache_dir("frontwatch")) / f"gazetteer-{_CACHE_VERSION}-{digest[:16]}.pickle"


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer (loaded once per process).

    The compiled index is cached under the user cache dir, keyed by a digest of the data files and
    the index code, so only the first load in a new install pays for compiling it (~4 s).
    """
    import hashlib
    import os
    import pickle

    try:
        raw = {name: _data_file(name) for name in ("places.csv.gz", "regions.toml", "stoplist.toml", "directions.toml")}
    except (OSError, KeyError) as exc:
        raise DataError(f"gazetteer data files are missing: {exc}; run scripts/build_gazetteer.py") from exc
    digest = hashlib.sha256(b"".join(raw.values()) + _index_code_digest()).hexdigest()
    cache = _cache_path(digest)
    try:
        with open(cache, "rb") as fh:
            gaz = pickle.load(fh)
        if isinstance(gaz, Gazetteer):
            return gaz
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    try:
        places, forms = _parse_places(gzip.decompress(raw["places.csv.gz"]))
        regions_doc = tomllib.loads(raw["regions.toml"].decode("utf-8"))
        stop_doc = tomllib.loads(raw["stoplist.toml"].decode("utf-8"))
        directions_doc = tomllib.loads(raw["directions.toml"].decode("utf-8"))
    except (OSError, KeyError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"gazetteer data files are invalid: {exc}; run scripts/build_gazetteer.py") from exc
    regions = [
        Region(
            r["key"], tuple(fold_name(s) for s in r["stems"]), tuple(fold_name(a) for a in r.get("aliases", ())), bool(r.get("front")), bool(r.get("outside"))
        )
        for r in regions_doc["region"]
    ]
    directions = tuple(Direction(d["anchor"], tuple(fold_name(s) for s in d["stems"])) for d in directions_doc["direction"])
    known = {p.id for p in places}
    if unknown := [d.anchor for d in directions if d.anchor not in known]:
        raise DataError(f"directions.toml names places not in the gazetteer: {unknown}")
    gaz = Gazetteer(places, forms, regions, stop_doc, directions)
    _ = gaz.automaton  # compile now, so the cache holds it
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)  # atomic: concurrent workers never read a half-written cache
    except OSError as exc:  # a read-only home is fine: just slower starts
        log.info("could not write the gazetteer cache %s: %s", cache, exc)
    return gaz


def _index_code_digest() -> bytes:
    import hashlib

    return hashlib.sha256(open(__file__, "rb").read()).digest()
