#!/usr/bin/python3
"""Runs `crosscheck check` over a corpus on a Dask cluster, as map and reduce.

Map: each shard of the corpus's files goes to `crosscheck extract --keyed` on
a worker, which prints one line per claim: its partition key (the entity
family), a tab, the claim as JSON. The lines are split into R partitions by a
stable hash of the key.

Shuffle and reduce: reducer r gathers partition r of every map output (Dask
moves them between workers) and feeds it to `crosscheck check --claims -
--format json`. Every rule compares claims of one entity family only, so the
union of the reducers' findings is what one process over the whole corpus
finds; it is printed sorted as `crosscheck check` sorts it.

The workers run the crosscheck binary and read the corpus files at the same
paths as the driver (one machine, or a shared file system), from the
driver's working directory, so that claims name their files as a single
`crosscheck check` would.

    crosscheck_dask.py --scheduler tcp://127.0.0.1:8786 --crosscheck build/crosscheck \\
        --shards 4 --partitions 2 corpora/

Exit status as `crosscheck check`: 0 no error findings, 1 findings of
severity error, 2 an input error on some worker (its messages on stderr).
"""

import argparse
import itertools
import json
import os
import subprocess
import sys
import zlib

# What crosscheck reads (src/ingest/input_files.cc, is_article_file).
ARTICLE_EXTENSIONS = (".txt", ".md", ".jsonl", ".html", ".htm", ".html.gz", ".htm.gz", ".warc", ".warc.gz", ".rss",
                      ".atom", ".xml")


def corpus_files(paths):
    """The article files under `paths`, as crosscheck would find them (sorted, hidden entries left out)."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if not name.startswith(".") and name.lower().endswith(ARTICLE_EXTENSIONS):
                        files.append(os.path.join(root, name))
        else:
            files.append(path)
    return files


def shard(files, count):
    """`files` dealt into `count` shards of about equal size in bytes, each
    folder's files whole in one shard: crosscheck reads a folder's articles
    as one event's coverage (README, "One event's coverage"), which a folder
    split between two mappers would not be."""
    folders = {}
    for path in files:
        folders.setdefault(os.path.dirname(path), []).append(path)
    size = lambda f: os.path.getsize(f) if os.path.exists(f) else 0
    shards = [[] for _ in range(max(1, count))]
    sizes = [0] * len(shards)
    for folder in sorted(folders.values(), key=lambda group: (-sum(size(f) for f in group), group[0])):
        smallest = sizes.index(min(sizes))
        shards[smallest].extend(folder)
        sizes[smallest] += sum(size(f) for f in folder)
    return [sorted(s, key=folder_order) for s in shards if s]


def folder_order(path):
    """A folder's own files together, before its subfolders' ("a/b-notes.md",
    "a/c.md", then "a/b/x.md"): plain name order would put "a/b/x.md" between."""
    return os.path.dirname(path), os.path.basename(path)


def calls_of(files):
    """`files` (in folder_order) in runs of at most FILES_PER_CALL, a
    folder's files in one run unless it alone holds more."""
    calls, current = [], []
    for folder_files in itertools.groupby(files, key=os.path.dirname):
        group = list(folder_files[1])
        if current and len(current) + len(group) > FILES_PER_CALL:
            calls.append(current)
            current = []
        for start in range(0, len(group), FILES_PER_CALL):
            current += group[start:start + FILES_PER_CALL]
            if len(current) >= FILES_PER_CALL:
                calls.append(current)
                current = []
    return calls + ([current] if current else [])


def partition_of(key, partitions):
    # crc32, not hash(): Python salts str hashes per process, and every
    # mapper must send a key to the same reducer.
    return zlib.crc32(key.encode("utf-8")) % partitions


FILES_PER_CALL = 1000  # keeps each command line far below the system's argument limit


