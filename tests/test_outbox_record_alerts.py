"""A poll's matches and alerts stored a poll at a time (#17, alerts.state.outbox.record_alerts)
store exactly what storing them one at a time stored: the same matches, texts, rule facts and
outbox rows, with the same numbers, in every case the loop had (a match stored before, a
follow-up of an alert queued earlier in the same poll, a text whose hash another text has,
messages given as (channel, title, body), an alert whose item is not stored)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alerts.messages import Outgoing
from alerts.models import Fetched, Item, Match
from alerts.routing import ChannelStyle, Composer
from alerts.state import QueuedAlert, Store
from alerts.state.compact import moment
from alerts.state.outbox import queue_message, record_alerts
from alerts.state.texts import text_hash, text_id

T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
FEED = "https://a.example/rss"
COMPOSER = Composer({"chat": ChannelStyle(format="markdown"),
                     "mail": ChannelStyle(format="html", title="{{ rule_title }} / {{ title }}")})


def one_at_a_time(conn: sqlite3.Connection, item_ids: dict[str, int],
                  alerts: list[QueuedAlert], now: datetime) -> int:
    """What record_poll did before record_alerts: each alert's match looked up, stored and
    its messages queued one by one."""
    queued = 0
    for alert in alerts:
        item_id = item_ids.get(alert.item_key)
        if item_id is None:
            continue
        stored = conn.execute("SELECT id FROM matches WHERE item_id = ? AND rule_id = ?",
                              (item_id, alert.match.rule_id)).fetchone()
        if stored is None:
            match_id = conn.execute(
                "INSERT INTO matches (item_id, rule_id, severity, explanation_id, "
                "matched_at, alerted, suppressed_id, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (item_id, alert.match.rule_id, alert.match.severity,
                 text_id(conn, alert.match.explanation), moment(now),
                 int(alert.alerted if alert.alerted is not None else bool(alert.messages)),
                 text_id(conn, alert.match.suppressed), alert.match.story_id)).lastrowid
        elif alert.update:
            match_id = stored[0]
        else:
            continue
        for message in alert.messages:
            if not isinstance(message, Outgoing):
                channel, title, body = message
                message = Outgoing(channel, title, body, severity=alert.match.severity,
                                   rule_id=alert.match.rule_id)
            queued += queue_message(conn, message, now, match_id)
    return queued


def _item(n: int) -> Item:
    return Item(feed_url=FEED, feed_name="A", key=f"g:{n}", guid=str(n),
                link=f"https://a.example/{n}", title=f"Envoy {n} arrives in Doha",
                summary="The envoy spoke.", published=T0 - timedelta(hours=n),
                content_hash=f"{n:016x}")


def _match(rule: str, *, story: int | None = None, explanation: str | None = None,
           suppressed: str | None = None, channels: tuple[str, ...] = ("chat", "mail")
           ) -> Match:
    return Match(rule_id=rule, rule_title=f"Rule {rule}", severity="high", channels=channels,
                 explanation=explanation or f"matched because: '{rule}'",
                 suppressed=suppressed, story_id=story)


def _alert(item: Item, match: Match, *, update: bool = False) -> QueuedAlert:
    messages = COMPOSER.compose(item, match, update=update, later=True)
    return QueuedAlert(item.key, match, messages, update=update)


def _poll(store: Store, items: list[Item], now: datetime) -> dict[str, int]:
    store.record_poll(feed_url=FEED, feed_name="A", now=now,
                      fetched=Fetched(FEED, FEED, 200, b""), body_hash="h", new_items=items,
                      edited_items=[], seen_keys=[], alerts=[])
    return {key: known.id for key, known in
            store.known_items(FEED, [item.key for item in items]).items()}


def _tables(store: Store) -> dict[str, list[tuple[object, ...]]]:
    return {table: store.conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("matches", "match_texts", "alert_rules", "outbox")}


def _state(path: Path, record) -> tuple[int, dict[str, list[tuple[object, ...]]]]:  # type: ignore[no-untyped-def]
    store = Store(path)
    try:
        first, second, third = _item(1), _item(2), _item(3)
        ids = _poll(store, [first], T0)
        with store.write() as conn:
            # A poll before: a match stored, a text and a rule's facts stored.
            one_at_a_time(conn, ids, [_alert(first, _match("r0", story=7))], T0)
            # A text another text's hash finds, stored before ("two texts with one hash
            # stay apart").
            collide, twice = "matched because: 'collide'", "matched because: 'twice'"
            conn.execute("INSERT INTO match_texts (hash, text) VALUES (?, ?)",
                         (text_hash(collide), "some other text"))
            # A text stored under another text's hash is not found by its own; a text
            # stored twice is found as its first row.
            conn.execute("INSERT INTO match_texts (hash, text) VALUES (?, ?)",
                         (text_hash(collide), "matched because: 'misfiled'"))
            conn.executemany("INSERT INTO match_texts (hash, text) VALUES (?, ?)",
                             [(text_hash(twice), twice)] * 2)
        now = T0 + timedelta(minutes=5)
        ids |= _poll(store, [second, third], now)
        alerts = [
            _alert(second, _match("r1", story=8)),
            _alert(second, _match("r1", story=8)),  # the same match again: not stored twice
            _alert(first, _match("r0", story=7), update=True),  # a follow-up, match stored
            _alert(first, _match("r0", story=7)),  # a match stored, no follow-up: nothing
            QueuedAlert(third.key, _match("r2"), (("chat", "Plain title", "Plain body"),)),
            QueuedAlert(third.key, _match("r3", suppressed="already alerted for story-8"),
                        (), alerted=False),
            _alert(_item(9), _match("r4")),  # its item is not stored: not recorded
            _alert(third, _match("r5", explanation=collide)),
            _alert(third, _match("r6", explanation="matched because: 'r0'")),  # text stored
            _alert(third, _match("r7", explanation="matched because: 'misfiled'")),
            _alert(third, _match("r8", explanation=twice)),
            _alert(second, _match("r0", story=9)),  # rule facts stored before
            # A follow-up of the alert queued above in this poll (r1, story 8): it reads
            # the outbox, which must hold that alert already.
            _alert(third, _match("r1", story=8), update=True),
        ]
        with store.write() as conn:
            queued = record(conn, ids, alerts, now)
        return queued, _tables(store)
    finally:
        store.close()


def test_a_poll_stores_what_storing_its_alerts_one_at_a_time_stored(tmp_path):
    queued, tables = _state(tmp_path / "poll.db", record_alerts)
    expected_queued, expected = _state(tmp_path / "one.db", one_at_a_time)
    assert queued == expected_queued == 17
    assert tables == expected
    # The follow-up of this poll's own alert was queued (it saw that alert in the outbox).
    assert sum(1 for row in tables["outbox"] if row[3] == "update") == 4
    assert len(tables["matches"]) == 10
