"""The public functions: compare, extract_claims, check_claim, load.

Inputs are checked and turned into JSON here; the Rust core (``factdiff._native``) does the work
with the GIL released, and its JSON comes back as typed objects (``_model``), built on first
access.
"""

from __future__ import annotations

import json
import math
import os
import warnings
from functools import lru_cache
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _native
from ._model import Check, Claim, Document, Offsets, Report, claim_from_json, evidence_from_json
from .errors import InputError

Pair = Tuple[str, str]
Scores = Union[Mapping[str, float], Sequence[float]]
JudgeFn = Callable[[List[Pair]], Sequence[Scores]]

def compare(docs: Any, *, judge: Optional[JudgeFn] = None, judge_batch_size: int = 64, **options: Any) -> Report:
    """Compare documents and return the consistency report.

    ``docs``: a list of texts (ids ``doc0``, ``doc1``, …), a dict id → text, a list of
    ``Document``, or a pandas/polars DataFrame with a ``text`` column (optional ``id``, ``title``,
    ``source``, ``published``, ``url`` columns). ``options`` set thresholds (``align_threshold``,
    ``check_worthy``, …; see ``options()``). ``judge``: see docs/python.md.
    """
    documents = to_documents(docs)
    config = _config_json(options)
    adapter = _checked_judge(judge, judge_batch_size)
    sections, lengths = _native.compare(_docs_json(documents), config, adapter, judge_batch_size)
    return Report._from_sections(sections, lengths)


def extract_claims(text: Union[str, Document], **options: Any) -> List[Claim]:
    """The claims of one text on its own (no comparison). Offsets index into ``text``."""
    doc = text if isinstance(text, Document) else Document("text", _text(text, "text"))
    claims = json.loads(_native.extract_claims(json.dumps(_doc_dict(doc)), _config_json(options)))
    offsets = Offsets(doc.text)
    return [claim_from_json(c, offsets) for c in claims]


def check_claim(claim: Union[str, Claim], sources: Any, *, judge: Optional[JudgeFn] = None, **options: Any) -> Check:
    """Check one claim against sources (grounding, e.g. an LLM answer against its sources).

    The claim is compared as its own document. Verdict: "contradicted" when a contradiction,
    numeric or date conflict involves it; else "supported" when it aligns with a claim of a source;
    else "not_covered". The rule is the Rust core's (``factdiff check`` uses the same).
    """
    text = claim.text if isinstance(claim, Claim) else _text(claim, "claim")
    docs = to_documents(sources)
    config = _config_json(options)
    adapter = _checked_judge(judge, 64)
    (sections, lengths), found = _native.check_claim(text, _docs_json(docs), config, adapter, 64)
    report = Report._from_sections(sections, lengths)
    data = json.loads(found)
    offsets = report._offsets
    evidence = [evidence_from_json(e, offsets[e["doc"]]) for e in data["evidence"]]
    return Check(text, data["verdict"], evidence, report, data["claim_doc"])


def load(
    paths: Union[str, os.PathLike[str], Iterable[Union[str, os.PathLike[str]]]],
    *,
    max_bytes: Optional[int] = None,
    skip_bad_lines: bool = False,
) -> List[Document]:
    """Load files and directories (.txt, .md, .html, .jsonl) exactly as the CLI does.

    Ids are file stems. A missing path raises ``FileNotFoundError``; binary, non-UTF-8 or too large
    files raise ``InputError``, and so does a bad JSONL line (the message names its number) unless
    ``skip_bad_lines`` is true: then the other lines are loaded and one ``UserWarning`` per file
    lists the skipped line numbers.
    """
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    names = [os.fspath(p) for p in items]
    if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0):
        raise InputError(f"max_bytes must be a non-negative integer, not {max_bytes!r}")
    if max_bytes is None:
        raw, skipped = _native.load(names, skip_bad_lines=skip_bad_lines)
    else:
        raw, skipped = _native.load(names, max_bytes, skip_bad_lines)
    by_file: Dict[str, List[Tuple[int, str]]] = {}
    for path, line, message in skipped:
        by_file.setdefault(path, []).append((line, message))
    for path, lines in by_file.items():
        numbers = ", ".join(str(n) for n, _ in lines)
        first_line, first_message = lines[0]
        plural = "" if len(lines) == 1 else "s"
        warnings.warn(
            f"{path}: skipped bad line{plural} {numbers} (line {first_line}: {first_message})", UserWarning, stacklevel=2
        )
    return [Document._from_json(d) for d in json.loads(raw)]


