#!/usr/bin/env python3
"""Writes a corpus of story folders for timing the event places (README,
"One event's coverage"): FOLDERS folders of eight short articles each, two
of every three naming their place and the third none, published over four
days, and one folder of 600 articles that is an archive (over the 100
articles a folder may hold to be one story).

    python3 bench/make_event_folders.py OUT [--folders 600]
"""
import argparse
import os
import random

PLACES = ["Derna", "Benghazi", "Kabul", "Aleppo", "Idlib", "Manokwari", "Athens", "Surfside", "Zeebrugge", "Rafah"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--folders", type=int, default=600)
    args = parser.parse_args()
    rng = random.Random(7)
    for folder in range(args.folders):
        path = os.path.join(args.out, "stories", f"story-{folder:04d}")
        os.makedirs(path, exist_ok=True)
        place = PLACES[folder % len(PLACES)]
        for article in range(8):
            if article % 3 != 2:
                lead = f"The floods killed {1000 + rng.randint(0, 5000)} people in {place}, officials said on Tuesday."
            else:
                lead = f"Rescuers said {rng.randint(100, 900)} people were missing and {rng.randint(10, 99)} were injured."
            body = "Aid agencies said the roads were cut and that the hospital could no longer take patients.\n" * 3
            with open(os.path.join(path, f"a{article}.md"), "w", encoding="utf-8") as out:
                out.write(f"---\nid: s{folder}-{article}\nsource: Wire {article}\n"
                          f"published: 2023-09-{10 + article % 4:02d}\n---\n{lead}\n\n{body}")
    archive = os.path.join(args.out, "archive")
    os.makedirs(archive, exist_ok=True)
    for article in range(600):
        with open(os.path.join(archive, f"n{article:04d}.md"), "w", encoding="utf-8") as out:
            out.write(f"---\nid: n{article}\nsource: Wire\npublished: 2023-09-12\n---\n"
                      f"The quake killed {article + 10} people in {PLACES[article % 10]}, officials said.\n")


if __name__ == "__main__":
    main()
