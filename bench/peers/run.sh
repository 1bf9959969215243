#!/usr/bin/env bash
# crosscheck's quantities stage against Microsoft Recognizers-Text's number
# model (npm @microsoft/recognizers-text-number), in one run: throughput on
# the same news text, one core each, and pass rates on the English specs of
# ../shared/data/recognizers-specs scored the same way.
# Usage: bench/peers/run.sh [MB]      (default 20; the peer reads about 1 MB/s)
# npm installs the peer into build/peers/ (ignored by git); the text is the
# first MB of build/bench/news.txt (bench/make_corpora.py), cut at a paragraph.
set -euo pipefail
cd "$(dirname "$0")/../.."
mb=${1:-20}
specs=../shared/data/recognizers-specs

scripts/install-deps.sh --tests
cmake -S . -B build/peers -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_TESTS=ON \
  -DCROSSCHECK_BUILD_BENCH=ON >/dev/null
cmake --build build/peers --target crosscheck_quantities_bench crosscheck_conformance >/dev/null
[[ -d build/peers/node_modules/@microsoft/recognizers-text-number ]] ||
  npm install --prefix build/peers --no-audit --no-fund --silent @microsoft/recognizers-text-number@1.3.1
[[ -s build/bench/news.txt ]] || python3 bench/make_corpora.py build/bench --big-mb 1 --news-mb 100
python3 - "$mb" <<'PY'
import sys
limit = int(float(sys.argv[1]) * 1e6)
text = open("build/bench/news.txt", encoding="utf-8").read(limit * 2)
cut = text.encode("utf-8")[:limit].decode("utf-8", "ignore")
cut = cut[: cut.rfind("\n\n") + 2]
open("build/bench/peers-news.txt", "w", encoding="utf-8").write(cut)
PY

echo "throughput, one core, $(stat -c %s build/bench/peers-news.txt) bytes of news.txt:"
ours=$(build/peers/crosscheck_quantities_bench build/bench/peers-news.txt 3)
echo "crosscheck quantities: $ours"
theirs=$(NODE_PATH=build/peers/node_modules node bench/peers/recognizers_throughput.js build/bench/peers-news.txt)
echo "$theirs"
awk -v a="$(sed -E 's/.* ([0-9.]+) MB\/s on one core.*/\1/' <<<"$ours")" \
    -v b="$(sed -E 's/.*\(([0-9.]+) MB\/s.*/\1/' <<<"$theirs")" 'BEGIN { printf "ratio: %.0f times\n", a / b }'

echo "pass rates on the English specs (every case counted):"
echo "Recognizers-Text (JavaScript):"
NODE_PATH=build/peers/node_modules node bench/peers/recognizers_specs.js "$specs"
echo "crosscheck:"
build/peers/tests/crosscheck_conformance --specs "$specs" | grep -E "^(file|NumberModel.json|PercentModel.json) "
