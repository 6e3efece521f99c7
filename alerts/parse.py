"""feedparser on a byte stream, never on a URL, a path or a string (it would open them)."""

from __future__ import annotations

import io
import re
from typing import Any

import feedparser

from alerts.errors import FeedError

# Real feeds need no DTD internal subset; entity declarations are how a feed expands itself
# into gigabytes (feedparser's loose parser expands one large entity without limit).
_PROLOG_LIMIT = 4096
_DANGEROUS_PROLOG = re.compile(rb"<!ENTITY|<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


def parse_feed(body: bytes, final_url: str, content_type: str | None = None) -> Any:
    """Parse feed bytes; raise FeedError when they are not a feed at all."""
    if not body.strip():
        raise FeedError(f"{final_url} returned an empty body where a feed was expected",
                        kind="empty")
    head = body[:_PROLOG_LIMIT]
    if _DANGEROUS_PROLOG.search(head) or b"<!ENTITY" in body:
        raise FeedError(f"{final_url} declares XML entities (a DTD internal subset); feeds do "
                        "not need them and they can exhaust memory, so it was not parsed",
                        kind="entities")
    headers = {"content-location": final_url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(
        # A stream, never bytes or str: given either, feedparser opens a local file whose path
        # equals the content (measured: a body of b"/etc/passwd" is read from disk).
        io.BytesIO(body),
        response_headers=headers,
        # We make plain text ourselves, so feedparser's HTML passes are wasted work.
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    if not parsed.get("version") and not parsed.entries:
        kind = "html" if _looks_like_html(body) else "not-a-feed"
        what = "an HTML page" if kind == "html" else "something that is not RSS or Atom"
        raise FeedError(f"{final_url} returned {what} where a feed was expected; check that the "
                        "URL points at the feed itself", kind=kind)
    return parsed


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head
