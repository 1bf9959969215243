#!/usr/bin/env bash
# The scale benchmark of bench/README.md: end-to-end `crosscheck check` over
# 100,000 and 1,000,000 articles of real news text, varied (generated under
# build/bench/ by bench/make_scale_corpus.py; not committed), with 1 and 2
# jobs: wall time, articles/s, MB/s, peak RSS, and whether the output is the
# same for both.
# Usage: bench/scale.sh [ARTICLES...]     (default: 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
((${#sizes[@]})) || sizes=(100000 1000000)

scripts/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_TESTS=OFF \
  -DCROSSCHECK_BUILD_BENCH=ON >/dev/null
cmake --build build/release --target crosscheck_cli >/dev/null
mkdir -p build/bench

for n in "${sizes[@]}"; do
  corpus=build/bench/scale-$n.jsonl
  [[ -s $corpus ]] || (cd bench && python3 make_scale_corpus.py "../$corpus" "$n")
  bytes=$(stat -c %s "$corpus")
  for jobs in 1 2; do
    log=build/bench/scale-$n-j$jobs.time
    /usr/bin/time -f "%e %M" build/release/crosscheck check "$corpus" --jobs "$jobs" \
      >"build/bench/scale-$n-j$jobs.out" 2>"$log" || true
    read -r seconds rss < <(tail -1 "$log")
    awk -v n="$n" -v j="$jobs" -v b="$bytes" -v s="$seconds" -v r="$rss" 'BEGIN {
      printf "check %8d articles %7.1f MB --jobs %d: %7.2f s  %8.0f articles/s  %6.1f MB/s  peak RSS %7.0f MB\n",
             n, b/1e6, j, s, n/s, b/1e6/s, r/1024 }'
  done
  tail -1 "build/bench/scale-$n-j1.out"
  if cmp -s "build/bench/scale-$n-j1.out" "build/bench/scale-$n-j2.out"; then
    echo "  the same report, byte for byte, with 1 and 2 jobs"
  else
    echo "  REPORTS DIFFER between 1 and 2 jobs"
  fi
done
