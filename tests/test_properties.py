"""Properties over arbitrary text: a report or a FactdiffError, spans that slice back, determinism."""

from __future__ import annotations

from typing import List

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factdiff
from factdiff._offsets import Offsets

WORDS = st.sampled_from(
    "Japan India Pakistan Kessaria said not never 1,200 2,400 people on Monday 3 March 2026 "
    "officials sources firmly backed urged both talks dam flood « » “ ” é — . , ! ? \n\n".split(" ")
)
PROSE = st.lists(WORDS, max_size=60).map(" ".join)
TEXT = st.one_of(st.text(max_size=300), PROSE)


def check_spans(report: factdiff.Report) -> None:
    texts = {d.id: d.text for d in report.documents}
    for c in report.claims:
        assert texts[c.doc][c.start : c.end] == c.text
        assert texts[c.doc].encode()[c.start_byte : c.end_byte].decode() == c.text
        spanned: list = [*c.entities, *c.quantities, *c.dates, *c.intensifiers, *c.evaluative]
        for x in spanned:
            assert texts[c.doc][x.start : x.end] == x.text
    for f in report.findings:
        for e in f.evidence:
            assert texts[e.doc][e.start : e.end] == e.text


@pytest.mark.filterwarnings("ignore::factdiff.FactdiffWarning")
@settings(max_examples=150, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_any_text_gives_a_report_or_a_factdiff_error(texts: List[str]) -> None:
    try:
        report = factdiff.compare(texts)
    except factdiff.FactdiffError:
        return
    check_spans(report)
    assert len(report.documents) == len(texts)
    assert factdiff.compare(texts) == report  # deterministic


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_claims_of_any_text_slice_back(text: str) -> None:
    for c in factdiff.extract_claims(text):
        assert text[c.start : c.end] == c.text


def dense_char(text: str, byte: int) -> int:
    """Reference for ``Offsets.char``: characters that start before ``byte``."""
    starts = [len(text[:i].encode()) for i in range(len(text) + 1)]
    return sum(1 for s in starts if s < byte)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), PROSE), st.data())
def test_offsets_match_counting_characters(text: str, data: st.DataObject) -> None:
    offsets = Offsets(text)
    size = len(text.encode())
    for byte in [-1, 0, size, size + 1, *data.draw(st.lists(st.integers(0, size), max_size=20))]:
        assert offsets.char(byte) == (byte if text.isascii() else dense_char(text, byte))
