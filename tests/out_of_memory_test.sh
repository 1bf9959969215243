#!/usr/bin/env bash
# Out of memory outside an article (issue 14): reading a large claims file,
# building the graph, running the rules or writing the report under an
# address-space limit (ulimit -v) must end with exit 2 and a message that
# says what was being done, never a bare "std::bad_alloc" or a crash.
# (Inside an article, the article is skipped and named: hostile_test.sh.)
# Usage: out_of_memory_test.sh PATH/TO/crosscheck   (from the project root)
#
# The limits are found here, not fixed: the smallest (in steps of 25 MB)
# that a small run fits in, then every 20 MB from 50 MB above it until the
# large run fits (and the last 20 MB again, finer, if need be). Skipped where no limit up to 1 GB lets a small run start
# (ASan reserves terabytes of address space).
set -uo pipefail
bin=$(realpath "$1")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect() {  # expect WHAT COMMAND...
  checks=$((checks + 1))
  "${@:2}" || fail "$1"
}

"$bin" extract --format jsonl corpora/ >"$scratch/small.jsonl" 2>/dev/null
claims=$(($(wc -l <"$scratch/small.jsonl") * 1000))
for copy in $(seq 1 1000); do cat "$scratch/small.jsonl"; done >"$scratch/claims.jsonl"

base=
for kb in $(seq 50000 25000 1000000); do
  if (ulimit -v "$kb" && "$bin" check --fail-on never --claims "$scratch/small.jsonl" >/dev/null 2>&1) 2>/dev/null; then
    base=$kb
    break
  fi
done
if [[ -z $base ]]; then
  echo "skipped: a small run does not start under ulimit -v 1000000 here"
  exit 0
fi

# From too little to enough: every run that fails says why, and the report,
# the largest thing built last (an HTML page of about 25 MB), is named by
# the runs just short of enough: the last 20 MB are gone over again in steps
# of 2.5 MB when the first pass stepped over them.
steps=()
status=
run_at() {  # run_at KB: one large run under that limit
  (ulimit -v "$1" && exec "$bin" check --fail-on never --format html --claims "$scratch/claims.jsonl") \
    >/dev/null 2>"$scratch/err"
  status=$?
  ((status == 0)) && return
  expect "under ulimit -v $1: exit 2 (got $status: $(head -c 300 "$scratch/err"))" test "$status" -eq 2
  expect "under ulimit -v $1: no bare std::bad_alloc" test "$(grep -c bad_alloc "$scratch/err")" -eq 0
  expect "under ulimit -v $1: the message says what was being done ($(head -c 300 "$scratch/err"))" \
    grep -qE "^crosscheck check: error: out of memory while (reading the claims of $scratch/claims.jsonl|building the graph of $claims claims|running [0-9]+ rules over $claims claims|writing the report for $claims claims and [0-9]+ findings); raise the memory limit \\(ulimit -v, the container's\\) or give the run less input at once$" \
    "$scratch/err"
  steps+=("$(sed -E 's/.*out of memory while ([a-z]+ [a-z]+ [a-z]+).*/\1/' "$scratch/err")")
}
fitted=
for kb in $(seq $((base + 50000)) 20000 $((base + 1500000))); do
  run_at "$kb"
  if ((status == 0)); then
    fitted=$kb
    break
  fi
done
if [[ -n $fitted ]] && ! printf '%s\n' "${steps[@]}" | grep -q "writing the report"; then
  for kb in $(seq $((fitted - 17500)) 2500 $((fitted - 2500))); do run_at "$kb"; done
fi
echo "note: base ${base} KB, fits in ${fitted:-none} KB; steps named: ${steps[*]}"
expect "the large run fits in the end" test -n "$fitted"
expect "the first limit runs out while reading the claims" test "${steps[0]:-}" = "reading the claims"
expect "a limit runs out while writing the report" grep -q "writing the report" <(printf '%s\n' "${steps[@]}")

echo "$((checks - failures)) passed, $failures failed"
((failures == 0))
