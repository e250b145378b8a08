"""Shared fixtures: repository paths and pinned reference dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT / "seeds"
CORPORA_DIR = REPO_ROOT.parent / "shared" / "corpora"


@pytest.fixture
def seeds_dir() -> Path:
    """The seed articles folder."""
    return SEEDS_DIR


@pytest.fixture
def reference_date() -> dt.date:
    """A pinned reference date (a Monday) for relative expressions."""
    return dt.date(2021, 3, 22)
