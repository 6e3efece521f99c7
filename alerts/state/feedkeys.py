"""Items' feeds and keys as stored since migration 0028 (#17): a number, and the key after
what its feed's address already says.

- An item, story member or development names its feed by the feed's number (`feeds.id`),
  not by its URL (about 30 bytes in each row and again in each index): renaming a feed (its
  secrets masked, `rekey_feeds`) changes one row of `feeds`.
- A key that begins with 'g:' and its feed's origin (the scheme and host of the feed's URL,
  'g:https://example.org' for https://example.org/rss.xml: a GUID that is a page of the
  feed's own site) is stored as '~' and the rest ('~/world/123'), and read back with that
  origin in front again. A key that itself begins with '~' or '\\' is stored after a '\\'
  ('\\~x'), so every stored value reads back as exactly the key it was. The origin is the
  feed's URL as `feeds` holds it: masking a secret in it masks it in every key so stored, as
  masking the keys themselves did before (`rekey_feeds` masks the rest of each key).

Readers go through `stored_key` and `read_key`; SQL compares stored keys of the same feed
with each other as they are (one feed, one origin: equal keys, equal stored values).
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

RELATIVE = "~"  # the key is its feed's origin ('g:' first) and what follows
ESCAPED = "\\"  # the key is what follows, as it is
FEED_ID = "(SELECT id FROM feeds WHERE url = ?)"  # a feed's number, by its URL


@lru_cache(maxsize=4096)
def key_base(feed_url: str) -> str:
    """What a key of this feed's items may begin with to be stored relative: 'g:' and the
    URL up to the end of its host (before the first '/', '?' or '#' after '://'); '' for a
    URL without '://' (its keys are stored as they are)."""
    start = feed_url.find("://")
    if start <= 0:
        return ""
    end = len(feed_url)
    for mark in "/?#":
        found = feed_url.find(mark, start + 3)
        if found != -1:
            end = min(end, found)
    return "g:" + feed_url[:end]


def stored_key(key: str, feed_url: str) -> str:
    """An item's key as stored for its feed."""
    base = key_base(feed_url)
    if base and key.startswith(base):
        return RELATIVE + key[len(base):]
    if key[:1] in (RELATIVE, ESCAPED):
        return ESCAPED + key
    return key


def read_key(stored: str, feed_url: str) -> str:
    """A stored key back as the key it was."""
    first = stored[:1]
    if first == RELATIVE:
        return key_base(feed_url) + stored[1:]
    if first == ESCAPED:
        return stored[1:]
    return stored


def stored_keys(keys: list[str], feed_url: str) -> list[str]:
    """`stored_key` of each key (the seen-before query's: one base for them all)."""
    base = key_base(feed_url)
    cut = len(base)
    return [RELATIVE + key[cut:] if base and key.startswith(base)
            else (ESCAPED + key if key[:1] in (RELATIVE, ESCAPED) else key) for key in keys]


def feed_number(conn: sqlite3.Connection, url: str) -> int:
    """The feed's number, its row made (unnamed: the poll names it) when it has none yet
    (a story joined by a feed's first items, before its poll is recorded)."""
    row = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
    if row is None:
        row = conn.execute("INSERT INTO feeds (url) VALUES (?) RETURNING id", (url,)).fetchone()
    return int(row[0])
