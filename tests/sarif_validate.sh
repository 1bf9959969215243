#!/usr/bin/env bash
# Validates crosscheck's SARIF with Microsoft's SARIF Multitool (npm
# @microsoft/sarif-multitool), installed on first use into tests/.tools/
# (ignored by git). Fails, never skips, when the tool cannot be had.
# Usage: sarif_validate.sh PATH/TO/crosscheck INPUT...   (from the project root)
set -uo pipefail
bin=$1
shift
inputs=("$@")
tools=tests/.tools
tool=$tools/node_modules/.bin/sarif-multitool
if [[ ! -x $tool ]]; then
  command -v npm >/dev/null || { echo "FAIL: npm is missing; scripts/install-deps.sh installs it"; exit 1; }
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent @microsoft/sarif-multitool@5.7.0 >/dev/null 2>&1 ||
    { echo "FAIL: could not install @microsoft/sarif-multitool from the npm registry"; exit 1; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
for input in "${inputs[@]}"; do
  name=$(basename "$input")
  "$bin" check --format sarif --fail-on never "$input" >"$work/$name.sarif" 2>"$work/$name.err" ||
    { echo "FAIL: check --format sarif $input exited $?"; failures=$((failures + 1)); continue; }
  # The tool exits 0 even when it finds problems: read what it says.
  "$tool" validate "$work/$name.sarif" >"$work/$name.log" 2>&1 ||
    { echo "FAIL: sarif-multitool did not run on $input"; cat "$work/$name.log"; failures=$((failures + 1)); continue; }
  grep -q "Analysis completed successfully" "$work/$name.log" ||
    { echo "FAIL: sarif-multitool did not finish on $input"; cat "$work/$name.log"; failures=$((failures + 1)); }
  if grep -E ": (error|warning) " "$work/$name.log"; then
    echo "FAIL: the SARIF of $input has the problems above"
    failures=$((failures + 1))
  fi
done
echo "$((${#inputs[@]} - failures)) passed, $failures failed"
((failures == 0))
