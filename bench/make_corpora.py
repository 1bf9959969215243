#!/usr/bin/env python3
"""Builds benchmark inputs from the shared Reuters-21578 data, outside the repo.

    bench/make_corpora.py OUT_DIR [--big-mb N]

Writes OUT_DIR/reuters.jsonl (one article per story with a body, as crosscheck
reads JSONL) and OUT_DIR/big.txt (the bodies again and again, separated by blank
lines, until the file is N MB: one huge article, to check that memory stays
bounded by the article itself).
"""
import argparse
import glob
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
REUTERS = os.path.join(HERE, "..", "..", "shared", "data", "reuters21578", "json-data")


def stories():
    for path in sorted(glob.glob(os.path.join(REUTERS, "reut2-*.json"))):
        with open(path, encoding="utf-8") as f:
            for story in json.load(f):
                body = story.get("body", "").strip()
                if body:
                    yield story, body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("--big-mb", type=int, default=300)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)

    bodies = []
    with open(os.path.join(args.out_dir, "reuters.jsonl"), "w", encoding="utf-8") as out:
        for story, body in stories():
            article = {"id": "reuters-" + story["attrs"]["newid"], "source": "Reuters",
                       "title": story.get("title", ""), "text": body}
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
            bodies.append(body)

    target = args.big_mb * 1024 * 1024
    written = 0
    with open(os.path.join(args.out_dir, "big.txt"), "w", encoding="utf-8") as out:
        while written < target:
            for body in bodies:
                chunk = body + "\n\n"
                out.write(chunk)
                written += len(chunk.encode("utf-8"))
                if written >= target:
                    break
    print(f"{len(bodies)} stories; big.txt {written / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
