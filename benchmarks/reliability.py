#!/usr/bin/env python3
"""Reliability run (issue 8): hostile inputs through every reader, a SIGKILL during ingest, and
a loopback load test of the API; prints one table.

    python benchmarks/reliability.py [--clients 50] [--seconds 30] [--db postgresql://…]

Traffic goes only to 127.0.0.1, bounded in clients and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RU = "Российские войска освободили Кучеровку Харьковской области."


def hostile_inputs() -> list[tuple[str, bytes]]:
    nested = "[" * 200_000 + "]" * 200_000
    return [
        ("binary.bin", os.urandom(4096)),
        ("nul.txt", b"\x00" * 1000),
        ("bad-utf8.txt", b"\xff\xfe\xfa" + RU.encode("utf-8")[:-3]),
        ("cp1251.txt", RU.encode("cp1251")),
        ("koi8.txt", RU.encode("koi8-r")),
        ("empty.txt", b""),
        ("line-1mb.jsonl", (json.dumps({"doc_id": "x", "text": "а" * 1_000_000}) + "\n").encode()),
        ("nested.jsonl", nested.encode()),
        ("truncated.jsonl", b'{"doc_id": "t", "text": "abc'),
        ("truncated.json", b'{"name": "c", "messages": [{"id": 1, "text": "x"'),
        ("script.html", b"<html><body><script>while(1){}</script><p>" + RU.encode() * 20 + b"</p></body></html>"),
        ("bomb.rss", b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>'),
        ("zero-width.txt", "Российские войска освободили Куче\u200bровку и Вовча\u200dнськ.".encode()),
        ("mixed-scripts.txt", "Российские войска освободили Урoжайнoе и Kupянськ.".encode()),
        ("csv-no-text.csv", b"a,b\n1,2\n"),
        ("huge.txt", b"x " * 3_000_000),
        ("not-telegram.json", b'{"foo": [1, 2, 3]}'),
    ]


def run_hostile() -> tuple[int, int, int]:
    from frontwatch.ingest import read_bytes
    from frontwatch.io_jsonl import Skip
    from frontwatch.pipeline import process
    from frontwatch.resources import default_resources

    res = default_resources()
    tried = crashes = skipped = 0
    for name, data in hostile_inputs():
        tried += 1
        try:
            for item in read_bytes(data, origin=name):
                if isinstance(item, Skip):
                    skipped += 1
                else:
                    process(item, res)
        except Exception as exc:  # noqa: BLE001 - counting crashes is the point
            crashes += 1
            print(f"  CRASH on {name}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
    return tried, crashes, skipped


def run_kill(tmp: Path) -> int:
    """Ingest, SIGKILL after the first commit, ingest again: returns documents lost or duplicated."""
    src = tmp / "kill.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(1000):
            fh.write(json.dumps({"doc_id": f"k{i}", "text": f"Сообщение {i}. {RU}"}, ensure_ascii=False) + "\n")
    db = tmp / "kill.db"
    cmd = [sys.executable, "-m", "frontwatch", "ingest", str(src), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                if conn.execute("select count(*) from documents").fetchone()[0] > 0:
                    break
        except sqlite3.Error:
            continue
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    subprocess.run(cmd, check=True, capture_output=True)
    with sqlite3.connect(db) as conn:
        n = conn.execute("select count(*) from documents").fetchone()[0]
        ok = conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    return abs(1000 - n) + (0 if ok else 1)


def run_load(db_url: str, clients: int, seconds: float) -> dict[str, float]:
    import httpx
    import uvicorn

    from frontwatch.api.app import create_app
    from frontwatch.service import Frontwatch

    fw = Frontwatch.open(db_url)
    from importlib import resources

    with resources.as_file(resources.files("frontwatch.data").joinpath("samples").joinpath("samples.jsonl")) as p:
        fw.ingest([str(p)])
    token = "load-test-token"
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = uvicorn.Server(uvicorn.Config(create_app(fw, token=token), host="127.0.0.1", port=port, log_level="error", workers=1))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    reads: list[float] = []
    writes: list[float] = []
    errors = 0

    async def client(i: int) -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=10) as c:
            n = 0
            end = time.time() + seconds
            while time.time() < end:
                n += 1
                t0 = time.perf_counter()
                try:
                    if n % 10 == 0:
                        r = await c.post("/api/documents", json={"text": f"Client {i} request {n}: Russian forces attacked near Vovchansk."}, headers={"Authorization": f"Bearer {token}"})
                        writes.append(time.perf_counter() - t0)
                    else:
                        url = ("/api/claims?limit=20", "/api/places?q=Kupyansk", "/api/places/UA63080130080014612")[n % 3]
                        r = await c.get(url)
                        reads.append(time.perf_counter() - t0)
                    if r.status_code >= 400:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1

    async def main() -> None:
        await asyncio.gather(*(client(i) for i in range(clients)))

    asyncio.run(main())
    server.should_exit = True
    reads.sort()
    p99 = reads[int(0.99 * (len(reads) - 1))] * 1000 if reads else float("nan")
    return {"requests": len(reads) + len(writes), "errors": errors, "p99_read_ms": p99, "rps": (len(reads) + len(writes)) / seconds}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--db", default=None, help="ledger URL for the load test (default: a temporary SQLite file)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        tried, crashes, skipped = run_hostile()
        lost = run_kill(tmp)
        load = run_load(args.db or f"sqlite:///{tmp / 'load.db'}", args.clients, args.seconds)
    print("| inputs tried | crashes | skipped with a reason | data lost after SIGKILL | requests served | errors | req/s | p99 read (ms) |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {tried} | {crashes} | {skipped} | {lost} | {load['requests']} | {load['errors']} | {load['rps']:.0f} | {load['p99_read_ms']:.0f} |")


if __name__ == "__main__":
    main()
