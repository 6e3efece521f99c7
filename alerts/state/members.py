"""Story members that are their item (#17, migration 0017): a member whose title and link are
those of its stored item says so (`as_item` = 1) instead of holding a copy; readers take them
from the item. Both steps run inside a poll's write transaction (`Items.record_poll`)."""

from __future__ import annotations

import sqlite3

from alerts.state.compact import text_sql
from alerts.state.db import IN_BATCH
from alerts.state.feedkeys import link_sql

# A member's title and link as read: its own, or its item's when it is the item (whose title
# is packed since 0033: read through alerts_text).
MEMBER_TITLE = f"CASE WHEN m.as_item THEN {text_sql('i.title')} ELSE m.title END"
MEMBER_LINK = f"CASE WHEN m.as_item THEN {link_sql('i')} ELSE m.link END"  # whole (0029)
MEMBER_ITEM = "LEFT JOIN items i ON m.as_item AND i.feed_id = m.feed_id AND i.key = m.item_key"


def _batches(keys: list[str]) -> list[list[str]]:
    return [keys[start:start + IN_BATCH] for start in range(0, len(keys), IN_BATCH)]


def members_as_items(conn: sqlite3.Connection, feed_id: int, keys: list[str]) -> None:
    """The members of these just-stored items that carry the item's own title and link
    stop copying them. `feed_id`, `keys`: the feed's number and the items' keys as stored
    (alerts.state.feedkeys), as members hold them."""
    for batch in _batches(keys):
        conn.execute(
            "UPDATE story_members SET as_item = 1, title = '', link = NULL "
            f"WHERE feed_id = ? AND item_key IN ({','.join('?' * len(batch))}) "
            "AND as_item = 0 AND EXISTS (SELECT 1 FROM items i WHERE i.feed_id = "
            "story_members.feed_id AND i.key = story_members.item_key AND "
            f"{text_sql('i.title')} = story_members.title "
            f"AND ({link_sql('i')}) IS story_members.link)",
            (feed_id, *batch))


_AS_JOINED = ("UPDATE story_members SET as_item = 0, "
              f"title = (SELECT {text_sql('i.title')} FROM items i "
              "WHERE i.feed_id = story_members.feed_id "
              "AND i.key = story_members.item_key), "
              f"link = (SELECT {link_sql('i')} FROM items i "
              "WHERE i.feed_id = story_members.feed_id "
              "AND i.key = story_members.item_key) WHERE as_item = 1 AND ")


def keep_members_as_joined(conn: sqlite3.Connection, feed_id: int, keys: list[str]) -> None:
    """Before these items are edited: their members get back the title and link they
    joined with (the item's, until now), so the edit does not rewrite them. `feed_id`,
    `keys`: as for members_as_items."""
    for batch in _batches(keys):
        conn.execute(_AS_JOINED + f"feed_id = ? AND item_key IN ({','.join('?' * len(batch))})",
                     (feed_id, *batch))


def keep_members_of(conn: sqlite3.Connection, items: str, args: tuple[object, ...]) -> None:
    """Before the items `items` selects (a query of their ids) are deleted: their members
    get their title and link back, as above."""
    conn.execute(_AS_JOINED + "EXISTS (SELECT 1 FROM items g WHERE g.feed_id = "
                 "story_members.feed_id AND g.key = story_members.item_key AND g.id IN "
                 f"({items}))", args)
