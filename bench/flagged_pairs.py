#!/usr/bin/env python3
"""The conflict pairs crosscheck flags on real coverage no gold file covers.

A ruler for precision on unseen text, without annotating every figure: it
turns two corpora of ../shared/data into event folders, runs `crosscheck
check` on each, and writes every pair of disagreeing claims a conflict or
trend finding asserts (as tests/clusters/evaluate counts them), with both
sentences, so that a reader can judge a sample of them blind.

- FA-KES: the articles of one (location, date), two or more, none of the
  rows a cluster of tests/clusters uses (its groups are not one event
  each: several strikes in one province on one day, as a war's coverage is).
- The Gaza casualty mentions: the New York Times (Oct. 18-22 file), the
  Washington Post and the Wall Street Journal, one folder per day from
  Oct. 19 (the clusters stop at Oct. 18); each article is its sentences.

The folders are split in two halves by a hash of their names: `--half
read` is the one to read while working, `--half unread` the one to judge
only at the end.

    bench/flagged_pairs.py --data ../shared/data --crosscheck build/dev/crosscheck --half unread > pairs.txt
"""
import argparse
import collections
import csv
import datetime
import hashlib
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile

CLUSTERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "clusters")
OUTLETS = {"nyt": "The New York Times", "wp": "The Washington Post", "wsj": "The Wall Street Journal"}
GAZA_FILES = ["tagged_data_nyt_oct18_to_oct22.csv", "tagged_data_wp_oct7_to_oct22.csv",
              "tagged_data_wsj_oct7_to_oct22.csv"]
FIRST_GAZA_DAY = "2023-10-19"


def squeeze(text):
    return re.sub(r"\s+", " ", text).strip()


def us_date(text):
    month, day, year = (int(part) for part in text.split("/"))
    return datetime.date(year, month, day).isoformat()


def write_article(path, source, published, title, body):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"---\nsource: {json.dumps(source)}\n")
        if published:
            out.write(f"published: {published}\n")
        if title:
            out.write(f"title: {json.dumps(title)}\n")
        out.write("---\n\n" + body + "\n")


def fakes_rows_in_clusters():
    used = set()
    for name in os.listdir(CLUSTERS):
        gold = os.path.join(CLUSTERS, name, "gold.yaml")
        if name.startswith("fakes-") and os.path.exists(gold):
            with open(gold, encoding="utf-8") as handle:
                used.update(int(row) for row in re.findall(r"row:\s*(\d+)", handle.read()))
    return used


def write_folders(data, root):
    used = fakes_rows_in_clusters()
    with open(os.path.join(data, "fa-kes", "FA-KES-Dataset.csv"), encoding="utf-8", errors="replace") as handle:
        rows = list(csv.DictReader(handle))
    groups = collections.defaultdict(list)
    for index, row in enumerate(rows):
        groups[(row["location"], row["date"])].append(index)
    for (location, date), members in groups.items():
        if len(members) < 2 or any(index in used for index in members):
            continue
        for index in members:
            row = rows[index]
            write_article(os.path.join(root, f"fk-{location}-{us_date(date)}", f"r{index:03d}.md"), row["source"],
                          us_date(date), squeeze(row["article_title"]), row["article_content"].strip())
    for name in GAZA_FILES:
        with open(os.path.join(data, "gaza-casualty-mentions", "data", name), encoding="utf-8") as handle:
            sentences = collections.defaultdict(list)
            for row in csv.DictReader(handle):
                sentences[int(row["article_index"])].append(row)
        outlet = name.split("_")[2]
        for index, article in sentences.items():
            day = article[0]["article_date"].split()[0]
            day = us_date(day) if "/" in day else day[:10]
            if day < FIRST_GAZA_DAY:
                continue
            write_article(os.path.join(root, f"gz-{day}", f"{outlet}-{index:04d}.md"), OUTLETS[outlet], day,
                          squeeze(article[0]["article_title"]), "\n\n".join(squeeze(r["sentence"]) for r in article))


def half_of(folder):
    return "read" if int(hashlib.md5(folder.encode()).hexdigest(), 16) % 2 == 0 else "unread"


def disjoint(a, b):
    def ends(claim):
        low = claim["low"] if claim["low"] is not None else float("-inf")
        high = claim["high"] if claim["high"] is not None else float("inf")
        return low, high
    (a_low, a_high), (b_low, b_high) = ends(a), ends(b)
    return a_high < b_low or b_high < a_low


def sentence_of(root, claim):
    with open(os.path.join(root, claim["file"]), encoding="utf-8") as handle:
        return handle.read().split("\n")[claim["line"] - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--crosscheck", default="build/dev/crosscheck")
    parser.add_argument("--half", choices=["read", "unread"], required=True)
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.data, "fa-kes")):
        sys.exit(f"flagged_pairs: no FA-KES under {args.data}: give --data the shared data folder")
    crosscheck = os.path.abspath(args.crosscheck)
    count = 0
    with tempfile.TemporaryDirectory(prefix="crosscheck-pairs-") as root:
        write_folders(args.data, root)
        for folder in sorted(os.listdir(root)):
            if half_of(folder) != args.half:
                continue
            run = subprocess.run([crosscheck, "check", folder, "--format", "json", "--fail-on", "never", "--jobs", "1"],
                                 cwd=root, capture_output=True, text=True, check=True)
            for finding in json.loads(run.stdout)["findings"]:
                if finding["kind"] not in ("conflict", "trend"):
                    continue
                for a, b in itertools.combinations(finding["claims"], 2):
                    if not disjoint(a, b):
                        continue
                    count += 1
                    print(f"### {count} {folder} {finding['rule']}: {finding['entity']} {finding['metric']}")
                    for claim in (a, b):
                        credited = (claim.get("attribution") or {}).get("authority")
                        print(f"  [{os.path.basename(claim['file'])}, {claim['source']}] {claim['text']!r} "
                              f"(credited to: {credited}) | {sentence_of(root, claim)[:400]}")
    print(f"flagged pairs: {count}", file=sys.stderr)


if __name__ == "__main__":
    main()
