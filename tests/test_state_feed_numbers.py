"""Store less (#17, migration 0028): items, story members and developments name their feed by
its number, and a key that begins with 'g:' and its feed's origin is kept as '~' and the rest.
A state made by the previous code upgrades with every reader giving what it gave and every
row back to the value; an upgrade killed at any of its statements loses nothing; every key
reads back exactly; masking a feed's secret renames one feed row and masks its keys as
before; a story joined by a feed's first items before its poll is recorded has its feed; the
web view shows whole keys and feeds by their address."""

from __future__ import annotations

import asyncio
import random
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alerts.models import Fetched, Item
from alerts.state import Store
from alerts.state.feedkeys import key_base, read_key, stored_key, stored_keys
from tests.old_states import (
    as_json,
    items_as_before_0028,
    killed_upgrade,
    members_as_before_0028,
    recorded,
    restore,
)
from tests.tools.state_before_0020 import more_readings

OLD = "state-before-0028"
T0 = datetime(2025, 7, 8, 9, 0, tzinfo=UTC)
ITEMS = ("SELECT id, feed_url, key, guid, link, title, summary, published, language, "
         "content_hash, first_seen, last_seen, edits, content, author, categories "
         "FROM {} items ORDER BY id")
MEMBERS = ("SELECT id, story_id, feed_url, item_key, publisher, title, link, joined_by, at, "
           "status, why_id, as_item FROM {} m ORDER BY id")
DEVELOPMENTS = ("SELECT d.story_id, d.rule_id, d.status, {key}, {feed}, d.at "
                "FROM story_developments d {join} ORDER BY 1, 2, 3")


def developments(conn: sqlite3.Connection, numbered: bool) -> list[tuple[object, ...]]:
    if not numbered:
        return conn.execute(DEVELOPMENTS.format(key="d.item_key", feed="d.feed_url",
                                                join="")).fetchall()
    return [(*row[:3], read_key(row[3], row[4]), *row[4:]) for row in conn.execute(
        DEVELOPMENTS.format(key="d.item_key", feed="f.url",
                            join="JOIN feeds f ON f.id = d.feed_id"))]


