#!/usr/bin/env bash
# Hostile articles (issue 14): time and memory linear in the article, a
# resource limit per article, and an article that runs out of memory named
# and skipped while the run goes on.
#
# - one sentence of 4,000 clauses "<n> people were killed" (and the vague
#   "dozens killed, hundreds injured, ..."): read in seconds, not hours;
# - a list "1, 2, ..., 20000 people" under a 1 GB address-space limit (each
#   claim copied its sentence: 2.5 GB, and the run died with std::bad_alloc);
# - a JSONL article of 4 MB with a figure every line (each claim's column was
#   counted from the start of the text);
# - an article over kMaxArticleFigures (100,000): an error naming it, the
#   others read, exit 2, the same with 1 and 2 jobs;
# - an article that runs out of memory under a limit a good article fits in:
#   an error naming it, the others read, exit 2.
# Usage: hostile_test.sh PATH/TO/crosscheck   (from the project root)
set -uo pipefail
bin=$(realpath "$1")
failures=0
checks=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { checks=$((checks + 1)); }
expect() {  # expect DESCRIPTION COMMAND...: the command must succeed
  local what=$1
  shift
  if "$@"; then pass; else fail "$what"; fi
}

# clauses KIND N: one sentence of N clauses on one line.
clauses() {
  awk -v kind="$1" -v n="$2" 'BEGIN {
    split("dozens killed|hundreds injured|thousands displaced|scores missing|tens of thousands evacuated", vague, "|")
    printf "In Gaza, "
    for (i = 1; i <= n; i++) {
      if (kind == "killed") printf "%d people were killed", i; else printf "%s", vague[(i - 1) % 5 + 1]
      printf (i < n ? ", " : ".\n")
    }
  }'
}
# list N: "1, 2, ..., N people." on one line.
list() { awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++) printf "%d%s", i, (i < n ? ", " : " people.\n") }'; }

good=corpora/derna-flood-2023/coastline-post-2023-09-12.md
good_claims=$("$bin" extract --format jsonl "$good" 2>/dev/null | wc -l)
[[ $good_claims -gt 0 ]] || fail "the good article gives no claims"

# 1. Time: each of these took hours before (the metric search was N^4).
for kind in killed vague; do
  mkdir -p "$scratch/$kind"
  clauses "$kind" 4000 >"$scratch/$kind/one-sentence.txt"
  cp "$good" "$scratch/$kind/"
  start=$SECONDS
  timeout 60 "$bin" extract "$scratch/$kind" >"$scratch/$kind.out" 2>"$scratch/$kind.err"
  status=$?
  expect "$kind: 4,000 clauses in one sentence read within 60 s (exit $status, $((SECONDS - start)) s)" \
    test "$status" -eq 0
  figures=4000
  [[ $kind == vague ]] && figures=3200  # "scores missing" is not a figure
  expect "$kind: every figure is a claim" \
    test "$(grep -c '^[^ ]*one-sentence.txt:1:' "$scratch/$kind.out")" -eq "$figures"
done

# 2. Memory: a 129 KB list under a 1 GB address-space limit. Skipped where
# the limit cannot be set or a good article does not fit in it (ASan
# reserves terabytes of address space).
mkdir -p "$scratch/list"
list 20000 >"$scratch/list/list.txt"
cp "$good" "$scratch/list/"
if (ulimit -v 1000000 && "$bin" extract --jobs 1 "$good" >/dev/null 2>&1); then
  (ulimit -v 1000000 && timeout 60 "$bin" extract --jobs 1 --format jsonl "$scratch/list" \
    >"$scratch/list.out" 2>"$scratch/list.err")
  status=$?
  expect "list of 20,000 under 1 GB: exit 0 (got $status: $(tail -1 "$scratch/list.err"))" test "$status" -eq 0
  "$bin" extract --jobs 1 --format jsonl "$scratch/list" >"$scratch/list-unlimited.out" 2>/dev/null
  expect "list of 20,000 under 1 GB: every claim written" cmp -s "$scratch/list.out" "$scratch/list-unlimited.out"
  expect "list of 20,000 under 1 GB: the good article's claims too" \
    test "$(grep -c coastline-post "$scratch/list.out")" -eq "$good_claims"
else
  echo "skipped: a good article does not run under ulimit -v 1000000 here"
fi

