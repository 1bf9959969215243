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
expect "first run finds the 17 findings" test "$(listed new "$work/out" | wc -l)" -eq 17
expect "first run reads all 19 articles" grep -q '"extracted": 19' "$work/out"
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
expect "the old Derna conflict is resolved" grep -q '2ee4bdb1ef5a1a54' <(listed resolved "$work/out")

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

# A report that cannot be written: the run is not recorded, so the next run
# still reports what it found as new.
sed -i 's/^11,400 people had died/11,500 people had died/' "$work/corpus/derna-flood-2023/meridian-2023-09-14.md"
runs_before=$("$bin" audit --state "$work/audit.db" --history | tail -n +2 | wc -l)
"$bin" audit --state "$work/audit.db" --format json "$work/corpus" >/dev/full 2>"$work/err"
status=$?
expect "a report to a full disk exits 2" test "$status" -eq 2
expect "a report to a full disk says so" grep -q "standard output: error: cannot write the audit report: no space left on device" "$work/err"
expect "a report to a full disk is not recorded" grep -q "the run was not recorded, so run it again" "$work/err"
expect "a report not written records no run" \
  test "$("$bin" audit --state "$work/audit.db" --history | tail -n +2 | wc -l)" -eq "$runs_before"
audit --format json "$work/corpus"
expect "after a report that was not written, its findings are still new" \
  grep -q '11,500 (Meridian Wire' <(sed -n '/^  "new": \[/,/^  \]/p' "$work/out")

# The archive missing for a night (an unmounted share): every stored article
# is kept, nothing is resolved, and the next night nothing is new.
mv "$work/corpus" "$work/corpus-away"
audit --format json "$work/corpus"
expect "a missing archive exits 2" test "$status" -eq 2
expect "a missing archive is named" grep -q "^$work/corpus: error: no such file or directory; check the path" "$work/err"
expect "a missing archive says its articles are kept" \
  grep -q "^$work/corpus: note: 18 stored articles under this path kept with their last good claims" "$work/err"
expect "a missing archive resolves nothing" test "$(listed resolved "$work/out" | wc -l)" -eq 0
expect "a missing archive removes nothing" grep -q '"removed": 0' "$work/out"
mv "$work/corpus-away" "$work/corpus"
audit --format json "$work/corpus"
expect "the archive back: exit 0" test "$status" -eq 0
expect "the archive back: nothing new" test "$(listed new "$work/out" | wc -l)" -eq 0

# Folders that cannot be listed or searched, as user nobody (setpriv works as
# root, where permissions would not stop anything).
if [[ $(id -u) != 0 ]]; then
  as_nobody=()
elif command -v setpriv >/dev/null && setpriv --reuid 65534 --regid 65534 --clear-groups "$bin" --help >/dev/null 2>&1; then
  as_nobody=(setpriv --reuid 65534 --regid 65534 --clear-groups)
else
  as_nobody=(false)
fi
if [[ ${as_nobody[*]} == false ]]; then
  echo "note: permissions not checked: cannot run crosscheck as another user here"
else
  chmod 755 "$work"
  mkdir -m 777 "$work/perm"
  cp -r corpora "$work/perm/corpus"
  chmod -R a+rX "$work/perm/corpus"
  "${as_nobody[@]}" "$bin" audit --state "$work/perm/audit.db" --format json "$work/perm/corpus" >"$work/out" 2>"$work/err"
  expect "as nobody, the first run reads everything" grep -q '"extracted": 19' "$work/out"
  chmod 000 "$work/perm/corpus/gaza-may-2024"
  chmod 644 "$work/perm/corpus/derna-flood-2023"
  "${as_nobody[@]}" "$bin" check "$work/perm/corpus" >/dev/null 2>"$work/err"
  status=$?
  expect "check: unreadable folders exit 2" test "$status" -eq 2
  expect "check: a folder that cannot be listed is named" \
    grep -q "^$work/perm/corpus/gaza-may-2024: error: cannot list folder: permission denied" "$work/err"
  expect "check: a folder that cannot be searched is named" \
    grep -q "^$work/perm/corpus/derna-flood-2023: error: cannot read the folder's entries: permission denied (it can be listed but not searched)" "$work/err"
  "${as_nobody[@]}" "$bin" check "$work/perm/corpus/derna-flood-2023/meridian-2023-09-14.md" >/dev/null 2>"$work/err"
  expect "check: a file behind a folder without search permission says so" \
    grep -q "meridian-2023-09-14.md: error: permission denied: a folder on the way cannot be searched" "$work/err"
  "${as_nobody[@]}" "$bin" audit --state "$work/perm/audit.db" --format json "$work/perm/corpus" >"$work/out" 2>"$work/err"
  status=$?
  expect "audit: unreadable folders exit 2" test "$status" -eq 2
  expect "audit: unreadable folders resolve nothing" test "$(listed resolved "$work/out" | wc -l)" -eq 0
  expect "audit: unreadable folders remove nothing" grep -q '"removed": 0' "$work/out"
  expect "audit: the articles of an unlistable folder are kept, and it says so" \
    grep -q "^$work/perm/corpus/gaza-may-2024: note: .* stored articles under this path kept" "$work/err"
  chmod 755 "$work/perm/corpus/gaza-may-2024" "$work/perm/corpus/derna-flood-2023"
