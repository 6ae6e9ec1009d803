"""What ``load`` sets aside from an HTML page (navigation, header, footer, asides, forms) travels
with the document into ``compare``: it is listed as removed with its reason, never analysed."""

from __future__ import annotations

from pathlib import Path

import factdiff


def test_html_furniture_is_set_aside_on_load_and_listed_as_removed(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><nav><ul><li>Home</li><li>World</li></ul></nav><article>"
        "<p>Valdoria opened the floodgates of the Tovan Dam on Monday, officials said.</p>"
        "<aside>Related: Kessaria protests the dam</aside></article>"
        "<footer>Contact us</footer></body></html>",
        encoding="utf-8",
    )
    (doc,) = factdiff.load(page)
    aside = [(doc.text.encode()[a.start_byte : a.end_byte].decode(), a.reason) for a in doc.set_aside]
    assert aside == [
        ("Home\nWorld", "navigation"),
        ("Related: Kessaria protests the dam", "aside"),
        ("Contact us", "page_footer"),
    ]
    report = factdiff.compare([doc, factdiff.Document("b", "Kessaria said 40 villages were flooded on Monday.")])
    assert [c.text for c in report.claims if c.doc == "page"] == [
        "Valdoria opened the floodgates of the Tovan Dam on Monday, officials said."
    ]
    removed = [(r.text, r.reason) for r in report.document("page").removed]
    assert removed == aside
