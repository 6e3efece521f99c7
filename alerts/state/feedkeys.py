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
    """`stored_key` of each key (the seen-before query's and the poll's: one base for them
    all). On the hot path of every poll, so the usual cases are done on the keys joined:
    when no key holds a line break, '~' or '\\', they are stored as they are, or with the
    base after each line break replaced."""
    if not keys:
        return []
    base = key_base(feed_url)
    joined = "\n" + "\n".join(keys)
    if RELATIVE not in joined and ESCAPED not in joined:
        if not base or base not in joined:
            return list(keys)  # none begins with the base, none needs escaping
        if joined.count("\n") == len(keys) and "\n" not in base:  # each begins a key
            return joined.replace("\n" + base, "\n" + RELATIVE).split("\n")[1:]
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


# Items' links since migration 0029: kept after their feed's link base (feeds.link_base), the
# beginning the feed's links share up to a '/' after their host, set once from the first
# links it stores ('https://example.org/world/' for https://example.org/world/123), as keys
# after their feed's origin: '~' and the rest, a link that begins with '~' or '\\' after a
# '\\'. The base is never changed once set (a relative link names it); a feed without one
# keeps its links whole until a poll stores two that share one.
def link_base(links: list[str | None]) -> str | None:
    """The base these links share: of the links on the host most of them are on, their
    longest common beginning up to and including its last '/' after the host; None when
    fewer than two links are on one host."""
    hosts: dict[str, list[str]] = {}
    for link in links:
        if link:
            origin = key_base(link)  # 'g:scheme://host' ('' without '://')
            if origin:
                hosts.setdefault(origin, []).append(link)
    if not hosts:
        return None
    found = max(sorted(hosts.values()), key=len)
    if len(found) < 2:
        return None
    low, high = min(found), max(found)  # what all share, the first and last in order share
    size = 0
    while size < len(low) and low[size] == high[size]:
        size += 1
    prefix = low[:size]
    start = prefix.find("://")
    cut = prefix.rfind("/")
    if start <= 0 or cut <= start + 2:
        return None
    return prefix[:cut + 1]


def stored_link(link: str | None, base: str | None) -> str | None:
    """An item's link as stored for a feed whose links are kept after `base`."""
    if link is None:
        return None
    if base and link.startswith(base):
        return RELATIVE + link[len(base):]
    if link[:1] in (RELATIVE, ESCAPED):
        return ESCAPED + link
    return link


def read_link(stored: str | None, base: str | None) -> str | None:
    """A stored link back as the link it was."""
    if stored is None:
        return None
    first = stored[:1]
    if first == RELATIVE:
        return (base or "") + stored[1:]
    if first == ESCAPED:
        return stored[1:]
    return stored


def link_sql(alias: str = "i") -> str:
    """SQL for the whole link of the item row `alias` (its feed's base read when it is kept
    after it), for queries that give or compare links."""
    return (f"CASE substr({alias}.link, 1, 1) WHEN '{RELATIVE}' THEN (SELECT lb.link_base "
            f"FROM feeds lb WHERE lb.id = {alias}.feed_id) || substr({alias}.link, 2) "
            f"WHEN '{ESCAPED}' THEN substr({alias}.link, 2) ELSE {alias}.link END")


def feed_link_base(conn: sqlite3.Connection, feed_id: int, base: str | None,
                   links: list[str | None]) -> str | None:
    """The feed's link base: `base`, as set, else set now from these links when they share
    one."""
    if base is None:
        base = link_base(links)
        if base is not None:
            conn.execute("UPDATE feeds SET link_base = ? WHERE id = ?", (base, feed_id))
    return None if base is None else str(base)
