"""examples/notebook.ipynb runs headless, top to bottom, without an error; it uses filter,
group_by and the short reprs; and its HTML, opened in headless Chromium at 1280 px, shows the
claim × source matrix of five sources without horizontal scrolling and with readable labels.

The browser part is skipped when Chromium is not installed, except under CI (env CI set).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import EXAMPLES
from .test_html_browser import _chromium, _run

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

LABELS = [
    "Kessaria says dam release was routine maintenance",
    "Lorvania sides with Valdoria in Marin river dam dispute",
    "Talks on the Marin river planned after flood",
    "Valdoria counts the cost of the Marin flood",
    "Kessaria denies warning claims",
]

# Appended to the exported page by the test (not by factdiff): opens every <details>, then writes
# what it measured into the DOM, where --dump-dom shows it.
MEASURE = """
<script>
window.addEventListener("load", () => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  const out = [];
  document.querySelectorAll("table.matrix").forEach((t) => {
    const wrap = t.parentElement;
    const heads = [...t.querySelectorAll("th.src")].map((th) => ({
      text: th.textContent, width: th.clientWidth, clipped: th.scrollWidth > th.clientWidth + 1,
      font: parseFloat(getComputedStyle(th).fontSize)}));
    out.push({scroll: wrap.scrollWidth, client: wrap.clientWidth, table: t.getBoundingClientRect().width,
              page: document.documentElement.scrollWidth, window: window.innerWidth, heads});
  });
  const pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    nb = nbformat.read(EXAMPLES / "notebook.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PLATFORM_DIRS", "1")  # silence jupyter_core's migration warning
        client.execute()  # raises CellExecutionError on the first failing cell
    return nb


def test_example_notebook_runs_and_uses_the_exploration_api(executed: Any) -> None:
    code = "\n".join(c.source for c in executed.cells if c.cell_type == "code")
    for used in ("report.filter(", "group_by=", "report.explain(", "report[0]", "report.documents[1], report.claims[0]"):
        assert used in code, used
    outputs = [o for cell in executed.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("factdiff-" in h and "<h2>Findings</h2>" in h for h in html)  # the report's own view
    assert any('class="factdiff-card' in h for h in html)  # a finding's card
    assert any("<td>dam</td>" in h and "<td>port</td>" in h for h in html)  # the Reports table
    plain = [o["data"]["text/plain"] for o in outputs if "text/plain" in o.get("data", {})]
    reprs = next(p for p in plain if p.startswith("(<DocumentReport"))
    assert "<Claim " in reprs and "<Finding f0 " in reprs and len(reprs) < 600


def test_notebook_html_at_1280px_fits_the_matrix_with_readable_labels(executed: Any, tmp_path: Path) -> None:
    nbconvert = pytest.importorskip("nbconvert")
    chromium = _chromium()
    body, _ = nbconvert.HTMLExporter(template_name="lab").from_notebook_node(executed)
    page = tmp_path / "notebook.html"
    page.write_text(body.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    result = _run(chromium, ["--window-size=1280,4000", "--virtual-time-budget=5000", "--dump-dom", page.as_uri()], tmp_path)
    assert result.returncode == 0, result.stderr
    found = re.search(r'<pre id="measured">(.*?)</pre>', result.stdout, re.S)
    assert found, result.stdout[-2000:]
    tables = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    five = [t for t in tables if len(t["heads"]) == 5]
    assert five, tables
    for t in five:
        assert t["window"] == 1280
        assert t["scroll"] <= t["client"], f"the matrix scrolls: {t}"
        assert t["page"] <= t["window"], f"the page scrolls sideways: {t}"
        assert [h["text"] for h in t["heads"]] == LABELS
        for h in t["heads"]:
            assert h["font"] >= 11 and h["width"] >= 60 and not h["clipped"], h
    png = tmp_path / "notebook.png"
    shot = _run(chromium, [f"--screenshot={png}", "--window-size=1280,3000", page.as_uri()], tmp_path)
    assert shot.returncode == 0, shot.stderr
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and png.stat().st_size > 50_000
    if os.environ.get("FACTDIFF_NOTEBOOK_SCREENSHOT"):
        shutil.copyfile(png, os.environ["FACTDIFF_NOTEBOOK_SCREENSHOT"])
