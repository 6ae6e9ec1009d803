#!/usr/bin/env bash
# factdiff vs bench/tfidf_baseline.py (TF-IDF cosine + rapidfuzz over all cross-source sentence
# pairs) on one FNC-1 story at ~1,000 and ~10,000 sentences, whole process each, then the ECB+ dev
# alignment quality of both with the one scorer (`factdiff-eval --ecb-pairs` / `--ecb`), read at
# the sentence and at the mention level.
#
#   bash bench/compare_alignment.sh [DOCS...]      # default: 55 550 documents
#
# Needs ../shared beside the repository; builds the release binaries and a venv
# (target/bench-venv) from bench/requirements.txt. The 10,000-sentence script run takes minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=("$@")
[ ${#docs[@]} -gt 0 ] || docs=(55 550)
cargo build --release --quiet -p factdiff-cli -p factdiff-eval
if [ ! -x target/bench-venv/bin/python ]; then
  python3 -m venv target/bench-venv
fi
target/bench-venv/bin/python -m pip install --quiet -r bench/requirements.txt
py=target/bench-venv/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seconds() { # wall seconds of a whole command, its stdout to $work/out
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$work/out"
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| documents | input bytes | sentences (script's splitter) | claims (factdiff) | factdiff report s | script s (whole process) | script s (after imports) | script / factdiff (whole process) |"
echo "|---|---|---|---|---|---|---|---|"
for n in "${docs[@]}"; do
  dir="$work/story$n"
  target/release/factdiff-eval --write-story "$n" "$dir"
  bytes=$(cat "$dir"/*.txt | wc -c)
  tf=$(seconds target/release/factdiff report "$dir" --format json -o "$work/report$n.json")
  claims=$("$py" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["claims"]))' "$work/report$n.json")
  ts=$(seconds "$py" bench/tfidf_baseline.py "$dir")
  sentences=$(sed -n 's/.* documents, \([0-9]*\) sentences.*/\1/p' "$work/out")
  inner=$(sed -n 's/.* matches, \([0-9.]*\) s$/\1/p' "$work/out")
  printf '| %s | %s | %s | %s | %.3f | %.2f | %.2f | %.0f× |\n' "$n" "$bytes" "$sentences" "$claims" "$tf" "$ts" "$inner" "$(awk -v a="$ts" -v b="$tf" 'BEGIN { print a / b }')"
done
echo
echo "ECB+ dev (pairwise mention P / R / F1, one scorer, read per sentence and per mention):"
ecb=../shared/data/ecbplus/dev_event_gold_mentions.json
# Thresholds: the best of `--tune-ecb` on ECB+ train for the sentence reading (the script's
# defaults) and for the mention reading (see docs/performance.md).
for thresholds in "" "--min-cos 0.0 --min-ratio 0 --top 10"; do
  # shellcheck disable=SC2086
  "$py" bench/tfidf_baseline.py --ecb "$ecb" --pairs-out "$work/ecb.json" $thresholds
  echo "script ${thresholds:-(defaults)}:"
  target/release/factdiff-eval --ecb-pairs "$work/ecb.json" --ecb-mentions "$ecb" | sed -n '2,4p'
done
echo "factdiff (Config::default()):"
target/release/factdiff-eval --ecb --ecb-mentions "$ecb" | sed -n '2,8p'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
