#!/usr/bin/env python3
"""Check that a speed change left every output alone: claims, flags and resolved mentions of
``frontwatch.extract`` over the dev gold texts and a few MB of the corpus, against a reference.

    python benchmarks/same_output.py --write /tmp/ref.jsonl          # reference from this checkout
    python benchmarks/same_output.py --write /tmp/ref.jsonl --rev main   # ... from a git revision
    python benchmarks/same_output.py --write /tmp/ref.jsonl --src DIR    # ... from DIR/src
    python benchmarks/same_output.py /tmp/ref.jsonl                   # compare this checkout with it

Texts are read from ../shared (never copied into the repo); the reference belongs outside the repo.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = (
    "isw_2022/isw_2022-02-24_2022-09-30.jsonl",
    "ru_telegram_2024/ru_telegram_posts_2024-05-19_2024-11-19.jsonl",
    "en_rss_2022/en_news_rss_items_2022-01_2022-08.jsonl",
    "ua_official_addresses_2022/ua_official_addresses_2022-02_2022-05.jsonl",
)


def inputs(mb: float) -> list[dict]:
    """The dev gold texts, then about ``mb`` MB of the corpus (an equal share from each file)."""
    out = []
    for line in (SHARED / "eval" / "dev.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        out.append({k: rec.get(k) for k in ("doc_id", "text", "lang", "date", "source")})
    for name in CORPUS:
        size = 0
        for i, line in enumerate((SHARED / "corpus" / name).open(encoding="utf-8")):
            rec = json.loads(line)
            text = rec.get("text") or rec.get("description") or ""
            if not text:
                continue
            out.append({"doc_id": f"{name.split('/')[0]}:{i}", "text": text, "lang": rec.get("lang"), "date": rec.get("date"), "source": rec.get("source") or (f"telegram:{rec['channel']}" if rec.get("channel") else None)})
            size += len(text.encode("utf-8"))
            if size > mb * 1e6 / len(CORPUS):
                break
    return out


def _date(value: str | None) -> str | None:
    """An ISO day, or None for a missing or partial date ("2023")."""
    return value[:10] if value and len(value) >= 10 and value[4] == "-" else None


def run(mb: float) -> list[str]:
    import frontwatch
    from frontwatch.model import claim_to_json, to_json

    lines = []
    for rec in inputs(mb):
        doc = frontwatch.extract(rec["text"], lang=rec["lang"], date=_date(rec["date"]), source=rec["source"], doc_id=rec["doc_id"])
        out = {
            "doc_id": doc.doc_id,
            "lang": doc.lang,
            "claims": [claim_to_json(c) for c in doc.claims],
            "flags": [to_json(f) for f in doc.flags],
            "mentions": [to_json(m) for m in doc.mentions],
        }
        lines.append(json.dumps(out, ensure_ascii=False, sort_keys=True))
    return lines


def reference_from(src: Path, dest: Path, mb: float) -> None:
    """Write the reference with the sources under ``src`` (a checkout's src/ folder)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, __file__, "--write", str(dest), "--mb", str(mb), "--here"], check=True, env=env)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("reference", nargs="?", help="reference JSONL to compare with")
    ap.add_argument("--write", help="write a reference JSONL here instead of comparing")
    ap.add_argument("--rev", help="with --write: the git revision whose code makes the reference")
    ap.add_argument("--src", help="with --write: a checkout directory whose src/ makes the reference")
    ap.add_argument("--mb", type=float, default=3.0, help="MB of corpus text besides the dev texts")
    ap.add_argument("--here", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.write:
        if args.rev:
            with tempfile.TemporaryDirectory() as tmp:
                archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.rev, "src"], check=True, capture_output=True).stdout
                subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
                reference_from(Path(tmp) / "src", Path(args.write), args.mb)
            return
        if args.src and not args.here:
            reference_from(Path(args.src) / "src", Path(args.write), args.mb)
            return
        Path(args.write).write_text("\n".join(run(args.mb)) + "\n", encoding="utf-8")
        print(f"wrote {args.write}")
        return
    if not args.reference:
        raise SystemExit("give a reference JSONL, or --write one")
    import frontwatch

    print(f"checking {frontwatch.__file__}")
    ref = Path(args.reference).read_text(encoding="utf-8").splitlines()
    got = run(args.mb)
    if len(ref) != len(got):
        raise SystemExit(f"{len(got)} documents, the reference has {len(ref)} (same --mb?)")
    bad = [(a, b) for a, b in zip(ref, got) if a != b]
    for a, b in bad[:5]:
        ja, jb = json.loads(a), json.loads(b)
        for key in ("claims", "flags", "mentions", "lang"):
            if ja[key] != jb[key]:
                print(f"{ja['doc_id']}: {key} differ")
                xa = ja[key] if isinstance(ja[key], list) else [ja[key]]
                xb = jb[key] if isinstance(jb[key], list) else [jb[key]]
                print("  only in reference:", [x for x in xa if x not in xb][:2])
                print("  only now:        ", [x for x in xb if x not in xa][:2])
    if bad:
        raise SystemExit(f"DIFFERENT: {len(bad)} of {len(got)} documents")
    print(f"same: {len(got)} documents")


if __name__ == "__main__":
    main()
