"""Reliability from Python: Ctrl-C stops a long compare, hostile text never crashes, bad arguments
raise clear exceptions, bad JSONL lines can be skipped with a warning (docs/reliability.md)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

import factdiff
from factdiff import FactdiffError, InputError

from .conftest import interrupted

# A compare of `n` documents of 20 sentences each; prints "started" just before calling compare and
# "finished" if it ever returns. Run in a subprocess so that SIGINT reaches its main thread.
CHILD = r"""
import sys, time, factdiff
words = ["Valdoria", "Kessaria", "opened", "closed", "the", "dam", "river", "officials", "said",
         "boats", "on", "Monday", "talks", "minister"]
def text(i):
    return " ".join(
        f"{words[(i * 7 + k) % 14].capitalize()} {words[(i + k * 3) % 14]} {words[(i * k + 1) % 14]} "
        f"counted {i % 97 + k} boats on the river on Monday."
        for k in range(20)
    )
docs = {f"d{i}": text(i) for i in range(int(sys.argv[1]))}
print("started", flush=True)
start = time.monotonic()
try:
    factdiff.compare(docs)
except KeyboardInterrupt:
    print(f"interrupted after {time.monotonic() - start:.2f} s", flush=True)
    raise
print(f"finished after {time.monotonic() - start:.2f} s", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_ctrl_c_interrupts_a_long_compare() -> None:
    # Interrupted inside compare (160,000 claims take far longer than a second), promptly.
    waited = interrupted(CHILD, "8000")
    assert waited < 5.0, f"took {waited:.2f} s after SIGINT"


PIECES = [
    "Japan",
    "backed",
    "India",
    "26 people",
    "on Monday",
    "said",
    ".",
    "\n",
    "\r\n",
    "\r",
    "\0",
    "\x1b[31m",
    "\u202e",
    "\u200b",
    "東京",
    "وزير",
    "😀",
    "e\u0301",
    "1e308",
    "-0",
    '"',
    "“",
    "<script>",
    "Photo: Reuters",
    "You may also like",
    " ",
]


@pytest.mark.filterwarnings("ignore::factdiff.FactdiffWarning")
def test_hostile_text_gives_a_report_or_input_error() -> None:
    rng = random.Random(7)
    for _ in range(200):
        texts = ["".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 60))) for _ in range(rng.randrange(1, 4))]
        try:
            report = factdiff.compare(texts)
        except InputError as e:
            assert "every input document is empty" in str(e), e
            continue
        for c in report.claims:
            doc = report.document(c.doc)
            assert doc is not None and doc.text[c.start : c.end] == c.text
    # Lone surrogates cannot cross into Rust as text: a clear InputError, not a crash.
    with pytest.raises(InputError, match="lone surrogate"):
        factdiff.compare(["Japan backed India \ud800 on Monday.", "Japan urged talks."])


def test_errors_are_never_internal(tmp_path: Path) -> None:
    # Files that are refused say why, as InputError or OSError, never as an internal error.
    (tmp_path / "nul.txt").write_bytes(b"abc\0def")
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9")
    (tmp_path / "empty.jsonl").write_text("\n\n")
    for name in ("nul.txt", "latin1.txt", "empty.jsonl"):
        with pytest.raises(InputError) as err:
            factdiff.load(tmp_path / name)
        assert name in str(err.value)
        assert "internal error" not in str(err.value)
    assert issubclass(InputError, FactdiffError)


def test_load_can_skip_bad_jsonl_lines(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id":"a","text":"One."}\n{oops\n\n{"id":"c"}\n{"id":"d","text":"Four."}\n', encoding="utf-8")
    with pytest.raises(InputError, match="feed.jsonl: line 2: invalid JSON"):
        factdiff.load(feed)
    with pytest.warns(UserWarning, match=r"feed\.jsonl: skipped bad lines 2, 4 \(line 2: invalid JSON"):
        docs = factdiff.load(feed, skip_bad_lines=True)
    assert [d.id for d in docs] == ["a", "d"]
