"""Exploring a report: a sequence of findings (most important first), filter, explain, labels,
evidence once per sentence with its cues, short reprs and HTML cards, hashable objects, tables."""

from __future__ import annotations

import inspect
import pickle
import re
from typing import List

import pytest

import factdiff
from factdiff import Document, Report

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

TITLES = {
    "lowland_post": "Talks on the Marin river planned after flood",
    "river_times": "Kessaria says dam release was routine maintenance",
    "valley_courier": "Lorvania sides with Valdoria in Marin river dam dispute",
}
RANK = {"high": 0, "medium": 1, "low": 2}
KINDS = ["contradiction", "numeric_conflict", "date_conflict", "overstatement", "unsupported", "repetition"]


def test_a_report_is_a_sequence_of_findings_most_important_first(example_report: Report) -> None:
    r = example_report
    assert len(r) == len(r.findings) > 5
    assert list(r) == list(r.findings)
    assert r[0] == r.findings[0] and r[-1] == r.findings[-1] and r["f3"] == r.findings[3]
    assert list(r[1:3]) == r.findings[1:3]
    order = [(RANK[f.severity], KINDS.index(f.kind)) for f in r]
    assert order == sorted(order)  # high before medium before low; conflicts first within each
    assert r[0].kind == "contradiction" and r[0].severity == "high"
    assert [f.id for f in r] == [f"f{i}" for i in range(len(r))]


def test_indexing_errors_name_the_problem(example_report: Report) -> None:
    with pytest.raises(IndexError) as err:
        example_report[99]
    assert str(err.value) == f"finding index 99 out of range: the report has {len(example_report)} findings"
    with pytest.raises(KeyError, match="no finding with id 'f99'"):
        example_report["f99"]
    with pytest.raises(TypeError, match="report indices must be int, str \\(a finding id\\) or slice, not float"):
        example_report[1.5]  # type: ignore[call-overload]


def test_filter_by_kind_severity_and_document(example_report: Report) -> None:
    r = example_report
    contradictions = r.filter(kind="contradiction")
    assert contradictions and all(f.kind == "contradiction" for f in contradictions)
    assert len(contradictions) == r.counts()["contradiction"]
    conflicts = r.filter(kind=["numeric_conflict", "date_conflict"], severity="high")
    assert {f.kind for f in conflicts} <= {"numeric_conflict", "date_conflict"}
    assert all(f.severity == "high" for f in conflicts) and conflicts
    by_id = r.filter(doc="river_times")
    assert by_id and all("river_times" in f.docs for f in by_id)
    assert r.filter(doc=TITLES["river_times"]) == by_id  # a document by its label
    assert r.filter(severity=["high", "medium", "low"]) == r.findings
    assert isinstance(contradictions, factdiff.Findings) and "<div class=\"factdiff-card" in contradictions._repr_html_()


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"kind": "contradictoin"}, ValueError, "filter() kind='contradictoin' is not one of: contradiction, numeric_conflict, "
         "date_conflict, overstatement, unsupported, repetition"),
        ({"severity": "urgent"}, ValueError, "filter() severity='urgent' is not one of: high, medium, low"),
        ({"doc": "nowhere"}, ValueError, "filter() doc='nowhere' is not a document of this report; documents: "
         "lowland_post, river_times, valley_courier"),
        ({"kind": 3}, TypeError, "filter() kind must be a str or a list of str, not int (3)"),
        ({"doc": 3}, TypeError, "filter() doc must be a str (a document id or label), not int"),
    ],
)
def test_filter_refuses_unknown_values(example_report: Report, kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error) as err:
        example_report.filter(**kwargs)
    assert str(err.value) == message


def test_explain_tells_one_finding_with_sources_cues_and_reasons(example_report: Report) -> None:
    f = example_report.filter(kind="contradiction")[0]
    text = example_report.explain(f.id)
    assert text == f.explain() == example_report.explain(example_report.findings.index(f))
    lines = text.splitlines()
    assert lines[0] == f"contradiction (high, {f.id})" and lines[1] == f.explanation
    assert "Evidence:" in lines and "Reasons:" in lines
    # The sentence once, its cues in brackets, its source by label with the id.
    assert f"  {TITLES['valley_courier']} (valley_courier):" in lines
    assert any(line.startswith('    "Lorvania has [unequivocally] [backed] Valdoria against Kessaria') for line in lines)
    assert "    [unequivocally]: intensifier in valley_courier" in lines
    assert all(f"  - {reason}" in lines for reason in f.reasons)


