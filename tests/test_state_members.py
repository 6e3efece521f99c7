"""Store less (#17, migration 0020): one story member row per report and way it joined, its
rules in story_member_rules, where there was one row per report and rule. A state made by the
previous schema upgrades with every reader giving what it gave before; an upgrade killed
half-way loses nothing; new joins write one row for all their rules; a pruned story takes
its members' rules with it."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alerts.models import Item
from alerts.state import Store
from alerts.state.compact import STORY_KEY_TEXT, iso
from alerts.state.texts import MEMBER_WHY
from alerts.stories import StoryDesk, StoryRef
from tests.old_states import as_json, killed_upgrade, members_as_before_0028, recorded, restore
from tests.tools.state_before_0020 import more_readings

T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)


def old_state(path: Path) -> Path:
    return restore("state-before-0020", path)


def expected() -> dict[str, object]:
    return recorded("state-before-0020")


def joins(conn: sqlite3.Connection, since_0020: bool) -> list[tuple[object, ...]]:
    """Every (story, report, rule) that joined, with how, when and why: what a member row
    said before 0020, read from either schema."""
    columns = ("m.story_id, m.feed_url, m.item_key, {rule}, m.publisher, m.title, m.link, "
               "m.joined_by, m.at, m.status, {why}, m.as_item")
    if since_0020:  # reasons kept once in match_texts since 0027; feeds by number since 0028
        sql = (f"SELECT {columns.format(rule='r.rule_id', why=MEMBER_WHY)} "
               f"FROM {members_as_before_0028(conn)} m "
               "JOIN story_member_rules r ON r.member_id = m.id")
    else:
        sql = f"SELECT {columns.format(rule='m.rule_id', why='m.why')} FROM story_members m"
    # Times as microseconds since 0025: read as the text they were.
    return sorted(((*row[:8], iso(row[8]), *row[9:]) for row in conn.execute(sql)), key=repr)


def test_a_state_made_before_upgrades_and_reads_the_same(tmp_path):
    db = old_state(tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        before = joins(conn, since_0020=False)
        keys = conn.execute("SELECT * FROM story_keys ORDER BY 1, 2, 3").fetchall()
        bands = conn.execute("SELECT * FROM story_bands ORDER BY 1, 2").fetchall()
        rows_before = conn.execute("SELECT count(*) FROM story_members").fetchone()[0]
        mutes = conn.execute("SELECT * FROM mutes ORDER BY target").fetchall()
    assert as_json(more_readings(db)) == expected()  # every reader: items, stories, outbox...
    with sqlite3.connect(db) as conn:
        assert "0020_one_member_per_report" in {
            name for (name,) in conn.execute("SELECT name FROM _sqlite_migrations")}
        assert joins(conn, since_0020=True) == before  # every join, to the value
        assert conn.execute("SELECT * FROM mutes ORDER BY target").fetchall() == mutes
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # 0021: keys and bands as they were, without the foreign key and its index.
        assert [(*row[:3], iso(row[3])) for row in conn.execute(  # times as text (0025),
            f"SELECT kind, {STORY_KEY_TEXT}, story_id, at FROM story_keys "  # text keys (0031)
            "ORDER BY 1, 2, 3")] == keys
        # The bands' keys made again by 0030 (one-hash signatures): each story's at the same
        # times, as many.
        assert sorted(conn.execute("SELECT story_id, at FROM story_bands").fetchall()) == \
            sorted((story, at) for _, story, at in bands)
        assert len(keys) > 10 and len(bands) > 10
        assert conn.execute("SELECT count(*) FROM pragma_foreign_key_list('story_keys')"
                            ).fetchone() == (0,)
        members = conn.execute(
            "SELECT m.id, m.item_key, m.joined_by, group_concat(r.rule_id, ' ') FROM "
            "story_members m JOIN story_member_rules r ON r.member_id = m.id "
            "GROUP BY m.id ORDER BY m.id").fetchall()
    # The ceasefire report joined for two rules at once: one member, the first row's id.
    assert (4, "g:wire-a-1", "new", "ceasefire-event talks-words") in members
    assert 5 not in [m[0] for m in members]
    # The report that joined twice, another way and for another rule, stays two members.
    assert [m for m in members if m[1] == "g:wire-a-3"] == [
        (7, "g:wire-a-3", "new", "talks-words"), (8, "g:wire-a-3", "link", "talks-again")]
    assert len(members) == rows_before - 1


@pytest.mark.parametrize("statement", ["CREATE TABLE story_member_rules",
                                       "DROP TABLE story_members",
                                       "CREATE INDEX story_members_item",
                                       "DROP TABLE story_keys", "DROP TABLE matches"])
def test_an_upgrade_killed_half_way_loses_nothing(tmp_path, statement):
    (tmp_path / "state").mkdir()
    db = old_state(tmp_path / "state" / "alerts.db")
    killed_upgrade(db, statement, tmp_path)
    assert as_json(more_readings(db)) == expected()  # and the next start upgrades it


def _item(key: str = "g:1", title: str = "Envoys meet in Geneva") -> Item:
    return Item(feed_url="https://a.example/rss", feed_name="A", key=key, guid=key[2:],
                link=f"https://a.example/{key}", title=title, summary="The envoys met.",
                published=T0)


def _join(store: Store, item: Item, story: StoryRef | None, rules: list[str],
          at: datetime = T0) -> StoryRef:
    return store.add_to_story(story, item, at, rule_ids=rules, entity_keys=[], link=item.link,
                              text=item.title, sig=None, band_keys=[], publisher="a.example")


def _members(store: Store) -> list[tuple[object, ...]]:
    return store.conn.execute(
        "SELECT m.id, m.item_key, m.joined_by, group_concat(r.rule_id, ' ') FROM "
        "story_members m JOIN story_member_rules r ON r.member_id = m.id "
        "GROUP BY m.id ORDER BY m.id").fetchall()


def test_a_report_joining_for_several_rules_is_one_member(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        story = _join(store, _item(), None, ["talks", "envoys", "talks"])
        assert _members(store) == [(1, "g:1", "new", "envoys talks")]
        # Joined again (an edited report): only the rules it had not joined for are added,
        # with the way this join found the story; the earlier rules keep theirs.
        again = StoryRef(story.id, story.title, "link", "the same page")
        _join(store, _item(), again, ["talks", "geneva"], T0 + timedelta(hours=1))
        _join(store, _item(), again, ["envoys", "geneva"], T0 + timedelta(hours=2))
        assert _members(store) == [(1, "g:1", "new", "envoys talks"),
                                   (2, "g:1", "link", "geneva")]
        other = _join(store, _item("g:2", "Envoys meet again"), story, ["geneva"])
        by_rule = {rule: [(s["item_key"], s["joined_by"])
                          for s in store.story_sources(story.id, rule)]
                   for rule in ("talks", "geneva", "nobody")}
        assert other.id == story.id
        assert by_rule == {"talks": [("g:1", "new")],
                           "geneva": [("g:2", "new"), ("g:1", "link")],  # by time
                           "nobody": []}
        assert [s["item_key"] for s in store.story_sources(story.id)] == ["g:1", "g:2"]
    finally:
        store.close()


def test_a_pruned_story_takes_its_members_rules_with_it(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        _join(store, _item(), None, ["talks", "envoys"])
        kept = _join(store, _item("g:2", "Another"), None, ["talks"],
                     T0 + timedelta(days=30))
        store.prune(T0 + timedelta(days=10))
        assert _members(store) == [(2, "g:2", "new", "talks")]
        assert store.conn.execute("SELECT count(*) FROM story_member_rules").fetchone() == (1,)
        assert [s["item_key"] for s in store.story_sources(kept.id, "talks")] == ["g:2"]
    finally:
        store.close()


def test_a_pruned_story_leaves_no_key_or_band_behind(tmp_path):
    # Since 0021 no foreign key deletes them with their story: the prune does, in one pass.
    store = Store(tmp_path / "s.db")
    try:
        text = ("Negotiators from both sides met again in Geneva on Tuesday to discuss an "
                "exchange of prisoners, the front line and humanitarian corridors")
        old = replace(_item("g:1", "Talks resume in Geneva"), summary=text)
        new = replace(_item("g:2", "Harbour unions walk out of port talks"),
                      summary="Dock unions walked out of the port authority meeting on "
                              "Tuesday after the talks on pay and hours stalled again")
        desk = StoryDesk(store)
        gone = desk.assign(old, "talks", None, T0, "a.example")
        kept = desk.assign(new, "talks", None, T0 + timedelta(days=30), "a.example")
        counts = ("SELECT (SELECT count(*) FROM story_keys WHERE story_id = ?), "
                  "(SELECT count(*) FROM story_bands WHERE story_id = ?)")
        assert min(store.conn.execute(counts, (gone.id, gone.id)).fetchone()) > 0
        kept_before = store.conn.execute(counts, (kept.id, kept.id)).fetchone()
        store.prune(T0 + timedelta(days=10))
        assert store.conn.execute(counts, (gone.id, gone.id)).fetchone() == (0, 0)
        assert store.conn.execute(counts, (kept.id, kept.id)).fetchone() == kept_before
        assert store.story_by_link(old.link or "", T0 - timedelta(days=1)) is None
    finally:
        store.close()
