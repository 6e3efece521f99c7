"""Feed bytes -> feedparser's result, refusing what is not a feed or could blow up.

Cheap checks run here; feedparser itself runs in a worker process under a memory and time
budget (alerts.parseworker), always on a byte stream, never on a URL, a path or a string.
"""

from __future__ import annotations

import re
from typing import Any

from alerts.errors import FeedError
from alerts.parseworker import default_pool

# Real feeds need no DTD internal subset; entity declarations are how a feed expands itself
# into gigabytes (feedparser's loose parser expands one large entity without limit).
_PROLOG_LIMIT = 4096
_DANGEROUS_PROLOG = re.compile(rb"<!ENTITY|<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
# The same declaration in the encodings feedparser detects from the bytes alone; a charset
# named in a header or declaration is checked in the worker, after feedparser's conversion.
_ENTITY_NEEDLES = tuple(
    "<!ENTITY".encode(codec)
    for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp037")
)


def parse_feed(body: bytes, final_url: str, content_type: str | None = None) -> Any:
    """Parse feed bytes; raise FeedError when they are not a feed at all."""
    if not body.strip():
        raise FeedError(f"{final_url} returned an empty body where a feed was expected",
                        kind="empty")
    if _declares_entities(body):
        raise FeedError(f"{final_url} declares XML entities (a DTD internal subset); feeds do "
                        "not need them and they can exhaust memory, so it was not parsed",
                        kind="entities")
    parsed = default_pool().parse(body, final_url, content_type)
    if not parsed.get("version") and not parsed.get("entries"):
        kind = "html" if _looks_like_html(body) else "not-a-feed"
        what = "an HTML page" if kind == "html" else "something that is not RSS or Atom"
        raise FeedError(f"{final_url} returned {what} where a feed was expected; check that the "
                        "URL points at the feed itself", kind=kind)
    return parsed


def _declares_entities(body: bytes) -> bool:
    if _DANGEROUS_PROLOG.search(body[:_PROLOG_LIMIT]):
        return True
    if re.search(rb"<!ENTITY", body, re.IGNORECASE):
        return True
    return any(needle in body for needle in _ENTITY_NEEDLES)


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head
