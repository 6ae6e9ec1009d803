#!/usr/bin/env bash
# The memory table of docs/performance.md (issues 18 and 19): peak resident memory and time of
# one `factdiff report` process on each large input, against the bound 4 × input + 50 MB.
#
#   cargo build --release -p factdiff-cli
#   bench/memory_table.sh [SCRATCH_DIR] [ROW...]
#
# The inputs are written by bench/big_inputs.py and bench/events_story.py (seeded: the same bytes
# every run) into SCRATCH_DIR (default: a new directory under /var/tmp, removed at the end). ROWs
# (default: all) are sentences, jsonl, html, news10, news50, story1000 (one FNC-1 story of 1,000
# bodies, written by factdiff-eval), events (60 outlets × 300 events). Each row runs under
# `timeout` (ROW_TIMEOUT seconds, default 300); a row that runs out says so instead of a number.
# `/usr/bin/time` gives the peak resident set (%M) and the wall, user and system times; the JSON
# report is written to the scratch directory so its writing is part of the measurement.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${FACTDIFF:-$here/target/release/factdiff}"
eval_bin="${FACTDIFF_EVAL:-$here/target/release/factdiff-eval}"
limit="${ROW_TIMEOUT:-300}"
scratch="${1:-}"
shift || true
rows=("$@")
[ ${#rows[@]} -eq 0 ] && rows=(sentences jsonl html news10 news50 story1000 events)
cleanup=""
if [ -z "$scratch" ]; then
    scratch="$(mktemp -d /var/tmp/factdiff-memory.XXXXXX)"
    cleanup="$scratch"
fi
mkdir -p "$scratch"
trap '[ -n "$cleanup" ] && rm -rf "$cleanup"' EXIT

[ -x "$bin" ] || { echo "no $bin: cargo build --release -p factdiff-cli" >&2; exit 2; }

# Write the input of one row; print its path.
input() {
    local row="$1" out
    case "$row" in
        sentences) out="$scratch/sentences.txt"; [ -e "$out" ] || python3 "$here/bench/big_inputs.py" sentences -o "$out" ;;
        jsonl) out="$scratch/docs.jsonl"; [ -e "$out" ] || python3 "$here/bench/big_inputs.py" jsonl -o "$out" ;;
        html) out="$scratch/page.html"; [ -e "$out" ] || python3 "$here/bench/big_inputs.py" html -o "$out" ;;
        news10) out="$scratch/news10.txt"; [ -e "$out" ] || python3 "$here/bench/big_inputs.py" news --mb 10 -o "$out" ;;
        news50) out="$scratch/news50.txt"; [ -e "$out" ] || python3 "$here/bench/big_inputs.py" news --mb 50 -o "$out" ;;
        story1000)
            out="$scratch/story1000"
            if [ ! -e "$out" ]; then
                [ -x "$eval_bin" ] || { echo "no $eval_bin: cargo build --release -p factdiff-eval" >&2; exit 2; }
                "$eval_bin" --data "$here/../shared/data" --write-story 1000 "$out" >/dev/null
            fi ;;
        events) out="$scratch/events"; [ -e "$out" ] || python3 "$here/bench/events_story.py" --outlets 60 --events 300 -o "$out" >/dev/null ;;
        *) echo "unknown row $row" >&2; exit 2 ;;
    esac
    echo "$out"
}

echo "factdiff memory table, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $bin (tree at $(git -C "$here" rev-parse --short HEAD))"
echo
echo "| input | MB | bound MB | peak RSS KiB | peak / bound | wall s | CPU s (user + system) | claims | findings |"
echo "|---|---|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do
    path="$(input "$row")"
    bytes=$(du -sb --apparent-size "$path" | cut -f1)
    json="$scratch/$row.json"
    timing="$scratch/$row.time"
    status=0
    timeout "$limit" /usr/bin/time -o "$timing" -f "%M %e %U %S" \
        "$bin" report "$path" --format json -o "$json" --quiet >/dev/null 2>"$scratch/$row.err" || status=$?
    mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }')
    bound=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", 4 * b / 1e6 + 50 }')
    if [ "$status" -eq 124 ]; then
        echo "| $row | $mb | $bound | stopped at ${limit} s | | | | | |"
        continue
    fi
    # exit 1 means findings at --fail-on's level: the report is complete.
    if [ "$status" -gt 1 ]; then
        echo "| $row | $mb | $bound | failed (exit $status: $(head -c 200 "$scratch/$row.err")) | | | | | |"
        continue
    fi
    read -r kib wall user sys < <(tail -n 1 "$timing")
    counts=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(len(r["claims"]), len(r["findings"]))' "$json")
    rm -f "$json"
    awk -v row="$row" -v mb="$mb" -v bound="$bound" -v kib="$kib" -v wall="$wall" -v user="$user" -v sys="$sys" -v counts="$counts" 'BEGIN {
        split(counts, c, " ");
        ratio = kib * 1024 / 1e6 / bound;
        printf "| %s | %s | %s | %d | %.2f ×%s | %.2f | %.2f | %d | %d |\n", row, mb, bound, kib, ratio, (ratio > 1 ? " **over**" : ""), wall, user + sys, c[1], c[2]
    }'
done
