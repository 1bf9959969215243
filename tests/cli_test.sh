#!/usr/bin/env bash
# Runs the crosscheck program as a user would: exit statuses, messages, and
# the golden outputs under tests/golden/. Set CROSSCHECK_UPDATE_GOLDEN=1 to
# rewrite the goldens, then review the diff like code.
# Usage: cli_test.sh PATH/TO/crosscheck   (from the project root)
set -uo pipefail
bin=$1
source "$(dirname "$0")/cli_support.sh"

run --help
expect_status 0 "--help"
expect_in "$out" "extract" "--help lists the commands"
expect_in "$out" "Exit status: 0 clean, 1 findings, 2 usage or input error." "--help gives exit statuses"

run --version
expect_status 0 "--version"
expect_in "$out" "crosscheck 0." "--version"

run
expect_status 2 "no command"

run frobnicate corpora/
expect_status 2 "unknown command"
expect_in "$err" "crosscheck: unknown command 'frobnicate'" "unknown command message"

run extract --help
expect_status 0 "extract --help"
expect_in "$out" "usage: crosscheck extract [options] PATH..." "extract --help usage"
expect_in "$out" "--lexicon DIR" "extract --help options"

run extract --bogus corpora/
expect_status 2 "extract --bogus"
expect_in "$err" "crosscheck extract: unrecognised option '--bogus'" "unknown option message"
expect_in "$err" "Run 'crosscheck extract --help' for usage." "unknown option points at --help"

run extract
expect_status 2 "extract without paths"
expect_in "$err" "no input paths; name the files or folders to read" "no paths message"

run extract no/such/dir
expect_status 2 "extract of a missing path"
expect_in "$err" "no/such/dir: error: no such file or directory; check the path" "missing path message"

run extract corpora/ --lexicon no/such/lexicon
expect_status 2 "a missing --lexicon folder"
expect_in "$err" "no/such/lexicon: error: lexicon directory does not exist" "missing lexicon message"

# A bad user lexicon: every mistake with its place, and nothing read.
run extract --lexicon tests/bad-lexicon corpora/
expect_status 2 "extract with a bad --lexicon"
expect_in "$err" "tests/bad-lexicon/user.yaml:6:5: error: unknown key 'cumulativ'; did you mean 'cumulative'?" "bad lexicon key"
expect_in "$err" "tests/bad-lexicon/user.yaml:10:14: error: entity 'Rafah' has part_of 'Gaza', not 'Gazza'" "changed part_of"
expect_in "$err" "tests/bad-lexicon/user.yaml:12:3: error: duplicate entity or alias 'Sinai'" "duplicate entity"

# Bad input: every problem reported with its place, the good articles still read.
run extract tests/bad-input
expect_status 2 "extract of tests/bad-input"
expect_golden "$out" tests/golden/extract-bad-input/stdout.txt
expect_golden "$err" tests/golden/extract-bad-input/stderr.txt

run extract --format xml corpora/
expect_status 2 "extract --format xml"
expect_in "$err" "unknown format 'xml'; use text, jsonl or table" "unknown format message"

# An event's articles as JSONL claims (the output contract) and as a table
# (tests/cli_seed_test.sh does the same on the seed, where ../shared is).
run extract --format jsonl corpora/gaza-may-2024/
expect_status 0 "extract --format jsonl of the Gaza articles"
expect_golden "$out" tests/golden/extract-gaza/claims.jsonl
expect_in "$err" "3 files, 3 articles, 18 sentences, 26 claims; 0 skipped" "jsonl summary on stderr"
run extract --format table corpora/gaza-may-2024/
expect_status 0 "extract --format table of the Gaza articles"
expect_golden "$out" tests/golden/extract-gaza/table.txt

# Saved web pages (issue 20): the article alone. Every figure of the menus,
# teasers, captions, share bars, newsletter boxes, cookie banners and
# comments of corpora/morocco-quake-2023 is in the HTML, and none becomes a
# claim; the article's figures point at their line and column in the HTML.
pages=corpora/morocco-quake-2023
run extract --format jsonl "$pages"
expect_status 0 "extract of saved pages"
claimed=$(python3 -c 'import json, sys; print("|".join(json.loads(l)["text"] for l in open(sys.argv[1])))' "$out")
checks=$((checks + 1))
[[ $claimed == "2,862|2,562|More than 300,000|one|2,122|2,421|6.8|about 70 km|about 12,000|2,946|5,674|about 100,000" ]] ||
  fail "the claims of the saved pages are not the articles' figures: $claimed"
