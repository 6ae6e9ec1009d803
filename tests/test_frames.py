"""DataFrames in (pandas, polars) and tidy tables out."""

from __future__ import annotations

import pytest

import factdiff

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

def test_pandas_frame_as_input(examples: list) -> None:
    frame = pd.DataFrame(
        {
            "id": [d.id for d in examples],
            "text": [d.text for d in examples],
            "published": [pd.Timestamp("2026-03-05"), None, pd.Timestamp("2026-03-05")],
            "source": ["Lowland Post", float("nan"), "Valley Courier"],
        }
    )
    report = factdiff.compare(frame)
    assert [d.id for d in report.documents] == [d.id for d in examples]
    first, second = report.documents[0], report.documents[1]
    assert (first.published, first.source) == ("2026-03-05", "Lowland Post")
    assert (second.published, second.source) == (None, None)


def test_frame_without_ids_gets_row_ids_and_needs_text() -> None:
    report = factdiff.compare(pd.DataFrame({"text": ["Japan backed India on Monday, officials said.", "Japan urged talks on Monday, officials said."]}))
    assert [d.id for d in report.documents] == ["doc0", "doc1"]
    with pytest.raises(factdiff.InputError, match="'text' column"):
        factdiff.compare(pd.DataFrame({"body": ["x"]}))


def test_polars_frame_as_input(examples: list) -> None:
    frame = pl.DataFrame([vars(d) for d in examples])  # id, text, title (from the Markdown), …
    assert frame["title"].to_list()[0] == "Talks on the Marin river planned after flood"
    assert factdiff.compare(frame) == factdiff.compare(examples)
