#!/usr/bin/env bash
# The install tree and the Debian package, as a user gets them: installs the
# build into a scratch prefix and checks the binary (run from another folder),
# the manual page, the bash completion, the rule and lexicon files and the
# documents; the manual page and the completion must name every option that
# each command's --help lists. Then builds the .deb with cpack, checks its
# dependencies are runtime libraries only, unpacks it and runs it.
# Usage: install_test.sh BUILD_DIR PATH/TO/crosscheck   (from the project root)
set -uo pipefail
build=$1
bin=$2
source "$(dirname "$0")/cli_support.sh"
project=$PWD
prefix=$scratch/prefix

cmake --install "$build" --prefix "$prefix" >"$out" 2>"$err"; status=$?
expect_status 0 "cmake --install"

installed=(
  bin/crosscheck
  share/man/man1/crosscheck.1
  share/bash-completion/completions/crosscheck
  share/crosscheck/rules/README.md
  share/crosscheck/rules/lexicon/entities.yaml
  share/doc/crosscheck/README.md
  share/doc/crosscheck/DATA-LICENSES.md
  share/crosscheck/gazetteer/places.tsv
  share/crosscheck/gazetteer/aliases.tsv
  share/crosscheck/gazetteer/README.md
  share/crosscheck/gazetteer/countries.LICENSE
  share/crosscheck/syntax/english.model
  share/crosscheck/syntax/README.md
  share/crosscheck/syntax/EWT.LICENSE.txt
  share/crosscheck/syntax/GUM.LICENSE.txt
)
for file in "${installed[@]}"; do
  checks=$((checks + 1))
  [[ -s $prefix/$file ]] || fail "the install tree has no $file"
done
checks=$((checks + 1))
[[ -x $prefix/bin/crosscheck ]] || fail "bin/crosscheck is not executable"
# Every default rule, lexicon and English language pack file, byte for byte
# what the binary has built in.
for file in rules/*.yaml rules/lexicon/*.yaml rules/lexicon/en/*.yaml; do
  checks=$((checks + 1))
  cmp -s "$file" "$prefix/share/crosscheck/$file" || fail "share/crosscheck/$file differs from $file or is missing"
done

# The installed binary from another folder: built-in rules and lexicon.
cd "$scratch" || exit 1
bin=$prefix/bin/crosscheck
run check "$project/corpora/"
expect_status 1 "the installed crosscheck check, from another folder"
expect_in "$out" "17 findings (3 errors, 14 warnings, 0 notes) from 6 rules over 90 claims in 19 articles" \
  "the installed binary finds what the build finds"
# The installed rule files are the rules it runs.
run check --rules "$prefix/share/crosscheck/rules" "$project/corpora/"
expect_in "$out" "17 findings (3 errors, 14 warnings, 0 notes) from 6 rules" "check --rules with the installed rules"
run rules validate "$prefix/share/crosscheck/rules"
expect_status 0 "rules validate of the installed rules"
run --version
expect_status 0 "--version"
checks=$((checks + 1))
grep -qE '^crosscheck [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{12}(-dirty)?|unknown)\)$' "$out" ||
  fail "--version names no version and commit: $(cat "$out")"
cd "$project" || exit 1

# The manual page renders without a warning and names every command and option.
man_page=$prefix/share/man/man1/crosscheck.1
if command -v groff >/dev/null; then
  groff -man -ww -z "$man_page" 2>"$err"; status=$?
  expect_status 0 "groff of the manual page"
  checks=$((checks + 1))
  [[ -s $err ]] && fail "groff warns about the manual page: $(head -3 "$err")"
fi
completion=$prefix/share/bash-completion/completions/crosscheck
# shellcheck source=/dev/null
source "$completion"
complete_words() {  # complete_words WORD... : what the completion offers for the last word
  COMP_WORDS=(crosscheck "$@")
  COMP_CWORD=$#
  COMPREPLY=()
  _crosscheck
  printf '%s\n' "${COMPREPLY[@]}"
}
for command in extract articles check compare audit triage graph rules; do
  checks=$((checks + 1))
  grep -q "^\.B.* $command\b\|^\.B $command$" "$man_page" || fail "the manual page has no command '$command'"
  checks=$((checks + 1))
  complete_words "${command:0:3}" | grep -qx "$command" || fail "completion of '${command:0:3}' does not offer '$command'"
  # Every long option its --help lists.
  for option in $("$bin" "$command" --help | grep -oE '^  (-[a-z] \[ )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
    checks=$((checks + 1))
    man_option=${option//-/\\\\-}
    grep -q -- "$man_option" "$man_page" || fail "the manual page does not name '$command $option'"
    checks=$((checks + 1))
    complete_words "$command" "${option:0:${#option}-1}" | grep -qx -- "$option" ||
      fail "completion of '$command ${option:0:${#option}-1}' does not offer '$option'"
  done
done
checks=$((checks + 1))
[[ $(complete_words check --format "") == $'text\njson\nmarkdown\nsarif\nhtml' ]] ||
  fail "completion of 'check --format' offers: $(complete_words check --format "" | tr '\n' ' ')"
checks=$((checks + 1))
grep -q "^\.SH EXIT STATUS" "$man_page" || fail "the manual page has no EXIT STATUS"

# The Debian package: runtime libraries only, and it runs once unpacked.
if command -v cpack >/dev/null && command -v dpkg-deb >/dev/null && command -v dpkg-shlibdeps >/dev/null; then
  (cd "$build" && cpack -G DEB -B "$scratch/package") >"$out" 2>"$err"; status=$?
  expect_status 0 "cpack -G DEB"
  deb=$(ls "$scratch"/package/crosscheck_*.deb 2>/dev/null | head -1)
  checks=$((checks + 1))
  if [[ -z $deb ]]; then
    fail "cpack made no crosscheck_*.deb: $(tail -5 "$out")"
  else
    depends=$(dpkg-deb -f "$deb" Depends)
    for library in libicu libyaml-cpp libfmt libboost-program-options libsqlite3; do
      checks=$((checks + 1))
      [[ $depends == *"$library"* ]] || fail "the package does not depend on $library: $depends"
    done
    checks=$((checks + 1))
    [[ $depends == *-dev* ]] && fail "the package depends on a -dev package: $depends"
    dpkg-deb -x "$deb" "$scratch/root"
    for file in usr/bin/crosscheck usr/share/man/man1/crosscheck.1 usr/share/bash-completion/completions/crosscheck \
      usr/share/crosscheck/rules/conflicting-death-toll.yaml; do
      checks=$((checks + 1))
      [[ -s $scratch/root/$file ]] || fail "the package has no /$file"
    done
    (cd "$scratch" && "$scratch/root/usr/bin/crosscheck" check "$project/corpora/") >"$out" 2>"$err"
    status=$?
    expect_status 1 "the packaged crosscheck check corpora/"
    expect_in "$out" "17 findings (3 errors, 14 warnings, 0 notes)" "the packaged binary finds what the build finds"
  fi
else
  echo "note: cpack, dpkg-deb or dpkg-shlibdeps is missing: the .deb was not checked (scripts/install-deps.sh installs dpkg-dev)"
fi

finish
