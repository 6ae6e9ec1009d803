"""What a user would write instead of factdiff: sentence alignment by TF-IDF cosine + rapidfuzz.

    python bench/tfidf_baseline.py DIR_OR_FILES...  [--pairs-out pairs.json]
    python bench/tfidf_baseline.py --ecb ../shared/data/ecbplus/dev_event_gold_mentions.json \
        --pairs-out ecb_pairs.json
    python bench/tfidf_baseline.py --tune-ecb ../shared/data/ecbplus/train_event_gold_mentions.json \
        [--reading sentence|mention|same_word]

Each document is split into sentences with a regular expression. One TF-IDF model
(scikit-learn, English stop words) is fitted on all sentences; then for EVERY pair of sentences
from different sources it computes the TF-IDF cosine and rapidfuzz's `token_set_ratio`. A pair
is a match when cosine >= --min-cos and token_set_ratio >= --min-ratio; each sentence keeps its
--top best matches (by the mean of the two scores). Prints sentences, matches and seconds.

With --ecb the sentences are the annotated ECB+ sentences (one TF-IDF model per topic, as one
story at a time); --pairs-out writes the matches as [doc_a, sent_a, doc_b, sent_b] for
`factdiff-eval --ecb-pairs`, which scores them with the same scorer as factdiff's alignments.
That scorer reads a matched sentence pair three ways: every mention pair of the two sentences
(sentence), only mention pairs whose mentions each have a token the two sentences share (mention),
or only those whose mentions share such a token (same_word). --tune-ecb grid-searches the
thresholds on a (training) mention file for the F1 of one --reading.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Iterator

import numpy as np
from rapidfuzz import fuzz, process
from sklearn.feature_extraction.text import TfidfVectorizer

ROOT = Path(__file__).resolve().parent.parent
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z])")
ROWS = 256  # rows of the pair matrices computed at a time (bounded memory)

# Defaults: the best of --tune-ecb on ECB+ train for the sentence reading (F1 19.2 there; see
# docs/performance.md).
MIN_COS = 0.2
MIN_RATIO = 0
TOP = 10


def split_sentences(text: str) -> list[str]:
    parts = (p.strip() for p in SENTENCE_END.split(text))
    return [p for p in parts if len(p.split()) >= 3]


def pair_scores(sentences: list[str]) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Yield (row, cosine row, ratio row) for every sentence against all sentences."""
    tfidf = TfidfVectorizer(stop_words="english").fit_transform(sentences)
    for start in range(0, len(sentences), ROWS):
        stop = min(start + ROWS, len(sentences))
        cos = (tfidf[start:stop] @ tfidf.T).toarray()
        ratio = process.cdist(sentences[start:stop], sentences, scorer=fuzz.token_set_ratio, dtype=np.uint8)
        for r in range(stop - start):
            yield start + r, cos[r], ratio[r]


def match(sentences: list[str], sources: list[str], min_cos: float, min_ratio: float, top: int) -> list[tuple[int, int]]:
    """Matches (i, j), i < j, of sentences from different sources."""
    src = np.array(sources)
    out: set[tuple[int, int]] = set()
    for i, cos, ratio in pair_scores(sentences):
        ok = (src != sources[i]) & (cos >= min_cos) & (ratio >= min_ratio)
        idx = np.nonzero(ok)[0]
        if idx.size == 0:
            continue
        combined = (cos[idx] + ratio[idx] / 100.0) / 2.0
        for j in idx[np.argsort(-combined, kind="stable")[:top]]:
            out.add((min(i, int(j)), max(i, int(j))))
    return sorted(out)


def read_documents(paths: list[str]) -> list[tuple[str, str]]:
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(f for f in p.rglob("*.txt")) if p.is_dir() else [p])
    return [(f.stem, f.read_text(encoding="utf-8")) for f in files]


