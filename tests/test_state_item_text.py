"""Store less (#17, migration 0023): an item's summary and full text compressed in a BLOB when
that is shorter. A state made by the previous schema upgrades with every reader giving what it
gave before and every text back to the character; an upgrade killed half-way loses nothing;
new and edited items are stored packed and read back whole; a secret in a packed text is
masked as in a plain one; the web view shows the text."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from alerts.models import Fetched, Item
from alerts.state import Store
from alerts.state.compact import pack_text, unpack_text
from tests.old_states import as_json, items_as_before_0028, killed_upgrade, recorded, restore
from tests.tools.state_before_0020 import more_readings

T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
LONG = ("Mediators met negotiators from both sides in Doha on Thursday to press for a "
        "ceasefire and the release of hostages, officials said; the talks resume on Friday. ")


def old_state(path: Path) -> Path:
    return restore("state-before-0023", path)


# Items' other columns, as named before 0028 (tests.old_states.items_as_before_0028).
OTHERS = ("SELECT id, feed_url, key, guid, link, title, published, content_hash, first_seen, "
          "last_seen, edits, author, categories FROM {} items ORDER BY id")


def texts(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute("SELECT id, summary, content FROM items ORDER BY id").fetchall()


def test_a_state_made_before_upgrades_and_reads_the_same(tmp_path):
    db = old_state(tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        before = texts(conn)
        others = conn.execute(OTHERS.format(items_as_before_0028(conn))).fetchall()
    assert as_json(more_readings(db)) == recorded("state-before-0023")  # every reader
    with sqlite3.connect(db) as conn:
        assert "0023_packed_item_texts" in {
            name for (name,) in conn.execute("SELECT name FROM _sqlite_migrations")}
        after = texts(conn)
        assert conn.execute(OTHERS.format(items_as_before_0028(conn))).fetchall() == others
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert [(i, unpack_text(s), unpack_text(c)) for i, s, c in after] == before
    kinds = {(type(s).__name__, type(c).__name__) for _, s, c in after}
    # The long reports are packed (summary and full text), the short ones left as text.
    assert ("bytes", "bytes") in kinds and ("str", "str") in kinds
    for (_, old_s, old_c), (_, new_s, new_c) in zip(before, after, strict=True):
        for old, new in ((old_s, new_s), (old_c, new_c)):
            if isinstance(new, bytes):
                assert len(new) < len(str(old).encode())


@pytest.mark.parametrize("statement", ["UPDATE items SET summary", "UPDATE items SET content"])
def test_an_upgrade_killed_half_way_loses_nothing(tmp_path, statement):
    (tmp_path / "state").mkdir()
    db = old_state(tmp_path / "state" / "alerts.db")
    killed_upgrade(db, statement, tmp_path)
    assert as_json(more_readings(db)) == recorded("state-before-0023")


def _item(key: str, summary: str, content: str = "",
          url: str = "https://a.example/rss") -> Item:
    return Item(feed_url=url, feed_name="A", key=key, guid=key[2:],
                link=f"https://a.example/{key[2:]}", title=f"Envoys meet ({key})",
                summary=summary, published=T0, content=content)


def _poll(store: Store, new: list[Item], edited: list[Item] = (),  # type: ignore[assignment]
          url: str = "https://a.example/rss") -> None:
    store.record_poll(feed_url=url, feed_name="A", now=T0,
                      fetched=Fetched(url, url, 200, b""), body_hash="h", new_items=new,
                      edited_items=list(edited), seen_keys=[], alerts=[])


def test_new_and_edited_items_are_stored_packed_and_read_whole(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        long, short = _item("g:1", LONG * 3, LONG * 5), _item("g:2", "Envoys met.")
        _poll(store, [long, short])
        rows = texts(store.conn)
        assert [(type(s), type(c)) for _, s, c in rows] == [(bytes, bytes), (str, str)]
        assert len(rows[0][1]) < len(long.summary) // 2  # a repeated text packs well
        edited = replace(long, summary=LONG + "Edited.", content="")
        _poll(store, [], [edited])
        ((_, summary, content), _) = texts(store.conn)
        assert isinstance(summary, bytes) and content == ""
        [(_, _, read)] = list(store.stored_items())
        assert [(r["summary"], r["content"]) for r in read] == [
            (edited.summary, ""), (short.summary, short.content)]
    finally:
        store.close()


@pytest.mark.parametrize("text", ["", "a", "Ж" * 3, "\u2028 ceasefire \U0001F54A" * 40,
                                  LONG * 20])
def test_packing_gives_back_every_text(text):
    packed = pack_text(text)
    assert unpack_text(packed) == text
    assert isinstance(packed, str) or len(packed) < len(text.encode())


def test_a_secret_in_a_packed_text_is_masked_when_its_feed_is_adopted(tmp_path):
    secret = "s3cr3t-t0ken-4242"
    legacy = f"https://desk:{secret}@a.example/rss"
    masked = "https://desk:***@a.example/rss"
    store = Store(tmp_path / "s.db")
    try:
        item = _item("g:1", LONG + f"Source: {legacy}", f"Full text, see {legacy} " + LONG * 3,
                     url=legacy)
        _poll(store, [item], url=legacy)
        (_, summary, content), = texts(store.conn)
        assert isinstance(summary, bytes) and isinstance(content, bytes)
        assert store.adopt_feed(masked, legacy, [secret])
        (_, summary, content), = texts(store.conn)
        assert isinstance(summary, bytes) and isinstance(content, bytes)
        for text in (unpack_text(summary), unpack_text(content)):
            assert secret not in text and "a.example/rss" in text
    finally:
        store.close()


def test_the_web_view_shows_a_packed_text_as_text():
    links = pytest.importorskip("alerts.web.links")
    for column in ("summary", "content"):
        assert links.render_cell(value=pack_text(LONG * 3), column=column, table="items",
                                 database="state") == LONG * 3
    assert links.render_cell(value=b"\x00\x01", column="author", table="items",
                             database="state") is None
