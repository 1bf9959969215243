#!/usr/bin/env python3
"""Writes the built-in gazetteer, data/gazetteer/places.tsv, from GeoNames and countries.json.

    python3 scripts/make_gazetteer.py ../shared/data/geonames data/gazetteer/aliases.tsv data/gazetteer/places.tsv

Reads (see ../shared/data/geonames/README.md) cities1000.tsv, admin1CodesASCII.txt, admin2Codes.txt,
countryInfo.txt and countries.json, and our own aliases.tsv (the exonyms and people-nouns news uses).
Standard library only; the output depends on nothing but the inputs (sorted, no dates), so the test
`gazetteer: the committed file is what the script makes` can compare it byte for byte.

The output has three sections, each a header line naming its columns then tab-separated rows:
  #places  key id kind country parent population name names demonyms sorted by key (bytes), then id
  #names   key ids                                                     sorted by key (bytes)
  #demonyms key ids                                                    sorted by key (bytes)
`key` is a name folded as fold() below (and src/gazetteer/fold.cc, which must agree): lower case,
accents removed, hyphens and runs of spaces as one space; in #places, the place's own name folded,
so that a lookup compares keys as they lie and folds nothing but the name it is asked for. `ids`
are the places of that name, by id. The C++ side (src/gazetteer/) binary-searches the sections in
place, so a run pays nothing until its first lookup.
"""

import json
import os
import sys
import unicodedata

# Letters that NFKD does not split into a base letter and a mark; fold() maps them as the C++
# side does (src/gazetteer/fold.cc, kSpecialLetters).
SPECIAL_LETTERS = {
    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i", "ħ": "h", "Ħ": "h",
    "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "‐": " ", "‑": " ", "–": " ", "—": " ",
    "-": " ",
}

KINDS = ("country", "admin1", "admin2", "city")


def fold(name):
    """The lookup key of a name: lower case, no accents, hyphens as spaces, spaces collapsed."""
    out = []
    for ch in unicodedata.normalize("NFKD", name):
        if unicodedata.category(ch) == "Mn":
            continue
        out.append(SPECIAL_LETTERS.get(ch, ch.lower()))
    return " ".join("".join(out).split())


def is_latin(name):
    """True when every letter of the name is a Latin letter (drops Arabic, Cyrillic, CJK spellings)."""
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def usable_name(name, codes):
    """A name worth indexing: Latin script, has a letter, and not a pure code (PS, PSE, LY.70)."""
    name = name.strip()
    if not name or not is_latin(name) or not any(ch.isalpha() for ch in name):
        return False
    if name in codes or (name.isupper() and len(name) <= 3 and name.isalpha()):
        return False
    return "\t" not in name and "|" not in name and "\n" not in name


# Plural people-nouns from countries.json's singular demonyms (`demonyms.eng.m`). Most add -s
# (Afghan -> Afghans, Israeli -> Israelis); these do not. None: no plural people-noun (the adjective
# serves: "the French", "Chinese"); aliases.tsv adds the nouns news uses instead (Danes, Poles).
PLURAL_EXCEPTIONS = {
    "British": None, "Danish": None, "Dutch": None, "Finnish": None, "French": None, "Irish": None,
    "Polish": None, "Spanish": None, "Swedish": None, "Turkish": None, "Swiss": None, "Manx": None,
    "Malagasy": None, "Greenlandic": None, "Ålandish": None, "Macanese": None, "Kirghiz": "Kirghiz",
    "Turkmen": "Turkmens", "Motswana": "Batswana", "Mosotho": "Basotho", "Burkinabe": "Burkinabe",
    "I-Kiribati": "I-Kiribati", "Ni-Vanuatu": "Ni-Vanuatu",
}

# Words countries.json gives as demonyms that are the place's name, not its people's.
NOT_DEMONYMS = {"Djibouti", "Gibraltar", "Vatican"}


