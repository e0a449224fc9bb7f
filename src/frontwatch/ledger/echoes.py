"""Near-duplicate detection with MinHash LSH (datasketch), persisted as band keys in the ledger.

The same MoD bulletin reposted by 40 channels differs by a header, an emoji or a link; its word
5-shingles overlap almost entirely. Documents sharing a band (r rows of b bands, tuned for
Jaccard ≈ 0.8) are near-duplicates: the later one is stored as an echo of the first.
"""

from __future__ import annotations

import hashlib
import re

NUM_PERM = 64
BANDS = 16  # 16 bands × 4 rows: candidate pairs from Jaccard ≈ 0.5, most above 0.8
ROWS = NUM_PERM // BANDS
_WORD = re.compile(r"\w+")


def band_keys(text: str) -> list[str]:
    """The LSH band keys of a text ([] for texts too short to compare reliably)."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    if len(words) < 12:
        return []
    shingles = {" ".join(words[i : i + 5]) for i in range(len(words) - 4)}
    mh = MinHash(num_perm=NUM_PERM, seed=7)
    for sh in shingles:
        mh.update(sh.encode("utf-8"))
    hv = mh.hashvalues
    return [f"{b}:" + hashlib.blake2b(hv[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=12).hexdigest() for b in range(BANDS)]
