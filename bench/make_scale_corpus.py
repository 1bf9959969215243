#!/usr/bin/env python3
"""Writes N articles of real news text, varied, as one JSONL file for the scale benchmark.

    bench/make_scale_corpus.py OUT.jsonl N

The texts are every article of the corpora in ../shared/data (the paragraphs
bench/make_corpora.py reads: Reuters-21578, ECB+, FA-KES, AllSides, the Gaza
casualty sentences), taken in turn. Each copy after the first is varied so
that the corpus is not the same claims again and again: every figure is
scaled by a factor that depends on the copy, and the outlet and publication
date change from article to article. Nothing it writes is committed.
"""
import datetime
import json
import re
import sys

from make_corpora import news_paragraphs

OUTLETS = [f"Outlet {n}" for n in range(1, 41)]
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
START = datetime.date(2019, 1, 1)


def vary(text, copy):
    """`text` with each number scaled by a factor of the copy (1.00 to 1.36); the first copy unchanged."""
    if copy == 0:
        return text
    factor = 1 + (copy % 37) / 100

    def scaled(match):
        digits = match.group(0)
        try:
            value = float(digits.replace(",", ""))
        except ValueError:
            return digits
        if "." in digits:
            return f"{value * factor:.{len(digits.split('.')[1])}f}"
        new = round(value * factor)
        return f"{new:,}" if "," in digits else str(new)

    return NUMBER.sub(scaled, text)


def main():
    out_path, count = sys.argv[1], int(sys.argv[2])
    texts = [t.strip() for t in news_paragraphs() if t and t.strip()]
    with open(out_path, "w", encoding="utf-8") as out:
        for i in range(count):
            copy, index = divmod(i, len(texts))
            article = {"id": f"a{i}", "source": OUTLETS[i % len(OUTLETS)],
                       "published": (START + datetime.timedelta(days=i % 1800)).isoformat(),
                       "text": vary(texts[index], copy)}
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