def demonyms_of(entry):
    """The singular demonyms of a countries.json `demonyms.eng.m` or `.f` ("Antiguan, Barbudan",
    "Kittitian or Nevisian": one each)."""
    words = [w.strip() for part in entry.split(",") for w in part.split(" or ")]
    return [w for w in words if w and w not in NOT_DEMONYMS]


def plural(demonym):
    """The plural people-noun of a singular demonym, or None (see PLURAL_EXCEPTIONS)."""
    if demonym in PLURAL_EXCEPTIONS:
        return PLURAL_EXCEPTIONS[demonym]
    if demonym.endswith(("ese", "ois", "ais", "ss")):
        return demonym  # the Lebanese, the Seychellois, the Saint-Pierrais: the same word
    return demonym + "s"


class Place:
    __slots__ = ("id", "kind", "country", "parent", "population", "name", "names", "demonyms", "bare_names")

    def __init__(self, id_, kind, country, parent, population, name):
        self.id, self.kind, self.country, self.parent = id_, kind, country, parent
        self.population, self.name = population, name
        self.names, self.demonyms = [], []
        self.bare_names = set()  # a division's names without the word for its kind (add_bare_names())

    def add(self, collection, word):
        # Keeps the first spelling of each folded form, so the row lists no duplicates.
        keys = {fold(w) for w in collection}
        if collection is self.names:
            keys.add(fold(self.name))
        if fold(word) not in keys and fold(word):
            collection.append(word)


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


# The words GeoNames' division names carry for the kind of division, which news leaves off
# ("Kabupaten Bener Meriah" is "Bener Meriah", "Gresik Regency" "Gresik", "Provincia di Roma"
# "Roma"): folded, before the name, then after it. "County" stays: news writes "Cook County".
DIVISION_PREFIXES = (
    "provincia de", "provincia di", "provincia del", "departamento de", "departamento del",
    "kabupaten", "kota", "provincia", "departamento", "municipio", "comuna", "amphoe", "huyen",
    "shahrestan", "powiat", "obshtina", "okres", "partido", "muang", "muhafazat", "mintaqat",
)
DIVISION_SUFFIXES = ("regency", "district", "rayon", "raion", "municipality", "ilcesi", "kommune", "kommun")


def bare_division_name(name):
    """A division's name without the word for its kind (DIVISION_PREFIXES and _SUFFIXES), as
    written, or None when it has none or nothing would be left."""
    words = name.split()
    folded = fold(name).split()
    if len(words) != len(folded):
        return None
    for prefix in DIVISION_PREFIXES:
        n = len(prefix.split())
        if len(folded) > n and " ".join(folded[:n]) == prefix:
            return " ".join(words[n:])
    if len(folded) > 1 and folded[-1] in DIVISION_SUFFIXES:
        return " ".join(words[:-1])
    return None


def bare_division_names(*written):
    """The division's names without the word for its kind (bare_division_name()), each once."""
    return {bare_division_name(name) for name in written} - {None}


def add_bare_names(places, codes):
    """Gives each division the bare names load() found for it (Place.bare_names), where no other
    place has that name and no other division the same bare name: "Bener Meriah" is the regency's,
    but "Lugano" stays the town's, not Lugano District's. Run after every other name is added."""
    taken = {fold(written) for place in places.values() for written in [place.name, *place.names]}
    divisions_of = {}  # a folded bare name -> the divisions that have it
    for place in places.values():
        for written in place.bare_names:
            divisions_of.setdefault(fold(written), set()).add(place.id)
    for place in sorted(places.values(), key=lambda p: p.id):
        for written in sorted(place.bare_names):
            key = fold(written)
            # "Comuna 1" is no "1", "Municipio A" no "A": a name with at least three letters.
            if key in taken or len(divisions_of[key]) > 1 or sum(c.isalpha() for c in key) < 3:
                continue
            if usable_name(written, codes):
                place.add(place.names, written)


