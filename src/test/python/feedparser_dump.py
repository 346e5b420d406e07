#!/usr/bin/python3
"""Parses one feed URL with Python's feedparser and prints what it read as JSON.

Used by the Java tests to check that an independent parser reads Dispatch's feeds as published.
Exit status 0 always; "bozo" tells whether feedparser found the feed malformed.
"""
import json
import sys

import feedparser


def main(url):
    d = feedparser.parse(url)
    out = {
        "bozo": bool(d.bozo),
        "bozo_exception": repr(d.get("bozo_exception")) if d.bozo else None,
        "version": d.get("version"),
        "status": d.get("status"),
        "feed": {
            "title": d.feed.get("title"),
            "link": d.feed.get("link"),
            "language": d.feed.get("language"),
            "image": (d.feed.get("image") or {}).get("href"),
            "icon": d.feed.get("icon"),
            "logo": d.feed.get("logo"),
            "rights": d.feed.get("rights"),
            "license": d.feed.get("license"),
            "tags": [t.get("term") for t in d.feed.get("tags", [])],
        },
        "entries": [
            {
                "id": e.get("id"),
                "title": e.get("title"),
                "title_type": e.get("title_detail", {}).get("type"),
                "link": e.get("link"),
                "published": e.get("published"),
                "published_parsed": list(e.published_parsed[:6]) if e.get("published_parsed") else None,
                "related": [l.get("href") for l in e.get("links", []) if l.get("rel") == "related"],
                "content": [c.get("value") for c in e.get("content", [])],
                "summary": e.get("summary"),
                "enclosures": [{"href": l.get("href"), "type": l.get("type"), "length": l.get("length")}
                               for l in e.get("enclosures", [])],
                "media_thumbnail": [m.get("url") for m in e.get("media_thumbnail", [])],
                "media_content": [{"url": m.get("url"), "type": m.get("type"), "medium": m.get("medium")}
                                  for m in e.get("media_content", [])],
            }
            for e in d.entries
        ],
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
