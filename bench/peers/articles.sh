#!/usr/bin/env bash
# crosscheck's web-page reader against Mozilla Readability (npm
# @mozilla/readability on jsdom) on the 181 pages of
# ../shared/data/article-extraction-benchmark: speed on one core each, and
# F1/precision/recall from the benchmark's own evaluate.py, both scored in one
# run of it.
# Usage: bench/peers/articles.sh
# npm installs the peer into build/peers/ (ignored by git). Readability's time
# is jsdom + parse alone; crosscheck's is the wall time of the whole command
# (start, reading and gunzip of the files, writing the JSONL), on one thread.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=../shared/data/article-extraction-benchmark
[[ -d $data/html ]] || { echo "skipped: needs $data (html/, ground-truth.json, evaluate.py)"; exit 77; }

scripts/install-deps.sh
cmake -S . -B build/peers -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_TESTS=OFF \
  -DCROSSCHECK_BUILD_BENCH=ON >/dev/null
cmake --build build/peers --target crosscheck_cli >/dev/null
# jsdom 29 is the last release that runs on Node 20 (30 wants Node 22.22+).
[[ -d build/peers/node_modules/@mozilla/readability && -d build/peers/node_modules/jsdom ]] ||
  npm install --prefix build/peers --no-audit --no-fund --silent @mozilla/readability@0.6.0 jsdom@29.1.1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/output"
# The file names of output/ are the names evaluate.py prints in its table.
NODE_PATH=build/peers/node_modules node bench/peers/readability_pages.js "$data/html" "$work/output/readability.json"

pages=$(ls "$data"/html/*.html.gz | wc -l)
bytes=$(cat "$data"/html/*.html.gz | gzip -cd | wc -c)
start=$(date +%s.%N)
build/peers/crosscheck articles --format jsonl "$data/html" >"$work/crosscheck.jsonl"
end=$(date +%s.%N)
awk -v n="$pages" -v b="$bytes" -v s0="$start" -v s1="$end" 'BEGIN { s = s1 - s0
  printf "crosscheck: %d pages, %.2f s, %.1f pages/s, %.2f MB/s of HTML\n", n, s, n / s, b / 1e6 / s }'
python3 - "$work/crosscheck.jsonl" "$work/output/crosscheck.json" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as lines:
    out = {a["id"]: {"articleBody": a["text"]} for a in map(json.loads, lines)}
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(out, f)
PY

cp "$data/ground-truth.json" "$data/evaluate.py" "$work/"
(cd "$work" && python3 evaluate.py --n-bootstrap 100)