def load(geonames):
    places = {}
    country_ids = {}
    admin1_ids, admin2_ids = {}, {}
    codes = set()
    for row in read_tsv(os.path.join(geonames, "countryInfo.txt")):
        cc, iso3, name, population, gid = row[0], row[1], row[4].strip(), int(row[7] or 0), int(row[16])
        places[gid] = Place(gid, "country", cc, None, population, name)
        country_ids[cc] = gid
        codes.update((cc, iso3))
    for row in read_tsv(os.path.join(geonames, "admin1CodesASCII.txt")):
        code, ascii_name, gid = row[0], row[2].strip(), int(row[3])
        name = row[1].strip() or ascii_name  # MC.00 has only its ASCII name
        cc = code.split(".")[0]
        if cc not in country_ids or not name:
            continue
        place = Place(gid, "admin1", cc, country_ids[cc], 0, name)
        place.add(place.names, ascii_name)
        place.bare_names = bare_division_names(name, ascii_name)
        places[gid] = place
        admin1_ids[code] = gid
    for row in read_tsv(os.path.join(geonames, "admin2Codes.txt")):
        code, ascii_name, gid = row[0], row[2].strip(), int(row[3])
        name = row[1].strip() or ascii_name  # an empty name takes the ASCII one
        cc, a1 = code.split(".")[:2]
        parent = admin1_ids.get(cc + "." + a1, country_ids.get(cc))
        if parent is None or gid in places or not name:
            continue
        place = Place(gid, "admin2", cc, parent, 0, name)
        place.add(place.names, ascii_name)
        place.bare_names = bare_division_names(name, ascii_name)
        places[gid] = place
        admin2_ids[code] = gid
    with open(os.path.join(geonames, "cities1000.tsv"), encoding="utf-8") as f:
        next(f)  # header
        for line in f:
            row = line.rstrip("\n").split("\t")
            gid, name, cc, a1, population = int(row[0]), row[1].strip(), row[3], row[5], int(row[6] or 0)
            # cities1000 has no second-level code: a city's parent is its first-level division,
            # or its country when the division is unknown (the chain is then city < country).
            parent = admin1_ids.get(cc + "." + a1, country_ids.get(cc))
            if parent is None or gid in places or not name:
                continue
            places[gid] = Place(gid, "city", cc, parent, population, name)
    return places, country_ids, admin1_ids, admin2_ids, codes


def add_countries_json(path, places, country_ids, codes):
    with open(path, encoding="utf-8") as f:
        countries = json.load(f)
    # GeoNames' country table as mirrored names Israel "Palestine": a country whose GeoNames name is
    # another country's name in countries.json takes its countries.json common name instead.
    claimed = {}
    for country in countries:
        for word in [country["name"]["common"], country["name"]["official"], *country.get("altSpellings", [])]:
            claimed.setdefault(fold(word), set()).add(country["cca2"])
    for country in sorted(countries, key=lambda c: c["cca2"]):
        gid = country_ids.get(country["cca2"])
        if gid is None:
            continue
        place = places[gid]
        if claimed.get(fold(place.name), {place.country}) - {place.country}:
            place.name = country["name"]["common"]
        for word in [country["name"]["common"], country["name"]["official"], *country.get("altSpellings", [])]:
            if usable_name(word, codes):
                place.add(place.names, word)
        eng = country.get("demonyms", {}).get("eng", {})
        for form in (eng.get("m"), eng.get("f")):
            for word in demonyms_of(form or ""):
                place.add(place.demonyms, word)
                if plural(word):
                    place.add(place.demonyms, plural(word))


