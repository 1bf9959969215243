# Helpers of the CLI tests: run the program, check its status, its output
# and goldens, count what passed. Sourced with the program's path in $bin.
# shellcheck shell=bash
failures=0
checks=0
out=$(mktemp) err=$(mktemp) scratch=$(mktemp -d)
trap 'rm -rf "$out" "$err" "$scratch"' EXIT

run() { "$bin" "$@" >"$out" 2>"$err"; status=$?; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_status() {
  checks=$((checks + 1))
  [[ $status == "$1" ]] || fail "'$2': exit status $status, expected $1; stderr: $(head -c 600 "$err")"
}
expect_in() {  # expect_in FILE TEXT WHAT
  checks=$((checks + 1))
  grep -qF -- "$2" "$1" || fail "$3: missing '$2' in: $(head -c 600 "$1" | cat -v)"
}
expect_golden() {  # expect_golden ACTUAL GOLDEN
  checks=$((checks + 1))
  if [[ ${CROSSCHECK_UPDATE_GOLDEN:-} == 1 ]]; then
    mkdir -p "$(dirname "$2")" && cp "$1" "$2"
  elif ! diff -u "$2" "$1"; then
    fail "output differs from $2 (CROSSCHECK_UPDATE_GOLDEN=1 rewrites it)"
  fi
}
# Prints the count and gives the test's exit status.
finish() {
  echo "$((checks - failures)) passed, $failures failed"
  ((failures == 0))
}
