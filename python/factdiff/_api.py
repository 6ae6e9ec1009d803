"""The public functions: compare, compare_many (in ``_corpus``), extract_claims, check_claim,
load, options.

Inputs are checked here (``_inputs``); the Rust core (``factdiff._native``) does the work with the
GIL released, and its JSON comes back as typed objects (``_model``), built on first access.
"""

from __future__ import annotations

import glob
import json
import os
import warnings
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union, overload

from . import _native
from ._corpus import Reports, compare_groups
from ._inputs import (
    DataFrameLike,
    Docs,
    check_documents,
    config_json,
    default_options,
    doc_dict,
    frame_documents,
    group_rows,
    text_of,
    to_documents,
)
from ._embed import EmbedFn, check_embed
from ._judge import JudgeFn, check_judge
from ._model import Claim, Document, claim_from_json, source_check_from_json
from ._offsets import Offsets
from ._report import Check, Report
from ._run import check, run
from .errors import InputError

PathLike = Union[str, "os.PathLike[str]"]


@overload
def compare(
    docs: Docs,
    *,
    judge: Optional[JudgeFn] = ...,
    judge_batch_size: int = ...,
    embed: Optional[EmbedFn] = ...,
    embed_batch_size: int = ...,
    group_by: None = ...,
    workers: Optional[int] = ...,
    progress: bool = ...,
    **options: float,
) -> Report: ...
@overload
def compare(
    docs: DataFrameLike,
    *,
    judge: Optional[JudgeFn] = ...,
    judge_batch_size: int = ...,
    embed: Optional[EmbedFn] = ...,
    embed_batch_size: int = ...,
    group_by: str,
    workers: Optional[int] = ...,
    progress: bool = ...,
    **options: float,
) -> Reports: ...
def compare(
    docs: Docs,
    *,
    judge: Optional[JudgeFn] = None,
    judge_batch_size: int = 64,
    embed: Optional[EmbedFn] = None,
    embed_batch_size: int = 64,
    group_by: Optional[str] = None,
    workers: Optional[int] = None,
    progress: bool = True,
    **options: float,
) -> Union[Report, Reports]:
    """Compare the documents of one story and return the consistency report.

    ``docs``: a list of texts (ids ``doc0``, ``doc1``, …), a dict id → text, a list of
    ``Document``, or a pandas/polars DataFrame with a ``text`` column (optional ``id``, ``title``,
    ``source``, ``published``, ``url`` columns). ``options`` set thresholds (``align_threshold=0.4``,
    …; ``factdiff.options()`` lists them with their defaults). ``judge``: a callable that replaces
    the lexical judge of aligned pairs (batches of ``judge_batch_size`` (premise, hypothesis)
    pairs in, one ``{"entail", "neutral", "contradict"}`` result or Hugging Face label/score
    answer per pair out).

    ``embed``: the optional semantic mode (slower: every claim goes through the encoder), a
    callable that gives sentences vectors (batches of ``embed_batch_size`` sentences in, one vector
    per sentence out, e.g. a numpy array of shape ``(len(sentences), dim)``); alignment then also
    pairs claims whose vectors are near and uses their cosine as a feature. Without it nothing
    changes and nothing leaves the machine.

    ``group_by``: a column of a DataFrame that names each row's story; then every story is
    compared on its own (as ``compare_many``: ``workers`` threads, a progress bar unless
    ``progress=False``) and a ``Reports`` mapping story → report comes back.

    Wrong types raise ``TypeError``, unusable values ``InputError`` (a ``ValueError``); the
    report's warnings (one document only, a date that is not a date, …) are issued as
    ``FactdiffWarning``. Ctrl-C stops a long comparison with ``KeyboardInterrupt``.
    """
    check_judge(judge, judge_batch_size)
    check_embed(embed, embed_batch_size)
    if group_by is not None:
        if not hasattr(docs, "columns"):
            raise TypeError(f"compare() group_by needs docs to be a DataFrame, not {type(docs).__name__}")
        groups = group_rows(docs, group_by, "compare")
        return compare_groups(
            groups,
            lambda rows: frame_documents(docs, "compare", rows),
            judge=judge,
            judge_batch_size=judge_batch_size,
            embed=embed,
            embed_batch_size=embed_batch_size,
            workers=workers,
            progress=progress,
            options=options,
        )
    return run(
        to_documents(docs),
        config_json(options, "compare"),
        judge,
        judge_batch_size,
        embed=embed,
        embed_batch_size=embed_batch_size,
    )


