#!/usr/bin/env bash
# Runs the benchmarks of bench/README.md: `crosscheck extract` on real
# newswire (wall time, throughput, peak memory), and the quantities stage on
# one core against a plain `grep -o '[0-9][0-9,.]*'` over the same bytes.
# Usage: bench/run.sh [BIG_MB] [NEWS_MB]
# Inputs are generated under build/bench/ from ../shared/data (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
big_mb=${1:-300}
news_mb=${2:-100}

scripts/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_TESTS=OFF \
  -DCROSSCHECK_BUILD_BENCH=ON >/dev/null
cmake --build build/release --target crosscheck_cli crosscheck_quantities_bench crosscheck_claims_bench >/dev/null
python3 bench/make_corpora.py build/bench --big-mb "$big_mb" --news-mb "$news_mb"

seconds_of() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$1"; }

measure() {  # measure NAME FILE [OPTION...]
  local log=build/bench/$1.time
  /usr/bin/time -v build/release/crosscheck extract "$2" "${@:3}" >/dev/null 2>"$log" || true
  local seconds rss bytes
  seconds=$(seconds_of "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  bytes=$(stat -c %s "$2")
  awk -v name="$1" -v b="$bytes" -v s="$seconds" -v r="$rss" 'BEGIN {
    printf "extract %-10s %8.1f MB  %7.2f s  %7.1f MB/s  peak RSS %7.1f MB\n", name, b/1e6, s, b/1e6/(s>0?s:1e-9), r/1024 }'
}
measure reuters build/bench/reuters.jsonl
# One article far over the default 64 MB limit, on purpose.
measure big build/bench/big.txt --max-article-size 1G

echo "quantities on one core:"
build/release/crosscheck_quantities_bench build/bench/news.txt 3 | tee build/bench/quantities.txt
grep_seconds=1e9
for _ in 1 2 3; do
  # NOTE: grep stops at the first match when its output is /dev/null, so count the matches instead.
  /usr/bin/time -v bash -c "grep -o '[0-9][0-9,.]*' build/bench/news.txt | wc -l" >/dev/null 2>build/bench/grep.time
  s=$(seconds_of build/bench/grep.time)
  grep_seconds=$(awk -v a="$grep_seconds" -v b="$s" 'BEGIN {print (b < a) ? b : a}')
done
awk -v s="$grep_seconds" -v bytes="$(stat -c %s build/bench/news.txt)" \
  -v q="$(sed -E 's/.* ([0-9.]+) MB\/s.*/\1/' build/bench/quantities.txt)" 'BEGIN {
  g = bytes/1e6/(s>0?s:1e-9);
  printf "grep -o [0-9][0-9,.]*: %.2f s, %.1f MB/s; quantities / grep = %.2f\n", s, g, q/g }'

echo "segment and claims on one core:"
build/release/crosscheck_claims_bench build/bench/news.txt 2

echo "audit of 114,258 articles (reuters.jsonl six times over, ids made unique):"
for copy in 1 2 3 4 5 6; do sed "s/\"id\": \"reuters-/\"id\": \"r$copy-reuters-/" build/bench/reuters.jsonl; done \
  >build/bench/reuters-114k.jsonl
# One article in a hundred edited.
awk 'NR % 100 == 0 { sub(/"text": "/, "\"text\": \"Updated. ") } { print }' build/bench/reuters-114k.jsonl \
  >build/bench/reuters-114k-edited.jsonl
rm -f build/bench/audit.db build/bench/audit.db-*
for run in first:reuters-114k no-change:reuters-114k one-percent-edited:reuters-114k-edited; do
  # NOTE: audit exits 1 when a run has new findings; that is not a failure here.
  { /usr/bin/time -f "audit ${run%%:*} run: %e s wall, peak RSS %M KB" \
    build/release/crosscheck audit --state build/bench/audit.db "build/bench/${run#*:}.jsonl" 2>&1 >/dev/null || true; } |
    tail -1
done
