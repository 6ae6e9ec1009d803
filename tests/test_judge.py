"""A Python callable as the judge of aligned pairs (protocol: docs/python.md)."""

from __future__ import annotations

from typing import List, Tuple

import pytest

import factdiff
from factdiff import FactdiffError


def negation_judge(pairs: List[Tuple[str, str]]) -> list:
    """Contradict when exactly one side contains "not", else entail."""
    out: list = []
    for premise, hypothesis in pairs:
        if (" not " in f" {premise} ") != (" not " in f" {hypothesis} "):
            out.append({"entail": 0.0, "neutral": 0.1, "contradict": 0.9})
        else:
            out.append((0.8, 0.2, 0.0))
    return out


def test_judge_verdicts_reach_the_report(examples: list) -> None:
    calls: List[int] = []

    def judge(pairs: List[Tuple[str, str]]) -> list:
        calls.append(len(pairs))
        assert all(isinstance(p, str) and isinstance(h, str) for p, h in pairs)
        return negation_judge(pairs)

    report = factdiff.compare(examples, judge=judge, judge_batch_size=3)
    alignments = [a for c in report.clusters for a in c.alignments]
    # Every aligned pair is judged once; a cluster lists a spanning set of them and counts all
    # of them in its tallies (each pair once for each of its two documents).
    pairs = sum(t.pairs for c in report.clusters for t in c.tallies)
    assert alignments and sum(calls) == pairs // 2 >= len(alignments)
    assert max(calls) <= 3 and len(calls) > 1  # called in batches
    for a in alignments:
        pair = (report.claim(a.a), report.claim(a.b))
        assert pair[0] is not None and pair[1] is not None
        expected = negation_judge([(pair[0].text, pair[1].text)])[0]
        if isinstance(expected, dict):
            assert a.verdict.label == "contradict" and a.verdict.contradict == 0.9
        else:
            assert a.verdict.label == "entail" and a.verdict.entail == 0.8
        assert a.verdict.reasons[0].startswith("judge: ")
    # One finding per fact: the verdicts' reasons are the finding's reasons.
    judged = [
        f for f in report.findings if f.kind == "contradiction" and any("judge: contradict" in r for r in f.reasons)
    ]
    assert judged  # the judge's verdicts feed the contradiction detector


def test_a_judge_that_says_neutral_removes_judged_contradictions(examples: list) -> None:
    report = factdiff.compare(examples, judge=lambda pairs: [(0.0, 1.0, 0.0)] * len(pairs))
    assert all(a.verdict.label == "neutral" for c in report.clusters for a in c.alignments)
    assert not [f for f in report.findings if any("negation flip" in r for r in f.reasons)]


def test_a_failing_judge_raises_factdiff_error_with_the_cause(examples: list) -> None:
    def broken(pairs: list) -> list:
        raise RuntimeError("model not loaded")

    with pytest.raises(FactdiffError, match="model not loaded") as err:
        factdiff.compare(examples, judge=broken)
    assert isinstance(err.value.__cause__, RuntimeError)


@pytest.mark.parametrize(
    "answer, message",
    [
        (lambda pairs: [], "returned 0 results for"),
        (lambda pairs: [{"yes": 1.0}] * len(pairs), "unknown keys"),
        (lambda pairs: [(1.0, 0.0)] * len(pairs), "not \\(entail, neutral, contradict\\)"),
        (lambda pairs: [(float("nan"), 0.0, 0.0)] * len(pairs), "finite"),
        (lambda pairs: None, "NoneType"),
    ],
)
def test_bad_judge_answers_are_factdiff_errors(examples: list, answer: object, message: str) -> None:
    with pytest.raises(FactdiffError, match=message):
        factdiff.compare(examples, judge=answer)  # type: ignore[arg-type]


def test_judge_must_be_callable(examples: list) -> None:
    with pytest.raises(TypeError, match="callable"):
        factdiff.compare(examples, judge="roberta")  # type: ignore[arg-type]
