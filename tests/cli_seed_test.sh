#!/usr/bin/env bash
# The seed article the project started from (../shared/seeds/), through the
# program: its claims in the output contract, as a table, and its findings,
# against the goldens under tests/golden/. Registered through needs_shared.sh,
# which skips it where ../shared is absent; tests/cli_test.sh makes the same
# checks on an event of corpora/. CROSSCHECK_UPDATE_GOLDEN=1 rewrites the goldens.
# Usage: cli_seed_test.sh PATH/TO/crosscheck   (from the project root)
set -uo pipefail
bin=$1
source "$(dirname "$0")/cli_support.sh"

# The seed as JSONL claims (the output contract) and as a table.
run extract --format jsonl ../shared/seeds/
expect_status 0 "extract --format jsonl of the seed"
expect_golden "$out" tests/golden/extract-seed/claims.jsonl
expect_in "$err" "1 file, 1 article, 39 sentences, 16 claims; 0 skipped" "jsonl summary on stderr"
run extract --format table ../shared/seeds/
expect_status 0 "extract --format table of the seed"
expect_golden "$out" tests/golden/extract-seed/table.txt

# The seed alone: no conflict, and its figures with no source flagged.
run check ../shared/seeds/
expect_status 0 "check of the seed (warnings only)"
expect_golden "$out" tests/golden/check-seed/stdout.txt

finish
