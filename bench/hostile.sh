#!/usr/bin/env bash
# The hostile-article benchmark of bench/README.md (issue 14): one sentence
# whose size doubles five times, in three shapes (bench/make_hostile.py):
#   killed  "1 people were killed, 2 people were killed, ..."  N = 1,000 .. 32,000
#   vague   "dozens killed, hundreds injured, ..."             N = 1,000 .. 32,000
#   list    "1, 2, 3, ..., N people"                           N = 2,500 .. 80,000
# (the largest stay under the limits: a line of 1 MB, 100,000 figures).
# For each, `crosscheck extract --jobs 1` (text format) on the one article:
# wall time and peak resident memory (GNU time, Debian's `time` package),
# and each one's ratio to the size before it: linear means about 2.
# (The text format prints a line per claim; JSONL quotes the sentence in
# every claim, so its output, not the work, grows as N times the sentence.)
# Usage: bench/hostile.sh [BINARY]   (default: build/release/crosscheck, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/crosscheck}
if [[ ! -x $bin ]]; then
  cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_TESTS=OFF >/dev/null
  cmake --build build/release --target crosscheck_cli >/dev/null
fi
work=build/bench/hostile
mkdir -p "$work"
printf '%-7s %7s %10s %9s %7s %12s %7s %9s\n' shape N bytes seconds ratio "peak RSS" ratio claims
for shape in killed vague list; do
  start=1000
  [[ $shape == list ]] && start=2500
  previous_seconds=
  previous_rss=
  for step in 0 1 2 3 4 5; do
    n=$((start << step))
    article=$work/$shape-$n.txt
    python3 bench/make_hostile.py "$shape" "$n" "$article"
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" extract --jobs 1 "$article" >"$work/out" 2>"$work/err"
    read -r seconds rss <"$work/time"
    claims=$(grep -c "^$article:[0-9]" "$work/out" || true)
    awk -v shape="$shape" -v n="$n" -v bytes="$(stat -c %s "$article")" -v s="$seconds" -v r="$rss" \
      -v ps="$previous_seconds" -v pr="$previous_rss" -v c="$claims" 'BEGIN {
        sr = (ps == "" || ps == 0) ? "" : sprintf("%.1f", s / ps)
        rr = (pr == "") ? "" : sprintf("%.2f", r / pr)
        printf "%-7s %7d %10d %9.2f %7s %9.1f MB %7s %9d\n", shape, n, bytes, s, sr, r / 1024, rr, c }'
    previous_seconds=$seconds
    previous_rss=$rss
  done
done
