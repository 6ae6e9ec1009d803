"""A Python callable as the judge of aligned pairs: the adapter between it and the native side.

The native side calls ``adapter(judge)`` with a batch of ``(premise, hypothesis)`` pairs and
wants one ``(entail, neutral, contradict)`` triple of probabilities per pair. A judge may answer
in any of these shapes, per pair:

- a mapping with any of the keys ``entail``, ``neutral``, ``contradict`` (missing ones count 0);
- a sequence ``(entail, neutral, contradict)``;
- a Hugging Face ``text-classification`` pipeline's output for the pair: one
  ``{"label": …, "score": …}`` (the top label; the other two share what is left of 1) or a list
  of them (``top_k=None``), labels ``entailment``/``neutral``/``contradiction`` in any case.

Whatever the judge raises stops the comparison: ``KeyboardInterrupt`` and ``SystemExit`` as they
are, any other exception as ``FactdiffError`` (the original as ``__cause__``). An answer of the
wrong shape, or scores outside 0..1, raises ``InputError`` naming the pair.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from .errors import FactdiffError, InputError

Pair = Tuple[str, str]
#: One pair's answer: a mapping of scores, a sequence of three, or Hugging Face label/score dicts.
JudgeResult = Union[Mapping[str, Any], Sequence[Any]]
#: A judge: a batch of (premise, hypothesis) pairs in, one result per pair out.
JudgeFn = Callable[[List[Pair]], Sequence[JudgeResult]]
Triple = Tuple[float, float, float]

_KEYS = ("entail", "neutral", "contradict")
#: Label names (lower case) → our three classes.
_LABELS: Dict[str, str] = {
    "entail": "entail",
    "entailment": "entail",
    "neutral": "neutral",
    "contradict": "contradict",
    "contradiction": "contradict",
}
#: Scores may exceed 1 or fall below 0 by this much (rounding in a softmax).
_SLACK = 1e-6


def check_judge(judge: object, batch_size: object) -> None:
    """``TypeError``/``ValueError`` for a judge that is not callable or a bad batch size."""
    if judge is not None and not callable(judge):
        raise TypeError(
            f"judge= must be a callable taking a list of (premise, hypothesis) pairs, not {type(judge).__name__} ({judge!r:.60})"
        )
    check_batch_size("judge_batch_size", batch_size)


def check_batch_size(name: str, batch_size: object) -> None:
    """``TypeError`` for a batch size that is not an int, ``InputError`` for one below 1."""
    if isinstance(batch_size, bool) or not isinstance(batch_size, int):
        raise TypeError(f"{name} must be an int, not {type(batch_size).__name__} ({batch_size!r:.60})")
    if batch_size < 1:
        raise InputError(f"{name} must be at least 1, not {batch_size}")


def adapter(judge: JudgeFn) -> Callable[[List[Pair]], List[Triple]]:
    """Wrap a user judge so that the native side always gets (entail, neutral, contradict) floats."""

    def call(pairs: List[Pair]) -> List[Triple]:
        try:
            results = judge(pairs)
        except Exception as e:
            message = str(e)
            raise FactdiffError(f"judge= raised {type(e).__name__}{': ' + message if message else ''}") from e
        if isinstance(results, (str, bytes)) or not isinstance(results, Sequence):
            raise InputError(
                f"judge= must return a list with one result per pair, not {type(results).__name__} ({results!r:.60})"
            )
        if len(results) != len(pairs):
            raise InputError(f"judge= returned {len(results)} results for {len(pairs)} pairs (one per pair, in order)")
        return [scores(r, i) for i, r in enumerate(results)]

    return call


def scores(result: object, i: int) -> Triple:
    """One answer as (entail, neutral, contradict) probabilities; ``i`` is its pair's index."""
    if isinstance(result, Mapping) and "label" in result:
        values = _from_labels([result], i)
    elif isinstance(result, Mapping):
        unknown = sorted(map(str, set(result) - set(_KEYS)))
        if unknown:
            raise InputError(
                f"judge= result for pair {i} has unknown keys {unknown}; use entail, neutral, contradict"
            )
        values = [_number(result.get(k, 0.0), i) for k in _KEYS]
    elif isinstance(result, Sequence) and not isinstance(result, (str, bytes)) and result and all(
        isinstance(x, Mapping) for x in result
    ):
        values = _from_labels(list(result), i)
    elif isinstance(result, Sequence) and not isinstance(result, (str, bytes)):
        if len(result) != 3:
            raise InputError(f"judge= result for pair {i} is {result!r:.80}, not (entail, neutral, contradict)")
        values = [_number(x, i) for x in result]
    else:
        raise InputError(
            f"judge= result for pair {i} is a {type(result).__name__} ({result!r:.60}); give a dict of "
            "entail/neutral/contradict scores, a sequence of three, or label/score dicts"
        )
    if not all(-_SLACK <= v <= 1 + _SLACK for v in values):
        raise InputError(
            f"judge= result for pair {i} has scores outside 0..1: {tuple(values)}; give probabilities "
            "(apply a softmax to logits)"
        )
    return values[0], values[1], values[2]


def to_float(x: object) -> Optional[float]:
    """``x`` as a float (Python numbers, numpy and torch scalars), or None when it is not a number."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        try:
            return float(x)  # type: ignore[arg-type]  # numpy and torch scalars
        except (TypeError, ValueError):
            return None
    return float(x)


def _number(x: object, i: int) -> float:
    value = to_float(x)
    if value is None:
        raise InputError(f"judge= result for pair {i} has a score that is not a number: {x!r:.60}")
    if not math.isfinite(value):
        raise InputError(f"judge= result for pair {i} has a score that is not finite: {value}")
    return value


def _from_labels(items: List[Mapping[str, Any]], i: int) -> List[float]:
    """Hugging Face ``{"label", "score"}`` dicts as our three scores; labels not given share what
    is left of 1."""
    found: Dict[str, float] = {}
    for item in items:
        label = item.get("label")
        name = _LABELS.get(str(label).lower()) if isinstance(label, str) else None
        if name is None:
            raise InputError(
                f"judge= result for pair {i} has label {label!r}, which is not entailment, neutral or contradiction; "
                "use an NLI model whose config names its labels, or map them to {'entail': …, 'neutral': …, 'contradict': …}"
            )
        found[name] = _number(item.get("score"), i)
    missing = [k for k in _KEYS if k not in found]
    rest = max(0.0, 1.0 - sum(found.values()))
    return [found.get(k, rest / len(missing) if missing else 0.0) for k in _KEYS]
