"""Python-side overhead of `factdiff.compare` over the Rust core, on the seed articles.

    python bench/python_overhead.py [--rounds 30] [seed files...]

Times, best of N rounds in one process (each line includes the lines above it):
  native    `factdiff._native.compare`: Rust pipeline + each top-level section of the report
            serialised to its own JSON string, converted to Python str objects
  compare   `factdiff.compare`: input checks + documents to JSON + native + wrapping the section
            strings in a Report. No section is parsed yet: this is the cost of a report nobody reads
  findings  `factdiff.compare` + `report.findings`: parses the findings and documents sections
            (documents for the character offsets) and builds the Finding objects; the claims and
            clusters sections (the bulk) stay unparsed
  typed     `factdiff.compare` + building every typed object (documents, claims, clusters,
            findings, sources, agreement): parses every section
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Callable

import factdiff
from factdiff import _native

ROOT = Path(__file__).resolve().parent.parent


def best(f: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    files = args.files or sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    if not files:
        raise SystemExit("no input: give files, or put the seeds in ../shared/seeds")
    docs = factdiff.load(files)
    docs_json = json.dumps([vars(d) for d in docs])
    config_json = _native.default_config()

    def findings() -> None:
        factdiff.compare(docs).findings

    def typed() -> None:
        r = factdiff.compare(docs)
        (r.documents, r.claims, r.clusters, r.findings, r.sources, r.agreement)

    factdiff.compare(docs)  # warm up (lexicon, allocations)
    native = best(lambda: _native.compare(docs_json, config_json), args.rounds)
    python = best(lambda: factdiff.compare(docs), args.rounds)
    read = best(findings, args.rounds)
    objects = best(typed, args.rounds)
    size = sum(len(d.text.encode()) for d in docs)
    print(f"{len(docs)} documents, {size} bytes, best of {args.rounds}")
    print(f"native    {native * 1e3:8.2f} ms")
    print(f"compare   {python * 1e3:8.2f} ms  overhead {python / native - 1:+.1%}")
    print(f"findings  {read * 1e3:8.2f} ms  overhead {read / native - 1:+.1%}")
    print(f"typed     {objects * 1e3:8.2f} ms  overhead {objects / native - 1:+.1%}")


if __name__ == "__main__":
    main()
