#!/usr/bin/env python3
"""Builds benchmark inputs from the shared news corpora, outside the repo.

    bench/make_corpora.py OUT_DIR [--big-mb N] [--news-mb N]

Writes into OUT_DIR:
- reuters.jsonl: one article per Reuters-21578 story with a body, as crosscheck
  reads JSONL;
- big.txt: the Reuters bodies again and again, separated by blank lines, until
  the file is --big-mb MB: one huge article, to check that memory stays bounded
  by the article itself;
- news.txt: real news text from every corpus in ../shared/data (Reuters,
  ECB+, FA-KES, AllSides, the Gaza casualty sentences), paragraphs separated
  by blank lines, repeated until the file is --news-mb MB: the input of the
  quantities benchmark.
"""
import argparse
import csv
import glob
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "data")
REUTERS = os.path.join(DATA, "reuters21578", "json-data")


def stories():
    for path in sorted(glob.glob(os.path.join(REUTERS, "reut2-*.json"))):
        with open(path, encoding="utf-8") as f:
            for story in json.load(f):
                body = story.get("body", "").strip()
                if body:
                    yield story, body


def news_paragraphs():
    """Every corpus's article text, a paragraph at a time, in a fixed order."""
    for _, body in stories():
        yield body
    for path in sorted(glob.glob(os.path.join(DATA, "ecbplus", "test_parsing", "*", "*.json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        yield (doc.get("title") or "") + " " + (doc.get("text") or "")
    csv.field_size_limit(1 << 24)
    with open(os.path.join(DATA, "fa-kes", "FA-KES-Dataset.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            yield row["article_content"]
    with open(glob.glob(os.path.join(DATA, "allsides-neus", "data", "*", "*.jsonl"))[0], encoding="utf-8") as f:
        for line in f:
            event = json.loads(line)
            for side in event.get("news", {}).values():
                if side:
                    yield "\n".join(side.get("newBody") or [])
    for path in sorted(glob.glob(os.path.join(DATA, "gaza-casualty-mentions", "data", "tagged_data_*.csv"))):
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                yield re.sub(r"  +", " ", row["sentence"]).strip()


def write_repeated(path, texts, target_bytes):
    """Writes `texts` separated by blank lines, again and again, until the file
    holds `target_bytes`; returns the bytes written."""
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < target_bytes:
            for text in texts:
                chunk = text + "\n\n"
                out.write(chunk)
                written += len(chunk.encode("utf-8"))
                if written >= target_bytes:
                    break
    return written


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("--big-mb", type=int, default=300)
    parser.add_argument("--news-mb", type=int, default=100)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)

    bodies = []
    with open(os.path.join(args.out_dir, "reuters.jsonl"), "w", encoding="utf-8") as out:
        for story, body in stories():
            article = {"id": "reuters-" + story["attrs"]["newid"], "source": "Reuters",
                       "title": story.get("title", ""), "text": body}
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
            bodies.append(body)

    write_repeated(os.path.join(args.out_dir, "big.txt"), bodies, args.big_mb * 1024 * 1024)
    paragraphs = [p.strip() for p in news_paragraphs() if p and p.strip()]
    written = write_repeated(os.path.join(args.out_dir, "news.txt"), paragraphs, args.news_mb * 1000 * 1000)
    print(f"{len(bodies)} stories; big.txt; news.txt {written / 1e6:.0f} MB from {len(paragraphs)} texts")


if __name__ == "__main__":
    main()