def feeds(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    cur = conn.execute("SELECT * FROM feeds ORDER BY url")
    names = [c[0] for c in cur.description]
    return [tuple(v for n, v in zip(names, row, strict=True) if n not in ("id", "link_base"))
            for row in cur]  # the number (0028) and link base (0029) are new


def readings_but_gone(db: Path) -> dict[str, object]:
    """Every reader's answers on the upgraded state, but for the feed the upgrade gave a row
    (only a story member and a development named it), which has no items and no arrivals."""
    found = as_json(more_readings(db))
    gone = "https://gone.example/rss"
    stored = found["stored_items"]
    assert [feed for feed in stored if feed[0] == gone] == [[gone, None, []]]
    found["stored_items"] = [feed for feed in stored if feed[0] != gone]
    assert found["arrivals"].pop(gone) == []
    return found


def test_a_state_made_before_upgrades_and_reads_the_same(tmp_path):
    db = restore(OLD, tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        items = conn.execute(ITEMS.format("items")).fetchall()
        members = conn.execute(MEMBERS.format("story_members")).fetchall()
        developed = developments(conn, numbered=False)
        feed_rows = feeds(conn)
        rules = conn.execute("SELECT * FROM story_member_rules ORDER BY 1, 2").fetchall()
        unnamed = {url for (url,) in conn.execute(
            "SELECT feed_url FROM story_members UNION SELECT feed_url FROM story_developments "
            "EXCEPT SELECT url FROM feeds")}
    assert unnamed == {"https://gone.example/rss"}
    assert readings_but_gone(db) == recorded(OLD)  # every reader, as the old code read
    with sqlite3.connect(db) as conn:
        assert "0028_feed_numbers_and_relative_keys" in {
            name for (name,) in conn.execute("SELECT name FROM _sqlite_migrations")}
        assert conn.execute(ITEMS.format(items_as_before_0028(conn))).fetchall() == items
        assert conn.execute(MEMBERS.format(members_as_before_0028(conn))).fetchall() == members
        assert developments(conn, numbered=True) == developed
        assert conn.execute("SELECT * FROM story_member_rules ORDER BY 1, 2").fetchall() == rules
        # Every feed as it was, and the one only a member named, unnamed.
        assert feeds(conn) == sorted([*feed_rows, ("https://gone.example/rss",) + (None,) * 4
                                      + (0, None, None, None, None, None, 0, 0) + (None,) * 7])
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = dict(conn.execute("SELECT id, key FROM items WHERE id > 1020").fetchall())
    assert stored == {1021: "~/news/1", 1022: "~/news/2?x=1", 1023: "~", 1024: "~.org/news/3",
                      1025: "\\~tilde", 1026: "\\\\backslash", 1027: "h:0123456789abcdef",
                      1028: "~/news/4"}


@pytest.mark.parametrize("statement", [
    "CREATE TABLE feeds_0028", "INSERT INTO feeds_0028 (url)", "INSERT INTO items_0028",
    "INSERT INTO story_members_0028", "INSERT INTO story_developments_0028",
    "DROP TABLE feeds", "ALTER TABLE items_0028 RENAME TO items",
    "CREATE INDEX story_members_item"])
def test_an_upgrade_killed_at_any_statement_loses_nothing(tmp_path, statement):
    (tmp_path / "state").mkdir()
    db = restore(OLD, tmp_path / "state" / "alerts.db")
    killed_upgrade(db, statement, tmp_path)


def test_a_killed_upgrade_then_upgrades_whole(tmp_path):
    (tmp_path / "state").mkdir()
    db = restore(OLD, tmp_path / "state" / "alerts.db")
    killed_upgrade(db, "INSERT INTO story_members_0028", tmp_path)
    assert readings_but_gone(db) == recorded(OLD)


@pytest.mark.parametrize(("feed", "key", "stored"), [
    ("https://a.example/rss", "g:https://a.example/x/1", "~/x/1"),
    ("https://a.example/rss", "g:https://a.example", "~"),
    ("https://a.example:8443/rss?t=1", "g:https://a.example:8443/x", "~/x"),
    ("https://a.example:8443/rss", "g:https://a.example:84/x", "g:https://a.example:84/x"),
    ("https://a.example/rss", "g:https://b.example/x", "g:https://b.example/x"),
    ("https://a.example/rss", "g:http://a.example/x", "g:http://a.example/x"),
    ("https://a.example/rss", "~x", "\\~x"),
    ("https://a.example/rss", "\\x", "\\\\x"),
    ("https://a.example/rss", "~", "\\~"),
    ("https://a.example/rss", "", ""),
    ("https://a.example/rss", "h:abc", "h:abc"),
    ("file-without-scheme.xml", "g:file-without-scheme.xml/1", "g:file-without-scheme.xml/1"),
    ("https://a.example#frag", "g:https://a.example#1", "~#1"),
])
def test_every_key_reads_back_exactly(feed, key, stored):
    assert stored_key(key, feed) == stored
    assert stored_keys([key], feed) == [stored]
    assert read_key(stored, feed) == key


def test_the_keys_of_a_poll_are_stored_as_each_alone():
    """stored_keys (the poll's, done on the keys joined) is stored_key of each key, whatever
    the keys hold: line breaks, '~', '\\', the base in the middle or twice, a base with a line
    break (2,000 seeded random lists)."""
    rng = random.Random(28)
    parts = ["g:", "https://a.example", "/", "~", "\\", "\n", "x", "h:", "g:https://a.example"]
    feeds = ["https://a.example/rss", "no scheme", "https://a.example\n/rss", "https://x\ny/"]
    for _ in range(2000):
        keys = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 4)))
                for _ in range(rng.randint(1, 6))]
        feed = rng.choice(feeds)
        assert stored_keys(keys, feed) == [stored_key(key, feed) for key in keys], (keys, feed)
    assert stored_keys([], "https://a.example/rss") == []


def test_the_base_is_the_origin_of_the_feed():
    assert key_base("https://desk:pw@a.example:8080/f/rss.xml?x=1") == \
        "g:https://desk:pw@a.example:8080"
    assert key_base("no scheme") == ""


