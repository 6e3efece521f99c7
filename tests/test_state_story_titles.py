"""Store less (#17, migration 0032): a story's title, a copy of the title its first report
joined with, stored as '' and read from that report (alerts.state.stories.STORY_TITLE). A
state made before gives every reader the same titles after the upgrade, and a title that is
not its first report's stays as it was; an upgrade killed at its statement loses nothing; a
new story keeps its title through its item's edit and prune; the web view shows it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alerts.models import Fetched, Item
from alerts.state import Store
from alerts.state.compact import read_texts_in_sql
from alerts.state.stories import STORY_TITLE
from tests.old_states import killed_upgrade, members_as_before_0028
from tests.test_state_text_keys import EVER, state_at_0030

T0 = datetime(2025, 7, 1, 10, tzinfo=UTC)
FEED = "https://a.example/rss"


def prepared(path: Path) -> Path:
    """The 0030 state with a story whose title is not its first report's and one without
    reports: both keep their titles."""
    state_at_0030(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE stories SET title = 'Edited by hand' WHERE id = 2")
        conn.execute("INSERT INTO stories (id, title, created_at, last_at) VALUES "
                     "(90, 'No reports', 1751364000000000, 1751364000000000)")
    return path


def old_titles(conn: sqlite3.Connection) -> dict[int, str]:
    return dict(conn.execute("SELECT id, title FROM stories"))


def readings(store: Store, members: list[tuple[str, str]]) -> dict[str, object]:
    """What every reader of a story's title gives."""
    return {
        "recent": sorted((s["id"], s["title"]) for s in store.recent_stories(EVER[0], 500)),
        "members": [store.story_member(feed, key) for feed, key in members],
        "outlets": store.stories_with_outlets(50),
        "by_text": {key: (ref.id, ref.title) for (key,) in store.conn.execute(
            "SELECT lower(hex(key)) FROM story_keys WHERE kind = 'text' "
            "AND typeof(key) = 'blob'") if (ref := store.story_by_text(key, *EVER))},
        "by_event": {key: [(ref.id, ref.title) for ref, _ in store.stories_by_event(
            [key], *EVER)] for (key,) in store.conn.execute(
            "SELECT DISTINCT key FROM story_keys WHERE kind = 'event'")},
    }


