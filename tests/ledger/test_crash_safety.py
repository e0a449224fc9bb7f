"""SIGKILL during ingest, then run again: nothing committed is lost, nothing is duplicated."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time


def test_sigkill_during_ingest_loses_and_duplicates_nothing(tmp_path):
    src = tmp_path / "many.jsonl"
    villages = ["Вовчанськ", "Куп’янськ", "Кучерівку", "Липці", "Покровськ"]
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(1500):
            text = f"Повідомлення {i}. Окупанти атакували поблизу {villages[i % 5]}, бій тривав {i % 7 + 1} годин."
            fh.write(json.dumps({"doc_id": f"d{i}", "date": "2024-12-08", "text": text}, ensure_ascii=False) + "\n")
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "frontwatch", "ingest", str(src), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    committed = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:  # wait for the first committed batch
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    committed = conn.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.Error:
                continue
            if committed > 0:
                break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert committed > 0, "the first batch never committed"
    with sqlite3.connect(db) as conn:
        after_kill = conn.execute("select count(*) from documents").fetchone()[0]
    assert after_kill >= committed  # nothing committed was lost
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("select count(*) from documents").fetchone()[0] == 1500
        assert conn.execute("select count(distinct external_id) from documents").fetchone()[0] == 1500
        orphans = conn.execute("select count(*) from claims where document_id not in (select id from documents)").fetchone()[0]
        assert orphans == 0