def _item(key: str, n: int = 0, feed: str = "https://a.example/rss") -> Item:
    return Item(feed_url=feed, feed_name="A", key=key,
                guid=key[2:] if key.startswith("g:") else None,
                link=f"https://a.example/page/{n}", title=f"Talks resume, round {n}",
                summary="Delegations met in Geneva.", published=T0 + timedelta(minutes=n),
                content_hash=f"{n:016x}")


def _poll(store: Store, new: list[Item], *, edited: list[Item] = (),  # type: ignore[assignment]
          seen: list[str] = (), n: int = 0,  # type: ignore[assignment]
          feed: str = "https://a.example/rss") -> None:
    store.record_poll(feed_url=feed, feed_name="A", now=T0 + timedelta(hours=n),
                      fetched=Fetched(feed, feed, 200, b""), body_hash=f"h{n}",
                      new_items=new, edited_items=list(edited), seen_keys=list(seen), alerts=[])


def test_keys_that_look_stored_are_seen_again_and_edited(tmp_path):
    keys = ["g:https://a.example/1", "~/1", "\\~/1", "g:https://a.example", "~"]
    store = Store(tmp_path / "s.db")
    try:
        _poll(store, [_item(key, n) for n, key in enumerate(keys)])
        assert store.conn.execute("SELECT count(*) FROM items").fetchone() == (5,)
        known = store.known_items("https://a.example/rss", [*keys, "~/2"])
        assert sorted(known) == sorted(keys)
        # Each key is its own item: the edit of one changes that one only.
        edited = replace(_item("~/1", 1), title="Talks resume (updated)", content_hash="f" * 16)
        _poll(store, [], edited=[edited], seen=keys, n=1)
        [(_, _, rows)] = list(store.stored_items())
        assert [row["key"] for row in rows] == keys
        assert [row["title"] for row in rows if row["title"].endswith("(updated)")] == \
            ["Talks resume (updated)"]
        assert rows[1]["key"] == "~/1" and rows[1]["title"] == "Talks resume (updated)"
        assert [row["guid"] for row in rows] == [
            "https://a.example/1", None, None, "https://a.example", None]
    finally:
        store.close()


