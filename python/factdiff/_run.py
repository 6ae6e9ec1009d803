"""One comparison: checked documents, options and judge in, a ``Report`` out, through the native
module (which releases the GIL and stops on Ctrl-C or when a ``StopFlag`` is set). The report's
warnings are issued as ``FactdiffWarning``.
"""

from __future__ import annotations

import warnings
from typing import Optional, Sequence

from . import _native
from ._inputs import docs_json
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
    stacklevel: int = 3,
) -> Report:
    """Compare checked documents with options (``config``: JSON) and issue the report's warnings."""
    call = None if judge is None else adapter(judge)
    sections, lengths = _native.compare(docs_json(documents), config, call, batch_size, stop)
    report = Report._from_sections(sections, lengths)
    for w in report.warnings:
        warnings.warn(w, FactdiffWarning, stacklevel=stacklevel)
    return report
