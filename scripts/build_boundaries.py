#!/usr/bin/env python3
"""Build the dashboard's oblast outlines from ../shared/data/boundaries (OSM, ODbL 1.0).

Coordinates are rounded to 3 decimals (~100 m) and tiny rings dropped: a background map, not a
survey. Russia's Kursk, Belgorod and Bryansk oblasts have no polygon in ../shared, so their
outlines are approximated: the concave hull of each oblast's populated places
(ru_border_places.csv, GeoNames CC BY 4.0), buffered by ~3 km and cut where it would overlap
Ukraine. They are marked ``approximate`` in the properties.

    python scripts/build_boundaries.py
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "data" / "boundaries" / "ua_oblasts_osm_simplified_ralertsinua.geojson"
RU_PLACES = ROOT.parent / "shared" / "data" / "gazetteer" / "ru_border_places.csv"
RU_NAMES = {"Белгородская Область": "Belgorod Oblast", "Курская Область": "Kursk Oblast", "Брянская Область": "Bryansk Oblast"}
OUT = ROOT / "src" / "frontwatch" / "data" / "boundaries" / "oblasts.geojson"


def _round(coords):  # noqa: ANN001, ANN202
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 3), round(coords[1], 3)]
    return [_round(c) for c in coords]


def russian_outlines(ua_features: list[dict]) -> list[dict]:
    import csv

    from shapely import concave_hull
    from shapely.geometry import MultiPoint, mapping, shape
    from shapely.ops import unary_union

    ukraine = unary_union([shape(f["geometry"]).buffer(0) for f in ua_features])
    points: dict[str, list[tuple[float, float]]] = {}
    with open(RU_PLACES, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["oblast_ru"] in RU_NAMES and row["lat"] and row["lon"]:
                points.setdefault(row["oblast_ru"], []).append((float(row["lon"]), float(row["lat"])))
    out = []
    taken = ukraine
    for ru_name in sorted(points):
        # neighbours' hulls would overlap along their shared border: the first one drawn keeps it
        hull = concave_hull(MultiPoint(sorted(points[ru_name])), ratio=0.3).buffer(0.03).difference(taken)
        taken = taken.union(hull)
        hull = hull.simplify(0.01)
        geom = mapping(hull)
        out.append({"type": "Feature", "properties": {"name": RU_NAMES[ru_name], "approximate": True},
                    "geometry": {"type": geom["type"], "coordinates": _round(_lists(geom["coordinates"]))}})
    return out


def _lists(coords):  # noqa: ANN001, ANN202
    """Shapely's nested tuples as lists (JSON arrays)."""
    return [_lists(c) for c in coords] if isinstance(coords, (list, tuple)) and not isinstance(coords[0], (int, float)) else list(coords)


def main() -> None:
    data = json.loads(SRC.read_text(encoding="utf-8"))
    features = []
    for f in data["features"]:
        props = f.get("properties", {})
        name = props.get("name:en") or props.get("name_en") or props.get("name") or ""
        features.append({"type": "Feature", "properties": {"name": name}, "geometry": {"type": f["geometry"]["type"], "coordinates": _round(f["geometry"]["coordinates"])}})
    features += russian_outlines(data["features"])
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{len(features)} oblasts → {OUT} ({OUT.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
