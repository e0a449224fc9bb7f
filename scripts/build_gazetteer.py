#!/usr/bin/env python3
"""Build the compact gazetteer shipped in src/frontwatch/data/gazetteer/places.csv.gz.

Inputs (../shared/data/gazetteer and ../shared/data/boundaries; see SOURCES.md for licences):
  ua_settlements_katottg_wof_joined.csv.gz   all KATOTTG settlements, WOF/GeoNames points and names
  wof_ua_localities.csv.gz                   WOF localities: population, more uk/ru/Latin names
  ru_border_places.csv                       Kursk, Belgorod and Bryansk oblast places (gold ids)
  ua_raion_hromada_centroids_from_settlements.csv   fallback coordinates (marked approximate)
  + src/frontwatch/data/gazetteer/renamings.toml    former names (2016, 2024 renamings)

The build is reproducible: rows sorted by id, forms sorted, gzip written with mtime=0.

    python scripts/build_gazetteer.py [--shared ../shared] [--out src/frontwatch/data/gazetteer]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from frontwatch.gazetteer.names import (  # noqa: E402
    latin_from_russian,
    latin_from_ukrainian,
    russian_forms,
    strip_accents,
    translated_forms,
    ukrainian_forms,
    ukrainian_o_form,
    ukrainian_spellings,
)
from frontwatch.text.normalize import fold_name  # noqa: E402

COLUMNS = (
    "id country category name_uk name_ru name_en oblast raion hromada lat lon approx population "
    "forms_cyr forms_lat former front_km"
).split()
RU_OBLASTS = {"Курская Область": "Курська", "Белгородская Область": "Бєлгородська", "Брянская Область": "Брянська"}


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _read_csv(path: Path) -> list[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
        return list(csv.DictReader(fh))


def _is_cyrillic(s: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in s)


def _clean_latin(names: list[str]) -> list[str]:
    out = set()
    for n in names:
        n = fold_name(strip_accents(n))
        if n and n.isascii() and any(c.isalpha() for c in n):
            out.add(n)
    return sorted(out)


_LAT2CYR = (
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("yo", "е"), ("iy", "ий"), ("yy", "ый"), ("a", "а"),
    ("b", "б"), ("v", "в"), ("g", "г"), ("h", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
    ("y", "ы"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("'", "ь"),
)
_RUSSIAN_LOOKING = ("ino", "ovo", "evo", "oye", "oe", "ovka", "evka", "sk", "noye", "skoye", "ovoye")


def cyrillic_from_latin(name: str) -> str | None:
    """Russian spelling behind a Latin name from GeoNames/WOF ("Rabotino" → "работино")."""
    n = fold_name(strip_accents(name))
    if not n.isascii() or not n.endswith(_RUSSIAN_LOOKING) or " " in n:
        return None
    out, i = [], 0
    while i < len(n):
        for lat, cyr in _LAT2CYR:
            if n.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            return None
    word = "".join(out)
    word = word.replace("ыы", "ый").replace("ые", "ое") if word.endswith("ые") else word
    if word.endswith("ое") is False and n.endswith("oye"):
        word = word[:-2] + "ое"
    return word


def _wof_by_name(wof: dict[str, dict[str, str]]) -> dict[tuple[str, str], list[dict[str, str]]]:
    """WOF localities by (oblast, folded Ukrainian or Russian name), for settlements the join missed."""
    index: dict[tuple[str, str], list[dict[str, str]]] = {}
    for w in wof.values():
        names = {w["name"], *_split(w.get("names_uk")), *_split(w.get("names_ru"))}
        for n in names:
            index.setdefault((w.get("oblast_uk", ""), fold_name(n)), []).append(w)
    return index


def _geonames_population(path: Path) -> dict[str, list[tuple[float, float, int]]]:
    """GeoNames cities500 of Ukraine: folded name (any alternate) -> (lat, lon, population)."""
    out: dict[str, list[tuple[float, float, int]]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or cols[8] != "UA" or not cols[14].isdigit() or int(cols[14]) == 0:
                continue
            names = {cols[1], cols[2], *cols[3].split(",")}
            for n in names:
                if n:
                    out.setdefault(fold_name(n), []).append((float(cols[4]), float(cols[5]), int(cols[14])))
    return out


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    import math

    dlat = math.radians(a[0] - b[0])
    dlon = math.radians(a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def _add_front_distance(rows: list[dict[str, str]], folder: Path) -> None:
    """Kilometres from each place to the nearest KSE front line (2022-09-28, 2023-03-08; MIT).

    A weak prior for combat texts: of two namesakes, the one near the front is usually meant.
    """
    import json
    import math

    import numpy as np
    import shapely
    import shapely.geometry

    k = math.cos(math.radians(48.5)) * 111.32  # km per degree of longitude here
    lines = []
    for name in ("frontline_28092022.geojson", "frontline_08032023.geojson"):
        path = folder / name
        if path.exists():
            for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
                geom = shapely.geometry.shape(f["geometry"])
                lines.append(shapely.transform(geom, lambda xy: xy * np.array([k, 111.32])))
    if not lines:
        return
    front = shapely.union_all(lines)
    located = [r for r in rows if r["lat"] and r["lon"]]
    pts = shapely.points(np.array([[float(r["lon"]) * k, float(r["lat"]) * 111.32] for r in located]))
    dist = shapely.distance(pts, front)
    for r, d in zip(located, dist):
        r["front_km"] = str(int(round(float(d))))
    for r in rows:
        r.setdefault("front_km", "")


def build(shared: Path, out_dir: Path) -> Path:
    gaz = shared / "data" / "gazetteer"
    joined = _read_csv(gaz / "ua_settlements_katottg_wof_joined.csv.gz")
    wof = {r["wof_id"]: r for r in _read_csv(gaz / "wof_ua_localities.csv.gz")}
    centroids = {
        r["katottg"]: r for r in _read_csv(shared / "data" / "boundaries" / "ua_raion_hromada_centroids_from_settlements.csv")
    }
    katottg = {r["katottg"]: r for r in _read_csv(gaz / "katottg_2024-01-19_flat.csv.gz")}
    renamings = tomllib.loads((out_dir / "renamings.toml").read_text(encoding="utf-8"))
    former_by_id: dict[str, list[str]] = {}
    for entry in renamings.get("renaming", []):
        former_by_id.setdefault(entry["id"], []).extend(entry["former"])

    wof_names = _wof_by_name(wof)
    gn_pop = _geonames_population(gaz / "geonames_cities500_UA_RU3.txt")
    rows: list[dict[str, str]] = []
    for r in joined:
        pid = r["katottg"]
        name_uk = r["name_uk"]
        w = wof.get(r["wof_id"] or "", {})
        if not w and r["match_status"] == "no_match":
            # renamed places: WOF still knows them by a former name (Артемівськ for Бахмут)
            for n in [name_uk, *former_by_id.get(pid, [])]:
                found = wof_names.get((r["oblast_uk"], fold_name(n)), [])
                if len(found) == 1:
                    w = found[0]
                    r = {**r, "lat": w["lat"], "lon": w["lon"], "match_status": "former_name"}
                    break
        ru_source = _split(r["names_ru"]) + _split(w.get("names_ru"))
        ru_source = [n for n in ru_source if _is_cyrillic(n)]
        ru_generated = russian_forms(name_uk)
        name_ru = ru_source[0] if ru_source else ru_generated[0].title() if ru_generated else ""
        cyr = {fold_name(name_uk)} | {fold_name(n) for n in ru_source} | set(ru_generated)
        cyr |= set(translated_forms(name_uk))
        for variant in ukrainian_spellings(name_uk):
            cyr |= {variant, *russian_forms(variant)[:2]}
        cyr |= {fold_name(n) for n in _split(w.get("names_uk"))}
        o_form = ukrainian_o_form(name_uk)
        if o_form:
            cyr.add(o_form)
        former = list(former_by_id.get(pid, []))
        cyr |= {fold_name(n) for n in former}
        for f in former:
            cyr |= set(russian_forms(f))
        latin = set(_clean_latin(_split(r["names_latin"]) + _split(w.get("names_latin"))))
        cyr |= {c for c in (cyrillic_from_latin(n) for n in latin) if c}
        latin |= set(latin_from_ukrainian(name_uk))
        for ru in sorted({fold_name(n) for n in ru_source} | set(ru_generated[:3]) | set(translated_forms(name_uk))):
            latin |= set(latin_from_russian(ru))
        name_en = fold_name(r["translit_kmu2010"] or latin_from_ukrainian(name_uk)[0]).title()
        lat, lon, approx = r["lat"], r["lon"], "0"
        if not lat:
            # fall back to the hromada centroid, then the raion centroid, marked approximate
            parent = katottg.get(pid, {})
            for level in ("level3", "level2"):
                c = centroids.get(parent.get(level, ""))
                if c and c["centroid_lat"]:
                    lat, lon, approx = c["centroid_lat"], c["centroid_lon"], "1"
                    break
        population = w.get("population", "") if r["match_status"] not in ("no_match", "rejected_far_from_hromada") else ""
        if not population and lat and r["category"] in ("M", "X", "K"):
            # towns the WOF join missed (often renamed ones, like Bakhmut): GeoNames by name, nearby
            for n in [name_uk, *former_by_id.get(pid, [])]:
                near = [pop for la, lo, pop in gn_pop.get(fold_name(n), ()) if _km((la, lo), (float(lat), float(lon))) < 40]
                if near:
                    population = str(max(near))
                    break
        rows.append(
            {
                "id": pid,
                "country": "UA",
                "category": r["category"],
                "name_uk": name_uk,
                "name_ru": name_ru,
                "name_en": name_en,
                "oblast": r["oblast_uk"],
                "raion": r["raion_uk"],
                "hromada": r["hromada_uk"],
                "lat": f"{float(lat):.5f}" if lat else "",
                "lon": f"{float(lon):.5f}" if lon else "",
                "approx": approx,
                "population": population,
                "forms_cyr": "|".join(sorted(c for c in cyr if c)),
                "forms_lat": "|".join(sorted(latin)),
                "former": "|".join(former),
            }
        )

    for r in _read_csv(gaz / "ru_border_places.csv"):
        alt = _split(r["names_alt"])
        cyr = {fold_name(r["name_ru"])} | {fold_name(n) for n in alt if _is_cyrillic(n)}
        for n in list(cyr):
            cyr |= set(ukrainian_forms(n))
        latin = set(_clean_latin([n for n in alt if not _is_cyrillic(n)]))
        latin |= set(latin_from_russian(r["name_ru"]))
        rows.append(
            {
                "id": r["id"],
                "country": "RU",
                "category": "",
                "name_uk": ukrainian_forms(r["name_ru"])[0].title(),
                "name_ru": r["name_ru"],
                "name_en": latin_from_russian(r["name_ru"])[0].title(),
                "oblast": RU_OBLASTS.get(r["oblast_ru"], r["oblast_ru"]),
                "raion": r["raion_ru"],
                "hromada": "",
                "lat": f"{float(r['lat']):.5f}" if r["lat"] else "",
                "lon": f"{float(r['lon']):.5f}" if r["lon"] else "",
                "approx": "1" if r["coord_quality"] == "raion_centroid" else "0",
                "population": r["population"] or "",
                "forms_cyr": "|".join(sorted(c for c in cyr if c)),
                "forms_lat": "|".join(sorted(latin)),
                "former": "",
            }
        )

    _add_front_distance(rows, shared / "data" / "control" / "kse_hromada_status")
    rows.sort(key=lambda row: row["id"])
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    out = out_dir / "places.csv.gz"
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    print(f"{len(rows)} places → {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "frontwatch" / "data" / "gazetteer")
    args = parser.parse_args()
    if not (args.shared / "data" / "gazetteer").is_dir():
        sys.exit(f"no gazetteer sources under {args.shared}/data/gazetteer; pass --shared PATH")
    build(args.shared, args.out)


if __name__ == "__main__":
    main()
