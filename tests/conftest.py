"""Shared paths and fixtures for the Python tests."""

from __future__ import annotations

import os
from pathlib import Path
from typing import List

import pytest

import factdiff

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def examples() -> List[factdiff.Document]:
    return factdiff.load([EXAMPLES])


@pytest.fixture(scope="session")
def example_report(examples: List[factdiff.Document]) -> factdiff.Report:
    return factdiff.compare(examples)


@pytest.fixture(scope="session")
def seed_paths() -> List[Path]:
    """The seed articles in ../shared/seeds; skipped when absent, a failure under CI."""
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        if os.environ.get("CI"):
            pytest.fail(f"seed articles missing under CI: {SEEDS}")
        pytest.skip(f"seed articles not found in {SEEDS}")
    return paths