for outside in "our 843 partners" "more than 1,000" "2,000 feared dead" "at least 5,000" "37 million" "40 people" \
               "3,400 shares" "rates at 3%" "kills 296" "2,497" "250,000 readers" "20,000 died" "gold up 1.2%" \
               "Weather: 31" "10 most popular" "312 comments" "50% off"; do
  checks=$((checks + 1))
  grep -q -- "$outside" "$pages"/*.html || fail "'$outside' is not in the pages: the test no longer tests anything"
  grep -q -- "\"sentence\":\"[^\"]*$outside" "$out" && fail "'$outside', from outside an article, was read as its text"
done
expect_in "$out" '"file":"corpora/morocco-quake-2023/meridian-2023-09-13.html","line":25,"column":121' \
  "a page's figure points into the HTML"
run articles "$pages/coastline-post-2023-09-11.html"
expect_status 0 "articles of a Windows-1252 page"
expect_golden "$out" tests/golden/articles-page/stdout.txt
run articles --format jsonl "$pages/meridian-2023-09-13.html"
expect_status 0 "articles --format jsonl"
expect_in "$out" '"source":"Meridian Wire","published":"2023-09-13","title":"Morocco quake toll rises to 2,946 as survivors wait for aid","url":"https://meridian.example/news/2023/09/13/morocco-quake-2946"' "a page's metadata from JSON-LD and its canonical link"
# The one finding of the pages is the articles' own, pointing into the HTML;
# the same from the pages stored as a crawl stores them (a WARC of gzip
# members), at the record's offset.
run check "$pages"
expect_status 0 "check of saved pages: no finding from outside the articles"
expect_in "$out" "$pages/harbor-daily-2023-09-10.html:48:35: warning: [unattributed-statistic] deaths figure 'about 12,000' for Agadir has no source" "a finding of a saved page"
expect_in "$out" "1 finding (0 errors, 1 warning, 0 notes) from 6 rules over 12 claims in 3 articles" "check of saved pages"
python3 bench/make_warc.py "$pages" "$scratch/crawl.warc.gz"
run check "$scratch/crawl.warc.gz"
expect_status 0 "check of a WARC"
expect_in "$out" "$scratch/crawl.warc.gz#offset=1556:48:35: warning: [unattributed-statistic] deaths figure 'about 12,000' for Agadir has no source" "a finding of a WARC record"
expect_in "$err" "crawl.warc.gz: note: 3 HTML responses read as articles; 4 other records passed over (request: 3, warcinfo: 1)" "a WARC's other records counted"

# The bundled corpora: every article read, nothing skipped.
run extract corpora/
expect_status 0 "extract corpora/"
expect_golden "$out" tests/golden/extract-corpora/stdout.txt
checks=$((checks + 1))
[[ ! -s $err ]] || fail "extract corpora/ printed to stderr: $(head -c 600 "$err")"

# check: the rules over the bundled corpora.
run check corpora/
expect_status 1 "check corpora/ (it has errors)"
expect_golden "$out" tests/golden/check-corpora/stdout.txt
run check --fail-on never corpora/
expect_status 0 "check --fail-on never"
run check --format json corpora/
expect_status 1 "check --format json"
expect_golden "$out" tests/golden/check-corpora/findings.json
expect_in "$out" '"summary"' "json summary"
# The same findings from claims read back from JSONL.
"$bin" extract --format jsonl corpora/ 2>/dev/null | "$bin" check --claims - >"$out" 2>"$err"; status=$?
expect_status 1 "check --claims -"
expect_in "$out" "17 findings (3 errors, 14 warnings, 0 notes)" "check --claims gives the same findings"
run check --fail-on sometimes corpora/
expect_status 2 "check --fail-on sometimes"
expect_in "$err" "unknown --fail-on 'sometimes'; use error, warning, note (or info) or never" "bad --fail-on"

run check --format markdown corpora/hong-kong-march-2019/
expect_status 0 "check --format markdown (warnings only)"
expect_golden "$out" tests/golden/check-hong-kong/report.md
run check --format sarif corpora/
expect_status 1 "check --format sarif"
expect_in "$out" '"version": "2.1.0"' "sarif version"
run check --format html -o "$scratch/report.html" corpora/
expect_status 1 "check --format html -o FILE"
[[ -s $out ]] && fail "check -o still wrote to stdout"
expect_in "$scratch/report.html" "<h1>crosscheck report</h1>" "html report heading"
expect_in "$scratch/report.html" "17 findings" "html report counts the findings"
expect_in "$scratch/report.html" "<svg" "html report draws the conflicting figures"
compgen -G "$scratch/report.html*.partial" >/dev/null && fail "check -o left its partial file behind"
run check --format html -o no/such/folder/report.html corpora/
expect_status 2 "check -o into a missing folder"
expect_in "$err" "no/such/folder/report.html: error: cannot write the report here: no such file or directory; the file there before, if any, is left as it was; check the folder exists, is writable and has space" "unwritable -o message"
# A disk that fills up midway (a 4 KB file size limit; the HTML report is
# larger): the last good report stays as it was, no partial file is left.
cp "$scratch/report.html" "$scratch/report-before.html"
(ulimit -f 4; trap '' XFSZ; exec "$bin" check --format html -o "$scratch/report.html" corpora/) >"$out" 2>"$err"
status=$?
expect_status 2 "check -o on a full disk"
expect_in "$err" "report.html: error: cannot write the report here: file too large; the file there before, if any, is left as it was" "full disk message"
checks=$((checks + 1))
cmp -s "$scratch/report.html" "$scratch/report-before.html" || fail "a failed -o changed the previous report"
compgen -G "$scratch/report.html*.partial" >/dev/null && fail "a failed -o left its partial file behind"

# Found by fuzzing: a number no double holds is an error of its line, and the other lines are read.
printf '{"id":"x","text":"a","n":1e999999}\n{"id":"y","text":"The ministry said 11,300 people died in Derna."}\n' \
  >"$scratch/overflow.jsonl"
run extract "$scratch/overflow.jsonl"
expect_status 2 "a JSONL number out of range"
expect_in "$err" "overflow.jsonl:1: error: a number on this line is too large to read" "number out of range message"
expect_in "$out" "'11,300' [11300, 11300]" "the next line is still read"

# Hostile shapes finish quickly with an error or a result, never a hang or a crash.
deep=$(printf '%.0s[' {1..100000})$(printf '%.0s]' {1..100000})
printf '{"id":"deep","text":"a","n":%s}\n' "$deep" >"$scratch/deep.jsonl"
"$bin" extract "$scratch/deep.jsonl" >"$out" 2>"$err" & pid=$!
( sleep 30; kill -9 $pid 2>/dev/null ) & watchdog=$!
wait $pid; status=$?; kill $watchdog 2>/dev/null
expect_status 0 "a JSONL article with 100,000 nested arrays"
printf '%s\n' "$deep" >"$scratch/deep-claims.jsonl"
run check --claims "$scratch/deep-claims.jsonl"
expect_status 2 "check --claims of 100,000 nested arrays"
expect_in "$err" "deep-claims.jsonl:1: error: expected a claim object" "nested arrays are not a claim"
mkdir -p "$scratch/bomb"
{
  echo "kind: conflict"
  echo "select:"
  echo "  metrics: &a [deaths, deaths, deaths, deaths, deaths, deaths, deaths, deaths, deaths]"
  previous=a
  for level in b c d e f g h; do
    printf '  x%s: &%s [%s]\n' "$level" "$level" "$(printf '*%s, ' $previous{,,,,,,,,} | sed 's/, $//')"
    previous=$level
  done
} >"$scratch/bomb/alias-bomb.yaml"
run rules validate "$scratch/bomb"
expect_status 2 "a rule file with a YAML alias bomb"
expect_in "$err" "alias-bomb.yaml:4:3: error: unknown key 'xb'" "the alias bomb is refused at its first unknown key"
mkdir -p "$scratch/loop/inner"
ln -s .. "$scratch/loop/inner/up"
cp corpora/derna-flood-2023/meridian-2023-09-14.md "$scratch/loop/inner/"
mkdir -p "$scratch/elsewhere/2024"
cp corpora/derna-flood-2023/coastline-post-2023-09-12.md "$scratch/elsewhere/2024/"
ln -s "$scratch/elsewhere/2024" "$scratch/loop/2024"
run extract "$scratch/loop"
expect_status 2 "a folder with a symlink loop"
expect_in "$err" "$scratch/loop/inner/up: error: link loop: this folder is '$scratch/loop' again, which is being read; remove the link" "a symlink loop is named"
expect_in "$out" "2 files, 2 articles" "a linked folder is read, a symlink loop is not followed"
expect_in "$out" "$scratch/loop/2024/coastline-post-2023-09-12.md: article 'derna-coastline-2023-09-12'" "a linked folder's files are named through the link"

# Limits: an article or a line over its limit is an error naming it, and the
# rest is read; a JSONL line over the limit is never held whole.
mkdir -p "$scratch/limits"
cp corpora/derna-flood-2023/meridian-2023-09-14.md "$scratch/limits/"
{ echo "The quake killed 300 people."; head -c 1200000 /dev/zero | tr '\0' 'x'; echo; } >"$scratch/limits/long-line.txt"
{ printf '{"id": "huge", "text": "'; head -c 3000000 /dev/zero | tr '\0' 'y'; echo '"}'
  echo '{"id": "small", "text": "Floods killed 4,000 people in Derna, officials said."}'; } >"$scratch/limits/feed.jsonl"
run extract "$scratch/limits" --max-article-size 2M
expect_status 2 "articles over the limits"
expect_in "$err" "feed.jsonl:1: error: line is 2.9 MB, over the article size limit of 2 MB; line skipped (split the article, or raise the limit with --max-article-size)" "a JSONL line over the article size limit"
expect_in "$err" "long-line.txt:2:1: error: line is 1.1 MB long, over the line length limit of 1 MB; is this a text file?" "a line over the line length limit"
expect_in "$out" "'4,000' [4000, 4000] exact people: deaths Derna, officials (said)" "the next JSONL line is read"
expect_in "$out" "3 files, 2 articles" "the article under the limits is read"
run extract "$scratch/limits/meridian-2023-09-14.md" "$scratch/limits/feed.jsonl" --max-article-size 512
expect_status 2 "a file over the article size limit"
expect_in "$err" "meridian-2023-09-14.md: error: file is 1002 bytes, over the article size limit of 512 bytes; split it, or raise the limit with --max-article-size; article skipped" "a file over the article size limit"
expect_in "$err" "feed.jsonl:1: error: line is 2.9 MB, over the article size limit of 512 bytes" "a huge JSONL line under a small limit"
run extract "$scratch/limits" --max-article-size 8M --max-line-length 2M
expect_status 0 "raised limits"
run extract corpora --max-article-size lots
expect_status 2 "a limit that is not a size"
expect_in "$err" "--max-article-size 'lots' is not a size; write it as 64M, 512K, 1G or a number of bytes" "bad size message"

# Devices never end or wait for a keyboard: refused, never read.
run check /dev/zero corpora/derna-flood-2023
expect_status 2 "a device among the paths"
expect_in "$err" "/dev/zero: error: cannot read a device or socket as articles; name article files or folders" "device path message"
expect_in "$out" "in 5 articles; 1 skipped" "the other paths are read"
run check --claims /dev/zero
expect_status 2 "a device as --claims"
expect_in "$err" "/dev/zero: error: cannot read claims from a device or a folder" "device claims message"
# A pipe is how a reducer is fed: it is read.
"$bin" extract corpora/derna-flood-2023 --format jsonl 2>/dev/null | "$bin" check --claims /dev/stdin >"$out" 2>"$err"
status=$?
expect_status 1 "claims through a pipe"
expect_in "$out" "over 22 claims in 5 articles" "claims read from a pipe"

# Baselines: accept today's findings, then see only what is new.
cp -r corpora/derna-flood-2023 "$scratch/derna"
run check --write-baseline "$scratch/baseline.txt" "$scratch/derna"
expect_status 0 "check --write-baseline accepts the findings"
expect_in "$scratch/baseline.txt" "conflicting-death-toll  2 death tolls for Derna" "the baseline names its findings"
run check --baseline "$scratch/baseline.txt" "$scratch/derna"
expect_status 0 "check --baseline with nothing new"
expect_in "$out" "0 findings (0 errors, 0 warnings, 0 notes)" "the baseline leaves out what it lists"
expect_in "$out" "more in the baseline" "the summary counts what the baseline left out"
# Another paragraph above the figures moves every line: still nothing new.
article="$scratch/derna/meridian-2023-09-14.md"
awk '{ print } /^---$/ && ++fences == 2 { print "An editor added this paragraph after publication.\n" }' "$article" >"$article.new" &&
  mv "$article.new" "$article"
run check --baseline "$scratch/baseline.txt" "$scratch/derna"
expect_in "$out" "0 findings (0 errors" "moved lines keep their fingerprints"
# A revised figure is a new finding.
sed -i 's/^11,300 people had died/11,400 people had died/' "$article"
run check --baseline "$scratch/baseline.txt" "$scratch/derna"
expect_status 1 "check --baseline with a new finding"
expect_in "$out" "11,400 (Meridian Wire, Libyan Red Crescent)" "the revised figure is reported"
printf '# accepted\nnot-a-fingerprint\n' >"$scratch/bad-baseline.txt"
run check --baseline "$scratch/bad-baseline.txt" "$scratch/derna"
expect_status 2 "check with a bad baseline"
expect_in "$err" "bad-baseline.txt:2:1: error: 'not-a-fingerprint' is not a fingerprint" "bad baseline line placed"
run check --baseline "$scratch/no-such-baseline.txt" "$scratch/derna"
expect_status 2 "check with a missing baseline"
expect_in "$err" "no-such-baseline.txt: error: cannot read the baseline; check the path, or write one with --write-baseline" "missing baseline message"

# One event alone: its conflicts of scope and its figures with no source.
run check corpora/gaza-may-2024/
expect_status 1 "check of the Gaza articles"
expect_golden "$out" tests/golden/check-gaza/stdout.txt

# rules: list, and validate with every mistake named.
run rules list
expect_status 0 "rules list"
expect_in "$out" "conflicting-death-toll" "rules list names the rules"
run rules validate tests/bad-rules
expect_status 2 "rules validate tests/bad-rules"
expect_in "$err" "tests/bad-rules/toll.yaml:3:1: error: unknown key 'tolerence'; did you mean 'tolerance'?" "bad rule key"
expect_in "$err" "tests/bad-rules/toll.yaml:5:13: error: unknown metric 'death'; did you mean 'deaths'?" "bad rule metric"
run check --rules tests/bad-rules corpora/
expect_status 2 "check with bad rules"

# compare: a handful of articles side by side.
run compare corpora/derna-flood-2023/
expect_status 0 "compare the Derna articles"
expect_golden "$out" tests/golden/compare-derna/stdout.txt
run compare --format markdown corpora/hong-kong-march-2019/
expect_status 0 "compare --format markdown"
expect_golden "$out" tests/golden/compare-hong-kong/table.md
run compare --format json corpora/gaza-may-2024/
expect_status 0 "compare --format json"
expect_in "$out" '"verdict": "disagree"' "compare json verdicts"
run compare --format html corpora/derna-flood-2023/
expect_status 0 "compare --format html"
expect_in "$out" '<tr class="disagree"><th>deaths in Derna</th><td class="verdict">disagree: 3,958 vs 11,300 vs 18,000 to 20,000</td>' "compare html verdicts"
run compare corpora/gaza-may-2024/meridian-2024-05-12.md
expect_status 2 "compare of one article"
expect_in "$err" "compare needs two articles or more" "compare needs two"
run compare --format pdf corpora/gaza-may-2024/
expect_status 2 "compare --format pdf"

# graph: DOT and GraphML.
run graph corpora/
expect_status 0 "graph corpora/"
expect_in "$out" "digraph G {" "graph is DOT"
run graph --format graphml corpora/
expect_status 0 "graph --format graphml"
expect_in "$out" "<graphml" "graph is GraphML"
# Graphviz draws both (GraphML through its graphml2gv), without a complaint.
if command -v dot >/dev/null && command -v graphml2gv >/dev/null; then
  "$bin" graph corpora/ 2>/dev/null | dot -Tsvg -o "$scratch/graph.svg" 2>"$err"; status=$?
  expect_status 0 "dot -Tsvg of the DOT graph"
  [[ -s $err ]] && fail "dot complained: $(head -3 "$err")"
  expect_in "$scratch/graph.svg" "<svg" "dot drew the DOT graph"
  "$bin" graph --format graphml corpora/ 2>/dev/null | graphml2gv 2>/dev/null | dot -Tsvg -o "$scratch/graphml.svg" 2>"$err"
  status=$?
  expect_status 0 "dot -Tsvg of the GraphML graph"
  [[ -s $err ]] && fail "dot complained about the GraphML graph: $(head -3 "$err")"
  expect_in "$scratch/graphml.svg" "<svg" "dot drew the GraphML graph"
else
  echo "note: Graphviz is not installed; scripts/install-deps.sh --tests installs it"
fi

# Every command that reads articles or claims takes --lexicon alike, and
# says so alike: the option and the help are written once (issue 16).
for command in check extract compare graph; do
  run "$command" --help
  expect_status 0 "$command --help"
  expect_in "$out" "usage: crosscheck $command [options]" "$command --help: usage first"
  expect_in "$out" "also load the lexicon files (*.yaml) of DIR; " "$command --help: --lexicon"
  expect_in "$out" "may be repeated" "$command --help: --lexicon may be repeated"
done

finish
