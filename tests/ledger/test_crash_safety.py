"""SIGKILL during ingest or a reference import, then run again: nothing committed is lost,
nothing is duplicated, and the database passes its integrity check."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time


def kill_after_first_commit(cmd, db, table):
    """Start ``cmd``, SIGKILL it once ``table`` holds rows; returns (rows seen, killed before the end)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    committed = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    committed = conn.execute(f"select count(*) from {table}").fetchone()[0]
            except sqlite3.Error:
                continue
            if committed > 0:
                break
    midway = proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert committed > 0, "the first batch never committed"
    return committed, midway


def count(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_sigkill_during_ingest_loses_and_duplicates_nothing(tmp_path):
    src = tmp_path / "many.jsonl"
    villages = ["Вовчанськ", "Куп’янськ", "Кучерівку", "Липці", "Покровськ"]
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(1500):
            text = f"Повідомлення {i}. Окупанти атакували поблизу {villages[i % 5]}, бій тривав {i % 7 + 1} годин."
            fh.write(json.dumps({"doc_id": f"d{i}", "date": "2024-12-08", "text": text}, ensure_ascii=False) + "\n")
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "frontwatch", "ingest", str(src), "--db", str(db)]
    committed, _ = kill_after_first_commit(cmd, db, "documents")
    assert count(db, "select count(*) from documents") >= committed  # nothing committed was lost
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    assert count(db, "pragma integrity_check") == "ok"
    assert count(db, "select count(*) from documents") == 1500
    assert count(db, "select count(distinct external_id) from documents") == 1500
    assert count(db, "select count(*) from claims where document_id not in (select id from documents)") == 0


def test_sigkill_during_reference_import_loses_and_duplicates_nothing(tmp_path):
    src = tmp_path / "timeline.csv"
    rows = 60_000
    with open(src, "w", encoding="utf-8") as fh:
        fh.write("katottg,date,status\n")
        for i in range(rows):
            fh.write(f"UA{i // 6:08d},2022-{i % 6 + 3:02d}-01,{('RU', 'UA', 'contested')[i % 3]}\n")
    db = tmp_path / "ref.db"
    cmd = [sys.executable, "-m", "frontwatch", "reference", "import", str(src), "--dataset", "ds", "--db", str(db)]
    committed, midway = kill_after_first_commit(cmd, db, "reference_status")
    after_kill = count(db, "select count(*) from reference_status")
    assert after_kill >= committed
    if midway:
        assert after_kill < rows  # the kill really interrupted the import
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    assert count(db, "pragma integrity_check") == "ok"
    assert count(db, "select count(*) from reference_status") == rows
    assert count(db, "select count(*) from (select distinct dataset, place, date from reference_status)") == rows
