#!/usr/bin/env bash
# Every C++ file of the project is laid out as .clang-format says: run by the
# test command, so the layout cannot drift. Fix with
#   clang-format -i $(git ls-files '*.cc' '*.h')
# Skips (exit 77) where clang-format is not installed (scripts/install-deps.sh
# --tests installs it).
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null; then
  echo "skipped: clang-format is not installed (scripts/install-deps.sh --tests installs it)"
  exit 77
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cc' '*.h' | grep -v '^tests/data/')
else
  mapfile -t files < <(find include src tests bench -name '*.cc' -o -name '*.h' | grep -v '^tests/data/')
fi
drifted=()
for file in "${files[@]}"; do
  [[ -f $file ]] || continue
  clang-format --dry-run --Werror "$file" >/dev/null 2>&1 || drifted+=("$file")
done
if ((${#drifted[@]} > 0)); then
  echo "FAIL: ${#drifted[@]} files are not laid out as .clang-format says: ${drifted[*]}"
  echo "fix with: clang-format -i ${drifted[*]}"
  exit 1
fi
echo "ok: ${#files[@]} files laid out as .clang-format says"