def extract_claims(text: Union[str, Document], **options: float) -> List[Claim]:
    """The claims of one text on its own (no comparison). Offsets index into ``text``."""
    doc = text if isinstance(text, Document) else Document("text", text_of(text, "extract_claims() text"))
    check_documents([doc], "extract_claims")
    config = config_json(options, "extract_claims")
    claims = json.loads(_native.extract_claims(json.dumps(doc_dict(doc)), config))
    offsets = Offsets(doc.text)
    return [claim_from_json(c, offsets) for c in claims]


def check_claim(
    claim: Union[str, Claim],
    sources: Docs,
    *,
    judge: Optional[JudgeFn] = None,
    embed: Optional[EmbedFn] = None,
    **options: float,
) -> Check:
    """Check one claim against sources (grounding, e.g. an LLM answer against its sources).

    The claim is compared as its own document, and each source gets its own verdict: "contradicts"
    (on another side of a contradiction, numeric or date conflict with it), "supports" (on its
    side, or stating it plainly), "mentions" (about it without a position: hedged, refuted, of the
    other polarity) or "silent". The overall verdict: "disputed" when sources split, else
    "contradicted", "supported", "mentioned", or "not_covered". The rule is the Rust core's
    (``factdiff check`` uses the same). ``judge`` and ``embed`` as in ``compare``.
    """
    text = claim.text if isinstance(claim, Claim) else text_of(claim, "check_claim() claim")
    docs = to_documents(sources, "check_claim")
    check_judge(judge, 64)
    check_embed(embed, 64)
    report, found = check(text, docs, config_json(options, "check_claim"), judge, 64, embed=embed)
    offsets = report._offsets
    per_source = tuple(source_check_from_json(s, offsets[s["doc"]]) for s in found["sources"])
    return Check(text, found["verdict"], per_source, report, found["claim_doc"])


_GLOB = frozenset("*?[")


def _expand(name: str) -> List[str]:
    """A path as it is when it exists or has no wildcard; else the sorted paths its glob matches
    (``**`` matches directories at any depth), or ``FileNotFoundError`` when none does."""
    if os.path.exists(name) or not _GLOB.intersection(name):
        return [name]
    found = sorted(glob.glob(name, recursive=True))
    if not found:
        raise FileNotFoundError(2, "No file matches this pattern", name)
    return found


def load(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    max_bytes: Optional[int] = None,
    skip_bad_lines: bool = False,
) -> List[Document]:
    """Load files and directories (.txt, .md, .html, .jsonl) exactly as the command line does.

    ``paths``: one path or a list of them; a path with ``*``, ``?`` or ``[…]`` is a glob
    (``"corpus/*.txt"``, ``"feeds/**/*.jsonl"``). Ids are file stems (JSONL: the ``id`` field);
    titles come from HTML ``<title>``, Markdown headings and JSONL ``title``. A missing path (or a
    glob that matches nothing) raises ``FileNotFoundError``; binary, non-UTF-8 or too large files
    raise ``InputError``, and so does a bad JSONL line (the message names its number) unless
    ``skip_bad_lines`` is true: then the other lines are loaded and one ``UserWarning`` per file
    lists the skipped line numbers.
    """
    if isinstance(paths, (str, os.PathLike)):
        items: List[Any] = [paths]
    elif isinstance(paths, Iterable) and not isinstance(paths, bytes):
        items = list(paths)
    else:
        raise TypeError(f"load() paths must be a path or a list of paths, not {type(paths).__name__} ({paths!r:.60})")
    names: List[str] = []
    for p in items:
        if not isinstance(p, (str, os.PathLike)):
            raise TypeError(f"load() paths must be str or os.PathLike, not {type(p).__name__} ({p!r:.60})")
        names.extend(_expand(os.fspath(p)))
    if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int)):
        raise TypeError(f"load() max_bytes must be an int, not {type(max_bytes).__name__} ({max_bytes!r:.60})")
    if max_bytes is not None and max_bytes < 0:
        raise InputError(f"load() max_bytes must be a non-negative integer, not {max_bytes}")
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


def options() -> Dict[str, Any]:
    """The options ``compare`` accepts, with their default values."""
    return dict(default_options())

