#!/usr/bin/python3
"""Walks a feed's RFC 5005 archives from its current document to its oldest page and prints,
as JSON, every document visited and the ids of the entries each held.

RSS and Atom are read with Python's feedparser, following each document's link with
rel="prev-archive"; JSON Feed (which feedparser does not read) with the json module,
following "next_url". Used by the Java tests to check that an independent client finds
every entry exactly once.

Usage: history_walk.py URL FORMAT [PUBLIC_BASE]: "json" or "xml"; links under PUBLIC_BASE (the
base URL the feeds are published with) are followed at URL's origin instead, for a test
server on another port.
"""
import json
import sys
import urllib.parse
import urllib.request

import feedparser


def walk(url, fmt, public_base):
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(url))
    visited = []
    while url and len(visited) < 1000:
        if public_base and url.startswith(public_base):
            url = origin + url[len(public_base):]
        if url in visited:
            raise SystemExit("a loop: " + url + " again after " + " ".join(visited))
        visited.append(url)
        if fmt == "json":
            with urllib.request.urlopen(url) as r:
                d = json.load(r)
            yield url, [i["id"] for i in d.get("items", [])], False
            url = d.get("next_url")
        else:
            d = feedparser.parse(url)
            yield url, [e.get("id") for e in d.entries], bool(d.bozo)
            url = next((l.get("href") for l in d.feed.get("links", []) if l.get("rel") == "prev-archive"), None)


def main(url, fmt, public_base=None):
    pages = [{"url": u, "ids": ids, "bozo": bozo} for u, ids, bozo in walk(url, fmt, public_base)]
    json.dump({"pages": pages}, sys.stdout)


if __name__ == "__main__":
    main(*sys.argv[1:])
