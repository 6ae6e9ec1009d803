"""mypy --strict on user scripts: the typed API catches a misspelt kind, a wrong docs type, a
wrong option type and a misspelt table name, and accepts correct code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

HERE = Path(__file__).parent / "typing"


def mypy(script: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(cache), str(script)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_mypy_strict_accepts_correct_use(tmp_path: Path) -> None:
    result = mypy(HERE / "user_ok.py", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_catches_each_mistake(tmp_path: Path) -> None:
    script = HERE / "user_errors.py"
    result = mypy(script, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    flagged = {int(m.group(1)) for m in re.finditer(r"user_errors\.py:(\d+): error", result.stdout)}
    expected = {n for n, line in enumerate(script.read_text().splitlines(), 1) if re.search(r"# (wrong|misspelt)", line)}
    assert len(expected) == 6
    assert flagged == expected, result.stdout
    assert 'Argument 1 to "compare" has incompatible type "int"' in result.stdout or "No overload variant" in result.stdout
    assert "contradictoin" in result.stdout
