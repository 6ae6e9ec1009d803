"""The pipeline runs with the GIL released: other Python threads keep running meanwhile."""

from __future__ import annotations

import json
import threading
import time
from typing import List

import factdiff
from factdiff import _native


def test_other_threads_run_during_a_compare(examples: List[factdiff.Document]) -> None:
    # A workload of a few hundred milliseconds: the examples, many times over, under distinct ids.
    docs = [
        {"id": f"{d.id}-{i}", "text": d.text, "title": None, "source": None, "published": None, "url": None}
        for i in range(40)
        for d in examples
    ]
    docs_json, config_json = json.dumps(docs), _native.default_config()
    beats: List[float] = []
    done = threading.Event()

    def heartbeat() -> None:
        while not done.is_set():
            beats.append(time.perf_counter())
            time.sleep(0.002)

    thread = threading.Thread(target=heartbeat)
    thread.start()
    try:
        time.sleep(0.05)
        start = time.perf_counter()
        _native.compare(docs_json, config_json)
        end = time.perf_counter()
    finally:
        done.set()
        thread.join()
    during = [t for t in beats if start <= t <= end]
    gaps = [b - a for a, b in zip([start, *during], [*during, end])]
    duration = end - start
    assert duration > 0.05, f"workload too small to tell ({duration:.3f}s)"
    # Holding the GIL would freeze the heartbeat for the whole call.
    assert len(during) >= 5 and max(gaps) < duration / 2, (duration, len(during), max(gaps))