def resolve(target, places, country_ids, admin1_ids, admin2_ids):
    """The place an aliases.tsv target names, or an error message."""
    if target.isdigit():
        return int(target) if int(target) in places else None, f"no place has GeoNames id {target}"
    if "/" in target:
        cc, name = target.split("/", 1)
        found = [p.id for p in places.values() if p.kind == "city" and p.country == cc and fold(p.name) == fold(name)]
        if len(found) > 1:
            return None, f"{len(found)} cities in {cc} are named '{name}'; give the GeoNames id ({min(found)}...)"
        return (found[0] if found else None), f"no city in {cc} is named '{name}'"
    table = {0: country_ids, 1: admin1_ids, 2: admin2_ids}.get(target.count("."), {})
    return table.get(target), f"no country or division has the code '{target}'"


def add_aliases(path, places, country_ids, admin1_ids, admin2_ids):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 3 or fields[1] not in ("name", "demonym") or not fields[2].strip():
                sys.exit(f"{path}:{number}:1: error: expected 'place<TAB>name|demonym<TAB>word[<TAB>note]'")
            gid, message = resolve(fields[0], places, country_ids, admin1_ids, admin2_ids)
            if gid is None:
                sys.exit(f"{path}:{number}:1: error: {message}; see the column notes at the top of the file")
            place = places[gid]
            place.add(place.names if fields[1] == "name" else place.demonyms, fields[2].strip())


def index(places, attribute):
    """folded key -> ids of the places whose other names (or demonyms) fold to it, when the key is
    not already the place's own name (which the #places section, sorted by it, finds)."""
    keys = {}
    for place in places.values():
        own = fold(place.name) if attribute == "names" else None
        for key in {fold(w) for w in getattr(place, attribute)} - {own, ""}:
            keys.setdefault(key, []).append(place.id)
    return {key: sorted(ids) for key, ids in keys.items()}


def write(path, places):
    command = "python3 scripts/make_gazetteer.py ../shared/data/geonames data/gazetteer/aliases.tsv " + \
        "data/gazetteer/places.tsv"
    lines = [
        "# crosscheck's built-in gazetteer. Generated; do not edit: change data/gazetteer/aliases.tsv and run",
        f"#   {command}",
        "# Data: GeoNames (geonames.org, CC BY 4.0) and countries.json (github.com/mledoze/countries, ODbL 1.0);",
        "# see data/gazetteer/README.md. Names and demonyms in a row are separated by '|'. Sections:",
        "# #places, one row per place sorted by its key (its name folded) then id; kind: C country, A first-level",
        "# division, B second-level division, P populated place; parent: the id of the place it is in.",
        "# #names and #demonyms: the other names and the people-nouns, folded, sorted, with the ids they name.",
        "#places\tkey\tid\tkind\tcountry\tparent\tpopulation\tname\tnames\tdemonyms",
    ]
    letter = {"country": "C", "admin1": "A", "admin2": "B", "city": "P"}
    for p in sorted(places.values(), key=lambda p: (fold(p.name).encode("utf-8"), p.id)):
        parent = "" if p.parent is None else str(p.parent)
        population = str(p.population) if p.population else ""
        lines.append(
            f"{fold(p.name)}\t{p.id}\t{letter[p.kind]}\t{p.country}\t{parent}\t{population}\t{p.name}\t{'|'.join(p.names)}\t"
            f"{'|'.join(p.demonyms)}")
    for section, attribute in (("names", "names"), ("demonyms", "demonyms")):
        lines.append(f"#{section}\tkey\tids")
        keys = index(places, attribute)
        for key in sorted(keys, key=lambda k: k.encode("utf-8")):
            lines.append(f"{key}\t{' '.join(str(i) for i in keys[key])}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def main(argv):
    if len(argv) != 4:
        sys.exit("usage: make_gazetteer.py GEONAMES_DIR ALIASES_TSV OUTPUT_TSV")
    places, country_ids, admin1_ids, admin2_ids, codes = load(argv[1])
    add_countries_json(os.path.join(argv[1], "countries.json"), places, country_ids, codes)
    add_aliases(argv[2], places, country_ids, admin1_ids, admin2_ids)
    add_bare_names(places, codes)
    write(argv[3], places)


if __name__ == "__main__":
    main(sys.argv)
