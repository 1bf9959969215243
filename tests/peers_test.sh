#!/usr/bin/env bash
# Against the peer: Microsoft Recognizers-Text's own JavaScript number model
# (npm @microsoft/recognizers-text-number, installed on first use into
# tests/.tools/, ignored by git) and crosscheck, scored the same way on the
# English NumberModel specs. crosscheck must pass more cases than the peer
# passes on its own suite. Fails, never skips, when the peer cannot be had.
# Throughput is a benchmark, not a test: bench/peers/run.sh.
# Usage: peers_test.sh PATH/TO/crosscheck_conformance   (from the project root)
set -uo pipefail
conformance=$1
specs=tests/data/recognizers-specs
tools=tests/.tools
if [[ ! -d $tools/node_modules/@microsoft/recognizers-text-number ]]; then
  command -v npm >/dev/null || { echo "FAIL: npm is missing; scripts/install-deps.sh --tests installs it"; exit 1; }
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent @microsoft/recognizers-text-number@1.3.1 >/dev/null 2>&1 ||
    { echo "FAIL: could not install @microsoft/recognizers-text-number from the npm registry"; exit 1; }
fi
theirs=$(NODE_PATH=$tools/node_modules node bench/peers/recognizers_specs.js "$specs") ||
  { echo "FAIL: the peer's spec runner failed: $theirs"; exit 1; }
ours=$("$conformance" --specs "$specs") || { echo "FAIL: crosscheck_conformance failed"; exit 1; }
their_pass=$(awk '$1 == "NumberModel.json" { print $3 }' <<<"$theirs")
our_pass=$(awk '$1 == "NumberModel.json" { print $3 }' <<<"$ours")
echo "NumberModel.json, 235 cases: Recognizers-Text (JavaScript) passes $their_pass, crosscheck $our_pass"
[[ -n $their_pass && -n $our_pass ]] || { echo "FAIL: could not read both pass counts"; exit 1; }
((our_pass > their_pass)) || { echo "FAIL: crosscheck passes no more cases than the peer"; exit 1; }