def run_files(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    sentences: list[str] = []
    sources: list[str] = []
    for name, text in read_documents(args.inputs):
        for s in split_sentences(text):
            sentences.append(s)
            sources.append(name)
    pairs = match(sentences, sources, args.min_cos, args.min_ratio, args.top)
    seconds = time.perf_counter() - started
    print(f"{len(set(sources))} documents, {len(sentences)} sentences, {len(pairs)} matches, {seconds:.2f} s")
    if args.pairs_out:
        Path(args.pairs_out).write_text(json.dumps([[sources[i], sentences[i], sources[j], sentences[j]] for i, j in pairs]))


def ecb_topics(path: str) -> Iterator[list[tuple[str, str, str]]]:
    """Per topic: the annotated sentences as (doc_id, sent_id, text), in a fixed order."""
    topics: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)
    for m in json.loads(Path(path).read_text(encoding="utf-8")):
        topics[m["topic"]][(m["doc_id"], m["sent_id"])] = m["full_sentence"]
    for topic in sorted(topics):
        keys = sorted(topics[topic], key=lambda k: (k[0], int(k[1]) if k[1].isdigit() else 0))
        yield [(d, s, topics[topic][(d, s)]) for d, s in keys]


def ecb_pairs(path: str, min_cos: float, min_ratio: float, top: int) -> list[list[str]]:
    out: list[list[str]] = []
    for sents in ecb_topics(path):
        texts = [t for _, _, t in sents]
        docs = [d for d, _, _ in sents]
        for i, j in match(texts, docs, min_cos, min_ratio, top):
            out.append([sents[i][0], sents[i][1], sents[j][0], sents[j][1]])
    return out


READINGS = ("sentence", "mention", "same_word")


def score_with_eval(mentions: str, pairs: list[list[str]], eval_bin: str) -> str:
    """The "shared tokens" score line from `factdiff-eval --ecb-pairs` (the one scorer):
    P / R / F1 of each reading, in the order of READINGS."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(pairs, f)
    cmd = [eval_bin, "--ecb-pairs", f.name, "--ecb-mentions", mentions]
    res = subprocess.run(cmd, check=True, capture_output=True, text=True)
    Path(f.name).unlink()
    lines = [line.strip() for line in res.stdout.splitlines() if line.strip().startswith("shared tokens")]
    if len(lines) != 1:
        raise RuntimeError(f"unexpected output of {' '.join(cmd)}:\n{res.stdout}")
    return lines[0]


def f1_of(line: str, reading: str) -> float:
    """The F1 of `reading` in a score line of score_with_eval."""
    numbers = [float(x) for x in re.findall(r"\d+\.\d+", line)]
    return numbers[3 * READINGS.index(reading) + 2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", help="text files or directories of .txt files (one source each)")
    ap.add_argument("--ecb", help="ECB+ mention file: align its annotated sentences per topic")
    ap.add_argument("--tune-ecb", help="ECB+ (training) mention file: grid-search the thresholds")
    ap.add_argument("--pairs-out", help="write the matches as JSON")
    ap.add_argument("--min-cos", type=float, default=MIN_COS)
    ap.add_argument("--min-ratio", type=float, default=MIN_RATIO)
    ap.add_argument("--top", type=int, default=TOP)
    ap.add_argument("--reading", choices=READINGS, default="sentence", help="what --tune-ecb maximises")
    ap.add_argument("--eval-bin", default=str(ROOT / "target/release/factdiff-eval"))
    args = ap.parse_args()
    if args.tune_ecb:
        results = []
        for min_cos in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5):
            for min_ratio in (0, 40, 50, 60, 70, 80):
                for top in (1, 3, 10):
                    line = score_with_eval(args.tune_ecb, ecb_pairs(args.tune_ecb, min_cos, min_ratio, top), args.eval_bin)
                    f1 = f1_of(line, args.reading)
                    results.append((f1, min_cos, min_ratio, top, line))
                    print(f"cos>={min_cos} ratio>={min_ratio} top {top}: {line}", flush=True)
        best = max(results)
        print(f"best for {args.reading}: --min-cos {best[1]} --min-ratio {best[2]} --top {best[3]} (F1 {best[0]:.1f})")
        return 0
    if args.ecb:
        started = time.perf_counter()
        pairs = ecb_pairs(args.ecb, args.min_cos, args.min_ratio, args.top)
        print(f"ECB+: {len(pairs)} aligned sentence pairs, {time.perf_counter() - started:.2f} s")
        if args.pairs_out:
            Path(args.pairs_out).write_text(json.dumps(pairs))
        return 0
    if not args.inputs:
        ap.error("give input files or directories, --ecb or --tune-ecb")
    run_files(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
