"""factdiff: a diff for facts.

Give it several accounts of one story; it lines up what each source claims and reports where
sources agree, where they contradict each other, and what only one source asserts.

>>> import factdiff
>>> report = factdiff.compare(["Japan firmly backed India against Pakistan on Monday.", "Japan urged both India and Pakistan to hold talks on Monday."])
>>> len(report), report[0].kind  # doctest: +SKIP

The work runs in Rust (``factdiff._native``) with the GIL released. Start with ``compare`` (one
story) or ``compare_many`` (a corpus); a ``Report`` is a sequence of findings, most important
first, with ``filter``, ``explain``, ``to_pandas`` and ``to_polars``.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._api import check_claim, compare, extract_claims, load, options
from ._corpus import Reports, compare_many
from ._embed import EmbedFn
from ._inputs import DataFrameLike, Docs
from ._judge import JudgeFn, JudgeResult
from ._model import (
    Agreement,
    AlignFeatures,
    Alignment,
    CheckVerdict,
    Claim,
    ClaimStatus,
    Cluster,
    Cue,
    DateMention,
    Document,
    DocumentReport,
    Entity,
    EntityKind,
    Evidence,
    EvidenceCue,
    Finding,
    FindingKind,
    Modality,
    Polarity,
    PairTally,
    Position,
    PositionLabel,
    Quantity,
    Refutation,
    RemovalReason,
    RemovedSpan,
    SetAside,
    Severity,
    SourceCheck,
    SourceStats,
    SourceValue,
    SourceVerdict,
    Span,
    Speaker,
    SpeakerKind,
    Stance,
    StanceKind,
    Verdict,
    VerdictLabel,
)
from ._report import Check, Findings, Report
from ._tables import TableName
from .errors import FactdiffError, FactdiffWarning, InputError

try:
    __version__ = version("factdiff")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

__all__ = [
    "Agreement",
    "AlignFeatures",
    "Alignment",
    "Check",
    "CheckVerdict",
    "Claim",
    "ClaimStatus",
    "Cluster",
    "Cue",
    "DataFrameLike",
    "DateMention",
    "Docs",
    "Document",
    "DocumentReport",
    "Entity",
    "EntityKind",
    "Evidence",
    "EvidenceCue",
    "FactdiffError",
    "FactdiffWarning",
    "Finding",
    "FindingKind",
    "Findings",
    "InputError",
    "EmbedFn",
    "JudgeFn",
    "JudgeResult",
    "Modality",
    "Polarity",
    "PairTally",
    "Position",
    "PositionLabel",
    "Quantity",
    "Refutation",
    "RemovalReason",
    "RemovedSpan",
    "Report",
    "Reports",
    "SetAside",
    "Severity",
    "SourceCheck",
    "SourceStats",
    "SourceValue",
    "SourceVerdict",
    "Span",
    "Speaker",
    "SpeakerKind",
    "Stance",
    "StanceKind",
    "TableName",
    "Verdict",
    "VerdictLabel",
    "check_claim",
    "compare",
    "compare_many",
    "extract_claims",
    "load",
    "options",
]
