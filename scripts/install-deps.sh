#!/usr/bin/env bash
# Installs the Debian 12 packages crosscheck builds with (and, with --tests,
# those its tests use), and only those that are missing; runs `apt-get update` only when something must be
# installed. Safe to run again and again.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config dpkg-dev
  libboost-graph-dev libboost-program-options-dev
  libfmt-dev libyaml-cpp-dev catch2 libicu-dev libsqlite3-dev nlohmann-json3-dev
  libgumbo-dev zlib1g-dev
)

# With --tests, what the tests use beyond the build: npm fetches the SARIF
# validator (Debian's npm is enough, but a machine that already has node and
# npm keeps its own), Chromium opens the HTML report, Graphviz renders the graph,
# clang builds the libFuzzer targets, Dask distributed runs the scale-out test,
# PyYAML reads the cluster gold set (tests/clusters), clang-format checks the
# layout of the code (tests/format_test.sh).
if [[ ${1:-} == --tests ]]; then
  packages+=(chromium fonts-dejavu-core graphviz clang clang-format python3-distributed python3-yaml)
  if ! command -v npm >/dev/null; then
    packages+=(nodejs npm)
  fi
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
