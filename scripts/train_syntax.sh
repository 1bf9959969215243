#!/usr/bin/env bash
# Trains the built-in syntax model (data/syntax/english.model) on Universal
# Dependencies English-EWT's training set and the CC BY part of GUM (its news
# documents left out, to score on), from ../shared/data/ud-english, then scores
# it on EWT's test set and on GUM's news. Takes about a minute on one core.
#
#   scripts/train_syntax.sh [BUILD_DIR]     (default build/dev; it must hold crosscheck_syntax)
#
# The training is deterministic: the same treebanks and seed write the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev}
treebanks=../shared/data/ud-english
if [[ ! -d $treebanks ]]; then
  echo "train_syntax.sh: needs $treebanks (Universal Dependencies English-EWT and GUM)" >&2
  exit 2
fi
cmake --build "$build" --target crosscheck_syntax
"$build/crosscheck_syntax" train --min-updates 5 --passes 8,15,8 --out data/syntax/english.model \
  "$treebanks/en_ewt-ud-train.conllu" "$treebanks/gum-cc-by.conllu"
echo "EWT test:"
"$build/crosscheck_syntax" score --model data/syntax/english.model "$treebanks/en_ewt-ud-test.conllu"
echo "GUM news:"
"$build/crosscheck_syntax" score --model data/syntax/english.model --only GUM_news_ "$treebanks/gum-cc-by.conllu"
