#!/usr/bin/env python3
"""Writes claims-gold.jsonl from the hand annotations in gold_{wsj,nyt,wp,fakes}.py,
and claims-gold-unseen.jsonl from those in gold_unseen_*.py (annotated after
the extractor was done, on texts it had not been tuned on).

Each line points at a text in ../shared/data (file, row, column, optional
prefix length) and lists the figures a careful reader finds in it, with their
metric, entity and attribution. The texts themselves are not copied: the
evaluator (gold_eval.cc) reads them from ../shared/data; the CTest entries
skip it, saying so, where that folder is absent.
"""
import json
import os

import gold_fakes
import gold_nyt
import gold_unseen_fakes
import gold_unseen_nyt
import gold_unseen_wsj
import gold_wp
import gold_wsj

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, sources):
    lines = []
    for module, column in sources:
        for row, figures in sorted(module.ROWS.items()):
            item = {"file": module.FILE, "row": row, "column": column,
                    "prefix": getattr(module, "PREFIX", 0),
                    "figures": [{"text": t, "metric": m, "entity": e, "attribution": a} for t, m, e, a in figures]}
            lines.append(json.dumps(item, ensure_ascii=False))
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print(f"{name}: {len(lines)} texts, {sum(len(json.loads(l)['figures']) for l in lines)} figures")


def main():
    write("claims-gold.jsonl", ((gold_wsj, "sentence"), (gold_nyt, "sentence"), (gold_wp, "sentence"),
                                (gold_fakes, "article_content")))
    write("claims-gold-unseen.jsonl", ((gold_unseen_nyt, "sentence"), (gold_unseen_wsj, "sentence"),
                                       (gold_unseen_fakes, "article_content")))


if __name__ == "__main__":
    main()
