"""The fast reader joins an entry's relative links as feedparser does (#17: a single path
segment, such as a GUID taken for a link, is appended to the base's folder without urllib)."""

from __future__ import annotations

import random
from urllib.parse import urlsplit

from feedparser.urls import _urljoin

from alerts.fastparse import _SEGMENT, _feedparser

BASES = ["http://127.0.0.1:8080/f3.xml", "https://wire.example.org/", "https://x.org",
         "https://x.org/a/b", "https://x.org/a/b/", "https://x.org/a//b/c", "https://x.org/a/..",
         "https://x.org/a/../", "https://x.org/./a/.", "https://x.org/a?q=1#f",
         "https://x.org/a;p", "https://x.org/%2F/a", "https://u:p@x.org:1/a", "http://[::1]/a",
         "http://[::1/a", "ftp://x.org/a/b", "news:comp.lang", "file:///tmp/a.xml",
         "HTTP://X.ORG/A/B", "https://x.org/a/b/../../../c", "mailto:a@x.org", "x.org/a"]
URIS = ["f0-i49", "item-123", "a.b", "a..b", "~x", "%41", "-", "_", ".", "..", "a/b", "/a",
        "?q", "#f", "a;p", "urn:x", "https://y.org/a", "//y.org/a", "a b", "é", ""]


def test_every_join_is_feedparser_s():
    fp = _feedparser()
    rng = random.Random(6)
    uris = URIS + ["".join(rng.choices("ab9_~%-.", k=rng.randint(1, 6))) for _ in range(300)]
    fast = 0
    for base in BASES:
        # A base urllib cannot read is no fetched address (httpx refuses it first).
        try:
            urlsplit(base)
        except ValueError:
            continue
        for uri in uris:
            assert fp.urljoin(base, uri) == _urljoin(base, uri), (base, uri)
            fast += bool(_SEGMENT.fullmatch(uri)) and bool(fp._folder(base))
    assert fast > 1500  # the quick way was taken
