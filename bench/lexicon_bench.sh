#!/usr/bin/env bash
# Times loading generated lexicons of 5,000 to 100,000 entities (bench/README.md,
# "lexicon loading"). Usage: bench/lexicon_bench.sh [BUILD_DIR]  (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
if [ "$build" = build/release ]; then
  cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_TESTS=OFF \
    -DCROSSCHECK_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$build" --target crosscheck_lexicon_bench >/dev/null
dirs=()
for n in 5000 20000 50000 100000; do
  python3 bench/make_lexicon.py "$n" "build/bench/lexicon-$n"
  dirs+=("build/bench/lexicon-$n")
done
# One process per size: each figure is that size's own, its peak RSS too.
for dir in "${dirs[@]}"; do "$build/crosscheck_lexicon_bench" "$dir" | if [ "$dir" = "${dirs[0]}" ]; then cat; else tail -n 1; fi; done
