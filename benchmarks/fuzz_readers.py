#!/usr/bin/env python3
"""Fuzzing run of the readers (issue 8): atheris (libFuzzer) over every reader for a fixed budget.

    python benchmarks/fuzz_readers.py [--seconds 60] [--corpus DIR] [--artifacts build/fuzz]
    python benchmarks/fuzz_readers.py --replay build/fuzz/crash-*.bin    # re-run saved inputs

Each input goes to one target, chosen by its last byte: ``read_bytes(data, origin=NAME)`` with a
.txt, suffix-less, .html, .xml, .rss, result.json (Telegram), .jsonl or .csv name, ``decode()``,
or ``frontwatch.extract()`` on the decoded text (which gets at most ``--extract-share`` of the
time: the extractor is slower than the readers). The expected outcomes are Documents, Skips or an
exception of frontwatch.errors; any other exception, a hang past ``--timeout`` or a dead
interpreter is a crash. Crashing inputs are saved under the artifacts dir as ``crash-*.bin``
(the raw fuzz input) with a ``.json`` beside it (target, origin name, exception, traceback).

The fuzzer runs in a child process so that a hang or a native crash is counted and the run goes
on for the rest of the budget. The last line on stdout is one line of JSON:
``{"inputs": N, "crashes": K, "seconds": S, ...}`` (inputs are counted by the harness itself).
Without atheris (not installable on this Python) a plain random/mutation loop runs instead, with
the same contract, and the JSON says ``"engine": "random-mutation"``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import mmap
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

# (target name, origin name given to read_bytes; None: not a reader)
TARGETS: list[tuple[str, str | None]] = [
    ("text", "note.txt"),
    ("sniffed", "upload"),  # no suffix: the reader is chosen by content alone
    ("html", "page.html"),
    ("xml", "feed.xml"),
    ("rss", "feed.rss"),
    ("telegram", "result.json"),
    ("jsonl", "data.jsonl"),
    ("csv", "data.csv"),
    ("decode", None),
    ("extract", None),
]
MAPPING = {"text": "body", "date": "published", "doc_id": "id"}
EXTRACT_CHARS = 4000
STATS = struct.Struct("<qqqq")  # inputs, crashes, extract runs, unique crash signatures


def selector(target: str, mapped: bool = False) -> bytes:
    """The trailing byte that routes a payload to ``target`` (FuzzedDataProvider reads ints from the end)."""
    i = [t for t, _ in TARGETS].index(target)
    return bytes([i + (len(TARGETS) if mapped else 0)])


RU = "Российские войска освободили Кучеровку Харьковской области."
UK = "Сили оборони відбили атаку біля Вовчанська 8 грудня."
EN = "Russian forces captured Kucherivka, Kharkiv oblast, on Dec 7, officials said."


def seeds() -> dict[str, bytes]:
    """Small inputs of every kind, written here (payload + selector byte)."""
    tg = {"name": "Chan", "messages": [
        {"id": 1, "type": "message", "date": "2024-12-08T10:00:00", "text": [{"type": "bold", "text": "Срочно: "}, RU]},
        {"id": 2, "type": "service", "text": ""},
        {"id": 3, "type": "message", "date": "2024-12-0", "text": UK, "forwarded_from": "Other"},
    ]}
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>' + EN
           + "</title><description>&lt;b&gt;Officials&lt;/b&gt; said.</description><pubDate>Mon, 09 Dec 2024 10:00:00 GMT</pubDate>"
           "<guid>1</guid><link>http://example.org/1</link></item><item><title>Two</title></item></channel></rss>")
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
            "<entry><title>" + UK + "</title><id>urn:1</id><updated>2024-12-08T10:00:00Z</updated><summary>s</summary></entry></feed>")
    html = ("<!doctype html><html><head><title>Фронт</title><meta name='date' content='2024-12-08'><script>x()</script></head>"
            "<body><nav>menu</nav><article><h1>Фронт</h1><p>" + RU + "</p><p>" + UK + "</p><p>" + EN + "</p></article></body></html>")
    out = {
        "text-utf8": RU.encode() + selector("text"),
        "text-cp1251": RU.encode("cp1251") + selector("text"),
        "text-koi8": RU.encode("koi8-r") + selector("text"),
        "text-utf16": UK.encode("utf-16") + selector("text"),
        "text-bom": b"\xef\xbb\xbf" + EN.encode() + selector("text"),
        "sniffed-html": b"<html><body><p>" + EN.encode() + b"</p></body></html>" + selector("sniffed"),
        "sniffed-json": json.dumps({"text": EN, "date": "2024-12-08"}).encode() + selector("sniffed"),
        "sniffed-feed": rss.encode() + selector("sniffed"),
        "html": html.encode() + selector("html"),
        "html-tiny": b"<html><title>t</title></html>" + selector("html"),
        "xml-atom": atom.encode() + selector("xml"),
        "rss": rss.encode() + selector("rss"),
        "rss-cp1251": rss.replace('"1.0"?>', '"1.0" encoding="windows-1251"?>', 1).replace("Wire", "Лента").encode("cp1251") + selector("rss"),
        "telegram": json.dumps(tg, ensure_ascii=False).encode() + selector("telegram"),
        "telegram-doc": json.dumps({"text": RU, "doc_id": 5, "lang": "ru"}, ensure_ascii=False).encode() + selector("telegram"),
        "jsonl": "\n".join([json.dumps({"doc_id": "a", "text": RU, "date": "2024-12-08"}, ensure_ascii=False), "{bad", "[1]", '{"text": 3}']).encode() + selector("jsonl"),
        "jsonl-mapped": json.dumps({"id": 7, "body": EN, "published": "2024-12-09"}).encode() + selector("jsonl", mapped=True),
        "csv": ("doc_id,text,date,lang\n1," + EN + ",2024-12-08,en\n2,\"" + RU + "\",,ru\n").encode() + selector("csv"),
        "csv-mapped": ("id;body;published\n1;" + UK + ";2024-12-08\n").replace(";", ",").encode() + selector("csv", mapped=True),
        "csv-quoted": b'text\n"multi\nline ""quoted"" text"\n' + selector("csv"),
        "decode": "Ґ".encode("koi8-u") * 3 + UK.encode("koi8-u") + selector("decode"),
        "decode-mixed": b"abc \xff\xfe\x00 " + RU.encode() + selector("decode"),
        "extract-ru": RU.encode() + selector("extract"),
        "extract-uk": UK.encode() + selector("extract"),
        "extract-en": (EN + " Ukrainian forces repelled attacks near Kupiansk.").encode() + selector("extract"),
    }
    return out


# ---------------------------------------------------------------------------------------------
# the harness (imported lazily: under atheris the imports happen inside instrument_imports())

class Harness:
    def __init__(self, artifacts: Path, extract_share: float, stats: mmap.mmap | None = None):
        from frontwatch import extract
        from frontwatch.errors import FrontwatchError
        from frontwatch.ingest import read_bytes
        from frontwatch.ingest.decode import decode
        from frontwatch.io_jsonl import Skip
        from frontwatch.model import Document

        self.read_bytes, self.decode, self.extract = read_bytes, decode, extract
        self.expected_error, self.Document, self.Skip = FrontwatchError, Document, Skip
        self.artifacts = artifacts
        self.extract_share = extract_share
        self.stats = stats
        self.inputs = self.crashes = self.extract_runs = 0
        self.signatures: dict[str, int] = {}
        self.extract_seconds = 0.0
        self.started = time.perf_counter()

    def warm_up(self) -> None:
        """Load the lazily built resources (gazetteer, lexicons, language models) before the clock runs."""
        for step in (lambda: self.extract(RU), lambda: self.extract(EN),
                     lambda: list(self.read_bytes(seeds()["html"][:-1], origin="page.html")),
                     lambda: list(self.read_bytes(seeds()["rss"][:-1], origin="feed.rss"))):
            try:
                step()
            except Exception as exc:  # noqa: BLE001 - a broken target is for the fuzzer to count, not a failed start
                print(f"fuzz: warm-up failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        try:
            # htmldate's last-resort date search hands odd strings to dateparser, which compiles the
            # patterns of every locale on its first such string (15-20 s, once per process): do that
            # here, or the first HTML input with a date-like string in mixed scripts looks like a hang
            from htmldate.extractors import get_external_parser

            get_external_parser().get_date_data("Фронт –§—А–Њ–љ Mon, 09 Dec 20+4 10:00")
        except Exception:  # noqa: BLE001 - only a warm-up
            pass
        self.started = time.perf_counter()

    def route(self, data: bytes) -> tuple[str, str | None, bytes, bool]:
        """(target, origin, payload, mapped) of one fuzz input: the same split as atheris.FuzzedDataProvider."""
        if not data:
            return TARGETS[0][0], TARGETS[0][1], b"", False
        k = data[-1]
        target, origin = TARGETS[k % len(TARGETS)]
        return target, origin, data[:-1], bool((k // len(TARGETS)) % 2)

    def run_one(self, target: str, origin: str | None, payload: bytes, mapped: bool) -> str:
        """Run one payload; returns what happened ("documents", "skips", "error", "extract"); raises on a crash."""
        if target == "decode":
            try:
                text = self.decode(payload, origin="fuzz")
            except self.expected_error:
                return "error"
            if not isinstance(text, str):
                raise TypeError(f"decode returned {type(text).__name__}, not str")
            return "decoded"
        if target == "extract":
            elapsed = time.perf_counter() - self.started
            if self.extract_seconds > self.extract_share * max(elapsed, 1.0):
                return self.run_one("decode", None, payload, mapped)  # over its share of the budget
            try:
                text = self.decode(payload, origin="fuzz")
            except self.expected_error:
                return "error"
            t0 = time.perf_counter()
            try:
                doc = self.extract(text[:EXTRACT_CHARS])
            except self.expected_error:
                return "error"
            finally:
                self.extract_seconds += time.perf_counter() - t0
                self.extract_runs += 1
            if not isinstance(doc, self.Document):
                raise TypeError(f"extract returned {type(doc).__name__}, not a Document")
            return "extract"
        try:
            items = list(self.read_bytes(payload, origin=origin, mapping=MAPPING if mapped else None))
        except self.expected_error:
            return "error"
        for item in items:
            if not isinstance(item, (self.Document, self.Skip)):
                raise TypeError(f"reader yielded {type(item).__name__}, neither a Document nor a Skip")
        return "documents" if any(isinstance(i, self.Document) for i in items) else "skips"

    def __call__(self, data: bytes) -> None:
        """One fuzz input (the atheris test function): crashes are counted and saved, the run goes on."""
        self.inputs += 1
        target, origin, payload, mapped = self.route(data)
        try:
            self.run_one(target, origin, payload, mapped)
        except Exception as exc:  # noqa: BLE001 - anything outside the error tree is a crash
            self.crashes += 1
            self.save_crash(data, target, origin, mapped, exc)
        if self.stats is not None:
            STATS.pack_into(self.stats, 0, self.inputs, self.crashes, self.extract_runs, len(self.signatures))

    def save_crash(self, data: bytes, target: str, origin: str | None, mapped: bool, exc: BaseException) -> None:
        tb = traceback.extract_tb(exc.__traceback__)
        ours = [f for f in tb if "frontwatch" in f.filename] or list(tb)
        where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
        last = f"{Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else "?"
        sig = f"{target} {type(exc).__name__} {where} {last}"
        n = self.signatures.get(sig, 0)
        self.signatures[sig] = n + 1
        if n >= 3:  # a few inputs per distinct crash are enough
            return
        self.artifacts.mkdir(parents=True, exist_ok=True)
        name = "crash-" + hashlib.sha1(data).hexdigest()[:16]
        (self.artifacts / f"{name}.bin").write_bytes(data)
        info = {
            "signature": sig, "target": target, "origin": origin, "mapped": mapped,
            "exception": f"{type(exc).__name__}: {str(exc)[:500]}",
            "payload": repr(data[:-1])[:4000] if data else "b''",
            "traceback": "".join(traceback.format_exception(exc))[-6000:],
        }
        (self.artifacts / f"{name}.json").write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# atheris child process

def child(args: argparse.Namespace) -> None:
    import atheris

    with atheris.instrument_imports(include=["frontwatch", "feedparser", "charset_normalizer", "trafilatura", "htmldate", "courlan", "justext"]):
        import feedparser  # noqa: F401 - imported here so that it is instrumented (readers import it lazily)
        import trafilatura  # noqa: F401

        import frontwatch.ingest.readers  # noqa: F401
        import frontwatch.pipeline  # noqa: F401
    fd = os.open(args.stats_file, os.O_RDWR)
    stats = mmap.mmap(fd, STATS.size)
    harness = Harness(Path(args.artifacts), args.extract_share, stats)
    harness.warm_up()
    libfuzzer = [
        sys.argv[0],
        f"-max_total_time={max(1, int(round(args.seconds)))}",
        f"-timeout={args.timeout}",
        f"-rss_limit_mb={args.rss_limit_mb}",
        f"-max_len={args.max_len}",
        f"-artifact_prefix={Path(args.artifacts)}/",
        "-print_final_stats=1",
        *args.dirs,
    ]
    atheris.Setup(libfuzzer, harness)
    atheris.Fuzz()


def run_atheris(args: argparse.Namespace, artifacts: Path, corpus_dirs: list[str]) -> dict[str, object]:
    """Run the child until the budget is spent, restarting it after a hang or a native crash."""
    log = artifacts / "fuzz.log"
    inputs = crashes = extract_runs = deadly = 0
    spent = 0.0
    restarts = 0
    with tempfile.NamedTemporaryFile(prefix="fuzz-stats-", delete=False) as tf:
        stats_file = tf.name
    try:
        while args.seconds - spent >= 1 and restarts < 50:
            with open(stats_file, "wb") as fh:
                fh.write(b"\0" * STATS.size)
            before = {p.name for p in artifacts.iterdir()}
            cmd = [sys.executable, __file__, "--child", "--stats-file", stats_file, "--artifacts", str(artifacts),
                   "--seconds", str(args.seconds - spent), "--timeout", str(args.timeout), "--max-len", str(args.max_len),
                   "--rss-limit-mb", str(args.rss_limit_mb), "--extract-share", str(args.extract_share), "--", *corpus_dirs]
            with open(log, "a", encoding="utf-8") as lf:
                lf.write(f"\n=== {' '.join(cmd)}\n")
                lf.flush()
                proc = subprocess.Popen(cmd, stdout=lf, stderr=subprocess.STDOUT)
                # the clock starts when the child has warmed up (its first input), not while it loads
                t0 = None
                while proc.poll() is None:
                    time.sleep(0.2)
                    if t0 is None and STATS.unpack(Path(stats_file).read_bytes()[: STATS.size])[0] > 0:
                        t0 = time.perf_counter() - 0.2
                    if t0 is not None and time.perf_counter() - t0 > args.seconds - spent + args.timeout + 60:
                        proc.kill()  # libFuzzer did not stop itself: never overrun the budget by much
                rc = proc.wait()
            n, k, e, _ = STATS.unpack(Path(stats_file).read_bytes()[: STATS.size])
            inputs, crashes, extract_runs = inputs + n, crashes + k, extract_runs + e
            spent += time.perf_counter() - t0 if t0 is not None else 1.0
            if rc != 0 and t0 is None:
                raise SystemExit(f"fuzz: the fuzzer exited with {rc} before its first input; see {log}")
            if rc != 0:
                # libFuzzer stopped on a hang (timeout-*), memory (oom-*) or a dying interpreter (crash-*)
                deadly += 1
                crashes += 1
                restarts += 1
                new = sorted(n for n in {p.name for p in artifacts.iterdir()} - before if n.startswith(("timeout-", "oom-", "crash-", "leak-", "slow-unit-")))
                print(f"fuzz: child exited with {rc} after {n} inputs; new artifacts: {', '.join(new) or 'none'} (see {log})", file=sys.stderr)
            else:
                break
    finally:
        os.unlink(stats_file)
    return {"inputs": inputs, "crashes": crashes, "seconds": round(spent, 1), "deadly": deadly, "extract_runs": extract_runs}


# ---------------------------------------------------------------------------------------------
# fallback without atheris: random mutation of the seeds, same contract

TOKENS = [b"<", b">", b"</", b"<item>", b"<title>", b"<entry>", b"<![CDATA[", b"]]>", b"&amp;", b"&#", b'"', b",", b"\n", b"\r",
          b"{", b"}", b"[", b"]", b":", b'"text"', b'"messages"', b"\\u0000", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b"-", b"0000"]


def mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    buf = bytearray(data[:-1])
    sel = data[-1:] or b"\0"
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(7)
        pos = rng.randint(0, len(buf))
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            buf[pos:pos] = bytes([rng.randrange(256)])
        elif op == 2 and buf:
            del buf[pos:pos + rng.randint(1, 16)]
        elif op == 3:
            buf[pos:pos] = rng.choice(TOKENS)
        elif op == 4 and buf:
            a = rng.randrange(len(buf))
            buf[pos:pos] = buf[a:a + rng.randint(1, 64)] * rng.randint(1, 4)
        elif op == 5:
            other = rng.choice(pool)[:-1]
            buf[pos:] = other[rng.randint(0, len(other)):]
        else:
            sel = bytes([rng.randrange(256)])
    return bytes(buf[:8192]) + sel


def run_random(args: argparse.Namespace, artifacts: Path, corpus_dirs: list[str]) -> dict[str, object]:
    harness = Harness(artifacts, args.extract_share)
    harness.warm_up()
    pool = [p.read_bytes() for d in corpus_dirs for p in sorted(Path(d).iterdir()) if p.is_file()] or [b"\0"]

    def on_alarm(signum, frame):
        raise TimeoutError(f"input ran longer than {args.timeout} s")

    signal.signal(signal.SIGALRM, on_alarm)
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    queue = list(pool)
    while time.perf_counter() - t0 < args.seconds:
        data = queue.pop() if queue else mutate(rng, rng.choice(pool), pool)
        signal.alarm(args.timeout)
        try:
            harness(data)
        finally:
            signal.alarm(0)
        if rng.random() < 0.01 and len(pool) < 5000:
            pool.append(data)
    return {"inputs": harness.inputs, "crashes": harness.crashes, "seconds": round(time.perf_counter() - t0, 1),
            "extract_runs": harness.extract_runs}


# ---------------------------------------------------------------------------------------------

def replay(paths: list[str], extract_share: float) -> None:
    harness = Harness(Path(tempfile.mkdtemp(prefix="fuzz-replay-")), extract_share=1.0)
    for p in paths:
        data = Path(p).read_bytes()
        target, origin, payload, mapped = harness.route(data)
        try:
            outcome = harness.run_one(target, origin, payload, mapped)
        except Exception as exc:  # noqa: BLE001
            outcome = f"CRASH {type(exc).__name__}: {exc}"
        print(f"{p}: {target} ({origin}, mapped={mapped}): {outcome}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60, help="fuzzing budget in seconds (default 60)")
    ap.add_argument("--corpus", help="an extra directory of seed inputs (read only)")
    ap.add_argument("--artifacts", default="build/fuzz", help="crashing inputs, the growing corpus and the log (default build/fuzz)")
    ap.add_argument("--timeout", type=int, default=10, help="seconds one input may take before it counts as a hang")
    ap.add_argument("--max-len", type=int, default=8192, help="largest fuzz input, bytes")
    ap.add_argument("--rss-limit-mb", type=int, default=3072)
    ap.add_argument("--extract-share", type=float, default=0.25, help="largest share of the time spent in frontwatch.extract")
    ap.add_argument("--engine", choices=("auto", "atheris", "random"), default="auto")
    ap.add_argument("--seed", type=int, default=8, help="random seed of the fallback engine")
    ap.add_argument("--replay", nargs="+", metavar="FILE", help="run saved inputs once and print what each does")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--stats-file", help=argparse.SUPPRESS)
    ap.add_argument("dirs", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        child(args)
        return
    if args.replay:
        replay(args.replay, args.extract_share)
        return

    artifacts = Path(args.artifacts)
    artifacts.mkdir(parents=True, exist_ok=True)
    seed_dir = artifacts / "seeds"
    shutil.rmtree(seed_dir, ignore_errors=True)
    seed_dir.mkdir()
    for name, data in seeds().items():
        (seed_dir / name).write_bytes(data)
    work = artifacts / "corpus"  # libFuzzer adds the inputs that reach new code here; kept between runs
    work.mkdir(exist_ok=True)
    corpus_dirs = [str(work), str(seed_dir)] + ([args.corpus] if args.corpus else [])
    crashes_before = set(artifacts.glob("crash-*.json"))

    engine = args.engine
    note = None
    if engine in ("auto", "atheris"):
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError as exc:
            if args.engine == "atheris":
                raise SystemExit(f"atheris is not installed: {exc}") from exc
            engine = "random-mutation"
            note = f"atheris not installable here ({exc}); ran a plain random/mutation loop instead"
            print(f"fuzz: {note}", file=sys.stderr)
    else:
        engine = "random-mutation"
    result = run_atheris(args, artifacts, corpus_dirs) if engine == "atheris" else run_random(args, artifacts, corpus_dirs)

    new = sorted(set(artifacts.glob("crash-*.json")) - crashes_before)
    sigs: dict[str, str] = {}
    for p in new:
        info = json.loads(p.read_text(encoding="utf-8"))
        sigs.setdefault(info["signature"], p.with_suffix(".bin").name)
    for sig, name in sigs.items():
        print(f"fuzz: crash {sig} (e.g. {artifacts / name})", file=sys.stderr)
    out = {"inputs": result["inputs"], "crashes": result["crashes"], "seconds": result["seconds"],
           "unique_crashes": len(sigs) + int(result.get("deadly", 0)), "engine": engine,
           "extract_runs": result.get("extract_runs", 0), "artifacts": str(artifacts)}
    if note:
        out["note"] = note
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
