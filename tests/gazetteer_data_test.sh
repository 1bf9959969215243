#!/usr/bin/env bash
# The committed gazetteer, data/gazetteer/places.tsv, is byte for byte what
# scripts/make_gazetteer.py makes from ../shared/data/geonames and
# data/gazetteer/aliases.tsv: nobody edited it by hand, and nobody changed the
# script or the aliases without regenerating it. Run through needs_shared.sh,
# which skips it where ../shared/data/geonames is absent (a user's clone).
# Usage: gazetteer_data_test.sh PYTHON3   (from the project root)
set -uo pipefail
python=${1:-python3}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if ! "$python" scripts/make_gazetteer.py ../shared/data/geonames data/gazetteer/aliases.tsv "$scratch/places.tsv"; then
  echo "FAIL: scripts/make_gazetteer.py failed"
  exit 1
fi
if ! cmp -s "$scratch/places.tsv" data/gazetteer/places.tsv; then
  echo "FAIL: data/gazetteer/places.tsv is not what scripts/make_gazetteer.py makes; the first differences:"
  diff "$scratch/places.tsv" data/gazetteer/places.tsv | head -20
  echo "regenerate it with: python3 scripts/make_gazetteer.py ../shared/data/geonames" \
    "data/gazetteer/aliases.tsv data/gazetteer/places.tsv"
  exit 1
fi
# A bad aliases file stops the script with the file, the line and what to do.
printf '#place\ttype\tword\nZZ.99\tname\tNowhere\n' >"$scratch/aliases.tsv"
message=$("$python" scripts/make_gazetteer.py ../shared/data/geonames "$scratch/aliases.tsv" "$scratch/out.tsv" 2>&1)
expected="$scratch/aliases.tsv:2:1: error: no country or division has the code 'ZZ.99'; see the column notes at the top of the file"
if [[ $message != "$expected" ]]; then
  echo "FAIL: an unknown place in aliases.tsv: expected '$expected', got '$message'"
  exit 1
fi
echo "ok: data/gazetteer/places.tsv is what the script makes ($(wc -c <data/gazetteer/places.tsv) bytes)"
