"""Readers: one per source kind, chosen by content and extension. Each yields Documents or Skips.

    for item in read_path("export/result.json"):
        ...

Bad input never raises out of a reader: it becomes ``Skip(origin, reason)``, and the rest of the
batch goes on.
"""

from __future__ import annotations

from frontwatch.ingest.readers import read_bytes, read_path

__all__ = ["read_bytes", "read_path"]
