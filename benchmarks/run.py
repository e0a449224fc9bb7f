#!/usr/bin/env python3
"""Every benchmark of issue 7 in one run, each in its own process (so peak RSS is per benchmark):
pipeline speed with the bare-scan ratio and 2-worker scaling, gazetteer load, and the ledger at
1M claims on SQLite and PostgreSQL. Prints each benchmark's own report.

    python benchmarks/run.py [--mb 5] [--claims 1000000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="corpus megabytes for the pipeline benchmark")
    ap.add_argument("--claims", type=int, default=1_000_000, help="claims in the ledger benchmark")
    args = ap.parse_args()
    runs = [
        ("gazetteer load", ["gazetteer_load.py"]),
        ("pipeline speed", ["pipeline_speed.py", "--mb", str(args.mb)]),
        ("ledger at scale", ["ledger_scale.py", "--claims", str(args.claims)]),
    ]
    failed = 0
    for title, cmd in runs:
        print(f"\n== {title} ==", flush=True)
        t = time.perf_counter()
        rc = subprocess.call([sys.executable, str(HERE / cmd[0]), *cmd[1:]])
        print(f"({title}: {time.perf_counter() - t:.0f} s{'' if rc == 0 else f', exit {rc}'})", flush=True)
        failed += rc != 0
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
