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
# Ninja prints compile errors on stdout: show them only when the build fails.
log=$(cmake --build build/peers --target crosscheck_cli 2>&1) || { echo "$log" >&2; exit 1; }
# jsdom 26.1.0, not the newest: 27.4.0, 28.1.0 and 29.1.1 throw while parsing
# the CSS of 4, 4 and 1 of these pages (29.1.1 on a calc() of SASS variables
# left in a <style>), and 30+ needs Node 22.22+.
installed() { node -p "require('./build/peers/node_modules/$1/package.json').version" 2>/dev/null || true; }
[[ $(installed @mozilla/readability) == 0.6.0 && $(installed jsdom) == 26.1.0 ]] ||
  npm install --prefix build/peers --no-audit --no-fund --silent @mozilla/readability@0.6.0 jsdom@26.1.0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/output"
# The file names of output/ are the names evaluate.py prints in its table.
NODE_PATH=build/peers/node_modules node bench/peers/readability_pages.js "$data/html" "$work/output/readability.json"

pages=("$data"/html/*.html.gz)
bytes=$(gzip -cd "${pages[@]}" | wc -c)
start=$(date +%s.%N)
build/peers/crosscheck articles --format jsonl "$data/html" >"$work/crosscheck.jsonl"
end=$(date +%s.%N)
awk -v n="${#pages[@]}" -v b="$bytes" -v s0="$start" -v s1="$end" 'BEGIN { s = s1 - s0
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

# The whole pipeline (claims, not only the text) on one core, on the pages and
# on the same pages as a crawl stores them (a WARC of gzip members, with
# request and warcinfo records: bench/make_warc.py).
python3 bench/make_warc.py "$data/html" "$work/pages.warc.gz" --urls "$data/ground-truth.json"
for input in "$data/html" "$work/pages.warc.gz"; do
  start=$(date +%s.%N)
  build/peers/crosscheck extract --jobs 1 --format jsonl "$input" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  awk -v b="$bytes" -v s0="$start" -v s1="$end" -v what="${input##*/}" 'BEGIN { s = s1 - s0
    printf "crosscheck extract --jobs 1 on %s: %.2f s, %.2f MB/s of HTML\n", what, s, b / 1e6 / s }'
done
