"""Corpora: compare(df, group_by=…) for pandas and polars, the Reports collection, compare_many
streaming with stories in parallel, the progress bar, and Ctrl-C stopping it all."""

from __future__ import annotations

import itertools
import sys
import threading
import time
from typing import Iterator, List, Tuple

import pytest

import factdiff
from .conftest import interrupted

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

DAM = {
    "a": "Kessaria opened the floodgates of the Tovan Dam on Monday, officials said. 2,400 people were evacuated.",
    "b": "Kessaria did not open the floodgates of the Tovan Dam on Monday, officials said. 1,200 people were evacuated.",
}
PORT = {
    "c": "The port of Esk reopened on Friday after the storm, the harbour master said.",
    "d": "The port of Esk stayed closed on Friday after the storm, the harbour master said.",
    "e": "Fishing boats returned to Esk on Saturday.",
}


def frame_rows() -> List[dict]:
    return [{"story": "dam", "id": k, "text": v} for k, v in DAM.items()] + [
        {"story": "port", "id": k, "text": v} for k, v in PORT.items()
    ]


@pytest.mark.parametrize("make", [pd.DataFrame, pl.DataFrame])
def test_group_by_gives_one_report_per_story(make: type) -> None:
    frame = make(frame_rows())
    reports = factdiff.compare(frame, group_by="story", progress=False)
    assert isinstance(reports, factdiff.Reports)
    assert list(reports) == ["dam", "port"] and len(reports) == 2
    assert reports["dam"] == factdiff.compare(DAM) and reports["port"] == factdiff.compare(PORT)
    assert repr(reports).startswith("<factdiff.Reports: 2 stories, 5 documents, ")
    html = reports._repr_html_()
    assert "<td>dam</td><td>2</td>" in html and "<td>port</td><td>3</td>" in html
    table = reports.to_pandas()
    assert list(table.columns[:2]) == ["story", "id"]
    assert list(table["story"]) == ["dam"] * len(reports["dam"]) + ["port"] * len(reports["port"])
    assert isinstance(table["docs"].iloc[0], list)
    claims = reports.to_polars("claims")
    assert claims.columns[0] == "story" and claims.height == len(reports["dam"].claims) + len(reports["port"].claims)
    assert claims.schema["entities"] == pl.List(pl.String)


def test_compare_many_yields_reports_in_order_and_streams() -> None:
    consumed: List[int] = []

    def stories() -> Iterator[dict]:
        for i in itertools.count():
            consumed.append(i)
            yield DAM if i % 2 == 0 else PORT

    stream = factdiff.compare_many(stories(), workers=2, progress=False)
    first = list(itertools.islice(stream, 3))
    assert [r == factdiff.compare(DAM) for r in first] == [True, False, True]
    assert len(consumed) <= 3 + 2 * 2  # read as the work goes, not all at once (it never ends)
    stream.close()


@pytest.mark.filterwarnings("ignore:not compared with any other claim")  # the repeated text trips the blocking budget; not what this test is about
def test_stories_run_in_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    import factdiff._corpus as corpus

    spans: List[Tuple[str, float, float]] = []
    real = corpus.run

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        report = real(*args, **kwargs)
        spans.append((threading.current_thread().name, start, time.perf_counter()))
        return report

    monkeypatch.setattr(corpus, "run", timed)
    big = {f"d{i}": " ".join([DAM["a"], PORT["c"]] * 40) + f" Story {i}." for i in range(30)}
    reports = list(factdiff.compare_many([big] * 4, workers=2, progress=False))
    assert len(reports) == 4 and all(r == reports[0] for r in reports)
    threads = {name for name, _, _ in spans}
    assert len(threads) == 2, threads
    spans.sort(key=lambda s: s[1])
    overlaps = sum(1 for x, y in zip(spans, spans[1:]) if y[1] < x[2])
    assert overlaps >= 1, spans  # two stories ran at the same time (the GIL is released)


def test_progress_bar_tqdm_plain_or_none(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("tqdm")
    list(factdiff.compare_many([DAM, PORT, DAM], progress=False))
    assert capsys.readouterr().err == ""
    list(factdiff.compare_many([DAM, PORT, DAM]))
    err = capsys.readouterr().err
    assert "factdiff: 100%" in err and "3/3" in err and "story/s" in err
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    list(factdiff.compare_many([DAM, PORT, DAM]))
    assert capsys.readouterr().err.endswith("\rfactdiff: 3 stories compared\n")
    list(factdiff.compare_many(iter([DAM, PORT])))  # no length: counts without a total
    assert "factdiff: 2 stories compared" in capsys.readouterr().err


def test_an_error_in_one_story_is_raised() -> None:
    with pytest.raises(factdiff.InputError, match="needs at least one document"):
        list(factdiff.compare_many([DAM, [], PORT], progress=False))
    with pytest.raises(TypeError, match=r"^compare_many\(\) workers must be an int, not str$"):
        factdiff.compare_many([DAM], workers="2")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^compare_many\(\) workers must be at least 1, not 0$"):
        factdiff.compare_many([DAM], workers=0)


# Many big stories through compare_many; prints "started" once the first report is out and
# "finished" if it ever returns. Run in a subprocess so that SIGINT reaches its main thread.
CHILD = r"""
import sys, time, factdiff
words = ["Valdoria", "Kessaria", "opened", "closed", "the", "dam", "river", "officials", "said",
         "boats", "on", "Monday", "talks", "minister"]
def text(i, k):
    return f"{words[(i * 7 + k) % 14].capitalize()} {words[(i + k * 3) % 14]} {words[(i * k + 1) % 14]} counted {i % 97 + k} boats on the river on Monday."
def story(s, n):
    return {f"d{i}": " ".join(text(i + s, k) for k in range(20)) for i in range(n)}
stories = (story(s, 30 if s == 0 else 3000) for s in range(50))
start = time.monotonic()
try:
    for n, report in enumerate(factdiff.compare_many(stories, workers=2, progress=False)):
        if n == 0:
            print("started", flush=True)
except KeyboardInterrupt:
    print(f"interrupted after {time.monotonic() - start:.2f} s", flush=True)
    raise
print("finished", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_ctrl_c_stops_compare_many() -> None:
    waited = interrupted(CHILD)
    assert waited < 10.0, f"took {waited:.2f} s after SIGINT"
