"""Run the pipeline over many documents on every core, keeping their order.

Resources are loaded in the parent before the pool forks, so workers share the read-only
gazetteer pages copy-on-write instead of loading ~200 MB each (issue 7). Where fork is not
available, each worker loads them once in its initializer.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from frontwatch.model import Document
from frontwatch.pipeline import process
from frontwatch.resources import Resources, default_resources

_RES: Resources | None = None


def _init() -> None:
    global _RES
    if _RES is None:
        _RES = default_resources()


def _work(doc: Document) -> Document:
    assert _RES is not None
    return process(doc, _RES)


def process_many(
    docs: Iterable[Document], *, workers: int = 1, chunksize: int = 16, window: int = 2000, resources: Resources | None = None
) -> Iterator[Document]:
    """Processed documents in input order; ``workers=1`` runs in this process.

    At most ``window`` documents are in flight, so memory stays flat on huge inputs.
    """
    global _RES
    if workers <= 1:
        res = resources or default_resources()
        for doc in docs:
            yield process(doc, res)
        return
    _RES = resources or default_resources()  # loaded before forking: shared copy-on-write
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    it = iter(docs)
    with ctx.Pool(workers, initializer=_init) as pool:
        while True:
            batch = list(islice(it, window))
            if not batch:
                break
            yield from pool.imap(_work, batch, chunksize=chunksize)
