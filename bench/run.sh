#!/usr/bin/env bash
# Measures `crosscheck extract` (ingest + segment so far) on real newswire:
# wall time, throughput and peak memory. Usage: bench/run.sh [BIG_MB]
# Inputs are generated under build/bench/ from ../shared/data (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
big_mb=${1:-300}

scripts/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_TESTS=OFF >/dev/null
cmake --build build/release --target crosscheck_cli >/dev/null
python3 bench/make_corpora.py build/bench --big-mb "$big_mb"

measure() {  # measure NAME FILE
  local log=build/bench/$1.time
  /usr/bin/time -v build/release/crosscheck extract "$2" >/dev/null 2>"$log" || true
  local seconds rss bytes
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  bytes=$(stat -c %s "$2")
  awk -v name="$1" -v b="$bytes" -v s="$seconds" -v r="$rss" 'BEGIN {
    printf "%-10s %8.1f MB  %7.2f s  %7.1f MB/s  peak RSS %7.1f MB\n", name, b/1e6, s, b/1e6/(s>0?s:1e-9), r/1024 }'
}
measure reuters build/bench/reuters.jsonl
measure big build/bench/big.txt
