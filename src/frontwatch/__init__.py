"""Frontwatch: a ledger of territorial-control claims from war reporting in EN, RU and UK."""

from __future__ import annotations

import logging

__version__ = "0.1.0"
logging.getLogger(__name__).addHandler(logging.NullHandler())
