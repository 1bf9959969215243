#!/usr/bin/env bash
# Runs a test that reads the public data beside the checkout (../shared), or
# skips it with the reason when that data is absent, as in a user's clone.
# CTest turns exit status 77 into "Skipped" (SKIP_RETURN_CODE).
# Usage: needs_shared.sh RELATIVE [RELATIVE...] -- COMMAND [ARGS...]   (from the project root)
#   RELATIVE: a path under ../shared, such as data/reuters21578 or seeds
set -uo pipefail
needs=()
while (($#)) && [[ $1 != -- ]]; do needs+=("$1"); shift; done
[[ ${1:-} == -- ]] || { echo "usage: needs_shared.sh RELATIVE... -- COMMAND [ARGS...]" >&2; exit 2; }
shift
for relative in "${needs[@]}"; do
  if [[ ! -e ../shared/$relative ]]; then
    echo "skipped: needs ../shared/$relative (the public test data beside the checkout)"
    exit 77
  fi
done
exec "$@"
