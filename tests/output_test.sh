#!/usr/bin/env bash
# Where output goes and what it may carry: `-o` and `--write-baseline` over
# files, links, devices and pipes; a failed write to stdout or a file is an
# error (exit 2) for every command; a hostile article's control characters
# never reach a terminal, and its links never go live in Markdown.
# Usage: output_test.sh PATH/TO/crosscheck   (from the project root)
#
# NOTE: nothing here may break the machine, even run with a binary that has
# the old bug (as root it renamed its report over /dev/null and /dev/stdout).
# As root, `-o /dev/...` runs in a mount namespace of its own (unshare) with
# a tmpfs over /dev holding its own null and full devices and stdout link;
# where unshare is not allowed, the devices are made with mknod in the
# scratch folder and /proc/self/fd/1 (where nothing can be created) stands
# for /dev/stdout. A user who is not root cannot replace anything in /dev.
set -uo pipefail
bin=$(realpath "$1")
source "$(dirname "$0")/cli_support.sh"
expect_true() {  # expect_true WHAT COMMAND...
  checks=$((checks + 1))
  "${@:2}" || fail "$1"
}
# No byte a terminal acts on: C0 controls but the line feed, DEL, C1 controls
# (U+0080-U+009F) and U+FFFE/U+FFFF.
no_controls() {
  python3 -c '
import re, sys
data = open(sys.argv[1], "rb").read()
bad = re.search(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xef\xbf[\xbe\xbf]", data)
sys.exit(1 if bad else 0)' "$1"
}
expect_no_controls() {  # expect_no_controls FILE WHAT
  checks=$((checks + 1))
  no_controls "$1" || fail "$2: raw control characters in: $(head -c 600 "$1" | cat -v)"
}
# A Markdown construct (link, image, raw HTML) left live: "](" or "<tag" not
# right after a backslash.
# Rendered by GitHub's own renderer where it is installed (Debian's
# cmark-gfm, with the autolink, table and strikethrough extensions): no
# link, image, list, rule or struck text, and no heading but the report's
# own ("# crosscheck report", "## place — metric", "### severity `rule`").
expect_rendered_inert() {  # expect_rendered_inert FILE WHAT
  command -v cmark-gfm >/dev/null || return 0
  checks=$((checks + 1))
  local html
  html=$(cmark-gfm -e autolink -e table -e strikethrough "$1")
  if grep -qE '<a |<img|<li>|<hr|<del>' <<<"$html"; then
    fail "$2 renders live: $(grep -oE '<(a|img|li|hr|del)[^>]*>[^<]*' <<<"$html" | head -3)"
  fi
  checks=$((checks + 1))
  local headings own
  headings=$(grep -cE '<h[1-6]>' <<<"$html")
  own=$(grep -cE '^#{1,3} ' "$1")
  ((headings == own)) || fail "$2 renders $headings headings for the report's $own"
}
expect_inert_markdown() {  # expect_inert_markdown FILE WHAT
  checks=$((checks + 1))
  if grep -qP '(?<!\\)\]\(|(?<!\\)<[a-z/]' "$1"; then
    fail "$2: live Markdown in: $(grep -P '(?<!\\)\]\(|(?<!\\)<[a-z/]' "$1" | head -3)"
  fi
}
mode_of() { stat -c %a "$1"; }

report_of_corpus=$scratch/expected-report.txt
"$bin" check corpora/derna-flood-2023 >"$report_of_corpus" 2>/dev/null

# run_dev ARGS...: crosscheck ARGS with the devices above; exit status 99 if
# a device or the stdout link did not survive.
if [[ $(id -u) != 0 ]]; then
  null='' full=/dev/full stdout=/dev/stdout
  run_dev() { "$bin" "$@"; }
elif unshare -m --propagation private true 2>/dev/null; then
  null=/dev/null full=/dev/full stdout=/dev/stdout
  run_dev() {
    unshare -m --propagation private sh -c '
      mount -t tmpfs private-dev /dev && mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/full c 1 7 &&
        ln -s /proc/self/fd /dev/fd && ln -s /proc/self/fd/1 /dev/stdout && ln -s /proc/self/fd/2 /dev/stderr || exit 98
      "$@"; status=$?
      [ -c /dev/null ] && [ -c /dev/full ] && [ -L /dev/stdout ] || exit 99
      exit $status' sh "$bin" "$@"
  }
else
  mknod "$scratch/null" c 1 3 && mknod "$scratch/full" c 1 7
  null=$scratch/null full=$scratch/full stdout=/proc/self/fd/1
  run_dev() {
    "$bin" "$@"; local status=$?
    [[ -c $null && -c $full ]] || return 99
    return $status
  }
fi
rund() { run_dev "$@" >"$out" 2>"$err"; status=$?; }

# ---- -o and --write-baseline: what is at the path decides how it is written --

# A device stays a device (as root, `-o /dev/null` used to become a regular
# file holding the report); status 99 says it did not.
if [[ -n $null ]]; then
  rund check -o "$null" corpora/derna-flood-2023
  expect_status 1 "check -o $null (99: the device was replaced)"
  rund check --write-baseline "$null" corpora/derna-flood-2023
  expect_status 0 "check --write-baseline $null (99: the device was replaced)"
else
  echo "note: not root; -o /dev/null cannot be tried without replacing it"
fi
# A full device: the write fails, and says so.
rund check -o "$full" corpora/derna-flood-2023
expect_status 2 "check -o $full"
expect_in "$err" "$full: error: cannot write the report: no space left on device; it did not get there whole" \
  "-o a full device message"
rund check --write-baseline "$full" corpora/derna-flood-2023
expect_status 2 "check --write-baseline $full"
expect_in "$err" "$full: error: cannot write the baseline: no space left on device" "--write-baseline full device message"

# /dev/stdout is written through the descriptor the shell opened: >> appends.
rund check -o "$stdout" corpora/derna-flood-2023
expect_status 1 "check -o $stdout"
expect_true "-o $stdout wrote the report to stdout" cmp -s "$out" "$report_of_corpus"
echo "an earlier line" >"$scratch/log.txt"
run_dev check -o "$stdout" corpora/derna-flood-2023 >>"$scratch/log.txt" 2>"$err"
expect_true "-o $stdout under >> appended" test "$(head -1 "$scratch/log.txt")" = "an earlier line"
expect_true "-o $stdout under >> wrote the report after it" \
  cmp -s <(tail -n +2 "$scratch/log.txt") "$report_of_corpus"
run_dev check -o "$stdout" corpora/derna-flood-2023 >/dev/full 2>"$err"; status=$?
expect_status 2 "check -o $stdout into a full disk"
expect_in "$err" "$stdout: error: cannot write the report: no space left on device" "-o $stdout full message"

# A pipe: its reader gets the whole report, and the pipe stays a pipe.
mkfifo "$scratch/pipe"
# (A reader that gives up: a crosscheck that replaced the pipe never opens it.)
timeout 30 cat "$scratch/pipe" >"$scratch/from-pipe.txt" &
reader=$!
"$bin" check -o "$scratch/pipe" corpora/derna-flood-2023 >"$out" 2>"$err"; status=$?
wait $reader
expect_status 1 "check -o a pipe"
expect_true "the pipe's reader got the whole report" cmp -s "$scratch/from-pipe.txt" "$report_of_corpus"
expect_true "-o left the pipe a pipe" test -p "$scratch/pipe"

# A regular file keeps its permissions; a new one gets 0666 minus the umask.
echo "an old private report" >"$scratch/private.txt"
chmod 600 "$scratch/private.txt"
run check -o "$scratch/private.txt" corpora/derna-flood-2023
expect_status 1 "check -o a mode-600 report"
expect_true "a mode-600 report stays 600 (got $(mode_of "$scratch/private.txt"))" \
  test "$(mode_of "$scratch/private.txt")" = 600
expect_true "the mode-600 report was replaced" cmp -s "$scratch/private.txt" "$report_of_corpus"
(umask 027 && exec "$bin" check -o "$scratch/new.txt" corpora/derna-flood-2023) >"$out" 2>"$err"
expect_true "a new report gets 0666 minus the umask 027 (got $(mode_of "$scratch/new.txt"))" \
  test "$(mode_of "$scratch/new.txt")" = 640
(umask 022 && exec "$bin" check --write-baseline "$scratch/baseline.txt" corpora/derna-flood-2023) >"$out" 2>"$err"
expect_true "a new baseline gets 0644 under umask 022" test "$(mode_of "$scratch/baseline.txt")" = 644

# A link to a file: the file gets the report (keeping its mode), the link stays.
mkdir -p "$scratch/reports"
echo "last week's report" >"$scratch/reports/current.txt"
chmod 640 "$scratch/reports/current.txt"
ln -s reports/current.txt "$scratch/latest.txt"
run check -o "$scratch/latest.txt" corpora/derna-flood-2023
expect_status 1 "check -o a link to a report"
expect_true "-o kept the symbolic link" test -L "$scratch/latest.txt"
expect_true "-o wrote through the link" cmp -s "$scratch/reports/current.txt" "$report_of_corpus"
expect_true "the link's target kept its mode 640" test "$(mode_of "$scratch/reports/current.txt")" = 640
# A link to nothing is refused: no file is created where it points.
ln -s "$scratch/created-through-link.txt" "$scratch/dangling.txt"
run check -o "$scratch/dangling.txt" corpora/derna-flood-2023
expect_status 2 "check -o a dangling link"
expect_in "$err" "dangling.txt: error: is a symbolic link to a file that does not exist" "dangling link message"
expect_true "-o created nothing through a dangling link" test ! -e "$scratch/created-through-link.txt"
run check -o "$scratch/reports" corpora/derna-flood-2023
expect_status 2 "check -o a folder"
expect_in "$err" "reports: error: is a folder; name a file to write the report to" "-o folder message"

# The temporary file's name cannot be guessed: a link planted at the old
# predictable name (REPORT.partial) is never written through.
echo "a file the attacker wants overwritten" >"$scratch/victim.txt"
cp "$scratch/victim.txt" "$scratch/victim-before.txt"
ln -s "$scratch/victim.txt" "$scratch/planted.html.partial"
run check --format html -o "$scratch/planted.html" corpora/derna-flood-2023
expect_status 1 "check -o beside a planted .partial link"
expect_true "a planted .partial link was not written through" cmp -s "$scratch/victim.txt" "$scratch/victim-before.txt"
expect_in "$scratch/planted.html" "<h1>crosscheck report</h1>" "the report was written beside the planted link"
leftovers=$(find "$scratch" -name '*.partial' ! -name planted.html.partial)
expect_true "no temporary file left behind: $leftovers" test -z "$leftovers"

# ---- standard output: a write that fails is an error, for every command ----
mkdir -p "$scratch/state"
full_stdout() {  # full_stdout WHAT ARGS...: the command into a full disk
  "$bin" "${@:2}" >/dev/full 2>"$err"; status=$?
  expect_status 2 "$1 > /dev/full"
  expect_in "$err" "cannot write the" "$1 > /dev/full says it could not write"
  expect_in "$err" "standard output" "$1 > /dev/full names standard output"
}
full_stdout "check" check corpora/derna-flood-2023
full_stdout "check --format json" check --format json corpora/derna-flood-2023
full_stdout "check --format html" check --format html corpora/derna-flood-2023
full_stdout "extract" extract corpora/derna-flood-2023
full_stdout "extract --format jsonl" extract --format jsonl corpora/derna-flood-2023
full_stdout "extract --keyed" extract --keyed corpora/derna-flood-2023
full_stdout "compare" compare corpora/derna-flood-2023
full_stdout "compare --format markdown" compare --format markdown corpora/derna-flood-2023
full_stdout "graph" graph corpora/derna-flood-2023
full_stdout "graph --format graphml" graph --format graphml corpora/derna-flood-2023
full_stdout "rules list" rules list
full_stdout "rules validate" rules validate rules
full_stdout "audit" audit --state "$scratch/state/full.db" corpora/derna-flood-2023
full_stdout "audit --format json" audit --state "$scratch/state/full.db" --format json corpora/derna-flood-2023
# (A run whose report was lost records nothing: the history and triage need a run that got out.)
fingerprint=$("$bin" audit --state "$scratch/state/triage.db" --format json corpora/derna-flood-2023 2>/dev/null |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["new"][0]["fingerprint"])')
full_stdout "audit --history" audit --state "$scratch/state/triage.db" --history
full_stdout "triage" triage --state "$scratch/state/triage.db" --dismiss "$fingerprint"
full_stdout "--help" --help
full_stdout "check --help" check --help
full_stdout "--version" --version
# A report too big for the pipe's buffer, through a full disk: still caught.
"$bin" extract --format jsonl corpora/ >/dev/full 2>"$err"; status=$?
expect_status 2 "a large extract > /dev/full"
expect_in "$err" "standard output: error: cannot write the" "a large extract > /dev/full says why"
# stderr that fails: nothing can be said, but the exit status says it.
"$bin" extract --format jsonl corpora/derna-flood-2023 >/dev/null 2>/dev/full; status=$?
expect_status 2 "extract with stderr on a full disk"

# ---- a hostile article: controls escaped, Markdown inert, XML well-formed ----
hostile=$scratch/hostile
mkdir -p "$hostile"
cp corpora/derna-flood-2023/meridian-2023-09-14.md "$hostile/"
# Front matter `source` with ESC (a terminal title), BEL, CR, and a Markdown
# link, image and raw HTML; text with ESC sequences, CR, BEL and a C1 CSI.
printf -- '---\nid: "evil\\x1b[2J-id"\nsource: "Evil\\e]0;owned\\a Wire\\r[x](http://e.example) ![i](http://i.example/p.png) <b>raw</b> www.w.example <http://auto.example>"\npublished: 2023-09-15\n---\n# The Libyan Red Crescent\x1b[2J said 15,000 people\r\x07 died in Derna, \xc2\x9b2J officials said.\n' \
  >"$hostile/"$'evil\e]0;title\aname.md'
printf -- '---\nsource: Fine\npublished: "2023-13-45\\x1b[2J"\n---\nText.\n' >"$hostile/bad-date.md"

run check "$hostile"
expect_status 2 "check of the hostile folder (its bad date is an error)"
expect_in "$out" "Evil\\x1b]0;owned\\x07 Wire\\r[x](http://e.example)" "check text shows the source's controls escaped"
expect_no_controls "$out" "check text"
expect_in "$err" "bad-date.md:3:12: error: published date '2023-13-45\\x1b[2J' is not a date" \
  "a diagnostic quoting article text shows it escaped"
expect_no_controls "$err" "diagnostics on stderr"
run extract "$hostile"
expect_in "$out" "evil\\x1b]0;title\\x07name.md: article 'evil\\x1b[2J-id' (Evil\\x1b]0;owned\\x07 Wire\\r" \
  "extract text shows file name, id and source escaped"
expect_no_controls "$out" "extract text"
run extract --format table "$hostile"
expect_no_controls "$out" "extract table"
run check --format markdown "$hostile"
expect_no_controls "$out" "check markdown"
expect_inert_markdown "$out" "check markdown"
expect_in "$out" "Evil\\\\x1b\\]0;owned\\\\x07 Wire\\\\r\\[x\\](http\\://e.example) !\\[i\\](http\\://i.example/p.png) \\<b\\>raw\\</b\\> www\\.w.example \\<http\\://auto.example\\>" \
  "check markdown escapes the outlet name"
expect_in "$out" "> \\# The Libyan Red Crescent" "check markdown: a quoted sentence that starts like a heading is text"
expect_rendered_inert "$out" "check markdown"
run check --format html "$hostile"
expect_no_controls "$out" "check html"
expect_in "$out" "Evil\\x1b]0;owned\\x07 Wire\\r[x](http://e.example) ![i](http://i.example/p.png) &lt;b&gt;raw&lt;/b&gt;" \
  "check html shows the source escaped"
run compare "$hostile"
expect_no_controls "$out" "compare text"
expect_in "$out" "Evil\\x1b]0;owned\\x07 Wire" "compare text shows the outlet escaped"
run compare --format markdown "$hostile"
expect_no_controls "$out" "compare markdown"
expect_inert_markdown "$out" "compare markdown"
expect_in "$out" "| Evil\\\\x1b\\]0;owned\\\\x07 Wire\\\\r\\[x\\](http\\://e.example) !\\[i\\](http\\://i.example/p.png) \\<b\\>raw\\</b\\> www\\.w.example \\<http\\://auto.example\\> 2023-09-15 |" \
  "compare markdown escapes the outlet name as check does"
expect_rendered_inert "$out" "compare markdown"
run compare --format html "$hostile"
expect_no_controls "$out" "compare html"
run graph "$hostile"
expect_no_controls "$out" "graph DOT"
if command -v dot >/dev/null; then
  expect_true "Graphviz reads the hostile DOT" dot -Tsvg -o /dev/null "$out"
fi
run graph --format graphml "$hostile"
expect_no_controls "$out" "graph GraphML"
checks=$((checks + 1))
python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$out" 2>"$scratch/xml-error" ||
  fail "the hostile GraphML is not well-formed XML: $(head -3 "$scratch/xml-error")"
if command -v xmllint >/dev/null; then
  expect_true "xmllint reads the hostile GraphML" xmllint --noout "$out"
fi
run audit --state "$scratch/state/hostile.db" "$hostile"
expect_no_controls "$out" "audit text"
expect_no_controls "$err" "audit diagnostics"
expect_in "$out" "Evil\\x1b]0;owned\\x07 Wire" "audit text shows the outlet escaped"
run audit --state "$scratch/state/hostile.db" "$hostile"
expect_no_controls "$out" "audit text, still open"
run check --write-baseline "$scratch/hostile-baseline.txt" "$hostile"
expect_no_controls "$scratch/hostile-baseline.txt" "the baseline"

# An article's own backslashes are doubled where text is shown escaped: its
# four characters \x1b never read as an escaped ESC (the id holds a real ESC).
mkdir -p "$scratch/backslash"
printf -- "---\nid: \"real\\\\e[2J\"\nsource: 'Back\\\\x1b[2J Wire'\npublished: 2023-09-15\n---\n40 people died in Derna.\n" \
  >"$scratch/backslash/literal.md"
run extract "$scratch/backslash"
expect_in "$out" "article 'real\\x1b[2J' (Back\\\\x1b[2J Wire, 2023-09-15)" \
  "extract text doubles an article's own backslash, not an escape's"

finish
