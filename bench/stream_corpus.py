"""Write a JSON Lines corpus of FNC-1 stories for `factdiff report --jsonl-in … --group-by story`.

A story is the article bodies related (agree, disagree, discuss) to one FNC-1 headline in
../shared/data/fnc1 (train part). The stories are repeated, each copy with its own story key
and document ids, until the text adds up to the size asked for, so a larger corpus is the same
work more times. Standard library only.

    python3 bench/stream_corpus.py --mb 200 -o /tmp/fnc1-200mb.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Dict, List

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "fnc1"


def stories(data: Path) -> List[List[str]]:
    """Body ids per headline, in the order the headlines first appear, related bodies only."""
    csv.field_size_limit(sys.maxsize)
    by_headline: Dict[str, List[str]] = {}
    with open(data / "train_stances.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Stance"] == "unrelated":
                continue
            ids = by_headline.setdefault(row["Headline"], [])
            if row["Body ID"] not in ids:
                ids.append(row["Body ID"])
    return [sorted(ids, key=int) for ids in by_headline.values()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, required=True, help="stop once the text reaches this many MB (10^6 bytes)")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=DATA, help="the fnc1 folder (default: ../shared/data/fnc1)")
    args = parser.parse_args()

    with open(args.data / "train_bodies.csv", newline="", encoding="utf-8") as f:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    groups = stories(args.data)
    limit = int(args.mb * 1e6)
    written = lines = count = 0
    copy = 0
    with open(args.output, "w", encoding="utf-8") as out:
        while written < limit:
            for story, ids in enumerate(groups):
                if written >= limit:
                    break
                key = f"h{story}-c{copy}"
                for body in ids:
                    line = json.dumps({"story": key, "id": f"body-{body}-c{copy}", "text": bodies[body]})
                    out.write(line + "\n")
                    written += len(line.encode("utf-8")) + 1
                    lines += 1
                count += 1
            copy += 1
    print(f"{args.output}: {count} stories, {lines} documents, {written / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
