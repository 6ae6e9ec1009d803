"""`python -m factdiff` runs the same command line as the Rust binary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import List

import factdiff

from .conftest import EXAMPLES


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factdiff", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def findings(report: dict) -> List[tuple]:
    return [(f["kind"], f["claims"], f["explanation"]) for f in report["findings"]]


def test_report_json_on_the_examples_matches_the_api(example_report: factdiff.Report) -> None:
    out = run("report", str(EXAMPLES), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == json.loads(example_report.to_json())
    # to_json() is the Rust JSON re-serialised by Python: same keys, in the same order.
    assert example_report.to_json() == json.dumps(json.loads(out.stdout), ensure_ascii=False)


def test_text_report_and_claims() -> None:
    out = run("report", str(EXAMPLES), "--color", "never")
    assert out.returncode == 0 and out.stdout.startswith("factdiff: 3 documents")
    out = run("claims", "-", stdin="Japan firmly backed India against Pakistan on Monday.\n")
    assert out.returncode == 0 and out.stdout.startswith("#0 [the article's own voice] Japan firmly backed")


def test_errors_and_usage_exit_codes(tmp_path: Path) -> None:
    out = run("report", str(tmp_path / "missing.txt"))
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.strip() == f"factdiff: error: {tmp_path / 'missing.txt'}: no such file or directory"
    out = run("report")
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert out.stderr.startswith("factdiff: error: the following required arguments were not provided: <INPUTS>")
    assert out.stderr.strip().endswith("see 'factdiff report --help'")
    out = run("--help")
    assert out.returncode == 0 and "Examples:" in out.stdout
    out = run("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"factdiff {factdiff.__version__}"


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    out = run("report", str(EXAMPLES), "--format", "md", "-o", str(target))
    assert out.returncode == 0 and out.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("#")


def test_seeds_api_matches_cli_json(seed_paths: List[Path]) -> None:
    out = run("report", *map(str, seed_paths), "--format", "json")
    assert out.returncode == 0, out.stderr
    report = factdiff.compare(factdiff.load(seed_paths))
    assert findings(json.loads(out.stdout)) == [(f.kind, list(f.claims), f.explanation) for f in report.findings]
    assert len(report.documents) == 5
