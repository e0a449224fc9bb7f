#!/usr/bin/env python3
"""Reliability run (issue 8): hostile inputs through every reader, a SIGKILL during ingest, and
a loopback load test of the API; prints one table.

    python benchmarks/reliability.py [--clients 50] [--seconds 30] [--think 0.5] [--engines sqlite,postgresql] [--fuzz-seconds 0]

``--fuzz-seconds N`` also runs benchmarks/fuzz_readers.py (atheris) for N seconds and adds its
inputs and crashes to the table.

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
import time
from pathlib import Path

from local_pg import scratch_ledger

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


def run_fuzz(seconds: float) -> dict[str, object] | None:
    """benchmarks/fuzz_readers.py for ``seconds`` in its own process: its one line of JSON, or None if it failed."""
    cmd = [sys.executable, str(Path(__file__).with_name("fuzz_readers.py")), "--seconds", str(seconds)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)  # its stderr (crash summaries) passes through
    lines = proc.stdout.strip().splitlines()
    try:
        return json.loads(lines[-1]) if proc.returncode == 0 and lines else None
    except json.JSONDecodeError:
        return None




def _free_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def run_load(db_url: str, clients: int, seconds: float, think: float, workers: int = 2) -> dict[str, float]:
    """``clients`` concurrent clients for ``seconds`` against `frontwatch serve` in its own process.

    Each client waits a random 0..2×``think`` seconds between requests, as a person or a feed
    poller does (``think=0`` measures saturation instead: latency is then queueing, clients/throughput).
    Every tenth request is a write (POST /api/documents with a token), the rest are reads.
    """
    import random

    import httpx

    from frontwatch.service import Frontwatch

    fw = Frontwatch.open(db_url)
    from importlib import resources

    with resources.as_file(resources.files("frontwatch.data").joinpath("samples").joinpath("samples.jsonl")) as p:
        fw.ingest([str(p)])
    token = fw.store.create_token(f"load-{time.time_ns()}")
    fw.store.engine.dispose()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "frontwatch", "serve", "--db", db_url, "--port", str(port), "--write-rate", "0", "--extract-rate", "0", "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if httpx.get(base + "/api/claims?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        reads: list[float] = []
        writes: list[float] = []
        errors = 0

        async def client(i: int, c: httpx.AsyncClient) -> None:
            nonlocal errors
            rng = random.Random(i)
            # clients arrive over the first seconds as real ones do, not as one burst at t=0
            await asyncio.sleep(rng.uniform(0, 2 * think if think else 1.0))
            n = 0
            end = time.time() + seconds
            while time.time() < end:
                n += 1
                t0 = time.perf_counter()
                try:
                    if n % 10 == 0:
                        body = {"text": f"Client {i} request {n}: Russian forces attacked near Vovchansk."}
                        r = await c.post("/api/documents", json=body, headers={"Authorization": f"Bearer {token}"})
                        writes.append(time.perf_counter() - t0)
                    else:
                        url = ("/api/claims?limit=20", "/api/places?q=Kupyansk", "/api/places/UA63080130080014612", "/api/map")[n % 4]
                        r = await c.get(url)
                        reads.append(time.perf_counter() - t0)
                    if r.status_code >= 400:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                if think:
                    await asyncio.sleep(rng.uniform(0, 2 * think))

        async def main() -> None:
            # one pool of ``clients`` connections: each client still has its own connection, and
            # building 50 httpx clients (SSL contexts) would stall the measuring loop at the start
            limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
            async with httpx.AsyncClient(base_url=base, timeout=10, limits=limits) as c:
                await asyncio.gather(*(client(i, c) for i in range(clients)))

        asyncio.run(main())
    finally:
        server.terminate()
        server.wait(timeout=30)

    def pct(xs: list[float], q: float) -> float:
        xs = sorted(xs)
        return xs[int(q * (len(xs) - 1))] * 1000 if xs else float("nan")

    n = len(reads) + len(writes)
    return {"requests": n, "errors": errors, "rps": n / seconds, "p50_read_ms": pct(reads, 0.5), "p99_read_ms": pct(reads, 0.99), "p99_write_ms": pct(writes, 0.99)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--think", type=float, default=0.5, help="mean pause between a client's requests, s (0: saturation)")
    ap.add_argument("--server-workers", type=int, default=2, help="`frontwatch serve --workers`")
    ap.add_argument("--engines", default="sqlite,postgresql", help="ledgers to load-test (PostgreSQL: the local server, skipped if absent)")
    ap.add_argument("--fuzz-seconds", type=float, default=0, help="also fuzz the readers (benchmarks/fuzz_readers.py) this long; 0: skip")
    args = ap.parse_args()
    fuzz = run_fuzz(args.fuzz_seconds) if args.fuzz_seconds > 0 else None
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        tried, crashes, skipped = run_hostile()
        lost = run_kill(tmp)
        loads = []
        for engine in args.engines.split(","):
            with scratch_ledger(engine, tmp, "load") as url:
                if url is None:
                    print(f"({engine}: no server on 127.0.0.1:5432, skipped)")
                    continue
                loads.append((engine, run_load(url, args.clients, args.seconds, args.think, args.server_workers)))
    print(f"Hostile inputs: {tried} tried, {crashes} crashes, {skipped} skipped with a reason; data lost after SIGKILL: {lost}")
    print(f"Load: {args.clients} clients × {args.seconds:.0f} s, mean think time {args.think} s, 1 write in 10, {args.server_workers} server processes")
    print("| ledger | inputs tried | crashes | data lost | requests served | errors | req/s | p50 read (ms) | p99 read (ms) | p99 write (ms) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for engine, load in loads:
        print(
            f"| {engine} | {tried} | {crashes} | {lost} | {load['requests']} | {load['errors']} | {load['rps']:.0f} "
            f"| {load['p50_read_ms']:.0f} | {load['p99_read_ms']:.0f} | {load['p99_write_ms']:.0f} |"
        )
    if args.fuzz_seconds > 0:
        if fuzz is None:
            print(f"| fuzz ({args.fuzz_seconds:.0f} s) | failed: see benchmarks/fuzz_readers.py output | | | | | | | | |")
        else:
            print(f"| fuzz ({fuzz.get('engine', '?')}, {float(fuzz['seconds']):.0f} s) | {fuzz['inputs']} | {fuzz['crashes']} | – | – | – | – | – | – | – |")


if __name__ == "__main__":
    main()
