"""A report as tidy tables: one row per finding, piece of evidence, claim, source, document pair
or document. Sequences (a finding's documents, claims, reasons; a piece of evidence's cues) are
list columns.

Tables are built as plain columns with a declared type each, then handed to pandas or polars;
neither is imported until asked for, and a missing one says which extra to install.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Dict, List, Literal, Mapping, Sequence, Tuple

from ._model import Agreement, Claim, DocumentReport, Finding, SourceStats

#: The tables of a report; ``findings`` is the one to start from.
TableName = Literal["findings", "evidence", "claims", "sources", "agreement", "documents"]
TABLES: Tuple[TableName, ...] = ("findings", "evidence", "claims", "sources", "agreement", "documents")

#: Column types: ``str``, ``int``, ``float``, ``bool``, ``list`` (of str); ``?`` when it may be None;
#: ``any`` (a story key) is left to pandas or polars.
SCHEMAS: Dict[str, List[Tuple[str, str]]] = {
    "findings": [
        ("id", "str"),
        ("kind", "str"),
        ("severity", "str"),
        ("explanation", "str"),
        ("docs", "list"),
        ("sources", "list"),
        ("claims", "list"),
        ("reasons", "list"),
        ("evidence", "int"),
    ],
    "evidence": [
        ("finding", "str"),
        ("kind", "str"),
        ("severity", "str"),
        ("doc", "str"),
        ("source", "str"),
        ("claim", "str?"),
        ("start", "int"),
        ("end", "int"),
        ("start_byte", "int"),
        ("end_byte", "int"),
        ("text", "str"),
        ("note", "str"),
        ("cues", "list"),
    ],
    "claims": [
        ("id", "str"),
        ("doc", "str"),
        ("source", "str"),
        ("sentence", "int"),
        ("start", "int"),
        ("end", "int"),
        ("start_byte", "int"),
        ("end_byte", "int"),
        ("text", "str"),
        ("speaker_kind", "str"),
        ("speaker", "str?"),
        ("subject", "str?"),
        ("predicate", "str?"),
        ("polarity", "str"),
        ("modality", "str"),
        ("headline", "bool"),
        ("check_worthiness", "float"),
        ("status", "str"),
        ("entities", "list"),
    ],
    "sources": [
        ("doc", "str"),
        ("source", "str"),
        ("claims", "int"),
        ("corroborated", "int"),
        ("contradicted", "int"),
        ("unsupported", "int"),
        ("repeated", "int"),
        ("removed_bytes", "int"),
        ("corroborated_share", "float"),
        ("unsupported_share", "float"),
        ("consistency", "float"),
    ],
    "agreement": [("doc_a", "str"), ("doc_b", "str"), ("agreement", "float?")],
    "documents": [
        ("id", "str"),
        ("label", "str"),
        ("title", "str?"),
        ("source", "str?"),
        ("published", "str?"),
        ("url", "str?"),
        ("characters", "int"),
        ("sentences", "int"),
    ],
}

Row = Dict[str, Any]


def rows(
    table: str,
    *,
    findings: Callable[[], Sequence[Finding]],
    claims: Callable[[], Sequence[Claim]],
    sources: Callable[[], Sequence[SourceStats]],
    agreement: Callable[[], Agreement],
    documents: Callable[[], Sequence[DocumentReport]],
    labels: Mapping[str, str],
) -> List[Row]:
    """The rows of one table; only the sections that table needs are read."""
    label = labels.get
    if table == "findings":
        return [
            {
                "id": f.id,
                "kind": f.kind,
                "severity": f.severity,
                "explanation": f.explanation,
                "docs": list(f.docs),
                "sources": [label(d, d) for d in f.docs],
                "claims": list(f.claims),
                "reasons": list(f.reasons),
                "evidence": len(f.evidence),
            }
            for f in findings()
        ]
    if table == "evidence":
        return [
            {
                "finding": f.id,
                "kind": f.kind,
                "severity": f.severity,
                "doc": e.doc,
                "source": label(e.doc, e.doc),
                "claim": e.claim,
                "start": e.start,
                "end": e.end,
                "start_byte": e.start_byte,
                "end_byte": e.end_byte,
                "text": e.text,
                "note": e.note,
                "cues": [c.text for c in e.cues],
            }
            for f in findings()
            for e in f.evidence
        ]
    if table == "claims":
        return [
            {
                **{k: getattr(c, k) for k in ("id", "doc", "sentence", "start", "end", "start_byte", "end_byte", "text")},
                "source": label(c.doc, c.doc),
                "speaker_kind": c.speaker.kind,
                "speaker": c.speaker.name,
                "subject": c.subject,
                "predicate": c.predicate,
                "polarity": c.polarity,
                "modality": c.modality,
                "headline": c.headline,
                "check_worthiness": c.check_worthiness,
                "status": c.status,
                "entities": sorted({e.canonical for e in c.entities}),
            }
            for c in claims()
        ]
    if table == "sources":
        return [{**vars(s), "source": label(s.doc, s.doc)} for s in sources()]
    if table == "agreement":
        a = agreement()
        return [
            {"doc_a": x, "doc_b": y, "agreement": a.matrix[i][j]}
            for i, x in enumerate(a.docs)
            for j, y in enumerate(a.docs)
            if i != j
        ]
    if table == "documents":
        return [
            {
                "id": d.id,
                "label": d.label,
                "title": d.title,
                "source": d.source,
                "published": d.published,
                "url": d.url,
                "characters": len(d.text),
                "sentences": d.sentences,
            }
            for d in documents()
        ]
    raise ValueError(f"table={table!r} is not a table of a report; tables: {', '.join(TABLES)}")


def check_table(table: object) -> str:
    """``table`` when it names a table; else ``TypeError``/``ValueError`` naming the choices."""
    if not isinstance(table, str):
        raise TypeError(f"table must be a str (one of {', '.join(TABLES)}), not {type(table).__name__}")
    if table not in SCHEMAS:
        raise ValueError(f"table={table!r} is not a table of a report; tables: {', '.join(TABLES)}")
    return table


def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(f"to_{module}() needs {module}: pip install 'factdiff[{module}]'") from e


def pandas_frame(table: str, data: List[Row], first: Sequence[Tuple[str, str]] = ()) -> Any:
    """A pandas DataFrame of ``data``, columns in schema order (``first``: extra leading columns)."""
    pd = _require("pandas")
    columns = [name for name, _ in (*first, *SCHEMAS[table])]
    frame = pd.DataFrame({c: [r[c] for r in data] for c in columns}, columns=columns)
    for name, kind in (*first, *SCHEMAS[table]):
        if kind in ("int", "float", "bool") and len(frame):
            frame[name] = frame[name].astype(kind)
    return frame


_POLARS = {"str": "String", "str?": "String", "int": "Int64", "float": "Float64", "float?": "Float64", "bool": "Boolean"}


def polars_frame(table: str, data: List[Row], first: Sequence[Tuple[str, str]] = ()) -> Any:
    """A polars DataFrame of ``data`` with the declared column types (lists: ``List(String)``)."""
    pl = _require("polars")
    columns = [(name, kind) for name, kind in (*first, *SCHEMAS[table])]
    types = {
        name: pl.List(pl.String) if kind == "list" else getattr(pl, _POLARS[kind])
        for name, kind in columns
        if kind in _POLARS or kind == "list"
    }
    return pl.DataFrame({c: [r[c] for r in data] for c, _ in columns}, schema_overrides=types)
