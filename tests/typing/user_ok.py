"""A user's script that mypy --strict accepts (tests/test_typing.py)."""

from __future__ import annotations

from typing import List

import factdiff


def contradictions(texts: List[str]) -> List[str]:
    report = factdiff.compare(texts, align_threshold=0.4)
    out: List[str] = []
    for f in report.filter(kind="contradiction", severity=["high", "medium"]):
        kind: factdiff.FindingKind = f.kind
        if f.severity == "high" and kind == "contradiction":
            out.append(f.explanation + report.label(f.docs[0]))
    first: factdiff.Finding = report[0]
    return out + [first.explain(), report.explain("f0")]


def stories(rows: List[dict[str, str]]) -> int:
    import polars as pl

    reports = factdiff.compare(pl.DataFrame(rows), group_by="story", progress=False)
    frame: pl.DataFrame = reports.to_polars("claims")
    many = list(factdiff.compare_many([{"a": "x"}, ["y", "z"]], progress=False))
    return frame.height + len(many) + sum(len(r) for r in reports.values())