def test_evidence_is_each_sentence_once_with_its_cues(example_report: Report) -> None:
    texts = {d.id: d.text for d in example_report.documents}
    cues = 0
    for f in example_report:
        spans = [(e.doc, e.start, e.end) for e in f.evidence]
        # No piece of evidence lies inside another one of the same document.
        for doc, s, e in spans:
            assert not any(d == doc and (s2, e2) != (s, e) and s2 <= s and e <= e2 for d, s2, e2 in spans)
        for e in f.evidence:
            for c in e.cues:
                cues += 1
                assert e.start <= c.start < c.end <= e.end
                assert texts[e.doc][c.start : c.end] == c.text and c.note
    assert cues >= 5


def test_labels_name_every_source(example_report: Report) -> None:
    assert {d.id: d.label for d in example_report.documents} == TITLES
    assert example_report.label("river_times") == TITLES["river_times"]
    with pytest.raises(KeyError, match="no document 'x' in this report"):
        example_report.label("x")
    # Texts without titles: the first words of their first claim, cut at a word.
    report = factdiff.compare(
        ["Officials in the northern province said on Tuesday that the river had risen again and flooded three villages.",
         "The river flooded three villages, officials said."]
    )
    first, second = report.documents
    assert first.label.endswith("…") and len(first.label) <= 60 and first.text.startswith(first.label[:-1])
    assert second.label == "The river flooded three villages, officials said."


def test_findings_and_claims_are_frozen_hashable_and_typed(example_report: Report) -> None:
    f = example_report[0]
    assert hash(f) == hash(pickle.loads(pickle.dumps(f)))
    assert len(set(example_report) | set(example_report.findings)) == len(example_report)
    assert isinstance(f.evidence, tuple) and isinstance(f.docs, tuple) and isinstance(f.evidence[0].cues, tuple)
    assert {hash(c) for c in example_report.claims}
    assert {hash(d) for d in example_report.documents} and hash(example_report.agreement)
    with pytest.raises(AttributeError):
        f.kind = "unsupported"  # type: ignore[misc]


@pytest.mark.filterwarnings("ignore:not compared with any other claim")  # the repeated text trips the blocking budget; not what this test is about
def test_reprs_are_short(example_report: Report) -> None:
    long = "Officials said the river rose. " * 5000
    report = factdiff.compare({"a": long + "Kessaria opened the dam on Monday.", "b": "Kessaria opened the dam on Monday, officials said."})
    for obj in [*example_report[:3], example_report.claims[0], example_report.documents[0], report.documents[0],
                example_report.clusters[0], example_report[0].evidence[0]]:
        text = repr(obj)
        assert "\n" not in text and len(text) < 200, text
    assert re.fullmatch(r"<Finding f0 contradiction high: .+>", repr(example_report[0]))
    assert repr(report.documents[0]).startswith("<DocumentReport a 'Officials said the river rose.")
    assert f"{len(report.documents[0].text):,} characters" in repr(report.documents[0])
    claim = example_report.claims[0]
    assert repr(claim).startswith(f"<Claim {claim.id} '")
    sources = [Document(d.id, d.text) for d in example_report.documents]
    check = factdiff.check_claim("Kessaria opened the floodgates of the Tovan Dam in March.", sources)
    assert re.fullmatch(r"<Check supported: 'Kessaria opened the floodgates of the Tovan Dam in March\.' \(\d+ evidence\)>", repr(check))
    assert repr(Document("a", long)) == "Document('a', 155,000 characters)"


def test_single_objects_show_as_html_cards(example_report: Report) -> None:
    f = example_report.filter(kind="contradiction", doc="valley_courier")[0]
    card = f._repr_html_()
    assert card.startswith("<style>.factdiff-card") and '<div class="factdiff-card high">' in card
    assert f'{TITLES["valley_courier"]}<span class="id">valley_courier</span>' in card
    assert '<b title="intensifier in valley_courier">unequivocally</b>' in card
    assert "<script" not in card
    claim = next(c for c in example_report.claims if c.quantities)
    assert "<b title=\"number\">" in claim._repr_html_() and claim.text[:20] in claim._repr_html_()
    doc = example_report.documents[1]
    assert doc.label in doc._repr_html_() and "characters" in doc._repr_html_()
    check = factdiff.check_claim("Valdorian officials evacuated 5,000 people.", [Document(d.id, d.text) for d in example_report.documents])
    assert check.verdict == "contradicted" and "sev-contradicted" in check._repr_html_()
    evil = factdiff.compare({"<b>x</b>": "<script>alert(1)</script> Officials said 12 people died.", "y": "Officials said 40 people died."})
    for obj in (*evil, *evil.claims, *evil.documents):
        assert "<script" not in obj._repr_html_() and "<b>x</b>" not in obj._repr_html_()


