"""Shared fixtures: our own short texts only; ../shared is read only where it exists."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def res():
    from frontwatch.resources import default_resources

    return default_resources()


@pytest.fixture(scope="session")
def gaz(res):
    return res.gazetteer


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "dev.jsonl").exists():
        pytest.skip("../shared is not here")
    return SHARED
