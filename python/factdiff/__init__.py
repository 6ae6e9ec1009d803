"""factdiff: a diff for facts.

Give it several accounts of one story; it lines up what each source claims and reports where
sources agree, where they contradict each other, and what only one source asserts.

>>> import factdiff
>>> report = factdiff.compare(["Japan backs India.", "Japan urges both India and Pakistan to talk."])
>>> report.findings  # doctest: +SKIP

The work runs in Rust (``factdiff._native``) with the GIL released.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._api import check_claim, compare, extract_claims, load, options
from ._model import (
    Agreement,
    AlignFeatures,
    Alignment,
    Check,
    Claim,
    Cluster,
    Cue,
    DateMention,
    Document,
    DocumentReport,
    Entity,
    Evidence,
    Finding,
    Position,
    Quantity,
    Refutation,
    RemovedSpan,
    Report,
    SetAside,
    SourceStats,
    SourceValue,
    Span,
    Speaker,
    Stance,
    Verdict,
)
from .errors import FactdiffError, InputError

try:
    __version__ = version("factdiff")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

__all__ = [
    "Agreement",
    "AlignFeatures",
    "Alignment",
    "Check",
    "Claim",
    "Cluster",
    "Cue",
    "DateMention",
    "Document",
    "DocumentReport",
    "Entity",
    "Evidence",
    "FactdiffError",
    "Finding",
    "InputError",
    "Position",
    "Quantity",
    "Refutation",
    "RemovedSpan",
    "Report",
    "SetAside",
    "SourceStats",
    "SourceValue",
    "Span",
    "Speaker",
    "Stance",
    "Verdict",
    "check_claim",
    "compare",
    "extract_claims",
    "load",
    "options",
]
