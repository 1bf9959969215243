#!/usr/bin/env bash
# Issue 14, items 5-7 and their "also found": numbers and rule files that
# must be refused rather than misread, through the program as a user runs it.
#  - figures beyond 1e18 are not figures: no output of any format carries
#    NaN or an infinity, except the open-interval notation "(5300, inf)";
#  - default-ignorable characters are invisible: "12,<U+200B>000" is 12000
#    at its place in the file, and its conflict is found;
#  - the --claims reducer refuses low > high and a line past 32 bits;
#  - rules folders: NaN, infinities, duplicate keys, unreadable *.yaml and
#    an empty folder are errors (exit 2); the default rules still validate.
# Usage: bad_figures_test.sh PATH/TO/crosscheck   (from the project root)
set -uo pipefail
bin=$1
source "$(dirname "$0")/cli_support.sh"

expect_not_in() {  # expect_not_in FILE TEXT WHAT
  checks=$((checks + 1))
  ! grep -qF -- "$2" "$1" || fail "$3: unexpected '$2' in: $(grep -F -- "$2" "$1" | head -c 600)"
}
# No NaN anywhere, and "inf" only as the open end of an interval: "inf)" or
# "inf]" never appears, nor inf/nan as a number (-nan, "inf", y="inf"...).
expect_finite() {  # expect_finite FILE WHAT
  checks=$((checks + 1))
  local bad
  bad=$(grep -oiE '(^|[^a-z])-?(nan|inf(inity)?)([^a-z]|$)' "$1" | grep -vE '^[ ,]inf\)$' | head -3)
  [[ -z $bad ]] || fail "$2: non-finite number in the output: $bad"
}

# ---- figures are finite -------------------------------------------------------
mkdir -p "$scratch/huge"
cat >"$scratch/huge/a.md" <<'ARTICLE'
---
source: Meridian Wire
published: 2024-05-12
---
More than 5,300 people were killed in Gaza, the health ministry said on Sunday.
In all, 1 million million million million million people were killed in Gaza, a poster claimed.
Damage in Gaza reached $1e308 billion, the ministry said, and 1e400 people were injured in Gaza.
ARTICLE
cat >"$scratch/huge/b.md" <<'ARTICLE'
---
source: Harbor Daily
published: 2024-05-12
---
Some 3,000 people were killed in Gaza, the U.N. said on Sunday.
Israeli officials said 9e999 people were killed in Gaza.
ARTICLE
for format in text json markdown sarif html; do
  run check --format "$format" "$scratch/huge"
  expect_status 1 "check --format $format of huge figures"
  expect_finite "$out" "check --format $format"
done
run check --format text "$scratch/huge"
expect_in "$out" "(5300, inf)" "the open interval keeps its notation"
for format in text jsonl; do
  run extract --format "$format" "$scratch/huge"
  expect_status 0 "extract --format $format of huge figures"
  expect_finite "$out" "extract --format $format"
  expect_not_in "$out" "'000'" "extract --format $format: no tail of a huge number is a figure"
done
run extract --format jsonl "$scratch/huge"
checks=$((checks + 1))
[[ $(wc -l <"$out") == 2 ]] || fail "only the two real figures are claims: $(cat "$out")"
for format in text markdown html json; do
  run compare --format "$format" --color never "$scratch/huge/a.md" "$scratch/huge/b.md"
  expect_finite "$out" "compare --format $format"
done
for format in dot graphml; do
  run graph --format "$format" "$scratch/huge"
  expect_status 0 "graph --format $format"
  expect_finite "$out" "graph --format $format"
done

# ---- default-ignorable characters ------------------------------------------------
mkdir -p "$scratch/zw"
printf -- '---\nsource: Meridian Wire\npublished: 2024-05-12\n---\nThe health ministry said 12,\xe2\x80\x8b000 people were kil\xc2\xadled in Gaza on Sunday.\n' \
  >"$scratch/zw/a.md"
