"""Write the large inputs of the memory table in docs/performance.md (issue 19).

Each input is news-like English made from fixed word lists and a seeded random generator, so the
same command always writes the same bytes. Standard library only.

    python3 bench/big_inputs.py sentences -o /tmp/sentences.txt     # 200,000 short sentences, one file
    python3 bench/big_inputs.py jsonl -o /tmp/docs.jsonl            # 100,000 JSON Lines documents
    python3 bench/big_inputs.py html -o /tmp/page.html              # 300,000 HTML paragraphs, one page
    python3 bench/big_inputs.py news --mb 50 -o /tmp/news.txt       # distinct news-like text, one file

`--count` changes the number of sentences, documents or paragraphs (for the smaller rows).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Callable, Dict, List

SYLLABLES = "ka lo mi ra te vo su ni da pe ro lu be sa ti mo ga re fi no".split()
PLACES = "Marin Tovan Kessaria Valdoria Oslen Brava Rimou Castel Dunmore Averly".split()
NOUNS = (
    "homes bridges schools families workers boats trucks clinics farms roads shelters villages "
    "voters students soldiers patients tourists miners officers engineers"
).split()
VERBS = "counted reported repaired evacuated found closed opened inspected moved rebuilt".split()
OFFICIALS = "officials rescuers police inspectors volunteers ministers doctors".split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
SAYS = "said told reporters announced confirmed claimed added".split()


def name(rng: random.Random, parts: int) -> str:
    """A made-up proper name of a few syllables, so that a long text keeps meeting new ones."""
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def short_sentence(rng: random.Random) -> str:
    """About 40 bytes: who did what to how many, where."""
    return f"{rng.choice(OFFICIALS).capitalize()} {rng.choice(VERBS)} {rng.randint(2, 999)} {rng.choice(NOUNS)} in {rng.choice(PLACES)}."


def news_sentence(rng: random.Random) -> str:
    """A longer sentence with a named person, a made-up place and numbers: few repeats."""
    person = f"{name(rng, 2)} {name(rng, 3)}"
    place = name(rng, 3)
    return (
        f"{person} {rng.choice(SAYS)} that {rng.randint(2, 9999)} {rng.choice(NOUNS)} in {place} were "
        f"{rng.choice(VERBS)} on {rng.choice(DAYS)} after {rng.choice(OFFICIALS)} from {rng.choice(PLACES)} arrived."
    )


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(news_sentence(rng) for _ in range(sentences))


def write_sentences(out, rng: random.Random, count: int, mb: float) -> None:
    for _ in range(count):
        out.write(short_sentence(rng) + "\n")


def write_jsonl(out, rng: random.Random, count: int, mb: float) -> None:
    for i in range(count):
        text = f"{short_sentence(rng)} {short_sentence(rng)}"
        out.write(json.dumps({"id": f"doc{i:06}", "text": text}) + "\n")


def write_html(out, rng: random.Random, count: int, mb: float) -> None:
    out.write("<!doctype html>\n<html><head><title>Flood report</title></head><body><article>\n")
    for _ in range(count):
        out.write(f"<p>{short_sentence(rng)}</p>\n")
    out.write("</article></body></html>\n")


def write_news(out, rng: random.Random, count: int, mb: float) -> None:
    limit = int(mb * 1_000_000)
    written = 0
    while written < limit:
        text = paragraph(rng, rng.randint(2, 5)) + "\n\n"
        out.write(text)
        written += len(text.encode("utf-8"))


KINDS: Dict[str, tuple[Callable, int]] = {
    "sentences": (write_sentences, 200_000),
    "jsonl": (write_jsonl, 100_000),
    "html": (write_html, 300_000),
    "news": (write_news, 0),
}


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--count", type=int, help="sentences, documents or paragraphs (default: the table's)")
    parser.add_argument("--mb", type=float, default=50.0, help="size of `news` in MB (10^6 bytes)")
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args(argv)
    write, default = KINDS[args.kind]
    rng = random.Random(args.seed)
    with open(args.output, "w", encoding="utf-8") as out:
        write(out, rng, args.count or default, args.mb)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
