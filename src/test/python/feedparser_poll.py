#!/usr/bin/python3
"""Polls one feed URL with Python's feedparser as a feed reader does, sending the ETag it holds
(feedparser 6.0 always sends "A-IM: feed", RFC 3229), and prints as JSON what it was answered:
the status, the ETag to hold next, the IM header and the ids of the entries it read.

Usage: feedparser_poll.py URL [ETAG]
"""
import json
import sys

import feedparser


def main(url, etag=None):
    d = feedparser.parse(url, etag=etag)
    json.dump({
        "status": d.get("status"),
        "etag": d.get("etag"),
        "im": d.get("headers", {}).get("im"),
        "bozo": bool(d.get("bozo")),
        "ids": [e.get("id") for e in d.entries],
    }, sys.stdout)


if __name__ == "__main__":
    main(*sys.argv[1:])
