#!/usr/bin/env bash
# `--lexicon DIR` extends a built-in metric, entity or authority (issue 16):
# a fact-checker adds "casualties" to deaths without rebuilding, and sees on
# stderr what was added; stdout and the exit status are as without the note.
# Usage: lexicon_extend_test.sh PATH/TO/crosscheck   (from the project root)
set -uo pipefail
bin=$1
source "$(dirname "$0")/cli_support.sh"

mkdir -p "$scratch/extra" "$scratch/articles"
printf 'metrics:\n  deaths:\n    words: [casualties]\n' >"$scratch/extra/metrics.yaml"
printf 'entities:\n  Gaza:\n    aliases: [Gazastreifen]\n' >"$scratch/extra/places.yaml"
printf 'Officials said on Monday that 150 casualties had been counted after the strike.\n' \
  >"$scratch/articles/casualties.txt"

# Without the extension the figure counts nothing the lexicon knows.
run extract --format jsonl "$scratch/articles"
expect_status 0 "extract without the extension"
expect_in "$out" '"value":150' "the figure is read"
checks=$((checks + 1))
grep -qF '"metric":"deaths"' "$out" && fail "'150 casualties' is deaths before the extension: $(cat "$out")"

# With it, "150 casualties" is deaths, and stderr says what was added.
run extract --format jsonl --lexicon "$scratch/extra" "$scratch/articles"
expect_status 0 "extract with the extension"
expect_in "$out" '"metric":"deaths"' "'150 casualties' read as deaths"
expect_in "$err" "$scratch/extra/metrics.yaml:2:3: note: extends metric 'deaths' with 1 phrase: 'casualties'" \
  "the note of the metric's extension"
expect_in "$err" "$scratch/extra/places.yaml:2:3: note: extends entity 'Gaza' with 1 alias: 'Gazastreifen'" \
  "the note of the entity's extension"

# The notes change neither stdout nor the exit status: corpora/ (which says
# neither "casualties" nor "Gazastreifen") gives the same claims and findings.
for command in "extract --format jsonl" "check --format json"; do
  # shellcheck disable=SC2086
  "$bin" $command corpora/ >"$scratch/plain.out" 2>/dev/null
  plain_status=$?
  # shellcheck disable=SC2086
  run $command --lexicon "$scratch/extra" corpora/
  expect_status "$plain_status" "$command with the extension"
  checks=$((checks + 1))
  cmp -s "$scratch/plain.out" "$out" || fail "$command: stdout differs with the extension"
done

# A conflicting unit is an error at its place, naming the built-in one; exit 2.
mkdir -p "$scratch/conflict"
printf 'metrics:\n  deaths:\n    unit: persons\n' >"$scratch/conflict/metrics.yaml"
run extract --lexicon "$scratch/conflict" "$scratch/articles"
expect_status 2 "extract with a conflicting unit"
expect_in "$err" "$scratch/conflict/metrics.yaml:3:11: error: metric 'deaths' has unit 'people', not 'persons'" \
  "the conflicting unit"
checks=$((checks + 1))
grep -qE "^rules/lexicon/(.*/)?metrics\.yaml:[0-9]+:3: note: metric 'deaths' is defined here$" "$err" ||
  fail "the conflict names the built-in definition: $(cat "$err")"
checks=$((checks + 1))
[[ -s $out ]] && fail "output with a bad lexicon: $(head -c 300 "$out")"

finish
