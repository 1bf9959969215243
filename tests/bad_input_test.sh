#!/usr/bin/env bash
# The broken inputs of tests/bad-input/ mixed into the bundled corpora, through
# `check` and `audit`: each broken file gets an error naming it, the run
# finishes with exit status 2, and the findings are exactly those of the same
# corpus with the broken inputs left out.
#
# In tests/bad-input/ the good articles are good*.md files and the JSONL
# lines whose id starts with "good"; everything else is broken.
# Usage: bad_input_test.sh PATH/TO/crosscheck   (from the project root)
set -uo pipefail
bin=$(realpath "$1")
failures=0
checks=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() { checks=$((checks + 1)); "$@"; }

# with/: the corpora and every bad input; without/: the corpora and only the good articles.
mkdir -p "$scratch/with" "$scratch/without/bad-input"
cp -r corpora "$scratch/with/corpora"
cp -r tests/bad-input "$scratch/with/bad-input"
cp -r corpora "$scratch/without/corpora"
broken=()
for file in tests/bad-input/*; do
  name=$(basename "$file")
  case $name in
    good*.md) cp "$file" "$scratch/without/bad-input/" ;;
    *.jsonl)
      if grep -q '"id": "good' "$file"; then grep '"id": "good' "$file" >"$scratch/without/bad-input/$name"; fi
      broken+=("$name") ;;
    *) broken+=("$name") ;;
  esac
done

# Front matter read with a warning, in both: after blanks on its opening
# line, and after a second byte order mark (a file converted twice).
for dir in with without; do
  printf -- '--- \nid: good-blanks\nsource: Blank Wire\npublished: 2023-09-12\n---\nThe flood killed 5,000 people in Derna, the Red Crescent said.\n' \
    >"$scratch/$dir/bad-input/good-blanks.md"
  printf '\xef\xbb\xbf\xef\xbb\xbf---\nid: good-boms\nsource: Bom Wire\npublished: 2023-09-12\n---\nThe flood killed 5,000 people in Derna, the Red Crescent said.\n' \
    >"$scratch/$dir/bad-input/good-boms.md"
done

# run DIR STATUS_FILE -- ARGS...: runs crosscheck in DIR; stdout and stderr
# to DIR/out and DIR/err.
run() {
  local dir=$1
  shift
  (cd "$dir" && timeout 60 "$bin" "$@" >out 2>err)
  echo $?
}

expect_errors_for_every_broken_file() {  # WHAT DIR
  for name in "${broken[@]}"; do
    checks=$((checks + 1))
    grep -q "^bad-input/$name:[0-9:]* *error: " "$2/err" || fail "$1: no error naming bad-input/$name in: $(cat "$2/err")"
  done
  checks=$((checks + 1))
  if grep -v -e "^bad-input/" "$2/err" | grep -q .; then fail "$1: stderr has more than the file errors: $(cat "$2/err")"; fi
}

# ---- check -------------------------------------------------------------------
status=$(run "$scratch/with" check corpora bad-input)
check test "$status" = 2 || fail "check with bad input: exit status $status, expected 2"
expect_errors_for_every_broken_file "check" "$scratch/with"
status=$(run "$scratch/without" check corpora bad-input)
check test "$status" = 1 || fail "check without bad input: exit status $status, expected 1 (findings)"
# The report is the same but for its last line, the run's counts.
head -n -1 "$scratch/with/out" >"$scratch/with/findings"
head -n -1 "$scratch/without/out" >"$scratch/without/findings"
check test -s "$scratch/with/findings" || fail "check with bad input printed no findings"
check grep -q "^bad-input/good-blanks.md:1:4: warning: blanks after the opening '---' of the front matter" "$scratch/with/err" ||
  fail "check: no warning for the blanks after the opening '---'"
check grep -q "^bad-input/good-boms.md:1:1: warning: the file starts with 2 byte order marks" "$scratch/with/err" ||
  fail "check: no warning for the second byte order mark"
check grep -q "Blank Wire" "$scratch/with/out" || fail "check: the front matter after blanks was not read"
check grep -q "Bom Wire" "$scratch/with/out" || fail "check: the front matter after two byte order marks was not read"
checks=$((checks + 1))
diff -u "$scratch/without/findings" "$scratch/with/findings" || fail "check: the bad inputs changed the findings"
# Every error is one article, line or file skipped, and the summary counts them.
checks=$((checks + 1))
skipped=$(grep -c ' error: ' "$scratch/with/err")
grep -q "; $skipped skipped\$" "$scratch/with/out" ||
  fail "check: the summary does not count the $skipped skipped inputs: $(tail -1 "$scratch/with/out")"

# ---- audit -------------------------------------------------------------------
status=$(run "$scratch/with" audit --state audit.db corpora bad-input)
check test "$status" = 2 || fail "audit with bad input: exit status $status, expected 2"
expect_errors_for_every_broken_file "audit" "$scratch/with"
status=$(run "$scratch/without" audit --state audit.db corpora bad-input)
check test "$status" = 1 || fail "audit without bad input: exit status $status, expected 1 (new findings)"
# The first line names the run's time and counts; the findings follow it.
tail -n +2 "$scratch/with/out" >"$scratch/with/findings"
tail -n +2 "$scratch/without/out" >"$scratch/without/findings"
checks=$((checks + 1))
diff -u "$scratch/without/findings" "$scratch/with/findings" || fail "audit: the bad inputs changed the findings"
# The run is recorded with its errors.
status=$(run "$scratch/with" audit --state audit.db --history)
check test "$status" = 0 || fail "audit --history: exit status $status"
checks=$((checks + 1))
errors=$(awk 'NR == 2 { print $5 }' "$scratch/with/out")
[[ $errors -gt 0 ]] || fail "audit --history does not record the run's input errors: $(cat "$scratch/with/out")"

echo "$((checks - failures)) passed, $failures failed"
[[ $failures == 0 ]]
