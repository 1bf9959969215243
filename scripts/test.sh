#!/usr/bin/env bash
# Builds crosscheck and runs every test through CTest twice: an optimized
# build with warnings as errors, then a build under AddressSanitizer and
# UndefinedBehaviorSanitizer. Then the libFuzzer targets (clang, ASan and
# UBSan), a bounded time each, from the seeds in tests/fuzz/. Then the install
# tree and the Debian package, checked from another folder. Ends with one line:
# how many tests ran, passed and were skipped, and why. Tests that read the
# public data beside the checkout (../shared) skip where it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --tests
jobs=$(nproc)

cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCROSSCHECK_WERROR=ON
cmake --build build/test -j "$jobs"
ctest --test-dir build/test --output-on-failure -j "$jobs" --output-junit junit.xml

cmake -S . -B build/sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCROSSCHECK_WERROR=ON -DCROSSCHECK_SANITIZE=ON
cmake --build build/sanitize -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/sanitize --output-on-failure -j "$jobs" --output-junit junit.xml

cmake -S . -B build/fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCROSSCHECK_FUZZ=ON -DCROSSCHECK_BUILD_TESTS=OFF -DCROSSCHECK_BUILD_BENCH=OFF
cmake --build build/fuzz -j "$jobs"
ctest --test-dir build/fuzz --output-on-failure -j "$jobs" --output-junit junit.xml

scripts/ctest_summary.sh build/test/junit.xml build/sanitize/junit.xml build/fuzz/junit.xml
