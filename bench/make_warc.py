#!/usr/bin/env python3
"""Writes a WARC file of saved web pages, as a crawler would (WARC/1.1).

Each page becomes a `request` record and a `response` record (an HTTP/1.1 200
with Content-Type text/html), after one `warcinfo` record; with a name
ending in .gz every record is its own gzip member, as crawls store them.
Pages are the *.html and *.html.gz files of a folder, sorted by name.

Usage: make_warc.py PAGES_DIR OUT.warc[.gz] [--urls GROUND_TRUTH_JSON] [--copies N]
  --urls: a JSON object {"<page name>": {"url": ...}} giving each page's
          address (the article-extraction benchmark's ground-truth.json);
          otherwise https://example.org/<name>.
  --copies: write the pages N times (for throughput runs), each copy with
            its own record ids.
"""
import argparse
import gzip
import json
import os
import uuid


def record(kind, fields, block):
    head = [b"WARC/1.1", b"WARC-Type: " + kind.encode()]
    head += [f"{name}: {value}".encode() for name, value in fields]
    head.append(b"Content-Length: %d" % len(block))
    return b"\r\n".join(head) + b"\r\n\r\n" + block + b"\r\n\r\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pages")
    parser.add_argument("out")
    parser.add_argument("--urls")
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    urls = {}
    if args.urls:
        with open(args.urls) as f:
            urls = {name: entry.get("url", "") for name, entry in json.load(f).items()}
    names = sorted(n for n in os.listdir(args.pages) if n.endswith(".html") or n.endswith(".html.gz"))
    compress = args.out.endswith(".gz")
    ids = uuid.UUID(int=0x5EED)
    counter = 0

    def next_id():
        nonlocal counter
        counter += 1
        return f"<urn:uuid:{uuid.UUID(int=ids.int + counter)}>"

    with open(args.out, "wb") as out:
        def write(data):
            out.write(gzip.compress(data, mtime=0) if compress else data)

        info = b"software: crosscheck bench/make_warc.py\r\nformat: WARC File Format 1.1\r\n"
        write(record("warcinfo", [("WARC-Record-ID", next_id()), ("WARC-Date", "2019-11-20T00:00:00Z"),
                                  ("Content-Type", "application/warc-fields")], info))
        for copy in range(args.copies):
            for name in names:
                path = os.path.join(args.pages, name)
                with open(path, "rb") as f:
                    page = f.read()
                if name.endswith(".gz"):
                    page = gzip.decompress(page)
                stem = name[: -len(".html.gz")] if name.endswith(".html.gz") else name[: -len(".html")]
                url = urls.get(stem) or f"https://example.org/{stem}"
                if copy:
                    url += f"?copy={copy}"
                host = url.split("/")[2] if "://" in url else "example.org"
                request = f"GET /{stem} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
                write(record("request", [("WARC-Record-ID", next_id()), ("WARC-Date", "2019-11-20T00:00:00Z"),
                                         ("WARC-Target-URI", url), ("Content-Type", "application/http; msgtype=request")],
                             request))
                response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                            b"Content-Length: %d\r\n\r\n" % len(page)) + page
                write(record("response", [("WARC-Record-ID", next_id()), ("WARC-Date", "2019-11-20T00:00:00Z"),
                                          ("WARC-Target-URI", url),
                                          ("Content-Type", "application/http; msgtype=response")], response))


if __name__ == "__main__":
    main()
