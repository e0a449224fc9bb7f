"""SIGKILL during ingest, then run again: nothing committed is lost, nothing is duplicated."""

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
    committed, killed_midway = kill_after_first_commit(cmd, db, "reference_status")
    with sqlite3.connect(db) as conn:
        after_kill = conn.execute("select count(*) from reference_status").fetchone()[0]
    assert after_kill >= committed
    if killed_midway:
        assert after_kill < rows  # the kill really interrupted the import
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("select count(*) from reference_status").fetchone()[0] == rows
        assert conn.execute("select count(*) from (select distinct dataset, place, date from reference_status)").fetchone()[0] == rows
