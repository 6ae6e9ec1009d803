"""Errors a Python user understands: TypeError or ValueError naming the argument or option and the
bad value, never a serde or JSON position or command-line wording; KeyboardInterrupt and SystemExit
from a judge propagate unchanged; warnings for one document and for dates that are not dates."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any, Callable, List, Tuple

import pytest

import factdiff
from factdiff import Document, FactdiffError, FactdiffWarning, InputError

from .conftest import EXAMPLES

A = "Japan firmly backed India against Pakistan on Monday, Foreign Minister Iwaya Takeshi said."
B = "Japan urged both India and Pakistan to hold talks on Monday."


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: Document(1, "x"), TypeError, "Document id must be a str, not int (1)"),  # type: ignore[arg-type]
        (lambda: Document("a", None), TypeError, "Document text must be a str, not NoneType (None)"),  # type: ignore[arg-type]
        (lambda: Document("a", "x", published=20250101), TypeError,  # type: ignore[arg-type]
         "Document published must be a str or None, not int (20250101)"),
        (lambda: Document(" ", "x"), InputError, "Document id must not be empty"),
        (lambda: factdiff.compare(12345), TypeError,  # type: ignore[call-overload]
         "compare() docs must be a list of texts, a dict id → text, a list of Document or a DataFrame, not int (12345)"),
        (lambda: factdiff.compare("one text"), TypeError,
         "compare() docs must be a list of texts, a dict id → text, a list of Document or a DataFrame, not one str"),
        (lambda: factdiff.compare([A, 3]), TypeError, "compare() docs[1] must be a str or a Document, not int (3)"),  # type: ignore[list-item]
        (lambda: factdiff.compare({"a": None}), TypeError, "compare() docs['a'] must be a str, not NoneType (None)"),  # type: ignore[dict-item]
        (lambda: factdiff.compare({1: A}), TypeError, "compare() docs keys must be str document ids, not int (1)"),  # type: ignore[dict-item]
        (lambda: factdiff.compare([]), InputError, "compare() needs at least one document; docs is empty"),
        (lambda: factdiff.compare([Document("x", A), Document("x", B)]), InputError,
         "compare() docs has two documents with id 'x'; ids must be unique"),
        (lambda: factdiff.compare(["Japan backed India \ud800 on Monday.", B]), InputError,
         "document 'doc0' has a lone surrogate ('\\ud800') at character 19, which is not text; decode the source "
         "with errors='replace' or remove it"),
        (lambda: factdiff.compare([A, B], align_treshold=0.5), TypeError,
         "compare() got an unexpected keyword argument 'align_treshold' (did you mean 'align_threshold'?); options: "
         + ", ".join(factdiff.options())),
        (lambda: factdiff.compare([A, B], align_threshold="high"), TypeError,  # type: ignore[arg-type]
         "option align_threshold must be a number, not str ('high')"),
        (lambda: factdiff.compare([A, B], max_postings=2.5), TypeError, "option max_postings must be an int, not float (2.5)"),
        (lambda: factdiff.compare([A, B], check_worthy=True), TypeError, "option check_worthy must be a number, not bool (True)"),
        (lambda: factdiff.compare([A, B], align_threshold=float("nan")), InputError,
         "option align_threshold must be a finite number, not nan"),
        (lambda: factdiff.compare([A, B], align_threshold=-5), InputError,
         "option align_threshold must be a number from 0 to 1, not -5"),
        (lambda: factdiff.compare([A, B], repeat_similarity=1.5), InputError,
         "option repeat_similarity must be a number from 0 to 1, not 1.5"),
        (lambda: factdiff.compare([A, B], max_postings=0), InputError, "option max_postings must be at least 1, not 0"),
        (lambda: factdiff.compare([A, B], max_postings=-1), InputError, "option max_postings must be at least 1, not -1"),
        (lambda: factdiff.compare([A, B], judge="roberta"), TypeError,  # type: ignore[arg-type]
         "judge= must be a callable taking a list of (premise, hypothesis) pairs, not str ('roberta')"),
        (lambda: factdiff.compare([A, B], judge_batch_size=0), InputError, "judge_batch_size must be at least 1, not 0"),
        (lambda: factdiff.compare([A, B], judge_batch_size="8"), TypeError,  # type: ignore[arg-type]
         "judge_batch_size must be an int, not str ('8')"),
        (lambda: factdiff.extract_claims(None), TypeError, "extract_claims() text must be a str, not NoneType (None)"),  # type: ignore[arg-type]
        (lambda: factdiff.check_claim(3, [A]), TypeError, "check_claim() claim must be a str, not int (3)"),  # type: ignore[arg-type]
        (lambda: factdiff.load(None), TypeError, "load() paths must be a path or a list of paths, not NoneType (None)"),  # type: ignore[arg-type]
        (lambda: factdiff.load([3]), TypeError, "load() paths must be str or os.PathLike, not int (3)"),  # type: ignore[list-item]
        (lambda: factdiff.load(EXAMPLES, max_bytes="big"), TypeError, "load() max_bytes must be an int, not str ('big')"),  # type: ignore[arg-type]
        (lambda: factdiff.load(EXAMPLES, max_bytes=-1), InputError, "load() max_bytes must be a non-negative integer, not -1"),
        (lambda: factdiff.Report.from_json(b"{}"), TypeError, "Report.from_json() text must be a str, not bytes"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_raise_python_errors_naming_them(call: Callable[[], Any], error: type, message: str) -> None:
    with pytest.raises(error) as err:
        call()
    assert type(err.value) is error
    assert str(err.value) == message
    assert "line 1 column" not in message and "stdin" not in message


def test_input_errors_are_value_errors_and_factdiff_errors() -> None:
    assert issubclass(InputError, ValueError) and issubclass(InputError, FactdiffError)
    with pytest.raises(InputError) as err:
        factdiff.compare(["", "  "])
    assert str(err.value) == "every input document is empty or only whitespace: 'doc0', 'doc1'"


@pytest.mark.parametrize(
    "text, message",
    [
        ("{}", "not a factdiff report: missing field `schema_version`"),
        ('"text"', 'not a factdiff report: invalid type: string "text", expected struct Report'),
        ("not json", "not a factdiff report: not valid JSON: expected ident at line 1 column 2"),
        ('{"schema_version": "1"}', "not a factdiff report: missing field `documents`"),
    ],
)
def test_from_json_of_something_else_is_a_factdiff_error(text: str, message: str) -> None:
    with pytest.raises(FactdiffError) as err:
        factdiff.Report.from_json(text)
    assert type(err.value) is FactdiffError and str(err.value) == message


def test_from_json_refuses_a_report_with_a_broken_finding(example_report: factdiff.Report) -> None:
    data = json.loads(example_report.to_json())
    del data["findings"][0]["kind"]
    with pytest.raises(FactdiffError, match="^not a factdiff report: missing field `kind`$"):
        factdiff.Report.from_json(json.dumps(data))


def test_one_document_and_bad_dates_warn() -> None:
    with pytest.warns(FactdiffWarning) as caught:
        report = factdiff.compare([A])
    assert [str(w.message) for w in caught] == [
        "only one document: there is nothing to compare it with, so no claim can be corroborated or contradicted"
    ]
    assert caught[0].filename == __file__  # points at the caller
    assert report.warnings == [str(caught[0].message)]
    with pytest.warns(FactdiffWarning, match=r"^a: published date 'yesterday' is not a date \(YYYY-MM-DD\); relative dates in it are not resolved$"):
        factdiff.compare([Document("a", A, published="yesterday"), Document("b", B, published="2025-05-12")])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        factdiff.compare([Document("a", A, published="2025-05-12"), Document("b", B)])  # no warning


def test_a_dataframe_with_several_stories_needs_group_by() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"story": ["s1", "s1", "s2", "s3"], "text": [A, B, A, B]})
    with pytest.raises(InputError) as err:
        factdiff.compare(frame)
    assert str(err.value) == (
        "compare() docs has a 'story' column with 3 stories ('s1', 's2', 's3'); compare() compares one story: pass "
        "group_by='story' for one report per story, or drop the column"
    )
    one_story = frame[frame["story"] == "s1"]
    assert len(factdiff.compare(one_story).documents) == 2
    with pytest.raises(InputError, match=r"^compare\(\) group_by='topic' is not a column of docs \(it has: story, text\)$"):
        factdiff.compare(frame, group_by="topic")
    with pytest.raises(TypeError, match=r"^compare\(\) group_by needs docs to be a DataFrame, not list$"):
        factdiff.compare([A, B], group_by="story")  # type: ignore[call-overload]


def test_load_expands_globs(tmp_path: Path) -> None:
    docs = factdiff.load(str(EXAMPLES / "*.txt"))
    assert [d.id for d in docs] == ["river_times", "valley_courier"]
    assert [d.id for d in factdiff.load([EXAMPLES / "*.md", str(EXAMPLES / "river_*")])] == ["lowland_post", "river_times"]
    with pytest.raises(FileNotFoundError) as err:
        factdiff.load(str(tmp_path / "*.txt"))
    assert err.value.filename == str(tmp_path / "*.txt") and "No file matches" in str(err.value)
    (tmp_path / "a[1].txt").write_text("Officials said the river rose on Monday.", encoding="utf-8")
    assert [d.id for d in factdiff.load(tmp_path / "a[1].txt")] == ["a[1]"]  # an existing name is not a pattern


# ---- the judge ----------------------------------------------------------------------------------


def test_keyboard_interrupt_and_system_exit_from_a_judge_propagate(examples: List[Document]) -> None:
    for exc in (KeyboardInterrupt(), SystemExit(3)):
        def judge(pairs: List[Tuple[str, str]]) -> list:
            raise exc

        with pytest.raises(type(exc)) as err:
            factdiff.compare(examples, judge=judge)
        assert err.value is exc


def test_a_failing_judge_names_the_exception(examples: List[Document]) -> None:
    def broken(pairs: list) -> list:
        raise ZeroDivisionError()

    with pytest.raises(FactdiffError) as err:
        factdiff.compare(examples, judge=broken)
    assert str(err.value) == "judge= raised ZeroDivisionError" and isinstance(err.value.__cause__, ZeroDivisionError)


@pytest.mark.parametrize(
    "answer, message",
    [
        (lambda pairs: [(-5, -5, -1)] * len(pairs),
         "judge= result for pair 0 has scores outside 0..1: (-5.0, -5.0, -1.0); give probabilities (apply a softmax to logits)"),
        (lambda pairs: [(0.2, 0.3)] * len(pairs), "judge= result for pair 0 is (0.2, 0.3), not (entail, neutral, contradict)"),
        (lambda pairs: [{"label": "LABEL_0", "score": 0.9}] * len(pairs),
         "judge= result for pair 0 has label 'LABEL_0', which is not entailment, neutral or contradiction; use an NLI model "
         "whose config names its labels, or map them to {'entail': …, 'neutral': …, 'contradict': …}"),
        (lambda pairs: [(0.1, "x", 0.2)] * len(pairs), "judge= result for pair 0 has a score that is not a number: 'x'"),
        (lambda pairs: pairs[:1] and [(1.0, 0.0, 0.0)], None),
    ],
)
def test_bad_judge_answers_are_input_errors(examples: List[Document], answer: Any, message: Any) -> None:
    with pytest.raises(InputError) as err:
        factdiff.compare(examples, judge=answer, judge_batch_size=4)
    if message is None:
        assert str(err.value).startswith("judge= returned 1 results for ")
    else:
        assert str(err.value) == message


def _nli(premise: str, hypothesis: str) -> List[dict]:
    """A stand-in for a Hugging Face NLI pipeline with top_k=None: every label with its score."""
    flip = ("not" in premise.split()) != ("not" in hypothesis.split())
    scores = {"CONTRADICTION": 0.9, "NEUTRAL": 0.07, "ENTAILMENT": 0.03} if flip else {
        "CONTRADICTION": 0.02, "NEUTRAL": 0.18, "ENTAILMENT": 0.8}
    return [{"label": k, "score": v} for k, v in sorted(scores.items(), key=lambda kv: -kv[1])]


def test_hugging_face_pipeline_output_is_accepted(examples: List[Document]) -> None:
    all_labels = factdiff.compare(examples, judge=lambda pairs: [_nli(p, h) for p, h in pairs])
    top_only = factdiff.compare(examples, judge=lambda pairs: [_nli(p, h)[0] for p, h in pairs])
    verdicts = [a.verdict for c in all_labels.clusters for a in c.alignments]
    assert {v.label for v in verdicts} == {"entail", "contradict"}
    flipped = next(v for v in verdicts if v.label == "contradict")
    assert (flipped.entail, flipped.neutral, flipped.contradict) == (0.03, 0.07, 0.9)
    top = [a.verdict for c in top_only.clusters for a in c.alignments]
    assert [v.label for v in top] == [v.label for v in verdicts]
    entailed = next(v for v in top if v.label == "entail")
    assert (entailed.entail, entailed.neutral, entailed.contradict) == pytest.approx((0.8, 0.1, 0.1))
