"""Feed bytes -> feedparser's result, refusing what is not a feed or could blow up.

Cheap checks run here; feedparser itself runs in a worker process under a memory and time
budget (alerts.parseworker), always on a byte stream, never on a URL, a path or a string.
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass
from typing import Any

from alerts.errors import FeedError
from alerts.models import Feed, Item
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
    _refuse_early(body, final_url)
    parsed = default_pool().parse(body, final_url, content_type)
    _refuse_non_feed(body, final_url, parsed.get("version"), bool(parsed.get("entries")))
    return parsed


@dataclass(frozen=True)
class ParsedItems:
    items: list[Item]
    ttl: Any  # the feed's <ttl>, as given
    dropped: int = 0  # older entries left out by the max_entries cap
    oldest_first: bool = False  # the document lists its entries oldest first
    title: str | None = None  # the feed's own title (<channel><title>), as plain text


def parse_items(body: bytes, final_url: str, content_type: str | None, feed: Feed,
                max_entries: int) -> ParsedItems:
    """Feed bytes -> Items, parsed and normalised in a worker (see parse_feed)."""
    _refuse_early(body, final_url)
    answer = default_pool().parse_items(body, final_url, content_type, astuple(feed),
                                        max_entries)
    _refuse_non_feed(body, final_url, answer["version"], bool(answer["entries"]))
    return ParsedItems([Item(*fields) for fields in answer["items"]], answer["ttl"],
                       answer.get("dropped", 0), answer.get("oldest_first", False),
                       answer.get("title"))


def _refuse_early(body: bytes, final_url: str) -> None:
    if not body.strip():
        raise FeedError(f"{final_url} returned an empty body where a feed was expected",
                        kind="empty")
    if _declares_entities(body):
        raise FeedError(f"{final_url} declares XML entities (a DTD internal subset); feeds do "
                        "not need them and they can exhaust memory, so it was not parsed",
                        kind="entities")


def _refuse_non_feed(body: bytes, final_url: str, version: str | None, entries: bool) -> None:
    if not version and not entries:
        kind = "html" if _looks_like_html(body) else "not-a-feed"
        what = "an HTML page" if kind == "html" else "something that is not RSS or Atom"
        raise FeedError(f"{final_url} returned {what} where a feed was expected; check that the "
                        "URL points at the feed itself", kind=kind)


def _declares_entities(body: bytes) -> bool:
    if _DANGEROUS_PROLOG.search(body[:_PROLOG_LIMIT]):
        return True
    if re.search(rb"<!ENTITY", body, re.IGNORECASE):
        return True
    return any(needle in body for needle in _ENTITY_NEEDLES)


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head