@lru_cache(maxsize=None)
def _default_options() -> Dict[str, Any]:
    return dict(json.loads(_native.default_config()))


def options() -> Dict[str, Any]:
    """The options ``compare`` accepts, with their default values."""
    return dict(_default_options())


def _config_json(options: Dict[str, Any]) -> str:
    known = _default_options()
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise InputError(f"unknown option {unknown[0]!r}; known options: {', '.join(known)}")
    return json.dumps({**known, **options})


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{what} must be a str, not {type(value).__name__}")
    return value


def to_documents(docs: Any) -> List[Document]:
    """Normalise the inputs ``compare`` accepts to a list of ``Document``."""
    if isinstance(docs, (str, bytes)):
        raise InputError("give a list of texts (or a dict, a list of Document, a DataFrame), not one string")
    if isinstance(docs, Mapping):
        return [Document(str(k), _text(v, f"text of {k!r}")) for k, v in docs.items()]
    if hasattr(docs, "columns"):
        return _frame_documents(docs)
    if not isinstance(docs, Iterable):
        raise InputError(f"give a list of texts (or a dict, a list of Document, a DataFrame), not {type(docs).__name__}")
    out = []
    for i, d in enumerate(docs):
        if isinstance(d, Document):
            _text(d.text, f"text of {d.id!r}")
            out.append(d)
        else:
            out.append(Document(f"doc{i}", _text(d, f"document {i}")))
    return out


def _frame_documents(frame: Any) -> List[Document]:
    """Rows of a pandas or polars DataFrame with a ``text`` column."""
    if "text" not in list(frame.columns):
        raise InputError(f"the DataFrame needs a 'text' column (it has: {', '.join(map(str, frame.columns))})")
    rows = frame.to_dicts() if hasattr(frame, "to_dicts") else frame.to_dict("records")
    out = []
    for i, row in enumerate(rows):
        meta = {k: _cell(row.get(k)) for k in ("title", "source", "published", "url")}
        name = _cell(row.get("id"))
        out.append(Document(name if name is not None else f"doc{i}", _text(row["text"], f"text of row {i}"), **meta))
    return out


def _cell(value: Any) -> Optional[str]:
    """A DataFrame cell as text; missing values (None, NaN, NaT) become None, dates YYYY-MM-DD."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in ("NaT", "nan"):
        return None
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value)


def _doc_dict(d: Document) -> Dict[str, Any]:
    out: Dict[str, Any] = {
        "id": d.id,
        "text": d.text,
        "title": d.title,
        "source": d.source,
        "published": d.published,
        "url": d.url,
    }
    if d.set_aside:
        out["set_aside"] = [{"start_byte": a.start_byte, "end_byte": a.end_byte, "reason": a.reason} for a in d.set_aside]
    return out


def _docs_json(docs: List[Document]) -> str:
    return json.dumps([_doc_dict(d) for d in docs])


def _checked_judge(judge: Optional[JudgeFn], batch_size: int) -> Optional[Callable[[List[Pair]], List[Tuple[float, float, float]]]]:
    """The native side's judge for ``judge`` (None: the built-in one), after checking the arguments."""
    if judge is not None and not callable(judge):
        raise InputError("judge must be a callable taking a list of (premise, hypothesis) pairs")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise InputError("judge_batch_size must be a positive integer")
    return None if judge is None else _judge_adapter(judge)


def _judge_adapter(judge: JudgeFn) -> Callable[[List[Pair]], List[Tuple[float, float, float]]]:
    """Wrap a user judge so that the native side always gets (entail, neutral, contradict) floats."""

    def call(pairs: List[Pair]) -> List[Tuple[float, float, float]]:
        return [_scores(r) for r in judge(pairs)]

    return call


def _scores(result: Scores) -> Tuple[float, float, float]:
    if isinstance(result, Mapping):
        unknown = set(result) - {"entail", "neutral", "contradict"}
        if unknown:
            raise InputError(f"judge result has unknown keys {sorted(unknown)}; use entail, neutral, contradict")
        values = [float(result.get(k, 0.0)) for k in ("entail", "neutral", "contradict")]
    else:
        values = [float(x) for x in result]
        if len(values) != 3:
            raise InputError(f"judge result {result!r} is not (entail, neutral, contradict)")
    if not all(math.isfinite(v) for v in values):
        raise InputError(f"judge scores must be finite numbers, got {values}")
    return values[0], values[1], values[2]