def test_a_state_made_before_gives_every_reader_the_same_titles(tmp_path):
    db = prepared(tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        titles = old_titles(conn)
        members = conn.execute(f"SELECT feed_url, item_key FROM "
                               f"{members_as_before_0028(conn)} ORDER BY id").fetchall()
    # The same readers on the state as it was (titles whole: STORY_TITLE reads them as
    # they are), then upgraded.
    store = Store(tmp_path / "old.db")
    try:
        with store.write() as conn:  # put back as 0030 left it, before the readings
            conn.executemany("UPDATE stories SET title = ? WHERE id = ?",
                             [(title, sid) for sid, title in titles.items()])
        before = readings(store, members)
    finally:
        store.close()
    db = prepared(tmp_path / "new.db")
    store = Store(db)
    try:
        assert readings(store, members) == before
        assert sorted((s["id"], s["title"]) for s in store.recent_stories(
            EVER[0], 500)) == sorted(titles.items())
        stored = old_titles(store.conn)
        blank = {sid for sid, title in stored.items() if title == ""}
        assert len(blank) >= 5
        assert {sid: title for sid, title in stored.items() if sid not in blank} == {
            sid: title for sid, title in titles.items() if sid not in blank}
        assert stored[2] == "Edited by hand" and stored[90] == "No reports"
        assert len(before["members"]) >= 8 and all(before["members"])
        assert before["by_text"] and before["by_event"] and before["outlets"]
    finally:
        store.close()


def test_an_upgrade_killed_at_its_statement_loses_nothing_then_upgrades_whole(tmp_path):
    (tmp_path / "state").mkdir()
    db = prepared(tmp_path / "state" / "alerts.db")
    with sqlite3.connect(db) as conn:
        titles = old_titles(conn)
    killed_upgrade(db, "UPDATE stories SET title = ''", tmp_path)
    Store(db).close()
    with sqlite3.connect(db) as conn:
        read_texts_in_sql(conn)  # items' titles packed since 0033
        assert dict(conn.execute(f"SELECT s.id, {STORY_TITLE} FROM stories s")) == titles
        assert conn.execute("SELECT count(*) FROM stories WHERE title = ''").fetchone()[0] >= 5


def _item(title: str, key: str = "g:1") -> Item:
    return Item(feed_url=FEED, feed_name="A", key=key, guid=key, link=f"https://a.example/{key}",
                title=title, summary="The envoy spoke.", published=T0,
                content_hash=title[:16].encode().hex()[:16].ljust(16, "0"))


def _poll(store: Store, now: datetime, new: list[Item], edited: list[Item]) -> None:
    store.record_poll(feed_url=FEED, feed_name="A", now=now,
                      fetched=Fetched(FEED, FEED, 200, b""), body_hash="h",
                      new_items=new, edited_items=edited, seen_keys=[], alerts=[])


def _titles(store: Store) -> list[str]:
    return [s["title"] for s in store.recent_stories(EVER[0])]


def test_a_new_story_keeps_its_title_through_its_item_s_edit_and_prune(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        first = _item("Envoy arrives in Doha")
        story = store.add_to_story(None, first, T0, rule_ids=["r"], entity_keys=[],
                                   link=None, text="t1", sig=None, band_keys=[],
                                   publisher="a.example")
        _poll(store, T0, [first], [])  # the member now reads its item's title
        assert store.conn.execute("SELECT title FROM stories").fetchall() == [("",)]
        assert store.conn.execute("SELECT as_item FROM story_members").fetchall() == [(1,)]
        assert store.story_by_text("t1", *EVER).title == "Envoy arrives in Doha"
        assert _titles(store) == ["Envoy arrives in Doha"]
        _poll(store, T0 + timedelta(hours=1), [], [_item("Envoy leaves Doha")])
        assert _titles(store) == ["Envoy arrives in Doha"]  # as it joined, not as edited
        assert store.story_member(FEED, "g:1")["story_title"] == "Envoy arrives in Doha"
        later = _item("A second report", "g:2")
        store.add_to_story(story, later, T0 + timedelta(hours=2), rule_ids=["r"],
                           entity_keys=[], link=None, text="t2", sig=None, band_keys=[],
                           publisher="b.example")
        _poll(store, T0 + timedelta(hours=2), [later], [])
        assert store.story_by_text("t2", *EVER).title == "Envoy arrives in Doha"
        with store.write() as conn:  # its item unseen for long: pruned, the story kept
            conn.execute("UPDATE items SET last_seen = 0")
            conn.execute("UPDATE stories SET last_at = ?", (10 ** 17,))
        store.prune(T0 + timedelta(days=30))
        assert store.conn.execute("SELECT count(*) FROM items").fetchone() == (0,)
        assert _titles(store) == ["Envoy arrives in Doha"]
        # A story started without a rule's report keeps its own title.
        alone = store.add_to_story(None, _item("Alone", "g:3"), T0, rule_ids=[],
                                   entity_keys=[], link=None, text="t3", sig=None,
                                   band_keys=[], publisher="a.example")
        assert store.conn.execute("SELECT title FROM stories WHERE id = ?",
                                  (alone.id,)).fetchone() == ("Alone",)
        assert store.story_by_text("t3", *EVER).title == "Alone"
    finally:
        store.close()


def test_the_web_view_shows_a_title_read_from_the_first_report(tmp_path):
    pytest.importorskip("datasette", reason="the web extra is part of the test extra")
    from tests.test_web import Web, _rows

    db = tmp_path / "state.db"
    store = Store(db)
    try:
        now = datetime.now(UTC)
        first = _item("Envoy arrives in Doha")
        story = store.add_to_story(None, first, now, rule_ids=["r"], entity_keys=[],
                                   link=None, text="t1", sig=None, band_keys=[],
                                   publisher="a.example")
        _poll(store, now, [first], [])
        assert store.conn.execute("SELECT title FROM stories").fetchall() == [("",)]
    finally:
        store.close()
    web = Web(db)
    try:
        [today] = _rows(web.json("/state/today.json"))
        assert today["title"] == "Envoy arrives in Doha"
        status, page = web.get("/state/stories")
        assert status == 200 and "Envoy arrives in Doha" in page
        status, page = web.get("/state/story_members")
        assert status == 200
        assert (f'<a href="/state/stories/{story.id}">Envoy arrives in Doha</a>&nbsp;'
                f'<em>{story.id}</em>') in page
    finally:
        web.close()
