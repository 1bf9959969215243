#!/usr/bin/env python3
"""Writes the hostile articles of bench/hostile.sh: one sentence of N clauses.

    make_hostile.py KIND N OUT.txt

KIND is one of
  killed  "<number> people were killed, <number> people were killed, ..."
  vague   "dozens killed, hundreds injured, thousands displaced, ..."
  list    "1, 2, 3, ..., N people" (a table flattened to one line)
Each file is a single line without a sentence end before the last word, so
the whole article is one sentence with N figures.
"""
import sys

VAGUE = ["dozens killed", "hundreds injured", "thousands displaced", "scores missing",
         "tens of thousands evacuated", "hundreds of thousands affected"]


def sentence(kind: str, n: int) -> str:
    if kind == "killed":
        return "In Gaza, " + ", ".join(f"{i + 1} people were killed" for i in range(n)) + ".\n"
    if kind == "vague":
        return "In Gaza, " + ", ".join(VAGUE[i % len(VAGUE)] for i in range(n)) + ".\n"
    if kind == "list":
        return ", ".join(str(i + 1) for i in range(n)) + " people.\n"
    raise SystemExit(f"unknown kind '{kind}'; use killed, vague or list")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit("usage: make_hostile.py killed|vague|list N OUT.txt")
    with open(sys.argv[3], "w", encoding="utf-8") as out:
        out.write(sentence(sys.argv[1], int(sys.argv[2])))
