"""One comparison: checked documents, options, judge and embedder in, a ``Report`` out, through the native
module (which releases the GIL and stops on Ctrl-C or when a ``StopFlag`` is set). The report's
warnings are issued as ``FactdiffWarning``. ``check`` does the same for one claim against sources,
with the Rust core's rule.
"""

from __future__ import annotations

import warnings
import json
from typing import Any, Dict, Optional, Sequence, Tuple

from . import _native
from ._inputs import docs_json
from ._embed import EmbedFn
from ._embed import adapter as embed_adapter
from ._judge import JudgeFn, adapter
from ._model import Document
from ._report import Report
from .errors import FactdiffWarning


def run(
    documents: Sequence[Document],
    config: str,
    judge: Optional[JudgeFn],
    batch_size: int,
    stop: Optional[_native.StopFlag] = None,
    *,
    embed: Optional[EmbedFn] = None,
    embed_batch_size: int = 64,
    stacklevel: int = 3,
) -> Report:
    """Compare checked documents with options (``config``: JSON) and issue the report's warnings."""
    call = None if judge is None else adapter(judge)
    vectors = None if embed is None else embed_adapter(embed)
    sections, lengths = _native.compare(
        docs_json(documents), config, call, batch_size, stop, vectors, embed_batch_size
    )
    return _warned(Report._from_sections(sections, lengths), stacklevel + 1)


def check(
    claim: str,
    sources: Sequence[Document],
    config: str,
    judge: Optional[JudgeFn],
    batch_size: int,
    *,
    embed: Optional[EmbedFn] = None,
    embed_batch_size: int = 64,
    stacklevel: int = 3,
) -> Tuple[Report, Dict[str, Any]]:
    """Check ``claim`` against checked sources with the core's ``check_claim``: the comparison (its
    warnings issued) and the JSON of ``{"verdict", "sources", "claim_doc"}``."""
    call = None if judge is None else adapter(judge)
    vectors = None if embed is None else embed_adapter(embed)
    (sections, lengths), found = _native.check_claim(
        claim, docs_json(sources), config, call, batch_size, vectors, embed_batch_size
    )
    return _warned(Report._from_sections(sections, lengths), stacklevel + 1), json.loads(found)


def _warned(report: Report, stacklevel: int) -> Report:
    """``report`` after issuing its warnings (``stacklevel`` counted from here)."""
    for w in report.warnings:
        warnings.warn(w, FactdiffWarning, stacklevel=stacklevel)
    return report
