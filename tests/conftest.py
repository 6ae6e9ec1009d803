"""Shared paths and fixtures for the Python tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
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


def interrupted(code: str, *args: str) -> float:
    """Run ``code`` in a child Python; once it prints "started", wait a second and send SIGINT.
    Asserts that the child was interrupted (it printed "interrupted after", never "finished") and
    died of the ``KeyboardInterrupt``; returns the seconds it took to end after the signal."""
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.strip() == "started", first
        time.sleep(1.0)
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
        waited = time.monotonic() - sent
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert "finished" not in out, out
    assert "interrupted after" in out, (out, err)
    assert err.rstrip().endswith("KeyboardInterrupt"), err
    assert child.returncode == -signal.SIGINT, child.returncode
    return waited
