"""Store less (#17, migration 0017): items' times as microseconds and content hashes as bytes,
story members that are their item read its title and link instead of copying them, queued
alerts read the facts their item gives back from it. A state made by the previous schema
upgrades with every reader giving what it gave before; a migration killed half-way loses
nothing; an edit or a prune of the item keeps what a member joined with and what an alert
was queued with."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils
from sqlite_utils import Migrations

from alerts.errors import StateError
from alerts.messages import OutboxRow
from alerts.models import Fetched, Item, Match
from alerts.routing import Composer, alert_facts, stored_facts
from alerts.state import QueuedAlert, Store
from alerts.state.schema import migrate
from alerts.stories import StoryRef
from tests.old_states import as_json, killed_upgrade, recorded, restore
from tests.tools.state_before_0017 import readings

T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)


def old_state(path: Path) -> Path:
    return restore("state-before-0017", path)


def expected() -> dict[str, object]:
    return recorded("state-before-0017")


def migrations_done(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM _sqlite_migrations")}


def test_a_state_made_before_upgrades_and_reads_the_same(tmp_path):
    db = old_state(tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        old_items = conn.execute("SELECT count(*), count(published) FROM items").fetchone()
    assert as_json(readings(db)) == expected()  # every reader: items, stories, alerts, outbox
    assert "0017_compact_items" in migrations_done(db)
    with sqlite3.connect(db) as conn:
        types = conn.execute(
            "SELECT DISTINCT typeof(first_seen), typeof(last_seen), typeof(published), "
            "typeof(content_hash) FROM items").fetchall()
        members = conn.execute("SELECT as_item, title, link FROM story_members ORDER BY id"
                               ).fetchall()
        assert conn.execute("SELECT count(*), count(published) FROM items").fetchone() == \
            old_items
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        outbox = conn.execute("SELECT DISTINCT typeof(created), typeof(next_attempt) "
                              "FROM outbox").fetchall()
    assert types == [("integer", "integer", "integer", "blob")]
    with sqlite3.connect(db) as conn:  # 0019: every GUID here is its key's
        assert conn.execute("SELECT count(*) FROM items WHERE guid IS NOT NULL").fetchone() \
            == (0,)
    assert outbox == [("integer", "integer")]  # 0018
    # The two members that joined before their item was edited (one by a real second poll,
    # one made so by the tool) keep their own titles; the five others read their item's
    # (four rows since 0020: the ceasefire report joined for two rules is one member).
    assert members[0][:2] == (0, "Delegations resume talks in Geneva on the exchange of "
                                 "prisoners and the front line, officials say (as it joined)")
    assert members[2][:2] == (0, "Delegations resume talks in Geneva on the exchange of "
                                 "prisoners and the front line")
    assert [m for n, m in enumerate(members) if n not in (0, 2)] == [(1, "", None)] * 4


def test_times_that_would_not_come_back_exactly_stay_as_they_were(tmp_path):
    db = old_state(tmp_path / "old.db")
    odd = {"published": "1969-07-20T20:17:40+00:00",  # before 1970
           "first_seen": "2025-07-01T12:00:00+02:00",  # not as ts() writes it
           "content_hash": "NOT-HEX"}
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE items SET published = ?, first_seen = ?, content_hash = ? "
                     "WHERE id = 1", tuple(odd.values()))
    store = Store(db)
    try:
        row = store.conn.execute("SELECT published, first_seen, content_hash FROM items "
                                 "WHERE id = 1").fetchone()
        assert row == tuple(odd.values())
        first = next(r for _, _, rows in store.stored_items() for r in rows
                     if r["key"] == "g:wire-b-0")
        assert (first["published"], first["content_hash"]) == ("1969-07-20T20:17:40+00:00",
                                                              "NOT-HEX")
        assert len(store.item_arrivals("http://127.0.0.1:8001/b.xml")) == 2
        store.prune(datetime(2030, 1, 1, tzinfo=UTC))  # text and numbers side by side
    finally:
        store.close()


@pytest.mark.parametrize("statement", ["DROP TABLE items",
                                       "ALTER TABLE story_members ADD COLUMN as_item",
                                       "DROP TABLE outbox", "CREATE TABLE alert_rules",
                                       "UPDATE items SET guid = NULL"])
def test_an_upgrade_killed_half_way_loses_nothing(tmp_path, statement):
    (tmp_path / "state").mkdir()
    db = old_state(tmp_path / "state" / "alerts.db")
    killed_upgrade(db, statement, tmp_path)
    assert "0017_compact_items" not in migrations_done(db)
    assert as_json(readings(db)) == expected()  # and the next start upgrades it


def _item(title: str, link: str = "https://a.example/1") -> Item:
    return Item(feed_url="https://a.example/rss", feed_name="A", key="g:1", guid="1",
                link=link, title=title, summary="The envoy spoke.", published=T0,
                content_hash=title[:16].encode().hex()[:16].ljust(16, "0"))


def _poll(store: Store, now: datetime, new: list[Item], edited: list[Item],
          alerts: list[QueuedAlert] | None = None) -> None:
    store.record_poll(feed_url="https://a.example/rss", feed_name="A", now=now,
                      fetched=Fetched("https://a.example/rss", "https://a.example/rss", 200, b""),
                      body_hash="h", new_items=new, edited_items=edited, seen_keys=[],
                      alerts=alerts or [])


def _join(store: Store, item: Item, story: StoryRef | None, at: datetime) -> StoryRef:
    return store.add_to_story(story, item, at, rule_ids=["r"], entity_keys=[], link=item.link,
                              text=item.title, sig=None, band_keys=[], publisher="a.example")


def test_an_edit_of_the_item_keeps_the_title_its_member_joined_with(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        first = _item("Envoy arrives in Doha")
        story = _join(store, first, None, T0)
        _poll(store, T0, [first], [])
        assert store.conn.execute("SELECT as_item FROM story_members").fetchall() == [(1,)]
        edited = _item("Envoy arrives in Doha for talks", link="https://a.example/1b")
        _poll(store, T0 + timedelta(hours=1), [], [edited])
        (source,) = store.story_sources(story.id)
        assert (source["title"], source["link"]) == ("Envoy arrives in Doha",
                                                    "https://a.example/1")
    finally:
        store.close()


def test_pruning_an_item_keeps_the_title_of_its_members(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        old = _item("Envoy arrives in Doha")
        story = _join(store, old, None, T0)
        _poll(store, T0, [old], [])
        # The story lives on (a later report), the old item is gone from every feed.
        later = replace(old, key="g:2", guid="2", title="Talks open in Doha",
                        link="https://a.example/2")
        _join(store, later, story, T0 + timedelta(days=40))
        counts = store.prune(T0 + timedelta(days=30))
        assert counts["items"] == 1 and counts["stories"] == 0
        titles = [(s["title"], s["link"]) for s in store.story_sources(story.id)]
        assert titles[0] == ("Envoy arrives in Doha", "https://a.example/1")
    finally:
        store.close()


def test_an_upgrade_that_would_leave_dangling_rows_is_refused_and_changes_nothing(tmp_path):
    db = old_state(tmp_path / "old.db")
    store = Store(db)  # upgraded
    store.close()
    with sqlite3.connect(db) as conn:
        before = list(conn.iterdump())
    steps = Migrations("alerts")

    @steps(name="9999_loses_items")
    def _loses(db_: sqlite_utils.Database) -> None:  # forgets items their matches refer to
        db_.execute("DELETE FROM items WHERE id IN (SELECT item_id FROM matches)")

    store = Store(db)
    try:
        with pytest.raises(StateError, match="rows referring to rows that are gone"):
            migrate(store, steps)
        assert store.conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    finally:
        store.close()
    with sqlite3.connect(db) as conn:
        assert list(conn.iterdump()) == before


# -- queued alerts take the facts their item gives back from it -----------------------------

def _queued(store: Store, item: Item, *, title: str | None = None) -> OutboxRow:
    """`item` polled with one alert queued, its facts as the composer makes them."""
    match = Match(rule_id="r", rule_title="Rule", severity="high", channels=("desk",),
                  explanation="matched because: 'envoy'")
    message = Composer(None, (), ("desk",)).compose(item, match)[0]
    if title is not None:  # an alert whose title fact is not the item's
        message = replace(message, payload={**message.payload, "title": title})
    _poll(store, T0, [item], [], [QueuedAlert(item.key, match, (message,))])
    (row,) = store.outbox_list(["pending"])
    return row


def _stored(store: Store) -> dict[str, object]:
    return json.loads(store.conn.execute("SELECT payload FROM outbox").fetchone()[0])


def test_a_queued_alert_reads_back_the_facts_it_was_queued_with(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        item = _item("Envoy arrives in Doha")
        match = Match(rule_id="r", rule_title="Rule", severity="high", channels=("desk",),
                      explanation="matched because: 'envoy'")
        row = _queued(store, item)
        assert row.payload == stored_facts(alert_facts(item, match))
        kept = _stored(store)
        assert kept["i"] == 15 and not {"title", "link", "published", "when"} & kept.keys()
        # The rule's facts are kept once, whatever the number of its alerts.
        assert isinstance(kept["r"], int) and "rule_title" not in kept
        second = replace(item, key="g:2", guid="2", link="https://a.example/2")
        message = Composer(None, (), ("desk",)).compose(second, match)[0]
        _poll(store, T0, [second], [], [QueuedAlert(second.key, match, (message,))])
        rows = store.outbox_list(["pending"])
        assert [r.payload["rule_title"] for r in rows] == ["Rule", "Rule"]
        assert store.conn.execute("SELECT count(*) FROM alert_rules").fetchone() == (1,)
    finally:
        store.close()


def test_a_fact_that_is_not_the_items_is_stored(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        row = _queued(store, _item("Envoy arrives in Doha"), title="Envoy in Doha (corrected)")
        assert row.payload["title"] == "Envoy in Doha (corrected)"
        kept = _stored(store)
        assert kept["title"] == "Envoy in Doha (corrected)" and kept["i"] == 14
    finally:
        store.close()


def test_an_edit_of_the_item_keeps_the_facts_its_queued_alert_was_queued_with(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        item = _item("Envoy arrives in Doha")
        before = _queued(store, item).payload
        edited = replace(item, title="Envoy arrives in Doha for talks",
                         link="https://a.example/1b", published=T0 + timedelta(hours=3))
        _poll(store, T0 + timedelta(hours=4), [], [edited])
        (row,) = store.outbox_list(["pending"])
        assert row.payload == before
        assert "i" not in _stored(store)
    finally:
        store.close()


def test_the_web_view_shows_stored_microseconds_as_dates():
    links = pytest.importorskip("alerts.web.links")
    shown = links.render_cell(value=1751364000000000, column="first_seen", table="items",
                              database="state")
    assert shown == "2025-07-01T10:00:00+00:00"
    assert links.render_cell(value=1751364000000000, column="next_attempt", table=None,
                             database="state") == "2025-07-01T10:00:00+00:00"
    assert links.render_cell(value=3, column="edits", table="items", database="state") is None
    assert links.render_cell(value=None, column="guid", table="items", database="state",
                             row={"key": "g:urn:wire:1"}) == "urn:wire:1"  # 0019


def test_a_guid_is_stored_only_when_the_key_does_not_say_it(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        items = [replace(_item("One"), key="g:1", guid="1"),
                 replace(_item("Two"), key="h:2b", guid="dup"),  # a GUID the feed repeats
                 replace(_item("Three"), key="g:3", guid=None),  # not made so; kept apart
                 replace(_item("Four"), key="h:4d", guid=None)]
        _poll(store, T0, items, [])
        stored = store.conn.execute("SELECT key, guid FROM items ORDER BY id").fetchall()
        assert stored == [("g:1", None), ("h:2b", "dup"), ("g:3", ""), ("h:4d", None)]
        read = [(r["key"], r["guid"]) for _, _, rows in store.stored_items() for r in rows]
        assert read == [("g:1", "1"), ("h:2b", "dup"), ("g:3", None), ("h:4d", None)]
    finally:
        store.close()
