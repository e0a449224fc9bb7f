"""Frontwatch: a ledger of territorial-control claims from war reporting in EN, RU and UK.

    >>> import frontwatch
    >>> doc = frontwatch.extract("Russian forces captured Kucherivka, Kharkiv oblast, on Dec 7.")
    >>> [(c.place, c.type) for c in doc.claims]
"""

from __future__ import annotations

import datetime as dt
import logging

from frontwatch.model import Claim, Document, Flag, Mention, Place

__version__ = "0.1.0"
__all__ = ["Claim", "Document", "Flag", "Mention", "Place", "__version__", "extract"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(
    text: str,
    lang: str | None = None,
    date: dt.date | str | None = None,
    source: str | None = None,
    *,
    doc_id: str = "text",
) -> Document:
    """Find the claims, place mentions and framing flags of one text (nothing is stored)."""
    from frontwatch.pipeline import process
    from frontwatch.resources import default_resources

    if isinstance(date, str):
        date = dt.date.fromisoformat(date[:10])
    doc = Document(doc_id=doc_id, text=text, lang=lang, date=date, source=source)
    return process(doc, default_resources())
