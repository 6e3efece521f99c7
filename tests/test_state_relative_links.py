"""Store less (#17, migration 0029): an item's link kept after its feed's link base, the
beginning the feed's links share up to a '/' after their host, set once from its first links.
A state made before upgrades with every reader giving what it gave; an upgrade killed at any
of its statements loses nothing; every link reads back exactly; the base is set once and never
changed; stories, queued alerts, masking of secrets and the web view give whole links."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from alerts.models import Fetched, Item
from alerts.state import Store
from alerts.state.feedkeys import link_base, link_sql, read_link, stored_link
from tests.old_states import items_as_before_0028, killed_upgrade, recorded, restore
from tests.test_state_feed_numbers import OLD, readings_but_gone

T0 = datetime(2025, 7, 9, 9, 0, tzinfo=UTC)
FEED = "https://a.example/rss"
WEB = Path(__file__).resolve().parents[1] / "alerts" / "web" / "metadata.yaml"


def test_a_state_made_before_upgrades_with_every_link_kept(tmp_path):
    db = restore(OLD, tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        links = conn.execute("SELECT id, link FROM items ORDER BY id").fetchall()
    assert readings_but_gone(db) == recorded(OLD)  # every reader: sources, alerts, outbox...
    with sqlite3.connect(db) as conn:
        assert conn.execute(f"SELECT id, link FROM {items_as_before_0028(conn)} items "
                            "ORDER BY id").fetchall() == links
        assert conn.execute(f"SELECT i.id, {link_sql('i')} FROM items i "
                            "ORDER BY i.id").fetchall() == links
        bases = dict(conn.execute("SELECT url, link_base FROM feeds").fetchall())
        stored = dict(conn.execute("SELECT id, link FROM items WHERE id > 1020").fetchall())
        relative = conn.execute("SELECT count(*) FROM items WHERE link LIKE '~%'").fetchone()[0]
    assert bases["https://wire-f.example/rss"] == "https://wire-f.example/news/"
    assert bases["https://gone.example/rss"] is None  # no items, no base
    assert stored[1021] == "~0" and stored[1028] == "~7"
    assert relative > 1000


@pytest.mark.parametrize("statement", [
    "ALTER TABLE feeds ADD COLUMN link_base", "UPDATE feeds SET link_base",
    "UPDATE items SET link = alerts_0029_link"])
def test_an_upgrade_killed_at_any_statement_loses_nothing(tmp_path, statement):
    (tmp_path / "state").mkdir()
    db = restore(OLD, tmp_path / "state" / "alerts.db")
    killed_upgrade(db, statement, tmp_path)


@pytest.mark.parametrize(("links", "base"), [
    (["https://a.example/world/1", "https://a.example/world/2"], "https://a.example/world/"),
    (["https://a.example/world/1", "https://a.example/us/2"], "https://a.example/"),
    (["https://a.example/1", "https://a.example/2", None], "https://a.example/"),
    (["https://a.example/1"], None),
    (["https://a.example/1", None, ""], None),
    (["https://a.example/1", "https://b.example/1"], None),
    (["https://a.example/1", "https://a.examplf/1"], None),
    (["https://b.example/1", "https://a.example/x/1", "~odd", "https://a.example/x/2"],
     "https://a.example/x/"),
    (["https://b.example/1", "https://a.example/1", "https://b.example/2",
      "https://a.example/2"], "https://a.example/"),
    (["https://a.example", "https://a.example"], None),
    (["a/b/c", "a/b/d"], None),
])
def test_the_base_is_what_the_links_share_after_their_host(links, base):
    assert link_base(links) == base


@pytest.mark.parametrize(("link", "base", "stored"), [
    ("https://a.example/world/1", "https://a.example/world/", "~1"),
    ("https://a.example/world/", "https://a.example/world/", "~"),
    ("https://b.example/world/1", "https://a.example/world/", "https://b.example/world/1"),
    ("~1", "https://a.example/", "\\~1"),
    ("\\1", "https://a.example/", "\\\\1"),
    ("~1", None, "\\~1"),
    ("https://a.example/1", None, "https://a.example/1"),
    (None, "https://a.example/", None),
    ("", "https://a.example/", ""),
])
def test_every_link_reads_back_exactly(link, base, stored):
    assert stored_link(link, base) == stored
    assert read_link(stored, base) == link


def _item(n: int, link: str | None, feed: str = FEED) -> Item:
    return Item(feed_url=feed, feed_name="A", key=f"g:{n}", guid=str(n), link=link,
                title=f"Talks resume, round {n}", summary="Delegations met in Geneva.",
                published=T0 + timedelta(minutes=n), content_hash=f"{n:016x}")


def _poll(store: Store, new: list[Item], *, edited: list[Item] = (),  # type: ignore[assignment]
          n: int = 0, feed: str = FEED) -> None:
    store.record_poll(feed_url=feed, feed_name="A", now=T0 + timedelta(hours=n),
                      fetched=Fetched(feed, feed, 200, b""), body_hash=f"h{n}",
                      new_items=new, edited_items=list(edited), seen_keys=[], alerts=[])


def _links(store: Store) -> list[str | None]:
    return [row["link"] for _, _, rows in store.stored_items() for row in rows]


def test_a_feeds_base_is_set_once_from_its_first_links(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        _poll(store, [_item(0, "https://a.example/world/0")])  # one link: no base yet
        assert store.conn.execute("SELECT link_base FROM feeds").fetchone() == (None,)
        _poll(store, [_item(1, "https://a.example/world/1"), _item(2, None),
                      _item(3, "https://a.example/world/3")], n=1)
        assert store.conn.execute("SELECT link_base FROM feeds").fetchone() == (
            "https://a.example/world/",)
        # Never changed after: links elsewhere are kept whole, the earlier ones read right.
        _poll(store, [_item(4, "https://a.example/us/4"), _item(5, "https://a.example/us/5")],
              n=2)
        assert store.conn.execute("SELECT link_base FROM feeds").fetchone() == (
            "https://a.example/world/",)
        assert [link for (link,) in store.conn.execute("SELECT link FROM items ORDER BY id")
                ] == ["https://a.example/world/0", "~1", None, "~3", "https://a.example/us/4",
                      "https://a.example/us/5"]
        assert _links(store) == ["https://a.example/world/0", "https://a.example/world/1", None,
                                 "https://a.example/world/3", "https://a.example/us/4",
                                 "https://a.example/us/5"]
        # An edit keeps its new link after the base too.
        _poll(store, [], edited=[replace(_item(0, "https://a.example/world/0b"),
                                         content_hash="f" * 16)], n=3)
        assert store.conn.execute("SELECT link FROM items WHERE key = 'g:0'").fetchone() == (
            "~0b",)
        assert _links(store)[0] == "https://a.example/world/0b"
    finally:
        store.close()


def test_a_story_member_shows_its_items_link_and_keeps_the_one_it_joined_with(tmp_path):
    store = Store(tmp_path / "s.db")
    items = [_item(n, f"https://a.example/world/{n}") for n in range(3)]
    try:
        _poll(store, items)
        story = store.add_to_story(None, items[1], T0, rule_ids=["r"], entity_keys=[],
                                   link=items[1].link, text="t", sig=None, band_keys=[],
                                   publisher="A")
        # Stored by the poll before the story: the member holds a copy of title and link,
        # until its item is stored again with the same ones (its link compared whole).
        assert store.conn.execute("SELECT as_item FROM story_members").fetchall() == [(0,)]
        _poll(store, [], edited=[items[1]], n=2)
        assert store.conn.execute("SELECT as_item, link FROM story_members").fetchall() == [
            (1, None)]
        assert [s["link"] for s in store.story_sources(story.id)] == [items[1].link]
        edited = replace(items[1], link="https://a.example/world/1b", content_hash="f" * 16)
        _poll(store, [], edited=[edited], n=3)
        # The member keeps the link it joined with, whole.
        assert store.conn.execute("SELECT as_item, link FROM story_members").fetchall() == [
            (0, "https://a.example/world/1")]
        assert [s["link"] for s in store.story_sources(story.id)] == [items[1].link]
    finally:
        store.close()


def test_a_secret_in_a_kept_link_is_masked(tmp_path):
    secret = "tok-77aa"
    legacy, masked = f"{FEED}?key={secret}", f"{FEED}?key=***"
    store = Store(tmp_path / "s.db")
    try:
        _poll(store, [_item(n, f"https://a.example/world/{n}?key={secret}", legacy)
                      for n in range(2)], feed=legacy)
        assert store.conn.execute("SELECT link FROM items").fetchall() == [
            (f"~0?key={secret}",), (f"~1?key={secret}",)]
        assert store.adopt_feed(masked, legacy, [secret])
        assert _links(store) == [f"https://a.example/world/{n}?key=***" for n in range(2)]
        assert secret not in repr(store.conn.execute("SELECT * FROM items").fetchall())
    finally:
        store.close()


def test_the_web_view_shows_whole_links(tmp_path):
    datasette_app = pytest.importorskip("datasette.app")
    links = pytest.importorskip("alerts.web.links")
    store = Store(tmp_path / "state.db")
    try:
        _poll(store, [_item(n, f"https://a.example/world/{n}") for n in range(2)]
                     + [_item(2, "~odd")])
        rows = store.conn.execute("SELECT id, feed_id, link FROM items ORDER BY id").fetchall()
        # The canned pages that give an item's article read it whole.
        queries = yaml.safe_load(WEB.read_text("utf-8"))["databases"]["state"]["queries"]
        sql = queries["recent_alerts"]["sql"].replace("WHERE m.alerted = 1", "")
        store.conn.execute("INSERT INTO match_texts (hash, text) VALUES (1, 'why')")
        store.conn.execute("INSERT INTO matches (item_id, rule_id, severity, explanation_id, "
                           "matched_at, alerted) VALUES (1, 'r', 'high', 1, 0, 1)")
        [row] = store.conn.execute(sql).fetchall()
        assert "[original article](https://a.example/world/0)" in row
    finally:
        store.close()
    assert [link for _, _, link in rows] == ["~0", "~1", "\\~odd"]
    datasette = datasette_app.Datasette([str(tmp_path / "state.db")])
    shown = []
    for _, feed_id, link in rows:
        cell = links.render_cell(value=link, column="link", table="items", database="state",
                                 datasette=datasette, row={"feed_id": feed_id, "link": link})
        shown.append(asyncio.run(cell()) if callable(cell) else cell)
    assert shown == ["https://a.example/world/0", "https://a.example/world/1", "~odd"]
