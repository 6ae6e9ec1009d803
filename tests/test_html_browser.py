"""The HTML report in a real browser: headless Chromium parses it, and renders a screenshot.

Skipped when Chromium is not installed, except under CI (env CI set), where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import List

import pytest

import factdiff

from .conftest import EXAMPLES

HOSTILE = (
    "Officials said 12 people died in the flood on Monday. <script>alert(1)</script> "
    '<img src=x "onerror=alert(2)"> See <a href="javascript:alert(3)">more</a>.'
)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed (required under CI)")
    pytest.skip("chromium is not installed")


def _run(chromium: str, args: List[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    # A private profile directory so that parallel runs do not share state.
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp / 'profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = factdiff.load([EXAMPLES])
    docs.append(factdiff.Document("hostile", HOSTILE, url="javascript:alert(4)"))
    report = factdiff.compare(docs)
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(report.to_html(), encoding="utf-8")
    return path


def test_dom_has_findings_highlights_and_no_injected_script(report_page: Path, tmp_path: Path) -> None:
    chromium = _chromium()
    result = _run(chromium, ["--dump-dom", report_page.as_uri()], tmp_path)
    assert result.returncode == 0, result.stderr
    dom = result.stdout
    assert "<h1>factdiff report</h1>" in dom
    assert '<span class="kind">contradiction</span>' in dom
    assert dom.count("<mark>") >= 5
    assert '<b class="cue" title="intensifier in valley_courier">unequivocally</b>' in dom
    assert 'class="st st-contradicted"' in dom
    assert "<table class=\"heat\">" in dom
    # The hostile document is there as text, and nothing of it became an element.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "<script" not in dom.lower()
    assert "<img" not in dom.lower()
    assert '<a href="javascript' not in dom.lower()  # (text nodes keep their quotes unescaped)


def test_screenshot_is_rendered(report_page: Path, tmp_path: Path) -> None:
    chromium = _chromium()
    png = tmp_path / "report.png"
    result = _run(chromium, [f"--screenshot={png}", "--window-size=1280,2000", report_page.as_uri()], tmp_path)
    assert result.returncode == 0, result.stderr
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 50_000  # a blank 1280×2000 page compresses to a few kilobytes
    keep = os.environ.get("FACTDIFF_SCREENSHOT")
    if keep:
        shutil.copyfile(png, keep)
