"""The CLI shells: each command runs, prints a one-line error for bad input, and exits non-zero."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "250"}  # rich wraps tables to the terminal width
    return subprocess.run([sys.executable, "-m", "frontwatch", *args], input=stdin, capture_output=True, text=True, timeout=300, env=env)


def test_cli_extract_jsonl_roundtrip(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            [
                json.dumps({"doc_id": "a", "text": "Российские войска освободили Волчанск.", "date": "2024-12-10"}, ensure_ascii=False),
                "{not json",
                json.dumps({"doc_id": "b", "text": "Окупанти атакували поблизу Вовчанська.", "lang": "uk"}, ensure_ascii=False),
            ]
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    r = run("extract", str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "skipped" in r.stderr and "line 2" in r.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["doc_id"] for x in rows] == ["a", "b"]
    claim = rows[0]["claims"][0]
    for field in ("place", "surface", "type", "actor", "claimant", "claimant_side", "stance", "hedged", "date", "direction", "sentence"):
        assert field in claim
    assert claim["type"] == "captured" and claim["actor"] == "RU"
    assert rows[0]["flags"][0]["term"] == "ru.liberation.v1"


def test_cli_extract_stdin_text():
    r = run("extract", "-", stdin="Ukrainian forces repelled Russian assaults near Kupiansk.")
    assert r.returncode == 0
    assert json.loads(r.stdout.splitlines()[0])["claims"][0]["type"] == "repelled"


def test_cli_missing_file_is_one_line_error():
    r = run("extract", "/nonexistent/file.jsonl")
    assert r.returncode != 0
    assert "no such file" in r.stderr and "Traceback" not in r.stderr


def test_cli_places_resolve_and_show():
    r = run("places", "resolve", "Kucherkovka", "--context", "on the Kupyansk direction")
    assert r.returncode == 0 and "UA63080130080014612" in r.stdout
    r = run("places", "show", "UA63080130080014612")
    assert r.returncode == 0 and "Кучерівка" in r.stdout
    r = run("places", "show", "UA000")
    assert r.returncode != 0 and "no place" in r.stderr


def test_cli_framing_prints_flags():
    r = run("framing", "Киевский режим и СВО")
    assert r.returncode == 0 and "ru.kyiv_regime.v1" in r.stdout


def test_cli_demo_runs_on_bundled_samples(tmp_path):
    r = run("demo", "--no-serve", "--db", str(tmp_path / "demo.db"))
    assert r.returncode == 0, r.stderr
    assert "claims" in r.stdout and "framing flags" in r.stdout


def test_cli_extract_workers_keep_order_and_results(tmp_path):
    src = tmp_path / "in.jsonl"
    texts = ["Российские войска освободили Волчанск.", "Ukrainian forces repelled attacks near Kupiansk.", "Погода в Киеве."] * 10
    src.write_text("\n".join(json.dumps({"doc_id": f"d{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)), encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("extract", str(src), "-o", str(one)).returncode == 0
    assert run("extract", str(src), "-o", str(two), "--workers", "2").returncode == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
