"""mypy --strict on user scripts: the typed API catches a misspelt kind, a wrong docs type, a
wrong option type and a misspelt table name, and accepts correct code (one mypy run for both)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

HERE = Path(__file__).parent / "typing"


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    cache = tmp_path_factory.mktemp("mypy-cache")
    scripts = [str(HERE / "user_ok.py"), str(HERE / "user_errors.py")]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(cache), *scripts],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr  # the errors script has errors
    return result.stdout


def test_mypy_strict_accepts_correct_use(mypy_output: str) -> None:
    assert "user_ok.py" not in mypy_output, mypy_output


def test_mypy_strict_catches_each_mistake(mypy_output: str) -> None:
    script = HERE / "user_errors.py"
    flagged = {int(m.group(1)) for m in re.finditer(r"user_errors\.py:(\d+): error", mypy_output)}
    expected = {n for n, line in enumerate(script.read_text().splitlines(), 1) if re.search(r"# (wrong|misspelt)", line)}
    assert len(expected) == 6
    assert flagged == expected, mypy_output
    assert "contradictoin" in mypy_output and "urgent" in mypy_output and "finding" in mypy_output
