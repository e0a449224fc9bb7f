#!/usr/bin/env python3
"""Build the dashboard's oblast outlines from ../shared/data/boundaries (OSM, ODbL 1.0).

Coordinates are rounded to 3 decimals (~100 m) and tiny rings dropped: a background map, not a
survey. Russia's Kursk, Belgorod and Bryansk oblasts have no polygon in ../shared; the map shows
their places as points over the bare background.

    python scripts/build_boundaries.py
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "data" / "boundaries" / "ua_oblasts_osm_simplified_ralertsinua.geojson"
OUT = ROOT / "src" / "frontwatch" / "data" / "boundaries" / "oblasts.geojson"


def _round(coords):  # noqa: ANN001, ANN202
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 3), round(coords[1], 3)]
    return [_round(c) for c in coords]


def main() -> None:
    data = json.loads(SRC.read_text(encoding="utf-8"))
    features = []
    for f in data["features"]:
        props = f.get("properties", {})
        name = props.get("name:en") or props.get("name_en") or props.get("name") or ""
        features.append({"type": "Feature", "properties": {"name": name}, "geometry": {"type": f["geometry"]["type"], "coordinates": _round(f["geometry"]["coordinates"])}})
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{len(features)} oblasts → {OUT} ({OUT.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
