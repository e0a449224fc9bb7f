"""Read-only data every stage needs, loaded once per process and passed in (STYLE.md §2).

``Resources`` is picklable, so a worker pool or a Dask worker can receive it or load its own.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from frontwatch.extraction.claimants import Claimants
    from frontwatch.extraction.triggers import Triggers
    from frontwatch.framing.lexicon import Lexicon
    from frontwatch.gazetteer.index import Gazetteer


@dataclass(frozen=True)
class Resources:
    gazetteer: Gazetteer
    triggers: Triggers
    claimants: Claimants
    lexicon: Lexicon

    @classmethod
    def load(cls) -> Resources:
        """Load the shipped gazetteer, trigger lexicons, claimant registry and framing lexicon."""
        from frontwatch.extraction.claimants import load_claimants
        from frontwatch.extraction.triggers import load_triggers
        from frontwatch.framing.lexicon import load_lexicon
        from frontwatch.gazetteer.index import load_gazetteer

        return cls(
            gazetteer=load_gazetteer(),
            triggers=load_triggers(),
            claimants=load_claimants(),
            lexicon=load_lexicon(),
        )


@functools.lru_cache(maxsize=1)
def default_resources() -> Resources:
    """The process-wide shared Resources (loaded on first use)."""
    return Resources.load()
