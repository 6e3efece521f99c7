"""Store less (#17, migration 0027): a story member's reason for joining (`why`) kept once in
match_texts, as matches' explanations since 0024. A state made by the previous code upgrades
with every member's reason back to the character (and every reader giving what it gave:
tests/test_state_text_dictionary.py compares them on the same state); an upgrade killed at
any of its statements loses nothing; new members store each distinct reason once; the prune
keeps a reason while a member refers to it."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from alerts.models import Item
from alerts.state import Store
from alerts.state.texts import EXPLANATION, MEMBER_WHY
from alerts.stories import StoryRef
from tests.old_states import killed_upgrade, members_as_before_0028, restore

OLD = "state-before-0026"  # made by 6334897, before 0026 and 0027
T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
# As named before 0028 (tests.old_states.members_as_before_0028).
MEMBERS = ("SELECT id, story_id, feed_url, item_key, publisher, title, link, joined_by, at, "
           "status, as_item FROM {} m ORDER BY id")


def test_a_state_made_before_upgrades_with_every_reason_kept(tmp_path):
    db = restore(OLD, tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        reasons = conn.execute("SELECT id, why FROM story_members ORDER BY id").fetchall()
        members = conn.execute(MEMBERS.format(members_as_before_0028(conn))).fetchall()
        rules = conn.execute("SELECT * FROM story_member_rules ORDER BY 1, 2").fetchall()
        explanations = conn.execute(f"SELECT id, {EXPLANATION} FROM matches m "
                                    "ORDER BY id").fetchall()
    assert len({why for _, why in reasons}) < len(reasons)  # reasons that repeat
    Store(db).close()
    with sqlite3.connect(db) as conn:
        assert conn.execute(f"SELECT id, {MEMBER_WHY} FROM story_members m "
                            "ORDER BY id").fetchall() == reasons
        assert conn.execute(MEMBERS.format(members_as_before_0028(conn))).fetchall() == members
        assert conn.execute("SELECT * FROM story_member_rules ORDER BY 1, 2").fetchall() == rules
        assert conn.execute(f"SELECT id, {EXPLANATION} FROM matches m "
                            "ORDER BY id").fetchall() == explanations
        texts = [text for (text,) in conn.execute("SELECT text FROM match_texts")]
        assert len(texts) == len(set(texts))  # each text once
        assert {why for _, why in reasons} <= set(texts)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE tbl_name = 'story_members'")}
        assert {"story_members_story", "story_members_item"} <= indexes


@pytest.mark.parametrize("statement", [
    "INSERT INTO match_texts (hash, text) SELECT alerts_0027_hash",
    "CREATE TABLE story_members_0027", "INSERT INTO story_members_0027",
    "DROP TABLE story_members", "CREATE INDEX story_members_item"])
def test_an_upgrade_killed_at_any_statement_loses_nothing(tmp_path, statement):
    (tmp_path / "state").mkdir()
    db = restore(OLD, tmp_path / "state" / "alerts.db")
    killed_upgrade(db, statement, tmp_path)


def _item(key: str) -> Item:
    return Item(feed_url="https://a.example/rss", feed_name="A", key=key, guid=key[2:],
                link=f"https://a.example/{key[2:]}", title=f"Envoys meet ({key})",
                summary="Envoys met.", published=T0)


def _join(store: Store, key: str, story: StoryRef | None, at: datetime = T0) -> StoryRef:
    item = _item(key)
    return store.add_to_story(story, item, at, rule_ids=["talks"], entity_keys=[],
                              link=item.link, text=item.title + key, sig=None, band_keys=[],
                              publisher="a.example")


def _why(store: Store, key: str) -> object:
    member = store.story_member("https://a.example/rss", key)
    return None if member is None else member["why"]


def test_new_members_keep_each_reason_once_and_the_prune_keeps_what_they_refer_to(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        first = _join(store, "g:1", None)
        same = StoryRef(first.id, first.title, "words", "close wording (0.91 of word pairs alike)")
        for n in range(2, 6):
            _join(store, f"g:{n}", same, T0 + timedelta(hours=n))
        conn = store.conn
        assert conn.execute(f"SELECT {MEMBER_WHY} FROM story_members m ORDER BY id").fetchall(
            ) == [("the first report of its event",)] + [(same.why,)] * 4
        assert conn.execute("SELECT count(*) FROM match_texts").fetchone() == (2,)
        assert _why(store, "g:3") == same.why
        assert [s["why"] for s in store.story_sources(first.id)] == [
            "the first report of its event"] + [same.why] * 4
        # No match refers to these texts: the prune keeps them while members do ...
        store.prune(T0 - timedelta(days=1))
        assert conn.execute("SELECT count(*) FROM match_texts").fetchone() == (2,)
        assert _why(store, "g:3") == same.why
        # ... and removes them with their story.
        store.prune(T0 + timedelta(days=30))
        assert conn.execute("SELECT count(*) FROM story_members").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM match_texts").fetchone() == (0,)
    finally:
        store.close()


def test_the_web_view_shows_a_members_reason_as_its_text(tmp_path):
    datasette_app = pytest.importorskip("datasette.app")
    links = pytest.importorskip("alerts.web.links")
    store = Store(tmp_path / "state.db")
    try:
        _join(store, "g:1", None)
        (why_id,) = store.conn.execute("SELECT why_id FROM story_members").fetchone()
    finally:
        store.close()
    datasette = datasette_app.Datasette([str(tmp_path / "state.db")])
    shown = links.render_cell(value=why_id, column="why_id", table="story_members",
                              database="state", datasette=datasette)
    assert asyncio.run(shown()) == "the first report of its event"
