"""A state made with the former word signatures upgrades to one-hash signatures (#17).

Stories store the word signature of their first report and the LSH bands of every report
that joined with one; the migration that changed the scheme makes each again from the
stored text of the report it came from. What must hold afterwards: each report's text finds
by its bands the stories it found before, a close-worded new report joins the story it
would have joined, and a signature no stored report gives back is not kept (it would never
compare with anything again).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

from alerts.fold import fold
from alerts.models import Item
from alerts.state import Store
from alerts.state.compact import TextPacker, instant, unpack_signature
from alerts.state.signature_v1 import bands_v1, signature_v1
from alerts.stories import StoryDesk, StorySettings, bands, folded_signature
from tests.old_states import restore

OLD = "state-before-0028"  # its stories' signatures and bands are of the former scheme


def _reports(path: Path) -> list[tuple[int, int, str, str, str]]:
    """(story, report time, title, summary, folded text) of every stored report whose item is
    still stored, in the order they joined, read with the former schema."""
    conn = sqlite3.connect(path)
    texts = TextPacker(conn)
    rows = conn.execute(
        "SELECT m.story_id, m.at, i.title, i.summary FROM story_members m JOIN items i "
        "ON i.feed_url = m.feed_url AND i.key = m.item_key ORDER BY m.id").fetchall()
    out = []
    for story, at, title, summary in rows:
        title, summary = texts.unpack(title) or "", texts.unpack(summary) or ""
        out.append((story, at, title, summary, f"{fold(title)} {fold(summary)}"))
    conn.close()
    return out


def _old_lookup(conn: sqlite3.Connection, keys: list[bytes], since: int, until: int
                ) -> list[int]:
    """The stories the former schema's query found by these bands (stories_by_bands)."""
    marks = ",".join("?" * len(keys))
    return sorted(row[0] for row in conn.execute(
        f"SELECT DISTINCT s.id FROM story_bands b JOIN stories s ON s.id = b.story_id "
        f"WHERE b.band IN ({marks}) AND b.at >= ? AND b.at <= ? "
        f"AND s.signature IS NOT NULL LIMIT 50", (*keys, since, until)))


def test_each_report_finds_by_its_bands_the_stories_it_found_before(tmp_path):
    db = restore(OLD, tmp_path / "s.db")
    old = sqlite3.connect(restore(OLD, tmp_path / "old.db"))
    reports = _reports(db)
    signed = {sid: unpack_signature(sig) for sid, sig in old.execute(
        "SELECT id, signature FROM stories WHERE signature IS NOT NULL")}
    assert len(signed) >= 2 and old.execute("SELECT count(*) FROM story_bands").fetchone()[0]
    store = Store(db)
    try:
        asked = 0
        for _, at, _, _, folded in reports:
            before, after = signature_v1(folded), folded_signature(folded)
            assert (before is None) == (after is None)  # the same word pairs counted
            if before is None or after is None:
                continue
            for since, until in ((at - 3600_000_000, at + 3600_000_000), (at, at),
                                 (at + 1, at + 3600_000_000)):
                expected = _old_lookup(old, bands_v1(before), since, until)
                found = store.stories_by_bands(bands(after), instant(since),  # type: ignore[arg-type]
                                               instant(until))
                assert sorted(ref.id for ref, _, _ in found) == expected, folded[:60]
                asked += bool(expected)
        assert asked >= 4
        # Each signature is now the one-hash signature of the report it came from.
        stored = dict(store.conn.execute(
            "SELECT id, signature FROM stories WHERE signature IS NOT NULL").fetchall())
        assert set(stored) == set(signed)
        for sid, packed in stored.items():
            first = next(folded for story, _, _, _, folded in reports
                         if story == sid and signature_v1(folded) == signed[sid])
            assert unpack_signature(packed) == folded_signature(first)
    finally:
        store.close()
        old.close()


def test_a_close_worded_report_joins_the_story_it_would_have_joined(tmp_path):
    db = restore(OLD, tmp_path / "s.db")
    reports = _reports(db)
    old = sqlite3.connect(db)
    signed = {sid for (sid,) in old.execute(
        "SELECT id FROM stories WHERE signature IS NOT NULL")}
    old.close()
    store = Store(db)
    try:
        desk = StoryDesk(store)
        joined = 0
        for story, at, title, summary, _ in reports:
            if story not in signed:
                continue
            moment = instant(at)
            assert isinstance(moment, datetime)
            report = Item(feed_url="https://wire-z.example/rss", feed_name="Wire Z",
                          key=f"g:z-{joined}", guid=None, link=f"https://wire-z.example/{at}",
                          title=title + ", diplomats say", summary=summary, published=moment)
            placed = desk.find(report, "words", None, moment + timedelta(hours=1),
                               settings=StorySettings(by="text"))
            assert placed.story is not None and placed.story.id == story, title
            assert placed.story.joined_by == "words"
            joined += 1
        assert joined >= 2
    finally:
        store.close()


def test_a_signature_no_stored_report_gives_back_is_dropped_with_its_bands(tmp_path):
    db = restore(OLD, tmp_path / "s.db")
    reports = _reports(db)
    conn = sqlite3.connect(db)
    signed = {sid: unpack_signature(sig) for sid, sig in conn.execute(
        "SELECT id, signature FROM stories WHERE signature IS NOT NULL")}
    # The summary of every report of one signed story is edited after it joined: no stored
    # text gives its signature back (as when its items are pruned).
    lost = min(signed)
    members = conn.execute("SELECT feed_url, item_key FROM story_members WHERE story_id = ?",
                           (lost,)).fetchall()
    conn.executemany("UPDATE items SET summary = 'An edited summary, since rewritten whole "
                     "by its editors' WHERE feed_url = ? AND key = ?", members)
    conn.commit()
    conn.close()
    assert any(story == lost for story, *_ in reports)
    bands_of: dict[int, int] = defaultdict(int)
    store = Store(db)
    try:
        rows = dict(store.conn.execute("SELECT id, signature FROM stories").fetchall())
        assert rows[lost] is None
        assert all(rows[sid] is not None for sid in signed if sid != lost)
        for (story,) in store.conn.execute("SELECT story_id FROM story_bands"):
            bands_of[story] += 1
        assert bands_of[lost] == 0
        assert all(bands_of[sid] >= 16 for sid in signed if sid != lost)
    finally:
        store.close()
