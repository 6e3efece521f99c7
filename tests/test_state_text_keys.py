"""Store less (#17, migration 0031): a story's 'text' key (alerts.stories.text_key, 32 hex
digits) kept as its 16 bytes. A state made before keeps every key exactly (any key that is
not such hex, as it was) and every story is found by its text as before; an upgrade killed
at its statement loses nothing; new stories store the bytes and are found again."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alerts.models import Item
from alerts.state import Store
from alerts.state.compact import STORY_KEY_TEXT, text_key_value
from alerts.stories import text_key
from tests.old_states import killed_upgrade, restore

OLD = "state-before-0028"
EVER = (datetime(1900, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC))
STEP = "0031_story_text_keys_as_bytes"
HAND_WRITTEN = ["text g:1", "0123456789ABCDEF0123456789ABCDEF",
                "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdefa",
                "0123456789abcdeg0123456789abcdef"]


def state_at_0030(path: Path) -> Path:
    """The old state upgraded to 0030, as a state of that schema holds it (text keys as hex
    text and stories' titles whole: 0031-0032 not applied), with hand-written text keys that
    are not a hash's hex."""
    with sqlite3.connect(restore(OLD, path)) as conn:
        titles = conn.execute("SELECT title, id FROM stories").fetchall()
        item_titles = conn.execute("SELECT title, id FROM items").fetchall()
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE story_keys SET key = lower(hex(key)) WHERE typeof(key) = 'blob'")
        conn.executemany("UPDATE stories SET title = ? WHERE id = ?", titles)  # before 0032
        conn.executemany("UPDATE items SET title = ? WHERE id = ?", item_titles)  # 0033
        conn.execute("DELETE FROM _sqlite_migrations WHERE name IN (?, ?, ?)",
                     (STEP, "0032_story_titles_by_first_report", "0033_packed_item_titles"))
        conn.executemany("INSERT INTO story_keys (kind, key, story_id, at) VALUES "
                         "('text', ?, 1, 1751364000000000)", [(k,) for k in HAND_WRITTEN])
    return path


def keys(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute(f"SELECT kind, {STORY_KEY_TEXT}, story_id, at FROM story_keys "
                        "ORDER BY 1, 2, 3").fetchall()


def found_before(conn: sqlite3.Connection) -> dict[str, tuple[int, str]]:
    """Each text key's story as the store before 0031 found it (its query, on the text)."""
    texts = [k for (k,) in conn.execute("SELECT key FROM story_keys WHERE kind = 'text'")]
    return {key: conn.execute(
        "SELECT s.id, s.title FROM story_keys k JOIN stories s ON s.id = k.story_id "
        "WHERE k.kind = 'text' AND k.key = ? ORDER BY k.at DESC LIMIT 1", (key,)).fetchone()
        for key in texts}


def test_a_state_made_before_keeps_every_key_and_finds_every_story_by_its_text(tmp_path):
    db = state_at_0030(tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        before, stories = keys(conn), found_before(conn)
    assert len(stories) >= 12
    store = Store(db)
    try:
        for key, (story, title) in stories.items():
            assert (store.story_by_text(key, *EVER).id, store.story_by_text(key, *EVER).title
                    ) == (story, title), key
            found = store.story_by_copy(None, key, *EVER)
            assert (found.id, found.title, found.joined_by) == (story, title, "text"), key
        assert keys(store.conn) == before  # every key, to the value
        stored = dict(store.conn.execute("SELECT key, typeof(key) FROM story_keys "
                                         "WHERE kind = 'text'").fetchall())
        hashes = {key for key in stories if re.fullmatch("[0-9a-f]{32}", key)}
        assert len(hashes) >= 10 and set(HAND_WRITTEN) <= set(stories) - hashes
        assert {key for key, kind in stored.items() if kind == "text"} == set(stories) - hashes
        assert {key.hex() for key, kind in stored.items() if kind == "blob"} == hashes
        assert store.conn.execute("SELECT count(*) FROM story_keys WHERE kind != 'text' "
                                  "AND typeof(key) != 'text'").fetchone() == (0,)
    finally:
        store.close()


def test_an_upgrade_killed_at_its_statement_loses_nothing_then_upgrades_whole(tmp_path):
    (tmp_path / "state").mkdir()
    db = state_at_0030(tmp_path / "state" / "alerts.db")
    with sqlite3.connect(db) as conn:
        before = keys(conn)
    killed_upgrade(db, "UPDATE story_keys SET key = alerts_0031_text_key", tmp_path)
    Store(db).close()
    with sqlite3.connect(db) as conn:
        assert keys(conn) == before
        assert conn.execute("SELECT count(*) FROM story_keys WHERE typeof(key) = 'blob'"
                            ).fetchone()[0] >= 10


def test_a_new_story_stores_its_text_key_as_bytes_and_is_found_by_it(tmp_path):
    at = datetime(2025, 7, 1, 10, tzinfo=UTC)
    item = Item(feed_url="http://a.example/feed", feed_name="A", key="g:1", guid="1",
                link="http://a.example/1", title="Envoys meet", summary="They met.",
                published=at)
    text = text_key(item)
    store = Store(tmp_path / "s.db")
    try:
        story = store.add_to_story(None, item, at, rule_ids=["envoys"], entity_keys=[],
                                   link=None, text=text, sig=None, band_keys=[],
                                   publisher="a.example")
        other = store.add_to_story(None, item, at, rule_ids=["envoys"], entity_keys=[],
                                   link=None, text="text g:1", sig=None, band_keys=[],
                                   publisher="a.example")
        assert store.conn.execute("SELECT key FROM story_keys WHERE story_id = ?",
                                  (story.id,)).fetchall() == [(bytes.fromhex(text),)]
        assert store.story_by_text(text, *EVER).id == story.id
        assert store.story_by_copy(None, text, *EVER).id == story.id
        assert store.story_by_text("text g:1", *EVER).id == other.id
        assert store.story_by_text(text.upper(), *EVER) is None
    finally:
        store.close()


def test_only_a_hash_s_lower_case_hex_is_kept_as_bytes():
    assert text_key_value("00" * 16) == bytes(16)
    for key in HAND_WRITTEN:
        assert text_key_value(key) == key
