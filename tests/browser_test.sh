#!/usr/bin/env bash
# Opens crosscheck's HTML report in headless Chromium, as an editor would,
# and reads back the DOM after the page's own script has run: every finding
# is there, and nothing an article brought (tests/hostile/ carries a script,
# an <img onerror> and a </style>) became markup or ran. Also takes the
# screenshot the README shows. Fails, never skips, without Chromium:
# scripts/install-deps.sh --tests installs it.
# Usage: browser_test.sh PATH/TO/crosscheck   (from the project root)
set -uo pipefail
bin=$1
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[[ -n $browser ]] || { echo "FAIL: Chromium is missing; run scripts/install-deps.sh --tests"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Headless, no sandbox (CI runs as root), no GPU, and no way to reach the
# network: every host name resolves to nothing.
headless() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
    --disable-background-networking --disable-component-update --disable-domain-reliability --disable-sync \
    --disable-default-apps --disable-extensions --no-first-run --no-default-browser-check \
    --host-resolver-rules="MAP * ~NOTFOUND" --hide-scrollbars "$@" 2>>"$work/browser.log"
}

# Text as it appears in a serialized DOM: & < > as entities, quotes as they are.
as_dom_text() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }

for input in corpora/ tests/hostile/; do
  name=$(basename "$input")
  "$bin" check --fail-on never "$input" >"$work/$name.txt" 2>/dev/null
  "$bin" check --fail-on never --format html -o "$work/$name.html" "$input" 2>/dev/null ||
    { fail "check --format html $input"; continue; }
  checks=$((checks + 1))
  if grep -Eq '<[^>]* (src|href)=' "$work/$name.html"; then fail "the report of $input loads something from outside"; fi
  headless --dump-dom "file://$work/$name.html" >"$work/$name.dom" || { fail "Chromium could not open $input's report"; continue; }

  # Every finding: one block per finding, each with its message.
  expected=$(sed -n 's/^\([0-9]*\) findings\{0,1\} (.*/\1/p' "$work/$name.txt")
  shown=$(grep -o 'class="finding ' "$work/$name.dom" | wc -l)
  checks=$((checks + 1))
  [[ $expected -gt 0 && $shown -eq $expected ]] || fail "$input: the browser shows $shown findings, check found $expected"
  while IFS= read -r message; do
    checks=$((checks + 1))
    grep -qF -- "$(printf '%s' "$message" | as_dom_text)" "$work/$name.dom" || fail "$input: finding missing: $message"
  done < <(sed -n 's/^[^ ].*:[0-9]*:[0-9]*: \(error\|warning\|note\): \[[^]]*\] //p' "$work/$name.txt")

  # Nothing from the articles became markup: one stylesheet, one script
  # (ours), no image, and no script wrote its mark on the body.
  checks=$((checks + 4))
  [[ $(grep -o '<style' "$work/$name.dom" | wc -l) -eq 1 ]] || fail "$input: an article added a stylesheet"
  [[ $(grep -o '<script' "$work/$name.dom" | wc -l) -eq 1 ]] || fail "$input: an article added a script"
  if grep -q '<img' "$work/$name.dom"; then fail "$input: an article added an image"; fi
  if grep -q 'data-pwned' "$work/$name.dom"; then fail "$input: a script from an article ran"; fi
done

# What the hostile articles said is shown as text, to be read.
checks=$((checks + 2))
grep -qF "Wire &lt;script&gt;document.body.dataset.pwned = 'source'&lt;/script&gt;" "$work/hostile.dom" ||
  fail "the hostile source name is not shown as text"
grep -qF 'Courier &lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt;' "$work/hostile.dom" ||
  fail "the hostile stylesheet is not shown as text"

# The screenshot of the bundled corpora's report, as the README shows it.
checks=$((checks + 1))
headless --window-size=1100,1100 --screenshot="$work/report.png" "file://$work/corpora.html" >/dev/null
if [[ $(head -c 8 "$work/report.png" 2>/dev/null | od -An -tx1 | tr -d ' \n') != 89504e470d0a1a0a ]]; then
  fail "Chromium took no screenshot"
  cat "$work/browser.log"
elif [[ -n ${CROSSCHECK_SCREENSHOT:-} ]]; then
  cp "$work/report.png" "$CROSSCHECK_SCREENSHOT"
fi
echo "$((checks - failures)) passed, $failures failed"
((failures == 0))
