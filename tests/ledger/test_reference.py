"""Reference control maps: CSV timelines and GeoJSON snapshots, and the claim-to-reference lag."""

from __future__ import annotations

import json

from frontwatch.ledger.store import Store
from frontwatch.service import Frontwatch

KUPIANSK = "UA63080090010026457"  # 49.71 N, 37.61 E


def test_reference_csv_import_is_idempotent_and_lag_is_measured(tmp_path, res):
    fw = Frontwatch(Store.open(str(tmp_path / "r.db")), res)
    csv_path = tmp_path / "timeline.csv"
    csv_path.write_text(f"katottg,date,status\n{KUPIANSK},2024-11-01,not_occupied\n{KUPIANSK},2024-12-05,occupied\nX,2024-12-05,unknown\n")
    assert fw.import_reference(csv_path, dataset="test") == 2
    assert fw.import_reference(csv_path, dataset="test") == 0  # idempotent
    docs = tmp_path / "d.jsonl"
    docs.write_text(json.dumps({"doc_id": "a", "date": "2024-12-08", "source": "Telegram: Минобороны России", "text": "Российские войска освободили Купянск."}, ensure_ascii=False))
    fw.ingest([str(docs)])
    rows = {r.claimant_side: r for r in fw.lag_report()}
    assert rows["RU"].n == 1 and rows["RU"].median == 3  # claimed 3 days after the map showed it


def test_reference_geojson_snapshots_point_in_polygon(tmp_path, res):
    fw = Frontwatch(Store.open(str(tmp_path / "g.db")), res)
    folder = tmp_path / "snaps"
    folder.mkdir()
    square = {"type": "Polygon", "coordinates": [[[37.5, 49.6], [37.7, 49.6], [37.7, 49.8], [37.5, 49.8], [37.5, 49.6]]]}
    (folder / "map_20241201.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    (folder / "map_20241203.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": square}]}))
    n = fw.import_reference(folder, dataset="snap")
    assert n > 1000  # every located place gets its first status, then the changes
    from sqlalchemy import select

    from frontwatch.ledger import schema as t

    with fw.store.engine.connect() as conn:
        rows = conn.execute(select(t.reference_status.c.date, t.reference_status.c.status).where(t.reference_status.c.place == KUPIANSK).order_by(t.reference_status.c.date)).all()
    assert [(str(d), s) for d, s in rows] == [("2024-12-01", "UA"), ("2024-12-03", "RU")]