printf -- '---\nsource: Harbor Daily\npublished: 2024-05-12\n---\nThe U.N. said 35,000 people were killed in Gaza on Sunday.\n' \
  >"$scratch/zw/b.md"
run extract --format jsonl "$scratch/zw/a.md"
expect_status 0 "extract with a zero-width space in a number"
expect_in "$out" '"line":5,"column":26,"text":"12,000","value":12000' "12,<ZWSP>000 is 12000 at 5:26"
expect_in "$out" '"metric":"deaths"' "kil<SHY>led is killed"
run check --format text "$scratch/zw"
expect_status 1 "the conflict hidden by a zero-width space is found"
expect_in "$out" "12,000" "the conflict quotes 12,000"
expect_in "$out" "35,000" "against 35,000"

# ---- the --claims reducer --------------------------------------------------------
good='{"article":"a","file":"a.md","line":3,"column":1,"text":"5","value":5,"low":5,"high":5,"qualifier":"exact","metric":"deaths","entity":"Gaza"}'
printf '%s\n%s\n%s\n' "$good" \
  '{"article":"b","file":"b.md","line":3,"column":1,"text":"9","value":9,"low":9,"high":5,"qualifier":"range","metric":"deaths","entity":"Gaza"}' \
  '{"article":"c","file":"c.md","line":1099511627776,"column":1,"text":"7","value":7,"low":7,"high":7,"qualifier":"exact","metric":"deaths","entity":"Gaza"}' \
  >"$scratch/claims.jsonl"
run check --claims "$scratch/claims.jsonl"
expect_status 2 "bad claim lines"
expect_in "$err" 'claims.jsonl:2: error: "low" 9 is above "high" 5: not an interval; line skipped' "low > high"
expect_in "$err" 'claims.jsonl:3: error: "line" must be a whole number from 0 to 4294967295; line skipped' \
  "line 2^40 is not wrapped"

# ---- rules folders ---------------------------------------------------------------
run rules validate rules/
expect_status 0 "the default rules validate"
mkdir -p "$scratch/empty-rules"
run check --rules "$scratch/empty-rules" corpora/
expect_status 2 "an empty --rules folder"
expect_in "$err" "empty-rules: error: the rules folder holds no rule files (*.yaml), so no rule would run" \
  "an empty --rules folder says so"
mkdir -p "$scratch/nan-rules"
printf 'kind: conflict\ntolerance: nan%%\nwindow_days: .nan\nseverity: error\nseverity: note\n' >"$scratch/nan-rules/toll.yaml"
ln -s "$scratch/nan-rules/gone.yaml" "$scratch/nan-rules/broken.yaml"
mkfifo "$scratch/nan-rules/fifo.yaml"
run rules validate "$scratch/nan-rules"
expect_status 2 "NaN in a rule file"
expect_in "$err" "toll.yaml:2:12: error: tolerance 'nan%' is not a tolerance" "tolerance: nan%"
expect_in "$err" "toll.yaml:3:14: error: 'window_days' must be a number from 0 to 3650, not '.nan'" "window_days: .nan"
expect_in "$err" "toll.yaml:5:1: error: duplicate key 'severity'" "a duplicate key"
expect_in "$err" "broken.yaml: error: cannot read rule file: a broken symbolic link" "a broken link"
expect_in "$err" "fifo.yaml: error: cannot read rule file: a FIFO, not a file" "a FIFO is not opened"
mkdir -p "$scratch/cycle-lexicon"
printf 'entities:\n  Upper:\n    part_of: Lower\n  Lower:\n    part_of: Upper\n' >"$scratch/cycle-lexicon/places.yaml"
run check --lexicon "$scratch/cycle-lexicon" corpora/
expect_status 2 "a part_of cycle"
expect_in "$err" "places.yaml:2:3: error: entity 'Upper' is part of itself through part_of (Upper -> Lower -> Upper)" \
  "a part_of cycle names its entities"

finish
