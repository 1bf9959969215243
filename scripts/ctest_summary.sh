#!/usr/bin/env bash
# One line for the end of scripts/test.sh: how many tests ran, passed and
# were skipped, and why, over the JUnit files that `ctest --output-junit`
# wrote for each build.
# Usage: ctest_summary.sh JUNIT.xml...
set -euo pipefail
total=0 failed=0 skipped=0
for junit in "$@"; do
  attribute() { grep -m1 -o "^[[:space:]]*$1=\"[0-9]*\"" "$junit" | grep -o '[0-9]*' || echo 0; }
  total=$((total + $(attribute tests)))
  failed=$((failed + $(attribute failures)))
  skipped=$((skipped + $(attribute skipped)))
done
ran=$((total - skipped))
line="tests: $ran ran, $((ran - failed)) passed, $failed failed, $skipped skipped"
if ((skipped > 0)); then
  # The tests say why they skip: "skipped: needs ../shared/data (...)".
  # Counted by what they need: ../shared/seeds, ../shared/data or one of its folders.
  reasons=$(cat "$@" | grep -o 'skipped: needs [^ <]*' | sed 's/^skipped: needs //' |
    sed -E 's#^(\.\./shared/seeds).*#\1#; s#^(\.\./shared/data/[^/]+).*#\1#' | sort | uniq -c |
    awk '{ printf "%s%s (%d)", (NR > 1 ? ", " : ""), $2, $1 }')
  line+=" (needs ${reasons:-a reason the test did not give}: the public data beside the checkout, which CI has)"
fi
echo "$line"