def test_two_feeds_of_one_site_keep_their_items_apart(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        _poll(store, [_item("g:https://a.example/1")])
        _poll(store, [_item("g:https://a.example/1", feed="https://a.example/other.xml")],
              feed="https://a.example/other.xml")
        assert store.conn.execute("SELECT count(*) FROM items").fetchone() == (2,)
        assert store.known_items("https://a.example/other.xml",
                                 ["g:https://a.example/1"]).keys() == {"g:https://a.example/1"}
        assert store.known_items("https://b.example/rss", ["g:https://a.example/1"]) == {}
    finally:
        store.close()


def test_a_story_joined_before_the_feeds_first_poll_is_recorded_has_its_feed(tmp_path):
    """The poll's story work comes before its items are stored, in one transaction: the
    feed's row is made for its member and development, and named by the poll."""
    store = Store(tmp_path / "s.db")
    item = _item("g:https://a.example/1")
    try:
        with store.write():
            story = store.add_to_story(None, item, T0, rule_ids=["r"], entity_keys=[],
                                       link=item.link, text="t", sig=None, band_keys=[],
                                       publisher="A")
            store.record_development(story.id, "r", "resumed", item, T0)
            _poll(store, [item])
        assert store.conn.execute("SELECT id, url, name FROM feeds").fetchall() == [
            (1, "https://a.example/rss", "A")]
        [source] = store.story_sources(story.id)
        assert (source["feed_url"], source["item_key"], source["title"]) == (
            "https://a.example/rss", "g:https://a.example/1", item.title)
        assert store.story_member("https://a.example/rss", "g:https://a.example/1")[
            "story_id"] == story.id
        assert store.conn.execute("SELECT feed_id, item_key FROM story_developments"
                                  ).fetchall() == [(1, "~/1")]
        assert store.conn.execute("SELECT as_item FROM story_members").fetchall() == [(1,)]
    finally:
        store.close()


SECRET = "tok-3f9a1c"


@pytest.mark.parametrize(("legacy", "masked", "keys", "masked_keys"), [
    # The secret in the feed's origin: in the origin its keys are stored after.
    (f"https://desk:{SECRET}@a.example/rss", "https://desk:***@a.example/rss",
     [f"g:https://desk:{SECRET}@a.example/1", f"g:https://a.example/2?key={SECRET}"],
     ["g:https://desk:***@a.example/1", "g:https://a.example/2?key=***"]),
    # The secret in the feed's query: in what its keys keep after the origin.
    (f"https://a.example/rss?key={SECRET}", "https://a.example/rss?key=***",
     [f"g:https://a.example/1?key={SECRET}", "g:https://a.example/3"],
     ["g:https://a.example/1?key=***", "g:https://a.example/3"]),
])
def test_a_masked_feed_is_renamed_in_one_row_and_its_keys_masked(tmp_path, legacy, masked,
                                                                   keys, masked_keys):
    store = Store(tmp_path / "s.db")
    try:
        items = [_item(key, n, legacy) for n, key in enumerate(keys)]
        _poll(store, items, feed=legacy)
        story = store.add_to_story(None, items[0], T0, rule_ids=["r"], entity_keys=[],
                                   link=None, text="t", sig=None, band_keys=[], publisher="A")
        for status, item in zip(["agreed", "violated"], items, strict=True):
            store.record_development(story.id, "r", status, item, T0)
        before = store.conn.execute("SELECT id, feed_id FROM items ORDER BY id").fetchall()
        assert store.adopt_feed(masked, legacy, [SECRET])
        assert store.conn.execute("SELECT id, url FROM feeds").fetchall() == [(1, masked)]
        assert store.conn.execute("SELECT id, feed_id FROM items ORDER BY id").fetchall() == \
            before
        [(_, _, rows)] = list(store.stored_items())
        assert [row["key"] for row in rows] == masked_keys
        assert SECRET not in repr(store.conn.execute("SELECT * FROM items").fetchall())
        [source] = store.story_sources(story.id)
        assert (source["feed_url"], source["item_key"]) == (masked, masked_keys[0])
        assert SECRET not in repr(store.conn.execute("SELECT * FROM story_members").fetchall())
        assert store.known_items(masked, masked_keys).keys() == set(masked_keys)
        # A development's item key (a WITHOUT ROWID table) is masked as its member's is.
        assert [stored_key(key, masked) for key in masked_keys] == [row[0] for row in
            store.conn.execute("SELECT item_key FROM story_developments ORDER BY at, status")]
        dump = "\n".join(store.conn.iterdump())
        assert SECRET not in dump
    finally:
        store.close()


def test_the_web_view_shows_whole_keys(tmp_path):
    datasette_app = pytest.importorskip("datasette.app")
    links = pytest.importorskip("alerts.web.links")
    store = Store(tmp_path / "state.db")
    try:
        _poll(store, [_item("g:https://a.example/1"), _item("~x", 1)])
        rows = store.conn.execute("SELECT feed_id, key, guid FROM items ORDER BY id").fetchall()
    finally:
        store.close()
    assert [key for _, key, _ in rows] == ["~/1", "\\~x"]
    datasette = datasette_app.Datasette([str(tmp_path / "state.db")])

    def shown(column: str, value: object, row: dict[str, object]) -> object:
        cell = links.render_cell(value=value, column=column, table="items", database="state",
                                 datasette=datasette, row=row)
        return asyncio.run(cell()) if callable(cell) else cell

    (feed_id, key, guid), (_, escaped, _) = rows
    row = {"feed_id": feed_id, "key": key, "guid": guid}
    assert shown("key", key, row) == "g:https://a.example/1"
    assert shown("guid", None, row) == "https://a.example/1"
    assert shown("key", escaped, {"feed_id": feed_id, "key": escaped}) == "~x"
    cell = links.render_cell(value="~/1", column="item_key", table="story_members",
                             database="state", datasette=datasette, row={"feed_id": feed_id})
    assert asyncio.run(cell()) == "g:https://a.example/1"
