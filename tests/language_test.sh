#!/usr/bin/env bash
# A language pack chosen on the command line: a `--lexicon DIR` holding a
# folder named by a language code (DIR/xx/) replaces the built-in English;
# its mistakes are reported with file:line:col and nothing is read.
# Usage: language_test.sh PATH/TO/crosscheck   (from the project root)
set -uo pipefail
bin=$1
source "$(dirname "$0")/cli_support.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'They rode 3 gazillion furlongs; 12 wayfarers came.\n' >"$work/article.txt"

# English alone knows neither word.
run extract --format jsonl "$work/article.txt"
expect_status 0 "extract with English"
expect_in "$out" '"text":"3","value":3' "English reads the bare 3"

# English plus tests/language/more-words.yaml, as the pack xx.
mkdir -p "$work/lexicon/xx"
cp rules/lexicon/en/*.yaml tests/language/more-words.yaml "$work/lexicon/xx/"
run extract --format jsonl --lexicon "$work/lexicon" "$work/article.txt"
expect_status 0 "extract with the pack xx"
expect_in "$out" '"text":"3 gazillion furlongs","value":3000000000000000' "the pack's number word"
expect_in "$out" '"unit":"fur"' "the pack's unit"
expect_in "$out" '"unit":"people","noun":"wayfarers"' "the pack's people noun"

# audit: the pack is part of the run's configuration; a changed pack reads
# every article again.
run audit --state "$work/audit.db" --lexicon "$work/lexicon" "$work/article.txt"
expect_status 0 "audit with the pack xx"
run audit --state "$work/audit.db" --lexicon "$work/lexicon" "$work/article.txt"
expect_in "$out" "(0 read anew, 0 removed)" "audit with the same pack reads nothing again"
echo "# changed" >>"$work/lexicon/xx/more-words.yaml"
run audit --state "$work/audit.db" --lexicon "$work/lexicon" "$work/article.txt"
expect_in "$out" "(1 read anew, 0 removed)" "audit with a changed pack reads again"

# A mistake in the pack: reported at its place, the run stops.
mkdir -p "$work/bad/xx"
cp rules/lexicon/en/*.yaml "$work/bad/xx/"
printf 'unit:\n  furlongs: fur\n' >"$work/bad/xx/user.yaml"
run extract --lexicon "$work/bad" "$work/article.txt"
expect_status 2 "extract with a bad pack"
expect_in "$err" "$work/bad/xx/user.yaml:1:1: error: unknown key 'unit'; did you mean 'units'?" "bad pack key"

# A pack whose cue is "selon" and whose digits are written "1.234,5".
mkdir -p "$work/fr/xx"
cp rules/lexicon/en/*.yaml "$work/fr/xx/"
sed -i -e 's/^  according to:$/  selon:/' -e 's/^    words: \[according, to\]$/    words: [selon]/' "$work/fr/xx/cues.yaml"
sed -i -e 's/^  decimal: U+002E$/  decimal: U+002C/' -e 's/^  group: U+002C$/  group: U+002E/' "$work/fr/xx/locale.yaml"
printf 'Selon the Gaza health ministry, 35.000 people have been killed, 1.234,5 tonnes.\n' >"$work/fr.txt"
run extract --format jsonl --lexicon "$work/fr" "$work/fr.txt"
expect_status 0 "extract with the pack fr"
expect_in "$out" '"text":"35.000","value":35000' "the pack's group separator"
expect_in "$out" '"text":"1.234,5 tonnes","value":1234.5' "the pack's decimal separator"
expect_in "$out" '"cue":"selon"' "the pack's source cue"
sed -i 's/^    words: \[selon\]$/    word: [selon]/' "$work/fr/xx/cues.yaml"
run extract --format jsonl --lexicon "$work/fr" "$work/fr.txt"
expect_status 2 "extract with a bad cue"
expect_in "$err" "$work/fr/xx/cues.yaml:32:5: error: unknown key 'word'; did you mean 'words'?" "bad cue key"

# Two packs in one run.
mkdir -p "$work/lexicon/yy"
cp rules/lexicon/en/*.yaml "$work/lexicon/yy/"
run check --lexicon "$work/lexicon" "$work/article.txt"
expect_status 2 "check with two packs"
expect_in "$err" "$work/lexicon/yy: error: a second language pack; a run reads one, and '$work/lexicon/xx' came first: remove one" "two packs"

finish
