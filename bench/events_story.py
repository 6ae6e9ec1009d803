"""Write one big story: OUTLETS articles, each reporting the same EVENTS events in its own words.

Every event (a flood, a fire, a strike, ...) happens in an invented town, on a date, with a count
(the dead, the evacuated, the strikers). Each outlet reports each event in one sentence, worded
by one of several templates, and most outlets give the event's true count and date; some give
another number, a few a vague one ("dozens"), some another day. So the story holds
OUTLETS × EVENTS claims about EVENTS facts, and a report that writes one finding per fact has
about one numeric conflict per event whatever the number of outlets.

    python3 bench/events_story.py --outlets 60 --events 300 -o /tmp/events
    /usr/bin/time -v target/release/factdiff report /tmp/events --format json -o /tmp/events.json

The defaults (60 outlets, 300 events, seed 1) write 1.26 MB. Standard library only; the same
arguments write the same bytes.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import List, Tuple

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
SYLLABLES = ["var", "tes", "lom", "brin", "kel", "dor", "mas", "pel", "rud", "sam", "tor", "vin", "gal", "hen", "nor"]

# (what is counted, templates); {n} the count, {town}, {date}.
KINDS: List[Tuple[str, List[str]]] = [
    ("dead in floods", [
        "Floods in {town} killed {n} people on {date}.",
        "The floods that hit {town} on {date} left {n} people dead, officials said.",
        "At {town}, {n} people died in the floods of {date}.",
    ]),
    ("evacuated from a fire", [
        "Firefighters evacuated {n} residents from {town} on {date}.",
        "A fire forced {n} residents of {town} to leave their homes on {date}.",
        "On {date}, {n} residents were evacuated from {town} as the fire spread.",
    ]),
    ("workers on strike", [
        "{n} workers went on strike at the {town} port on {date}.",
        "The strike at the {town} port on {date} was joined by {n} workers, the union said.",
        "Some {n} workers walked out at the port of {town} on {date}.",
    ]),
    ("injured in a crash", [
        "A train crash near {town} injured {n} passengers on {date}.",
        "{n} passengers were hurt when a train left the tracks near {town} on {date}.",
        "The {date} train crash at {town} left {n} passengers injured, police said.",
    ]),
]


def town(rng: random.Random, used: set) -> str:
    while True:
        name = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        if name not in used:
            used.add(name)
            return name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outlets", type=int, default=60)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True, help="directory for the OUTLETS .txt files")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    used: set = set()
    events = []
    for e in range(args.events):
        kind, templates = KINDS[e % len(KINDS)]
        day, month = rng.randint(1, 28), rng.randrange(12)
        events.append((templates, town(rng, used), rng.randint(12, 900), day, month))
    args.output.mkdir(parents=True, exist_ok=True)
    total = 0
    for o in range(args.outlets):
        lines = []
        for templates, place, n, day, month in events:
            r = rng.random()
            if r < 0.15:
                count = str(n + rng.choice([-1, 1]) * rng.randint(max(1, n // 10), max(2, n // 3)))
            elif r < 0.18:
                count = "dozens of" if n < 100 else "hundreds of"
            else:
                count = str(n)
            date_day = day + 1 if rng.random() < 0.05 else day
            sentence = rng.choice(templates).format(n=count, town=place, date=f"{date_day} {MONTHS[month]}")
            lines.append(sentence[0].upper() + sentence[1:])
        text = "\n\n".join(lines) + "\n"
        total += len(text.encode("utf-8"))
        (args.output / f"outlet{o:02d}.txt").write_text(text, encoding="utf-8")
    print(f"{args.outlets} outlets × {args.events} events: {total:,} bytes in {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