def map_shard(crosscheck, cwd, files, partitions):
    """Runs the mapper on one shard; returns its claim lines split by partition, and its errors."""
    split = [[] for _ in range(partitions)]
    errors = []
    status = 0
    for call in calls_of(files):
        result = subprocess.run([crosscheck, "extract", "--keyed", "--jobs", "1", *call],
                                cwd=cwd, capture_output=True, check=False)
        for line in result.stdout.decode("utf-8").splitlines():
            key = line.split("\t", 1)[0]
            split[partition_of(key, partitions)].append(line)
        errors += [l for l in result.stderr.decode("utf-8").splitlines() if ": error: " in l or ": note: " in l]
        status = max(status, result.returncode)
    from distributed import get_worker
    return {"partitions": ["\n".join(p) + "\n" if p else "" for p in split], "status": status,
            "errors": errors, "worker": get_worker().address}


def partition(map_output, index):
    return map_output["partitions"][index]


def reduce_partition(crosscheck, cwd, rules, *pieces):
    """Runs the reducer on one partition's claim lines; returns its findings and its exit status."""
    claims = "".join(pieces)
    command = [crosscheck, "check", "--claims", "-", "--format", "json", "--fail-on", "never"]
    if rules:
        command += ["--rules", rules]
    result = subprocess.run(command, cwd=cwd, input=claims.encode("utf-8"), capture_output=True, check=False)
    if result.returncode not in (0, 1):
        return {"findings": [], "status": result.returncode, "errors": result.stderr.decode("utf-8").splitlines()}
    report = json.loads(result.stdout)
    return {"findings": report["findings"], "status": result.returncode, "errors": []}


def sort_key(finding):
    first = finding["claims"][0]
    return (first["file"], first["line"], first["column"], finding["rule"], finding["fingerprint"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="corpus files or folders")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="the Dask scheduler's address, tcp://HOST:PORT")
    where.add_argument("--scheduler-file", help="the file a scheduler started with --scheduler-file wrote")
    parser.add_argument("--crosscheck", default="crosscheck", help="the crosscheck binary on the workers")
    parser.add_argument("--shards", type=int, default=8, help="map tasks (the corpus files dealt among them)")
    parser.add_argument("--partitions", type=int, default=4, help="reduce tasks (entity families hashed among them)")
    parser.add_argument("--rules", default="", help="a rules folder for the reducers (default: the built-in rules)")
    args = parser.parse_args()

    from distributed import Client  # imported here so that --help works without Dask

    crosscheck = os.path.abspath(args.crosscheck) if os.sep in args.crosscheck else args.crosscheck
    cwd = os.getcwd()
    rules = os.path.abspath(args.rules) if args.rules else ""
    files = corpus_files(args.paths)
    missing = [f for f in files if not os.path.exists(f)]
    if missing:
        print(f"crosscheck_dask: no such file: {missing[0]}", file=sys.stderr)
        return 2
    partitions = max(1, args.partitions)
    connection = {"scheduler_file": args.scheduler_file} if args.scheduler_file else {"address": args.scheduler}
    with Client(**connection) as client:
        maps = [client.submit(map_shard, crosscheck, cwd, files, partitions, pure=False)
                for files in shard(files, args.shards)]
        reduces = []
        for index in range(partitions):
            pieces = [client.submit(partition, m, index) for m in maps]
            reduces.append(client.submit(reduce_partition, crosscheck, cwd, rules, *pieces, pure=False))
        map_results = client.gather(maps)
        reduce_results = client.gather(reduces)

    errors = [e for r in map_results + reduce_results for e in r["errors"]]
    findings = sorted((f for r in reduce_results for f in r["findings"]), key=sort_key)
    json.dump({"findings": findings}, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    for error in errors:
        print(error, file=sys.stderr)
    workers = len({r["worker"] for r in map_results})
    print(f"crosscheck_dask: {len(findings)} findings from {len(files)} files in {len(map_results)} shards "
          f"and {partitions} partitions; mapped on {workers} workers", file=sys.stderr)
    if any(r["status"] not in (0, 1) for r in map_results + reduce_results):
        return 2
    return 1 if any(f["severity"] == "error" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