def test_report_html_is_summary_first(example_report: Report) -> None:
    html = example_report._repr_html_()
    first_details = html.index("<details")
    assert html.index("<h2>Findings</h2>") < first_details
    # Every high finding (two in the examples: one per fact) is shown before the folded part.
    high = sum(1 for f in example_report if f.severity == "high")
    assert high >= 2 and html.count('<article class="finding high">', 0, first_details) == min(high, 5)
    assert "finding low" not in html[:first_details]  # low severity is folded
    assert re.search(r"<summary>\d+ findings? of low severity \(", html)
    # No document text in the cell (here: boilerplate, shown only with its document); the page has it.
    assert "Local choir wins regional prize" not in html and "Local choir wins regional prize" in example_report.to_html()


def test_to_pandas_starts_from_findings_with_list_columns(example_report: Report) -> None:
    findings = example_report.to_pandas()
    assert list(findings.columns) == ["id", "kind", "severity", "explanation", "docs", "sources", "claims", "reasons", "evidence"]
    assert len(findings) == len(example_report)
    row = findings.iloc[0]
    f = example_report[0]
    assert list(row["docs"]) == list(f.docs) and list(row["reasons"]) == list(f.reasons)
    assert list(row["sources"]) == [TITLES[d] for d in f.docs]
    evidence = example_report.to_pandas("evidence")
    assert len(evidence) == sum(len(f.evidence) for f in example_report)
    assert any(len(c) for c in evidence["cues"])
    texts = {d.id: d.text for d in example_report.documents}
    claims = example_report.to_pandas("claims")
    for r in claims.itertuples():
        assert texts[r.doc][r.start : r.end] == r.text
    assert len(example_report.to_pandas("agreement")) == 3 * 2
    assert list(example_report.to_pandas("documents")["label"]) == list(TITLES.values())
    assert example_report.to_pandas("sources")["claims"].dtype == "int64"
    with pytest.raises(ValueError) as err:
        example_report.to_pandas("finding")  # type: ignore[arg-type]
    assert str(err.value) == "table='finding' is not a table of a report; tables: findings, evidence, claims, sources, agreement, documents"


def test_to_polars_has_typed_list_columns(example_report: Report) -> None:
    findings = example_report.to_polars()
    assert findings.schema["docs"] == pl.List(pl.String) and findings.schema["evidence"] == pl.Int64
    assert findings["id"].to_list() == [f.id for f in example_report]
    assert findings["reasons"].to_list()[0] == list(example_report[0].reasons)
    empty = factdiff.compare(["The river flooded on Monday, officials said.", "The river flooded on Monday."]).to_polars("evidence")
    assert empty.schema["cues"] == pl.List(pl.String)
    assert example_report.to_polars("claims")["id"].to_list() == [c.id for c in example_report.claims]


def test_missing_pandas_or_polars_names_the_extra(example_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'factdiff\[pandas\]'"):
        example_report.to_pandas()
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match=r"pip install 'factdiff\[polars\]'"):
        example_report.to_polars()


def _public(obj: object) -> List[str]:
    return [n for n in dir(obj) if not n.startswith("_") and callable(getattr(obj, n, None))]


def test_every_public_class_and_method_has_a_docstring_without_repository_paths() -> None:
    missing, paths = [], []
    for name in factdiff.__all__:
        obj = getattr(factdiff, name)
        if not isinstance(obj, type) and not inspect.isfunction(obj):
            continue  # type aliases
        doc = obj.__doc__ or ""
        if isinstance(obj, type) and doc.startswith(f"{name}("):  # the signature dataclasses write
            doc = ""
        if not doc.strip():
            missing.append(name)
        if re.search(r"docs/|\w\.md\b|\.rs\b|tests/", doc):
            paths.append(name)
        if isinstance(obj, type):
            for attr in _public(obj) + ["__len__", "__iter__", "__getitem__"]:
                member = obj.__dict__.get(attr)
                if member is None or not callable(member) and not isinstance(member, property):
                    continue
                if not (getattr(member, "__doc__", None) or "").strip():
                    missing.append(f"{name}.{attr}")
    for prop in ("findings", "claims", "documents", "clusters", "sources", "agreement", "consistency", "warnings"):
        if not (getattr(Report, prop).__doc__ or "").strip():
            missing.append(f"Report.{prop}")
    assert not missing, f"no docstring: {missing}"
    assert not paths, f"docstrings that name files outside the wheel: {paths}"
