#!/usr/bin/env bash
# The nightly audit end to end, as a newsroom runs it: first run, a run with
# nothing changed, an edited article, a deleted one, a dismissed finding, an
# article that fails to read; then runs killed with SIGKILL at several points,
# after which the next run must match an uninterrupted one; then two audits
# on one store at once.
# Usage: audit_test.sh PATH/TO/crosscheck   (from the project root)
set -uo pipefail
bin=$1
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
failures=0
checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect() {  # expect WHAT COMMAND...: the command succeeds
  local what=$1
  shift
  checks=$((checks + 1))
  "$@" || fail "$what"
}
audit() { "$bin" audit --state "$work/audit.db" "$@" >"$work/out" 2>"$work/err"; status=$?; }
# The fingerprints of one list ("new", "still_open" or "resolved") of a JSON report.
listed() {
  awk -v list="\"$1\": [" 'index($0, list) == 3 && /\[$/ { inside = 1; next }
    inside && /^  \]/ { inside = 0 }
    inside && /"fingerprint":/ { gsub(/.*"fingerprint": "|".*/, ""); print }' "$2" | sort
}

cp -r corpora "$work/corpus"
audit --format json "$work/corpus"
expect "first run exits 1 (new errors)" test "$status" -eq 1
expect "first run finds the 15 findings" test "$(listed new "$work/out" | wc -l)" -eq 15
expect "first run reads all 15 articles" grep -q '"extracted": 15' "$work/out"
listed new "$work/out" >"$work/first"

audit --format json "$work/corpus"
expect "a run with nothing changed exits 0" test "$status" -eq 0
expect "nothing changed: nothing new" test "$(listed new "$work/out" | wc -l)" -eq 0
expect "nothing changed: all still open" diff "$work/first" <(listed still_open "$work/out")
expect "nothing changed: nothing read anew" grep -q '"extracted": 0' "$work/out"

# The Red Crescent's 11,300 revised: the Derna conflict is resolved and a new one opens.
sed -i 's/^11,300 people had died/11,400 people had died/' "$work/corpus/derna-flood-2023/meridian-2023-09-14.md"
rm "$work/corpus/gaza-may-2024/levant-courier-2024-05-13.md"
audit --format json "$work/corpus"
expect "an edited and a deleted article: one read anew" grep -q '"extracted": 1' "$work/out"
expect "an edited and a deleted article: one removed" grep -q '"removed": 1' "$work/out"
expect "the revised figure is a new finding" grep -q '11,400 (Meridian Wire, Libyan Red Crescent)' "$work/out"
expect "the old Derna conflict is resolved" grep -q 'fa3231044916bd4a' <(listed resolved "$work/out")

# A dismissed finding stays out of later alerts.
victim=$(listed still_open "$work/out" | head -1)
"$bin" triage --state "$work/audit.db" "$victim" --dismiss --note "checked with the desk" >/dev/null
audit --format json "$work/corpus"
expect "a dismissed finding is not reported" test "$(grep -c "$victim" "$work/out")" -eq 0
"$bin" triage --state "$work/audit.db" "$victim" --reopen >/dev/null
audit --format json "$work/corpus"
expect "a reopened finding is reported again" grep -q "$victim" "$work/out"

# An article that fails to read keeps its last good claims and is an error of the run.
article="$work/corpus/hong-kong-march-2019/meridian-2019-06-16.md"
cp "$article" "$work/saved.md"
printf '\xff' >>"$article"
audit --format json "$work/corpus"
expect "a run with a bad article exits 2" test "$status" -eq 2
expect "the bad article is named" grep -q "meridian-2019-06-16.md" "$work/err"
expect "the bad article keeps its claims" test "$(listed resolved "$work/out" | wc -l)" -eq 0
cp "$work/saved.md" "$article"

"$bin" audit --state "$work/audit.db" --history >"$work/history"
expect "history lists the 6 runs" test "$(tail -n +2 "$work/history" | wc -l)" -eq 6

# Killed runs: a corpus large enough to take a while, runs killed at several
# points, then one run must give what an uninterrupted first run gives.
big="$work/big"
for copy in $(seq 1 150); do
  mkdir -p "$big/$copy"
  for file in corpora/*/*.md; do
    sed "s/^id: /id: copy$copy-/" "$file" >"$big/$copy/$(basename "$file")"
  done
  sed "s/\"id\": \"/\"id\": \"copy$copy-/" corpora/hong-kong-march-2019/wire-feed.jsonl >"$big/$copy/wire-feed.jsonl"
done
started=$(date +%s.%N)
"$bin" audit --state "$work/reference.db" --format json "$big" >"$work/reference.json" 2>/dev/null
took=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
listed new "$work/reference.json" >"$work/reference"
expect "the large corpus has findings" test -s "$work/reference"
interrupted=0
for fraction in 0.1 0.3 0.5 0.7 0.9; do
  rm -f "$work/killed.db"*
  "$bin" audit --state "$work/killed.db" "$big" >/dev/null 2>&1 &
  sleep "$(awk -v t="$took" -v f="$fraction" 'BEGIN { print t * f }')"
  kill -9 $! 2>/dev/null
  wait $! 2>/dev/null
  runs=$("$bin" audit --state "$work/killed.db" --history 2>/dev/null | tail -n +2 | wc -l)
  ((runs == 0)) && interrupted=$((interrupted + 1))
  expect "killed at ${fraction} of a run, the store holds no half run" test "$runs" -le 1
  "$bin" audit --state "$work/killed.db" --format json "$big" >"$work/after.json" 2>"$work/err"
  expect "killed at ${fraction} of a run, the next run finds what an uninterrupted run finds" \
    diff "$work/reference" <(cat <(listed new "$work/after.json") <(listed still_open "$work/after.json") | sort)
done
echo "note: $interrupted of 5 runs were killed before they ended (a first run takes ${took}s here)"

# Two audits at once on one store: the second waits, or gives up saying why.
"$bin" audit --state "$work/shared.db" "$big" >/dev/null 2>&1 &
first=$!
"$bin" audit --state "$work/shared.db" "$big" >/dev/null 2>"$work/second.err"
second=$?
wait $first
checks=$((checks + 1))
if ((second == 2)); then
  grep -q "another crosscheck audit is using this store" "$work/second.err" || fail "the second audit's message"
elif ((second > 2)); then
  fail "the second audit failed with status $second: $(cat "$work/second.err")"
fi
runs=$("$bin" audit --state "$work/shared.db" --history | tail -n +2 | wc -l)
expect "two audits at once leave whole runs" test "$runs" -ge 1

# Stores that are not ours, or from a newer crosscheck.
echo "not a database" >"$work/junk.db"
"$bin" audit --state "$work/junk.db" corpora/ >/dev/null 2>"$work/err"
expect "a file that is not a store is refused" grep -q "not a crosscheck audit store" "$work/err"

echo "$((checks - failures)) passed, $failures failed"
((failures == 0))
