"""factdiff on a local Dask cluster of two worker processes: the same reports as one process.

The corpus is sharded the way docs/scaling.md describes: JSON Lines files, each story's lines
together in one shard. ``dask.bag.read_text`` makes one partition per file, and
``map_partitions`` compares the stories of a partition with ``factdiff.compare``. The stories are
FNC-1 headlines with their related bodies (../shared/data/fnc1): skipped when the data is
absent, a failure under CI.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import pickle
from pathlib import Path
from typing import Any, Dict, Iterable, List, Tuple

import dask.bag as db
import distributed
import pytest

import factdiff

from .conftest import ROOT

FNC1 = ROOT.parent / "shared" / "data" / "fnc1"

Row = Dict[str, Any]


def compare_shard(lines: Iterable[str]) -> List[Tuple[str, factdiff.Report]]:
    """One partition: its JSON lines, grouped into consecutive stories, each compared."""
    rows = (json.loads(line) for line in lines if line.strip())
    return [
        (story, factdiff.compare([factdiff.Document(r["id"], r["text"]) for r in group]))
        for story, group in itertools.groupby(rows, key=lambda r: r["story"])
    ]


def fnc1_stories(count: int, per_story: int) -> List[Tuple[str, List[Row]]]:
    """The first ``count`` FNC-1 headlines with related bodies, at most ``per_story`` bodies each."""
    if not (FNC1 / "train_stances.csv").exists():
        if os.environ.get("CI"):
            pytest.fail(f"FNC-1 data missing under CI: {FNC1}")
        pytest.skip(f"FNC-1 data not found in {FNC1}")
    with open(FNC1 / "train_bodies.csv", newline="", encoding="utf-8") as f:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    stories: Dict[str, List[str]] = {}
    with open(FNC1 / "train_stances.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Stance"] == "unrelated":
                continue
            if row["Headline"] not in stories and len(stories) == count:
                continue
            ids = stories.setdefault(row["Headline"], [])
            if row["Body ID"] not in ids and len(ids) < per_story:
                ids.append(row["Body ID"])
    return [
        (f"story-{i}", [{"story": f"story-{i}", "id": f"body-{b}", "text": bodies[b]} for b in ids])
        for i, ids in enumerate(stories.values())
    ]


def write_shards(stories: List[Tuple[str, List[Row]]], folder: Path, shards: int) -> None:
    """Story i goes to shard i mod ``shards``; a story's lines stay together."""
    folder.mkdir()
    for shard in range(shards):
        with open(folder / f"part-{shard:03}.jsonl", "w", encoding="utf-8") as f:
            for _, rows in stories[shard::shards]:
                for row in rows:
                    f.write(json.dumps(row) + "\n")


@pytest.mark.filterwarnings("ignore::factdiff.FactdiffWarning")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_two_worker_processes_give_the_single_process_reports(tmp_path: Path) -> None:
    stories = fnc1_stories(count=24, per_story=5)
    write_shards(stories, tmp_path / "corpus", shards=4)
    expected = {story: factdiff.compare([factdiff.Document(r["id"], r["text"]) for r in rows]) for story, rows in stories}
    assert sum(len(r.findings) for r in expected.values()) > 0

    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        bag = db.read_text(str(tmp_path / "corpus" / "*.jsonl")).map_partitions(compare_shard)
        assert bag.npartitions == 4
        results = client.compute(bag).result()
        workers = client.run(os.getpid)

    assert len(workers) == 2 and os.getpid() not in workers.values()
    got = dict(results)
    assert len(results) == len(got) == len(stories)  # each story compared once, in one partition
    assert set(got) == set(expected)
    for story, report in got.items():
        assert isinstance(report, factdiff.Report)
        assert report == expected[story], story
        assert report.to_json() == expected[story].to_json()
        assert [f.explanation for f in report.findings] == [f.explanation for f in expected[story].findings]
        restored = pickle.loads(pickle.dumps(report))
        assert restored == report and restored.findings == report.findings


@pytest.mark.filterwarnings("ignore::factdiff.FactdiffWarning")
def test_shards_group_consecutive_lines_into_stories() -> None:
    lines = [
        json.dumps({"story": "a", "id": "1", "text": "Officials said 12 people were hurt on Monday."}),
        json.dumps({"story": "a", "id": "2", "text": "Officials said 14 people were hurt on Monday."}),
        "",
        json.dumps({"story": "b", "id": "1", "text": "The bridge opened in 2019."}),
    ]
    result = compare_shard(lines)
    assert [story for story, _ in result] == ["a", "b"]
    assert [d.id for d in result[0][1].documents] == ["1", "2"]
    assert result[0][1].counts().get("numeric_conflict", 0) == 1
    assert len(result[1][1].documents) == 1