fi

# A damaged store (4 KB of random bytes over a page in the middle) is refused
# with the way out, and --rebuild takes it.
"$bin" audit --state "$work/damaged.db" "$big" >/dev/null 2>&1
pages=$(($(stat -c %s "$work/damaged.db") / 4096))
head -c 4096 /dev/urandom | dd of="$work/damaged.db" bs=4096 seek=$((pages / 2)) conv=notrunc status=none
cp "$work/damaged.db" "$work/damaged.copy"
"$bin" audit --state "$work/damaged.db" corpora/ >"$work/out" 2>"$work/err"
status=$?
expect "a damaged store exits 2" test "$status" -eq 2
expect "a damaged store says how to recover" grep -q "restore it from a backup, or .*'crosscheck audit --rebuild --state" "$work/err"
expect "a damaged store is left as it was" cmp -s "$work/damaged.db" "$work/damaged.copy"
"$bin" audit --state "$work/damaged.db" --rebuild --format json corpora/ >"$work/out" 2>"$work/err"
status=$?
expect "--rebuild on a damaged store exits 1 (its findings are new)" test "$status" -eq 1
expect "--rebuild reads every article" grep -q '"extracted": 19' "$work/out"
expect "--rebuild keeps the damaged store beside it" cmp -s "$work/damaged.db.damaged" "$work/damaged.copy"
expect "--rebuild leaves one run" test "$("$bin" audit --state "$work/damaged.db" --history | tail -n +2 | wc -l)" -eq 1

# A damaged figure that turns a stored 11,300 into 11,900: the claim still
# reads back, so only its row's checksum tells; the night with nothing
# changed refuses the store.
"$bin" audit --state "$work/altered.db" corpora/ >/dev/null 2>&1
# The store keeps a figure as 8 bytes, an IEEE 754 double, little-endian.
altered=$(python3 - "$work/altered.db" <<'EOF'
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
at = data.find(struct.pack("<d", 11300))
if at >= 0:
    data[at:at + 8] = struct.pack("<d", 11900)
    open(sys.argv[1], "wb").write(data)
print(at)
EOF
)
expect "the altered store holds the figure" test "$altered" -ge 0
cp "$work/altered.db" "$work/altered.copy"
"$bin" audit --state "$work/altered.db" corpora/ >"$work/out" 2>"$work/err"
status=$?
expect "an altered stored figure exits 2" test "$status" -eq 2
expect "an altered stored figure is refused by its checksum" \
  grep -q "the audit store is damaged (article '.*' does not match its checksum: its stored row changed after it was written); nothing was changed: restore it from a backup, or .*--rebuild" "$work/err"
expect "an altered store is left as it was" cmp -s "$work/altered.db" "$work/altered.copy"

# A 0-byte store is started anew, with a warning.
: >"$work/empty.db"
"$bin" audit --state "$work/empty.db" corpora/ >/dev/null 2>"$work/err"
expect "a 0-byte store is started anew with a warning" grep -q "warning: the store is an empty file (0 bytes): starting a new store" "$work/err"

echo "$((checks - failures)) passed, $failures failed"
((failures == 0))
