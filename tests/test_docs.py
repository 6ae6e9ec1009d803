"""Every ``python`` block of docs/python.md runs, in order, in one namespace, from the repository
root, with warnings as errors except those the page itself catches; so the page cannot rot."""

from __future__ import annotations

import os
import re
from typing import Any, Dict, List

import pytest

from .conftest import ROOT

pytest.importorskip("pandas")
pytest.importorskip("polars")

PAGE = ROOT / "docs" / "python.md"


def blocks(text: str) -> List[str]:
    """The ``python`` fenced blocks (indented ones too), dedented."""
    out = []
    for m in re.finditer(r"^( *)```python\n(.*?)^\1```", text, re.S | re.M):
        indent = len(m.group(1))
        out.append("\n".join(line[indent:] for line in m.group(2).splitlines()))
    return out


def test_the_page_has_examples() -> None:
    assert len(blocks(PAGE.read_text(encoding="utf-8"))) >= 10


def test_every_python_example_of_the_page_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    namespace: Dict[str, Any] = {"__name__": "docs_python_md"}
    for n, code in enumerate(blocks(PAGE.read_text(encoding="utf-8")), 1):
        try:
            exec(compile(code, f"{PAGE.name} block {n}", "exec"), namespace)
        except Exception as e:  # pragma: no cover - the failure message is the point
            raise AssertionError(f"docs/python.md block {n} failed: {type(e).__name__}: {e}\n{code}") from e
    printed = capsys.readouterr().out
    assert "<factdiff.Report: 2 documents" in printed and "<Check supported" in printed
    assert "only one document" in printed and "published date 'yesterday'" in printed
    assert os.getcwd() == str(ROOT)
