"""Store less (#17, migration 0024): matches' explanations and reasons kept once in
match_texts, matches referring to them by number. A state made by the previous schema
upgrades with every reader giving what it gave and every match's texts back to the byte; an
upgrade killed half-way loses nothing; new matches share a text already stored, two texts
with one hash stay apart; the prune takes the texts no match needs any more; the web view
shows the texts."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from alerts.models import Fetched, Item, Match
from alerts.state import QueuedAlert, Store
from alerts.state.texts import EXPLANATION, SUPPRESSED, text_hash, text_id
from tests.old_states import as_json, killed_upgrade, recorded, restore
from tests.tools.state_before_0020 import more_readings

T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
BEFORE = "state-before-0023"  # the last state before 0023 and 0024 (schema of 0022)


def old_texts(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute("SELECT id, explanation, typeof(explanation), suppressed, "
                        "typeof(suppressed) FROM matches ORDER BY id").fetchall()


def new_texts(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute(f"SELECT m.id, {EXPLANATION} AS e, typeof({EXPLANATION}), "
                        f"{SUPPRESSED}, typeof({SUPPRESSED}) FROM matches m "
                        "ORDER BY m.id").fetchall()


def test_a_state_made_before_upgrades_and_reads_the_same(tmp_path):
    db = restore(BEFORE, tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        before = old_texts(conn)
        rest = conn.execute("SELECT id, item_id, rule_id, severity, matched_at, alerted, "
                            "story_id FROM matches ORDER BY id").fetchall()
        links = conn.execute("SELECT id, match_id FROM outbox ORDER BY id").fetchall()
    assert as_json(more_readings(db)) == recorded(BEFORE)  # every reader, texts included
    with sqlite3.connect(db) as conn:
        assert new_texts(conn) == before
        assert conn.execute("SELECT id, item_id, rule_id, severity, matched_at, alerted, "
                            "story_id FROM matches ORDER BY id").fetchall() == rest
        assert conn.execute("SELECT id, match_id FROM outbox ORDER BY id").fetchall() == links
        stored = conn.execute(  # story members' reasons are kept there too since 0027
            "SELECT text FROM match_texts WHERE id IN (SELECT explanation_id FROM matches "
            "UNION SELECT suppressed_id FROM matches) ORDER BY id").fetchall()
        indexes = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE tbl_name IN ('matches', 'match_texts')")}
    distinct = {e for _, e, _, _, _ in before} | {s for _, _, _, s, _ in before if s}
    assert len(stored) == len(distinct) < len(before)  # each text once
    assert {"matches_story_alerted", "match_texts_hash"} <= indexes


def test_every_value_comes_back_as_it_was(tmp_path):
    """Texts that differ by a byte stay apart, a reason equal to an explanation is shared,
    a value that is not text (written by hand) keeps its type."""
    db = restore(BEFORE, tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE matches SET explanation = explanation || ' ' WHERE id = 2")
        conn.execute("UPDATE matches SET explanation = upper(explanation) WHERE id = 5")
        conn.execute("UPDATE matches SET suppressed = (SELECT explanation FROM matches "
                     "WHERE id = 1) WHERE id = 6")
        conn.execute("UPDATE matches SET explanation = X'00ff' WHERE id = 7")
        before = old_texts(conn)
    Store(db).close()
    with sqlite3.connect(db) as conn:
        assert new_texts(conn) == before
        ids = dict(conn.execute("SELECT id, explanation_id FROM matches").fetchall())
        shared = conn.execute("SELECT suppressed_id FROM matches WHERE id = 6").fetchone()[0]
    assert shared == ids[1] and ids[2] != ids[1] and ids[5] != ids[1]


@pytest.mark.parametrize("statement", ["CREATE TABLE matches_0024", "DROP TABLE matches",
                                       "CREATE INDEX matches_story_alerted"])
def test_an_upgrade_killed_half_way_loses_nothing(tmp_path, statement):
    (tmp_path / "state").mkdir()
    db = restore(BEFORE, tmp_path / "state" / "alerts.db")
    killed_upgrade(db, statement, tmp_path)
    assert as_json(more_readings(db)) == recorded(BEFORE)


def _record(store: Store, key: str, explanation: str, suppressed: str | None = None,
            now: datetime = T0) -> None:
    item = Item(feed_url="https://a.example/rss", feed_name="A", key=key, guid=key[2:],
                link=f"https://a.example/{key[2:]}", title=f"Envoys meet ({key})",
                summary="The envoys met.", published=now)
    match = Match(rule_id="envoys", rule_title="Envoys", severity="high", channels=(),
                  explanation=explanation, suppressed=suppressed)
    store.record_poll(feed_url=item.feed_url, feed_name="A", now=now,
                      fetched=Fetched(item.feed_url, item.feed_url, 200, b""), body_hash=key,
                      new_items=[item], edited_items=[], seen_keys=[],
                      alerts=[QueuedAlert(item.key, match, (), alerted=suppressed is None)])


def test_new_matches_share_a_stored_text(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        _record(store, "g:1", "matched because: 'envoy'")
        _record(store, "g:2", "matched because: 'envoy'", "already alerted for story-1")
        _record(store, "g:3", "matched because: 'envoys'", "already alerted for story-1")
        _record(store, "g:3", "recorded again: nothing changes")  # the match is there
        assert store.conn.execute("SELECT text FROM match_texts ORDER BY id").fetchall() == [
            ("matched because: 'envoy'",), ("already alerted for story-1",),
            ("matched because: 'envoys'",)]
        assert [row[1::2] for row in new_texts(store.conn)] == [
            ("matched because: 'envoy'", None),
            ("matched because: 'envoy'", "already alerted for story-1"),
            ("matched because: 'envoys'", "already alerted for story-1")]
        assert store.match_outcome("https://a.example/rss", "g:2", "envoys") == {
            "alerted": 0, "suppressed": "already alerted for story-1", "followed_up": 0}
    finally:
        store.close()


def test_two_texts_with_one_hash_stay_apart(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        with store.write() as conn:
            conn.execute("INSERT INTO match_texts (hash, text) VALUES (?, 'another text')",
                         (text_hash("matched because: 'envoy'"),))
            first = text_id(conn, "matched because: 'envoy'")
            assert first != 1  # not the other text under its hash
            assert text_id(conn, "matched because: 'envoy'") == first  # found again
            assert conn.execute("SELECT id, text FROM match_texts WHERE hash = ? ORDER BY id",
                                (text_hash("matched because: 'envoy'"),)).fetchall() == [
                (1, "another text"), (first, "matched because: 'envoy'")]
    finally:
        store.close()


def test_the_prune_takes_the_texts_no_match_needs(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        _record(store, "g:1", "old and alone", "old reason", now=T0 - timedelta(days=90))
        _record(store, "g:2", "shared", now=T0 - timedelta(days=90))
        _record(store, "g:3", "shared", "kept reason", now=T0)
        store.prune(T0 - timedelta(days=30))
        assert store.conn.execute("SELECT text FROM match_texts ORDER BY id").fetchall() == [
            ("shared",), ("kept reason",)]
        assert [row[1::2] for row in new_texts(store.conn)] == [("shared", "kept reason")]
    finally:
        store.close()


def test_the_web_view_shows_the_texts(tmp_path):
    pytest.importorskip("datasette")
    from tests.test_web import Web

    db = tmp_path / "s.db"
    store = Store(db)
    try:
        _record(store, "g:1", "matched because: 'envoy' (title)", "muted (envoys)")
    finally:
        store.close()
    web = Web(db)
    try:
        status, page = web.get("/state/matches")
        assert status == 200
        assert "matched because: &#39;envoy&#39; (title)" in page and "muted (envoys)" in page
    finally:
        web.close()
