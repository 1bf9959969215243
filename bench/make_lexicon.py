#!/usr/bin/env python3
"""Writes a generated lexicon of N entities, to time how loading grows.

    bench/make_lexicon.py N OUT_DIR

OUT_DIR/places.yaml holds N entities in the shape of a gazetteer: a tenth
are regions, the rest towns part_of a region, and the names are built so that
many share a first word ("Saint ...", "New ...", "Al ...", as place names
do), which is what made the phrase index quadratic: a town has an alias
("Saint Varo Town") and a short form. OUT_DIR/abbreviations.yaml adds N/20
abbreviations, half with a dot inside ("Va.Ro."), for the sentence
segmenter's filter. Deterministic: the same N gives the same files.
"""
import os
import sys

SYLLABLES = ["ba", "ko", "ri", "ta", "me", "lu", "sa", "do", "ne", "vi", "ra", "zu", "pe", "gi", "mo", "ha"]
FIRST_WORDS = ["Saint", "New", "Al", "San", "Port", "Lake", "North", "South"]


def word(i, length=3):
    out = ""
    for _ in range(length):
        out += SYLLABLES[i % len(SYLLABLES)]
        i //= len(SYLLABLES)
    return out.capitalize()


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    regions = max(1, n // 10)
    with open(os.path.join(out, "places.yaml"), "w", encoding="utf-8") as f:
        f.write("entities:\n")
        for i in range(regions):
            f.write(f"  Region {word(i, 4)}:\n    aliases: [{word(i, 4)} Province]\n")
        for i in range(n - regions):
            first = FIRST_WORDS[i % len(FIRST_WORDS)]
            name = f"{first} {word(i, 5)}"
            f.write(f"  {name}:\n    aliases: [{name} Town, {first} {word(i, 5)} District]\n"
                    f"    part_of: Region {word(i % regions, 4)}\n")
    with open(os.path.join(out, "abbreviations.yaml"), "w", encoding="utf-8") as f:
        f.write("abbreviations:\n  acronym:\n")
        for i in range(max(1, n // 20)):
            a = word(i, 4)
            f.write(f"    - {a[:2]}.{a[2:].capitalize()}.\n" if i % 2 else f"    - {a}x.\n")


if __name__ == "__main__":
    main()
