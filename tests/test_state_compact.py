"""Store less (#17): story signatures packed, LSH bands in their own compact table, queued
alerts' facts without what their row says again; a state made before (migration 0016)
upgrades without losing anything and finds the same stories."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alerts.fold import fold
from alerts.messages import ALERT, UPDATE, Outgoing
from alerts.models import Item, Match
from alerts.routing import Composer, alert_facts, stored_facts
from alerts.state import Store
from alerts.state.compact import (
    instant,
    iso,
    moment,
    read_texts_in_sql,
    unpack_signature,
    unpack_text,
)
from alerts.state.db import ts
from alerts.state.feedkeys import read_key
from alerts.state.outbox import pack_payload
from alerts.state.signature_v1 import bands_v1, signature_v1
from alerts.state.stories import STORY_TITLE
from alerts.stories import StoryDesk, StorySettings, bands, folded_signature, signature
from tests.old_states import restore

BEFORE = Path(__file__).parent / "data" / "state-before-0016.sql"
T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)


def old_state(path: Path) -> Path:
    return restore("state-before-0016", path)


def rows(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != '_sqlite_migrations'")]
        return {table: sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
                for table in tables}


def old_band_lookup(conn: sqlite3.Connection, keys: list[str], since: datetime,
                    until: datetime) -> list[tuple]:
    """The query the store asked before 0016, on the state as it was."""
    marks = ",".join("?" * len(keys))
    found = conn.execute(
        f"SELECT DISTINCT s.id, s.title, s.signature, s.event FROM story_keys k "
        f"JOIN stories s ON s.id = k.story_id WHERE k.kind = 'band' AND k.key IN ({marks}) "
        f"AND k.at >= ? AND k.at <= ? AND s.signature IS NOT NULL LIMIT 50",
        (*keys, ts(since), ts(until))).fetchall()
    return [(sid, title, tuple(int(v) for v in sig.split(",")), event)
            for sid, title, sig, event in found]


def test_a_state_made_before_upgrades_with_nothing_lost(tmp_path):
    before = rows(old_state(tmp_path / "old.db"))
    assert any(kind == "band" for kind, *_ in before["story_keys"])
    Store(tmp_path / "old.db").close()
    after = rows(tmp_path / "old.db")

    # Every table but the two that changed form holds exactly what it held (items and story
    # members change form in 0017, the outbox in 0018: tests/test_state_items.py reads them
    # through the store; matches' times in 0022, the same instants, their texts in 0024;
    # stories' times in 0025, the same instants).
    for table, held in before.items():
        if table not in ("stories", "story_keys", "items", "story_members", "outbox",
                         "matches", "story_developments", "feeds"):
            assert after[table] == held, table
    # Feeds numbered since 0028 (the number first), named so by developments and items;
    # their link base since 0029 (last).
    assert sorted((row[1:-1] for row in after["feeds"]), key=repr) == before["feeds"]
    urls = {row[0]: row[1] for row in after["feeds"]}
    assert sorted(((*row[:3], read_key(row[3], urls[row[4]]), urls[row[4]], iso(row[5]))
                   for row in after["story_developments"]), key=repr) == \
        before["story_developments"]
    with sqlite3.connect(tmp_path / "old.db") as conn:  # texts kept once since 0024
        texts = dict(conn.execute("SELECT id, text FROM match_texts").fetchall())
    assert [(*row[:4], texts[row[4]], iso(row[5]), row[6], texts.get(row[7]), *row[8:])
            for row in after["matches"]] == before["matches"]
    # Stories: the same rows, each signature packed (0016) and made again in today's scheme
    # from the report it came from (0030): the title it joined with and its item's summary.
    with sqlite3.connect(tmp_path / "old.db") as conn:
        conn.row_factory = None
        packed = dict(conn.execute("SELECT id, signature FROM stories"))
        read_texts_in_sql(conn)  # items' titles packed since 0033
        titles = dict(conn.execute(f"SELECT s.id, {STORY_TITLE} FROM stories s"))  # 0032
    with sqlite3.connect(old_state(tmp_path / "again.db")) as conn:
        reports = conn.execute(
            "SELECT m.story_id, m.title, i.summary FROM story_members m JOIN items i "
            "ON i.feed_url = m.feed_url AND i.key = m.item_key ORDER BY m.id").fetchall()
    with_words = 0
    for row in before["stories"]:
        old_signature = row[4]
        now = next(r for r in after["stories"] if r[0] == row[0])
        assert (now[0], titles[now[0]], iso(now[2]), iso(now[3])) == row[:4]
        assert now[5:] == row[5:]
        if old_signature is None:
            assert packed[row[0]] is None
            continue
        with_words += 1
        assert isinstance(packed[row[0]], bytes) and len(packed[row[0]]) == 256
        former = tuple(int(v) for v in old_signature.split(","))
        text = next(f"{fold(title)} {fold(summary)}" for story, title, summary in reports
                    if story == row[0] and signature_v1(f"{fold(title)} {fold(summary)}")
                    == former)
        assert unpack_signature(packed[row[0]]) == folded_signature(text)
    assert with_words >= 3
    # Story keys: the bands moved, each with its story and time (their keys made again by
    # 0030); the others stayed.
    old_bands = {(story, at) for kind, key, story, at in before["story_keys"]
                 if kind == "band"}
    assert [r for r in after["story_keys"] if r[0] == "band"] == []
    assert [r for r in before["story_keys"] if r[0] != "band"] == sorted((  # text keys (0031)
        (r[0], r[1].hex() if isinstance(r[1], bytes) else r[1], r[2], iso(r[3]))
        for r in after["story_keys"]), key=repr)
    assert {(story, at) for _, story, at in after["story_bands"]} == {
        (story, moment(datetime.fromisoformat(at))) for story, at in old_bands}
    assert len(after["story_bands"]) == len([r for r in before["story_keys"] if r[0] == "band"])


def test_an_upgraded_state_finds_the_same_stories_by_words(tmp_path):
    old_state(tmp_path / "old.db")
    old = sqlite3.connect(tmp_path / "before.db")
    old.executescript(BEFORE.read_text("utf-8"))
    store = Store(tmp_path / "old.db")
    try:
        items = [(title, unpack_text(summary), published)  # compressed since 0023
                 for title, summary, published in store.conn.execute(
                     "SELECT title, summary, published FROM items ORDER BY id")]
        asked = 0
        for title, summary, published in items:
            sig = signature(f"{title} {summary}")
            # The bands the state stored were of the signature of then (0030 made them
            # again with today's): each report finds by today's what it found by those.
            former = signature_v1(f"{fold(title)} {fold(summary)}")
            assert (sig is None) == (former is None)
            if not sig or not former:
                continue
            at = instant(published)  # microseconds since 0017
            for since, until in ((at - timedelta(hours=48), at + timedelta(hours=48)),
                                 (at, at), (at + timedelta(seconds=1), at + timedelta(hours=1)),
                                 (at - timedelta(hours=1), at - timedelta(microseconds=1))):
                expected = old_band_lookup(old, [b.hex() for b in bands_v1(former)], since,
                                           until)
                found = store.stories_by_bands(bands(sig), since, until)
                assert [(ref.id, ref.title, event) for ref, _, event in found] == \
                    [(sid, title_, event) for sid, title_, _, event in expected]
                asked += bool(expected)
        assert asked >= 4
        # And a close-worded report arriving now joins the story it would have joined.
        desk = StoryDesk(store)
        title, summary, published = items[0]
        report = Item(feed_url="https://wire-c.example/rss", feed_name="Wire C",
                      key="g:c-0", guid=None, link="https://wire-c.example/0",
                      title=title + ", diplomats say", summary=summary, published=T0)
        placed = desk.find(report, "talks-words", None, T0 + timedelta(hours=2),
                           settings=StorySettings(by="text"))  # the rule's story: {by: text}
        assert placed.story is not None
        assert (placed.story.id, placed.story.joined_by) == (1, "words")
    finally:
        store.close()
        old.close()


def test_new_stories_store_packed_signatures_and_bands_and_prune_them(tmp_path):
    store = Store(tmp_path / "s.db")
    desk = StoryDesk(store)
    text = ("Negotiators from both sides met again in Geneva on Tuesday to discuss an "
            "exchange of prisoners, the front line and humanitarian corridors")
    first = Item(feed_url="https://a.example/rss", feed_name="A", key="g:1", guid=None,
                 link="https://a.example/1", title="Talks resume in Geneva", summary=text,
                 published=T0)
    second = Item(feed_url="https://b.example/rss", feed_name="B", key="g:2", guid=None,
                  link="https://b.example/2", title="Talks resume in Geneva, officials say",
                  summary=text, published=T0)
    one = desk.assign(first, "r", None, T0, "a.example")
    two = desk.assign(second, "r", None, T0 + timedelta(hours=1), "b.example")
    assert (two.id, two.joined_by) == (one.id, "words")
    [(kind,)] = store.conn.execute("SELECT typeof(signature) FROM stories").fetchall()
    assert kind == "blob"
    sig = signature(f"{first.title} {first.summary}")
    assert sig is not None
    stored = store.conn.execute("SELECT band, at FROM story_bands").fetchall()
    assert {band.hex() for band, _ in stored} == set(bands(sig)) | set(
        bands(signature(f"{second.title} {second.summary}")))  # type: ignore[arg-type]
    assert store.conn.execute("SELECT count(*) FROM story_keys WHERE kind = 'band'"
                              ).fetchone() == (0,)
    # A band seen again keeps the latest time.
    assert max(at for _, at in stored) == moment(T0 + timedelta(hours=1))
    # Times are exact, as the ISO text was: a report half a second after a window's end
    # is outside it.
    late = Item(feed_url="https://c.example/rss", feed_name="C", key="g:3", guid=None,
                link="https://c.example/3", title="Harbour unions walk out of port talks",
                summary="Dock unions walked out of the port authority meeting on Tuesday "
                        "after the talks on pay and hours stalled again", published=T0)
    third = desk.assign(late, "r", None, T0 + timedelta(hours=5, milliseconds=500), "c")
    assert third.joined_by == "new"
    keys = bands(signature(f"{late.title} {late.summary}"))  # type: ignore[arg-type]
    end = T0 + timedelta(hours=5)
    assert store.stories_by_bands(keys, end - timedelta(hours=1), end) == []
    assert [ref.id for ref, _, _ in store.stories_by_bands(
        keys, end, end + timedelta(milliseconds=500))] == [third.id]
    assert store.stories_by_bands(keys, end + timedelta(milliseconds=501),
                                  end + timedelta(hours=1)) == []
    store.prune(T0 + timedelta(days=1))
    assert store.conn.execute("SELECT count(*) FROM story_bands").fetchone() == (0,)
    store.close()


def facts_of(update: bool = False, sources: tuple = ()) -> tuple[Item, Match, dict]:
    item = Item(feed_url="https://wire.example/rss", feed_name="Wire", key="k1", guid=None,
                link="https://wire.example/1", title="Переговоры в Женеве возобновились",
                summary="Делегации возобновили переговоры.",
                published=datetime(2025, 7, 1, 15, 0, tzinfo=UTC), content_hash="abc")
    match = Match(rule_id="talks", rule_title="Talks", severity="high", channels=("desk",),
                  explanation="matched because: 'переговоры'", story_id=7)
    return item, match, alert_facts(item, match, update=update, sources=sources)


def test_queued_alert_facts_are_stored_compactly_and_read_back_as_they_were(tmp_path):
    store = Store(tmp_path / "s.db")
    composer = Composer(defaults=("desk",))
    queued = []
    for update, sources in ((False, ()), (True, ()),
                            (False, (("Other", "Другой заголовок", "https://o.example/1"),))):
        item, match, _ = facts_of(update, sources)
        [message] = composer.compose(item, match, update=update, sources=sources, later=True)
        queued.append(message)
    store.queue(queued, datetime(2025, 7, 1, 16, 0, tzinfo=UTC))
    read = store.outbox_rows(r[0] for r in store.conn.execute("SELECT id FROM outbox"))
    stored = [text for (text,) in store.conn.execute("SELECT payload FROM outbox ORDER BY id")]
    for message, row, text in zip(queued, read, stored, strict=True):
        assert row.kind == message.kind
        # The same facts, in the same order, as the composer made them.
        assert list(row.payload.items()) == list(message.payload.items())
        packed = json.loads(text)
        for fact in ("alert_id", "severity", "rule_id", "story", "update", "thread"):
            assert fact not in packed, fact
        # No spaces between items, no \u escapes.
        assert text == json.dumps(packed, separators=(",", ":"), ensure_ascii=False)
        assert "Переговоры" in text
    # One source (the item itself) is not stored; several are.
    assert "sources" not in json.loads(stored[0])
    assert len(json.loads(stored[2])["sources"]) == 2
    assert read[1].kind == UPDATE and read[1].payload["update"] is True
    assert read[1].payload["thread"] == read[1].thread_id is not None
    store.close()


def test_facts_that_differ_from_their_row_are_kept(tmp_path):
    _, match, facts = facts_of()
    stored = stored_facts(facts)
    message = Outgoing("desk", "t", "", kind=ALERT, alert_id="other-id",
                       severity="low", rule_id=match.rule_id, story=facts["story"],
                       payload=stored)
    packed = json.loads(pack_payload(message) or "{}")
    assert packed["alert_id"] == facts["alert_id"] and packed["severity"] == "high"
    assert "rule_id" not in packed
    # A text no UTF-8 can hold (a lone surrogate from a broken feed) is queued, escaped.
    broken = Outgoing("desk", "t", "", kind=ALERT, payload={**stored, "title": "a\ud800b"})
    store = Store(tmp_path / "s.db")
    try:
        store.queue([broken], datetime(2025, 7, 1, 16, 0, tzinfo=UTC))
        [row] = store.outbox_rows([1])
        assert row.payload["title"] == "a\ud800b"
    finally:
        store.close()


def test_alerts_queued_in_full_before_are_read_as_they_were(tmp_path):
    old_state(tmp_path / "old.db")
    with sqlite3.connect(tmp_path / "old.db") as conn:
        full = {row_id: json.loads(text) for row_id, text in
                conn.execute("SELECT id, payload FROM outbox WHERE payload IS NOT NULL")}
    assert full
    store = Store(tmp_path / "old.db")
    try:
        for row in store.outbox_rows(full):
            assert list(row.payload.items()) == list(full[row.id].items())
    finally:
        store.close()


def test_values_this_code_did_not_write_stay_as_they_were(tmp_path):
    path = old_state(tmp_path / "old.db")
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO stories (id, title, created_at, last_at, signature) VALUES "
                     "(99, 'Hand-edited', '2025-07-01T10:00:00+00:00', "
                     "'2025-07-01T10:00:00+00:00', '1,2,three')")
        conn.executemany("INSERT INTO story_keys (kind, key, story_id, at) VALUES (?, ?, 99, ?)",
                         [("band", "not-hex-at-all!!", "2025-07-01T10:00:00+00:00"),
                          ("band", "00ff00ff00ff00ff", "yesterday"),
                          ("band", "00ff00ff00ff00ff00", "2025-07-01T10:00:00+00:00")])
    Store(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT signature FROM stories WHERE id = 99").fetchone() == (
            "1,2,three",)
        assert conn.execute("SELECT key, at FROM story_keys WHERE story_id = 99 "
                            "ORDER BY key").fetchall() == [
            ("00ff00ff00ff00ff", "yesterday"),  # not a time: text, also after 0025
            ("00ff00ff00ff00ff00", moment(datetime(2025, 7, 1, 10, tzinfo=UTC))),
            ("not-hex-at-all!!", moment(datetime(2025, 7, 1, 10, tzinfo=UTC)))]
        assert conn.execute("SELECT count(*) FROM story_bands WHERE story_id = 99"
                            ).fetchone() == (0,)
