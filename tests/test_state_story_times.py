"""Store less (#17, migration 0025): the stories' times (stories.created_at and last_at, the
`at` of story keys, members and developments) as microseconds since the epoch. A state made
by the previous schema keeps every instant (and any value that is not one, as it was) and
every reader gives what it gave; an upgrade killed half-way loses nothing; new stories store
integers and are found again in their windows; the prune still takes old stories, also one
whose time stayed text."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from alerts.models import Item
from alerts.state import Store
from alerts.state.compact import STORY_KEY_TEXT, iso, moment
from tests.old_states import as_json, killed_upgrade, recorded, restore
from tests.tools.state_before_0020 import more_readings

BEFORE = "state-before-0023"  # the last state before 0023-0025 (schema of 0022)
T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
TIMES = (("stories", "id", "created_at"), ("stories", "id", "last_at"),
         ("story_keys", f"kind, {STORY_KEY_TEXT}, story_id", "at"),  # text keys (0031)
         ("story_members", "id", "at"),
         ("story_developments", "story_id, rule_id, status", "at"))


def times(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {f"{table}.{column}": conn.execute(
        f"SELECT {key}, {column} FROM {table} ORDER BY {key}").fetchall()
        for table, key, column in TIMES}


def test_a_state_made_before_keeps_every_instant_and_reads_the_same(tmp_path):
    db = restore(BEFORE, tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE story_members SET at = 'not a time' WHERE id = 2")
        conn.execute("UPDATE stories SET created_at = '1969-07-20T20:17:40+00:00' WHERE id = 2")
        before = times(conn)
    Store(db).close()
    with sqlite3.connect(db) as conn:
        after = times(conn)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    assert {"stories_last", "story_members_story", "story_members_item"} <= indexes
    kept = 0
    for name, rows in before.items():
        assert len(after[name]) == len(rows) >= 3, name
        for old, new in zip(rows, after[name], strict=True):
            assert new[:-1] == old[:-1]
            if old[-1] in ("not a time", "1969-07-20T20:17:40+00:00"):
                assert new[-1] == old[-1]  # not exactly an instant from 1970: as it was
                kept += 1
            else:
                assert isinstance(new[-1], int) and iso(new[-1]) == old[-1], (name, old)
    assert kept == 2


def test_every_reader_gives_what_it_gave(tmp_path):
    db = restore(BEFORE, tmp_path / "old.db")
    assert as_json(more_readings(db)) == recorded(BEFORE)  # timelines, sources, recent...


def test_an_upgrade_killed_half_way_loses_nothing(tmp_path):
    (tmp_path / "state").mkdir()
    db = restore(BEFORE, tmp_path / "state" / "alerts.db")
    killed_upgrade(db, "CREATE TABLE story_developments_0025", tmp_path)
    assert as_json(more_readings(db)) == recorded(BEFORE)


def _item(key: str, at: datetime) -> Item:
    return Item(feed_url="https://a.example/rss", feed_name="A", key=key, guid=key[2:],
                link=f"https://a.example/{key[2:]}", title=f"Envoys meet ({key})",
                summary="The envoys met.", published=at)


def _join(store: Store, key: str, at: datetime) -> int:
    item = _item(key, at)
    story = store.add_to_story(None, item, at, rule_ids=["envoys"], entity_keys=[],
                               link=f"a.example/{key}", text=f"text {key}", sig=None,
                               band_keys=[], publisher="a.example")
    store.record_development(story.id, "envoys", "agreed", item, at)
    return story.id


@pytest.mark.parametrize("at", [T0, T0.replace(microsecond=123456),
                                datetime(1960, 1, 1, tzinfo=UTC)])
def test_new_stories_store_microseconds_and_are_found_in_their_window(tmp_path, at):
    store = Store(tmp_path / "s.db")
    try:
        story = _join(store, "g:1", at)
        assert store.conn.execute("SELECT created_at, last_at FROM stories").fetchone() == (
            moment(at), moment(at))
        assert {at_ for (at_,) in store.conn.execute("SELECT at FROM story_keys UNION "
                                                     "SELECT at FROM story_members")} == {
            moment(at)}
        assert store.story_by_link("a.example/g:1", at - timedelta(hours=1)).id == story
        assert store.story_by_link("a.example/g:1", at, at).id == story
        assert store.story_by_link("a.example/g:1", at + timedelta(microseconds=1)) is None
        assert store.story_by_copy(None, "text g:1", at - timedelta(days=1),
                                   at - timedelta(microseconds=1)) is None
        assert store.story_timeline(story) == [
            {"rule_id": "envoys", "status": "agreed", "at": at.isoformat()}]
        assert [s["at"] for s in store.story_sources(story)] == [at.isoformat()]
        [recent] = store.recent_stories(at - timedelta(days=1))
        assert (recent["created_at"], recent["last_at"]) == (at.isoformat(), at.isoformat())
        assert store.recent_stories(at + timedelta(microseconds=1)) == []
    finally:
        store.close()


def test_the_prune_takes_old_stories_also_one_whose_time_stayed_text(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        old, new = _join(store, "g:1", T0 - timedelta(days=90)), _join(store, "g:2", T0)
        with store.write() as conn:
            conn.execute("INSERT INTO stories (id, title, created_at, last_at) VALUES "
                         "(50, 'Kept as text', '1969-07-20T20:17:40+00:00', "
                         "'1969-07-20T20:17:40+00:00')")
        store.prune(T0 - timedelta(days=30))
        assert [s for (s,) in store.conn.execute("SELECT id FROM stories")] == [new]
        assert old != new
        assert store.conn.execute("SELECT DISTINCT story_id FROM story_members UNION "
                                  "SELECT story_id FROM story_keys").fetchall() == [(new,)]
    finally:
        store.close()