# 3. Positions: a JSONL article of 4 MB with a figure on every line; the
# last one's column counts every character of the text before it.
awk 'BEGIN {
  printf "{\"id\": \"long\", \"text\": \""
  for (i = 1; i <= 60000; i++) printf "Line %d of the \\u00e9tat table lists %d people.\\n", i, i
  printf "\"}\n"
}' >"$scratch/long.jsonl"
start=$SECONDS
timeout 60 "$bin" extract --format jsonl "$scratch/long.jsonl" >"$scratch/long.out" 2>"$scratch/long.err"
status=$?
expect "a 4 MB JSONL text read within 60 s (exit $status, $((SECONDS - start)) s)" test "$status" -eq 0
# Line i is "Line i of the état table lists i people.\n": 39 characters and
# two copies of i; the last figure is the second 60000 of the last line.
before=$(awk 'BEGIN { n = 0; for (i = 1; i < 60000; i++) n += 39 + 2 * length(i ""); print n }')
expected_column=$((1 + before + 5 + 5 + 25))
last_column=$(tail -1 "$scratch/long.out" | sed 's/.*"column":\([0-9]*\).*/\1/')
expect "the last claim of a 4 MB JSONL text is at column $expected_column (got $last_column)" \
  test "$last_column" = "$expected_column"

# 4. The resource limit: over 100,000 figures, the article is skipped.
mkdir -p "$scratch/limit"
list 120000 >"$scratch/limit/table.txt"
cp "$good" "$scratch/limit/"
for jobs in 1 2; do
  "$bin" extract --jobs "$jobs" --format jsonl "$scratch/limit" >"$scratch/limit-$jobs.out" 2>"$scratch/limit-$jobs.err"
  status=$?
  expect "over the figure limit (--jobs $jobs): exit 2 (got $status)" test "$status" -eq 2
  expect "over the figure limit (--jobs $jobs): the error names the article" \
    grep -qF "$scratch/limit/table.txt:1: error: article 'table' holds more than 100,000 figures" \
    "$scratch/limit-$jobs.err"
  expect "over the figure limit (--jobs $jobs): the good article is read" \
    test "$(wc -l <"$scratch/limit-$jobs.out")" -eq "$good_claims"
  expect "over the figure limit (--jobs $jobs): counted as skipped" \
    grep -q '2 files, 1 article, .* claims; 1 skipped' "$scratch/limit-$jobs.err"
done
expect "the same output and errors with 1 and 2 jobs" \
  cmp -s "$scratch/limit-1.err" "$scratch/limit-2.err"

# 5. Out of memory in one article: named, skipped, the run goes on. The
# limit is the smallest (in steps of 25 MB) that the good article runs in;
# the big one needs about 100 MB more.
mkdir -p "$scratch/oom"
list 99000 >"$scratch/oom/big.txt"
cp "$good" "$scratch/oom/"
limit=
for kb in $(seq 100000 25000 400000); do
  if (ulimit -v "$kb" && "$bin" extract --jobs 1 "$good" >/dev/null 2>&1); then
    limit=$kb
    break
  fi
done
if [[ -n $limit ]]; then
  (ulimit -v "$limit" && "$bin" extract --jobs 1 --format jsonl "$scratch/oom" >"$scratch/oom.out" 2>"$scratch/oom.err")
  status=$?
  expect "out of memory under ulimit -v $limit: exit 2 (got $status)" test "$status" -eq 2
  expect "out of memory: the error names the article ($(head -1 "$scratch/oom.err"))" \
    grep -qF "$scratch/oom/big.txt:1: error: out of memory reading article 'big'" "$scratch/oom.err"
  expect "out of memory: the good article is read" test "$(wc -l <"$scratch/oom.out")" -eq "$good_claims"
else
  echo "skipped: a good article does not run under ulimit -v 400000 here"
fi

# 6. The audit: an article that goes over the figure limit keeps its last
# good claims, so no finding it was part of is reported resolved.
listed() {  # the fingerprints of one list ("new", "resolved") of a JSON audit report
  awk -v list="\"$1\": [" 'index($0, list) == 3 && /\[$/ { inside = 1; next }
    inside && /^  \]/ { inside = 0 }
    inside && /"fingerprint":/ { gsub(/.*"fingerprint": "|".*/, ""); print }' "$2" | sort
}
cp -r corpora "$scratch/corpus"
"$bin" audit --state "$scratch/audit.db" --format json "$scratch/corpus" >"$scratch/audit1.out" 2>&1
article="$scratch/corpus/derna-flood-2023/meridian-2023-09-14.md"
list 120000 >>"$article"
# Another article edited in the same run, so that the findings are worked out again.
printf '\nThe weather was calm on Friday.\n' >>"$scratch/corpus/gaza-may-2024/meridian-2024-05-12.md"
"$bin" audit --state "$scratch/audit.db" --format json "$scratch/corpus" >"$scratch/audit2.out" 2>"$scratch/audit2.err"
status=$?
expect "audit with an article over the limit: exit 2 (got $status)" test "$status" -eq 2
expect "audit: the article is named" grep -qF "meridian-2023-09-14.md:" "$scratch/audit2.err"
expect "audit: it keeps its last good claims (nothing resolved)" \
  test "$(listed resolved "$scratch/audit2.out" | wc -l)" -eq 0
expect "audit: findings were there to lose" test "$(listed new "$scratch/audit1.out" | wc -l)" -gt 0

echo "$checks passed, $failures failed"
[[ $failures -eq 0 ]]
