"""The Python API: inputs, options, errors, the Report object, check_claim, extract_claims."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import List

import pytest

import factdiff
from factdiff import Document, InputError

from .conftest import EXAMPLES

A = "Japan firmly backed India against Pakistan on Monday, Foreign Minister Iwaya Takeshi said."
B = "Japan urged both India and Pakistan to hold talks on Monday."


def test_readme_example() -> None:
    report = factdiff.compare(["Japan firmly backed India against Pakistan on Monday.", "Japan urged both India and Pakistan to hold talks on Monday."])
    assert [d.id for d in report.documents] == ["doc0", "doc1"]
    assert repr(report).startswith("<factdiff.Report: 2 documents, ")


def test_input_forms_give_the_same_report() -> None:
    as_list = factdiff.compare([A, B])
    as_dict = factdiff.compare({"doc0": A, "doc1": B})
    as_docs = factdiff.compare([Document("doc0", A), Document("doc1", B)])
    assert as_list == as_dict == as_docs
    assert as_list.to_json() == as_docs.to_json()


def test_document_metadata_reaches_the_report() -> None:
    docs = [
        Document("a", A, title="Backing", source="Paper A", published="2025-05-12", url="https://a.example/1"),
        Document("b", B),
    ]
    d = factdiff.compare(docs).document("a")
    assert d is not None
    assert (d.title, d.source, d.published, d.url) == ("Backing", "Paper A", "2025-05-12", "https://a.example/1")
    assert d.text == A


def test_the_bundled_example_has_every_conflict_kind(example_report: factdiff.Report) -> None:
    r = example_report
    kinds = {f.kind for f in r.findings}
    assert {"contradiction", "numeric_conflict", "date_conflict", "overstatement", "unsupported"} <= kinds
    assert [d.id for d in r.documents] == ["lowland_post", "river_times", "valley_courier"]
    assert 0.0 <= r.consistency <= 1.0
    assert [s.doc for s in r.sources] == ["lowland_post", "river_times", "valley_courier"]
    assert r.agreement.docs == ("lowland_post", "river_times", "valley_courier")
    assert all(isinstance(a.verdict, factdiff.Verdict) for c in r.clusters for a in c.alignments)
    for c in r.clusters:  # one position per document with claims in the cluster
        assert tuple(p.doc for p in c.positions) == c.docs
        # A spanning set of the pairs (a tree over the claims); every pair counted per document.
        assert len(c.alignments) == len(c.claims) - 1
        assert tuple(t.doc for t in c.tallies) == c.docs
        assert all(isinstance(t, factdiff.PairTally) and t.pairs >= 1 for t in c.tallies)
        assert sum(t.pairs for t in c.tallies) >= 2 * len(c.alignments)
        assert all(isinstance(p, factdiff.Position) and p.label in ("corroborates", "reports", "disputes") for p in c.positions)
    claim = r.claims[0]
    assert isinstance(claim, factdiff.Claim) and isinstance(claim.speaker, factdiff.Speaker)
    assert r.claim(claim.id) == claim
    assert r.counts()["contradiction"] == sum(f.kind == "contradiction" for f in r.findings)


def test_options_change_the_result(examples: list) -> None:
    default = factdiff.compare(examples)
    strict = factdiff.compare(examples, align_threshold=0.99)
    assert sum(len(c.alignments) for c in strict.clusters) < sum(len(c.alignments) for c in default.clusters)
    assert set(factdiff.options()) >= {"align_threshold", "check_worthy", "min_shared_features"}


def test_load_matches_the_files_and_reports_missing_ones(tmp_path: Path) -> None:
    docs = factdiff.load(EXAMPLES)
    assert [d.id for d in docs] == ["lowland_post", "river_times", "valley_courier"]
    assert docs[1].text == (EXAMPLES / "river_times.txt").read_text(encoding="utf-8")
    assert factdiff.load([str(EXAMPLES / "river_times.txt")]) == [docs[1]]
    with pytest.raises(FileNotFoundError) as err:
        factdiff.load([tmp_path / "missing.txt"])
    assert err.value.filename == str(tmp_path / "missing.txt")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    with pytest.raises(InputError, match="binary"):
        factdiff.load(tmp_path / "image.txt")
    (tmp_path / "big.txt").write_text("0123456789")
    with pytest.raises(InputError, match="over the limit"):
        factdiff.load(tmp_path / "big.txt", max_bytes=5)


def test_extract_claims_offsets_are_characters() -> None:
    text = "Café owners in Zürich said prices rose 5% on Monday. «Nobody expected it», one owner said."
    claims = factdiff.extract_claims(text)
    assert claims
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert text.encode()[c.start_byte : c.end_byte].decode() == c.text
        for q in c.quantities:
            assert text[q.start : q.end] == q.text
    assert claims[0].start_byte == claims[0].start == 0
    assert claims[-1].end_byte > claims[-1].end  # "é", "ü", "«" are two bytes each


def test_check_claim_verdicts(examples: list) -> None:
    supported = factdiff.check_claim("Kessaria opened the floodgates of the Tovan Dam in March.", examples)
    assert supported.verdict == "supported"
    assert {e.doc for e in supported.evidence} <= {"lowland_post", "river_times", "valley_courier"}
    assert supported.evidence and all("floodgates" in e.text for e in supported.evidence)

    contradicted = factdiff.check_claim(
        "Valdorian officials evacuated 5,000 people from villages along the Marin river.", examples
    )
    assert contradicted.verdict == "contradicted"
    assert any("people" in e.text for e in contradicted.evidence)
    assert all(e.doc != contradicted.claim_doc for e in contradicted.evidence)

    assert {s.verdict for s in contradicted.sources} >= {"contradicts"}
    assert {s.value for s in contradicted.sources if s.verdict == "contradicts"} == {"1,200", "2,400"}

    missing = factdiff.check_claim("The moon is made of green cheese, astronomers said.", examples)
    assert missing.verdict == "not_covered" and missing.evidence == ()
    assert [s.verdict for s in missing.sources] == ["silent"] * len(examples)


def test_check_claim_gives_each_source_its_verdict(examples: list) -> None:
    date = factdiff.check_claim("Kessaria opened the floodgates on 4 March 2026.", examples)
    assert date.verdict == "disputed"
    assert (date.source("valley_courier").verdict, date.source("valley_courier").value) == ("contradicts", "3 March 2026")
    assert (date.source("river_times").verdict, date.source("river_times").value) == ("supports", "4 March 2026")
    count = factdiff.check_claim("Valdorian officials evacuated 2,400 people.", examples)
    assert count.verdict == "disputed"
    exact = count.source("river_times")
    assert (exact.verdict, exact.value) == ("supports", "2,400")
    assert "2,400 people" in exact.evidence[0].text and exact.evidence[0].note == "agrees with the claim: 2,400"
    assert (count.source("valley_courier").verdict, count.source("valley_courier").value) == ("contradicts", "1,200")
    assert count.source("lowland_post").verdict == "silent"
    assert repr(exact) == "<SourceCheck river_times supports '2,400' (1 evidence)>"
    assert "sev-disputed" in count._repr_html_() and "Silent: lowland_post" in count._repr_html_()
    with pytest.raises(KeyError):
        count.source("nowhere")


def test_evidence_spans_slice_the_documents(example_report: factdiff.Report) -> None:
    texts = {d.id: d.text for d in example_report.documents}
    for f in example_report.findings:
        for e in f.evidence:
            assert texts[e.doc][e.start : e.end] == e.text
    for d in example_report.documents:
        for removed in d.removed:
            assert d.text[removed.start : removed.end] == removed.text


def test_json_round_trip_and_pickle(example_report: factdiff.Report) -> None:
    again = factdiff.Report.from_json(example_report.to_json())
    assert again == example_report
    assert again.findings == example_report.findings
    restored = pickle.loads(pickle.dumps(example_report))
    assert restored == example_report
    assert restored.claims == example_report.claims
    assert pickle.loads(pickle.dumps(example_report.findings)) == example_report.findings
    assert '"start_byte"' in example_report.to_json()  # the JSON keeps the Rust layout


def test_sections_are_parsed_on_first_access(examples: List[Document]) -> None:
    report = factdiff.compare(examples)
    whole = factdiff.compare(examples)
    whole.to_json()  # parses every section
    assert repr(report) == repr(whole)
    assert report.findings == whole.findings and report.counts() == whole.counts()
    assert report.consistency == whole.consistency and report.warnings == whole.warnings
    assert "claims" not in report._parsed and "clusters" not in report._parsed  # the bulk, untouched
    assert report == whole and whole == report
    assert report._repr_html_().split("</style>")[1] == whole._repr_html_().split("</style>")[1]
    restored = pickle.loads(pickle.dumps(report))  # pickles the unparsed sections as they are
    assert "claims" not in restored._parsed
    assert restored == whole and restored.to_json() == whole.to_json() and repr(restored) == repr(whole)
    assert restored.claims == whole.claims and restored.clusters == whole.clusters
    assert report.to_json(indent=2) == whole.to_json(indent=2)
    assert report.to_pandas("claims").equals(whole.to_pandas("claims"))


def test_reports_pickled_as_one_json_still_load(example_report: factdiff.Report) -> None:
    old = factdiff.Report.__new__(factdiff.Report)
    old.__setstate__({"json": example_report.to_json()})  # the state factdiff 0.1.0 pickled
    assert old == example_report and old.findings == example_report.findings


def test_changed_sections_count_in_equality(example_report: factdiff.Report) -> None:
    other = factdiff.Report.from_json(example_report.to_json())
    data = json.loads(example_report.to_json())
    data["claims"] = data["claims"][:-1]
    assert factdiff.Report(data) != example_report and other == example_report
    assert factdiff.Report(data) != "report"


def test_repr_is_one_line(example_report: factdiff.Report) -> None:
    text = repr(example_report)
    assert "\n" not in text
    assert "3 documents" in text and "contradiction" in text and "consistency" in text


def test_html_escapes_document_text_and_has_no_script() -> None:
    evil = "<script>alert(1)</script> Officials & <b>ministers</b> said 12 people died on Monday."
    other = "Officials said 40 people died on Monday, the ministry said."
    report = factdiff.compare({"<evil>": evil, "plain": other})
    html = report._repr_html_()
    assert "<script" not in html.lower()
    assert "<b>ministers" not in html and "&lt;evil&gt;" in html
    assert html.startswith("<div class='factdiff-") and html.endswith("</div>")
    scope = html.split("'")[1]
    assert f".{scope} table" in html  # CSS scoped to this fragment


def test_documents_are_immutable() -> None:
    d = Document("a", A)
    with pytest.raises(AttributeError):
        d.text = "x"  # type: ignore[misc]


def test_html_is_the_rust_renderer(example_report: factdiff.Report) -> None:
    page = example_report.to_html()
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<h2>Claims across sources</h2>" in page and "<mark>" in page
    fragment = example_report._repr_html_()
    assert "<html" not in fragment and "<summary>Agreement between sources</summary>" in fragment
    assert example_report.to_html(fragment=True).split("</style>")[1] == fragment.split("</style>")[1]
    # The CLI writes the same page.
    assert factdiff._native.render_html(example_report.to_json(), False) == page


def test_html_links_only_http_urls() -> None:
    docs = [
        Document("a", "Officials said 12 people died on Monday.", url="javascript:alert(1)"),
        Document("b", "Officials said 40 people died on Monday.", url="https://example.org/?x=1&y=2"),
    ]
    html = factdiff.compare(docs)._repr_html_()
    assert 'href="javascript' not in html and "url: javascript:alert(1)" in html
    assert '<a href="https://example.org/?x=1&amp;y=2"' in html


def test_render_html_rejects_bad_json() -> None:
    with pytest.raises(InputError, match="invalid report"):
        factdiff._native.render_html("{}")
