"""DataFrames in (pandas, polars) and tidy tables out."""

from __future__ import annotations

import sys

import pytest

import factdiff

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

TABLES = {"findings", "values", "claims", "evidence", "sources", "agreement"}


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
    report = factdiff.compare(pd.DataFrame({"text": ["Japan backs India.", "Japan urges talks."]}))
    assert [d.id for d in report.documents] == ["doc0", "doc1"]
    with pytest.raises(factdiff.InputError, match="'text' column"):
        factdiff.compare(pd.DataFrame({"body": ["x"]}))


def test_polars_frame_as_input(examples: list) -> None:
    frame = pl.DataFrame([vars(d) for d in examples])  # id, text, title (from the Markdown), …
    assert factdiff.compare(frame) == factdiff.compare(examples)


def test_to_pandas_tables(example_report: factdiff.Report) -> None:
    tables = example_report.to_pandas()
    assert set(tables) == TABLES
    findings, evidence, claims = tables["findings"], tables["evidence"], tables["claims"]
    assert len(findings) == len(example_report.findings)
    assert list(findings["kind"]) == [f.kind for f in example_report.findings]
    assert len(evidence) == sum(len(f.evidence) for f in example_report.findings)
    assert set(evidence["finding"]) == set(findings["id"])
    assert len(claims) == len(example_report.claims)
    texts = {d.id: d.text for d in example_report.documents}
    for row in claims.itertuples():
        assert texts[row.doc][row.start : row.end] == row.text
    assert len(tables["sources"]) == 3
    assert len(tables["agreement"]) == 3 * 2
    values = tables["values"]
    assert len(values) == sum(len(f.sources) for f in example_report.findings)
    numeric = values[values["kind"] == "numeric_conflict"]
    assert set(numeric["value"]) == {"2,400", "1,200"}


def test_to_polars_tables(example_report: factdiff.Report) -> None:
    tables = example_report.to_polars()
    assert set(tables) == TABLES
    assert tables["findings"].height == len(example_report.findings)
    assert tables["claims"]["id"].to_list() == [c.id for c in example_report.claims]
    assert tables["agreement"].columns == ["doc_a", "doc_b", "agreement"]


def test_empty_tables_keep_their_columns() -> None:
    report = factdiff.compare(["The river flooded on Monday, officials said."])
    tables = report.to_pandas()
    assert list(tables["agreement"].columns) == ["doc_a", "doc_b", "agreement"]
    assert len(tables["agreement"]) == 0


def test_missing_pandas_names_the_extra(example_report: factdiff.Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'factdiff\[pandas\]'"):
        example_report.to_pandas()
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match=r"pip install 'factdiff\[polars\]'"):
        example_report.to_polars()
