#!/usr/bin/env bash
# The main job: builds crosscheck and runs it over the bundled corpora/ with
# the default rules/ (built into the binary), printing what it finds.
# Extra arguments go to crosscheck after the corpus path.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_TESTS=OFF >/dev/null
cmake --build build/release --target crosscheck_cli >/dev/null
exec build/release/crosscheck extract corpora/ "$@"
