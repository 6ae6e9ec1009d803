"""A report as tidy tables (one row per finding, claim, piece of evidence, source, document pair).

Tables are built as plain column lists, then handed to pandas or polars; neither is imported
until asked for, and a missing one says which extra to install.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Dict, List

if TYPE_CHECKING:
    from ._model import Report

Columns = Dict[str, List[Any]]


def _table(rows: List[Dict[str, Any]], columns: List[str]) -> Columns:
    return {c: [r[c] for r in rows] for c in columns}


def tables(report: Report) -> Dict[str, Columns]:
    findings = [
        {
            "id": f.id,
            "kind": f.kind,
            "severity": f.severity,
            "explanation": f.explanation,
            "fact": f.fact,
            "docs": "; ".join(f.docs),
            "claims": "; ".join(f.claims),
            "reasons": "; ".join(f.reasons),
        }
        for f in report.findings
    ]
    evidence = [
        {"finding": f.id, "kind": f.kind, **vars(e)} for f in report.findings for e in f.evidence
    ]
    values = [
        {"finding": f.id, "kind": f.kind, "fact": f.fact, "doc": v.doc, "value": v.value, "group": v.group}
        for f in report.findings
        for v in f.sources
    ]
    claims = [
        {
            **{k: getattr(c, k) for k in ("id", "doc", "sentence", "start", "end", "start_byte", "end_byte", "text")},
            "speaker_kind": c.speaker.kind,
            "speaker": c.speaker.name,
            "subject": c.subject,
            "predicate": c.predicate,
            "polarity": c.polarity,
            "modality": c.modality,
            "headline": c.headline,
            "check_worthiness": c.check_worthiness,
            "status": c.status,
        }
        for c in report.claims
    ]
    agreement = report.agreement
    pairs = [
        {"doc_a": a, "doc_b": b, "agreement": agreement.matrix[i][j]}
        for i, a in enumerate(agreement.docs)
        for j, b in enumerate(agreement.docs)
        if i != j
    ]
    sources = [vars(s) for s in report.sources]
    return {
        "findings": _table(findings, ["id", "kind", "severity", "explanation", "fact", "docs", "claims", "reasons"]),
        "values": _table(values, ["finding", "kind", "fact", "doc", "value", "group"]),
        "claims": _table(
            claims,
            ["id", "doc", "sentence", "start", "end", "start_byte", "end_byte", "text", "speaker_kind", "speaker"]
            + ["subject", "predicate", "polarity", "modality", "headline", "check_worthiness", "status"],
        ),
        "evidence": _table(
            evidence,
            ["finding", "kind", "doc", "claim", "start", "end", "start_byte", "end_byte", "text", "note"],
        ),
        "sources": _table(
            sources,
            ["doc", "claims", "corroborated", "contradicted", "unsupported", "repeated", "removed_bytes"]
            + ["corroborated_share", "unsupported_share", "consistency"],
        ),
        "agreement": _table(pairs, ["doc_a", "doc_b", "agreement"]),
    }


def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(f"Report.to_{module}() needs {module}: pip install 'factdiff[{module}]'") from e


def to_pandas(report: Report) -> Dict[str, Any]:
    pd = _require("pandas")
    return {name: pd.DataFrame(columns) for name, columns in tables(report).items()}


def to_polars(report: Report) -> Dict[str, Any]:
    pl = _require("polars")
    return {name: pl.DataFrame(columns) for name, columns in tables(report).items()}
