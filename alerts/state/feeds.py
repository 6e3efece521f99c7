"""Feeds: validators, health (errors, backoff, Retry-After, gone, moved), the poll log."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from alerts.messages import Outgoing
from alerts.models import FeedState, Fetched
from alerts.state.compact import instant
from alerts.state.db import IN_BATCH, Database, ts
from alerts.state.feedkeys import FEED_ID
from alerts.state.outbox import queue_message
from alerts.state.rekey import rekey_feeds


@dataclass(frozen=True)
class FeedHealth:
    """When a feed may be polled again, and whether it was disabled for good."""

    next_poll_after: datetime | None = None
    disabled_at: datetime | None = None
    disabled_reason: str | None = None
    error_count: int = 0
    moved_to: str | None = None  # poll this address instead of the configured one
    error_kind: str | None = None  # of the last poll; None after a success
    # A notice that it fails or went silent was sent and not yet taken back: its next
    # successful poll may call for one that it recovered (alerts.health).
    flagged: bool = False


def _when(stored: str | None) -> datetime | None:
    return datetime.fromisoformat(stored) if stored else None


def log_poll(conn: sqlite3.Connection, name: str, now: datetime, outcome: str,
              status: int | None = None, error: str | None = None) -> None:
    conn.execute("INSERT INTO poll_log (feed_name, at, outcome, status, error) "
                 "VALUES (?, ?, ?, ?, ?)", (name, ts(now), outcome, status, error))

def touch_feed(conn: sqlite3.Connection, url: str, name: str) -> tuple[int, str | None]:
    """The feed's row made or named; returns its number (feeds.id, since 0028) and its link
    base (since 0029)."""
    # Read first (the name seldom changes): one lookup, where an upsert returning the row
    # took twice as long on every poll. Callers hold the write transaction.
    row = conn.execute("SELECT id, link_base, name FROM feeds WHERE url = ?", (url,)).fetchone()
    if row is None:
        row = conn.execute("INSERT INTO feeds (url, name) VALUES (?, ?) "
                           "RETURNING id, link_base, name", (url, name)).fetchone()
    elif row[2] != name:
        conn.execute("UPDATE feeds SET name = ? WHERE id = ?", (name, row[0]))
    return int(row[0]), row[1]



class Feeds(Database):
    """Each feed's stored state, written once per poll."""

    def adopt_feed(self, url: str, legacy_url: str, secrets: Iterable[str]) -> bool:
        """A feed that older versions stored under the URL they requested, secrets filled in,
        is keyed by its masked `url` from now on: its items, history and validators kept, the
        secrets masked wherever they were copied. True when such a feed was found."""
        with self.write() as conn:
            found = conn.execute("SELECT url FROM feeds WHERE url IN (?, ?)",
                                 (url, legacy_url)).fetchall()
            if found != [(legacy_url,)]:
                return False  # nothing stored under the old form, or already adopted
            rekey_feeds(conn, {legacy_url: url}, secrets)
        return True

    def feed_standing(self, url: str) -> tuple[FeedState, FeedHealth]:
        """The feed's validators and its health, read together before each poll (one
        lookup of its row, #17)."""
        row = self.conn.execute(
            "SELECT etag, last_modified, body_hash, initialised, error_count, last_success, "
            "next_poll_after, disabled_at, disabled_reason, moved_to, error_kind, "
            "health_alerted_at IS NOT NULL OR stale_alerted_at IS NOT NULL "
            "FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            return FeedState(url), FeedHealth()
        return (FeedState(url, row[0], row[1], row[2], bool(row[3]), row[4], _when(row[5])),
                FeedHealth(_when(row[6]), _when(row[7]), row[8], row[4], row[9], row[10],
                           bool(row[11])))

    def feed_state(self, url: str) -> FeedState:
        return self.feed_standing(url)[0]

    def first_polls(self, urls: Sequence[str]) -> int:
        """How many of these feeds have never been polled successfully (their next poll
        digests every item they carry)."""
        done = 0
        for start in range(0, len(urls), IN_BATCH):
            batch = urls[start:start + IN_BATCH]
            done += self.conn.execute(
                f"SELECT count(*) FROM feeds WHERE initialised AND url IN "
                f"({', '.join('?' * len(batch))})", batch).fetchone()[0]
        return len(urls) - done

    def feed_health(self, url: str) -> FeedHealth:
        return self.feed_standing(url)[1]

    def set_next_poll(self, url: str, until: datetime) -> None:
        """The server said its feed stays fresh until then (max-age, <ttl>)."""
        with self.write() as conn:
            conn.execute("UPDATE feeds SET next_poll_after = ? WHERE url = ?", (ts(until), url))

    def feed_row(self, url: str) -> dict[str, Any] | None:
        """Every stored column of one feed, for the health checks."""
        cur = self.conn.execute("SELECT * FROM feeds WHERE url = ?", (url,))
        row = cur.fetchone()
        if row is None:
            return None
        found = dict(zip([c[0] for c in cur.description], row, strict=True))
        found.pop("id", None)  # its number (0028) is the state's own
        return found

    def record_moved(self, url: str, moved_to: str) -> bool:
        """The feed now lives at `moved_to`. True when that is news (to be said once)."""
        with self.write() as conn:
            cur = conn.execute("UPDATE feeds SET moved_to = ? WHERE url = ? "
                               "AND moved_to IS NOT ?", (moved_to, url, moved_to))
            return cur.rowcount > 0

    def item_arrivals(self, feed_url: str, limit: int = 200) -> list[datetime]:
        """When the feed's most recent items were first seen, oldest first."""
        rows = self.conn.execute(f"SELECT first_seen FROM items WHERE feed_id = {FEED_ID} "
                                 "ORDER BY id DESC LIMIT ?", (feed_url, limit)).fetchall()
        return sorted(at for r in rows if (at := instant(r[0])) is not None)

    def arrival_batches(self, feed_url: str, limit: int = 200) -> tuple[int, list[datetime]]:
        """item_arrivals(feed_url, limit) as its length and its distinct times, oldest first:
        the items one poll found share a time, so a feed's last 200 items are a few batches,
        and only those are converted (#17: the health check of every feed after each poll)."""
        rows = self.conn.execute(
            f"SELECT first_seen, count(*) FROM (SELECT first_seen FROM items WHERE feed_id = "
            f"{FEED_ID} ORDER BY id DESC LIMIT ?) GROUP BY first_seen", (feed_url, limit)
        ).fetchall()
        count, moments = 0, set()
        for stored, n in rows:
            at = instant(stored)
            if at is not None:
                count += n
                moments.add(at)
        return count, sorted(moments)

    def flag_feed_alert(self, url: str, column: str, at: datetime | None,
                        messages: Iterable[Outgoing], now: datetime) -> bool:
        """Set (or clear, with `at` None) a feed's health/stale flag and queue its notice in
        one transaction, only if the flag changes: each notice is queued once."""
        if column not in ("health_alerted_at", "stale_alerted_at"):
            raise ValueError(column)
        test = "IS NULL" if at is not None else "IS NOT NULL"
        with self.write() as conn:
            cur = conn.execute(f"UPDATE feeds SET {column} = ? WHERE url = ? AND {column} {test}",
                               (ts(at), url))
            if not cur.rowcount:
                return False
            for message in messages:
                queue_message(conn, message, now)
        return True

    def record_feed_error(self, url: str, name: str, now: datetime, error: str,
                          kind: str, status: int | None = None, *,
                          next_poll_after: datetime | None = None) -> None:
        with self.write() as conn:
            touch_feed(conn, url, name)
            conn.execute(
                "UPDATE feeds SET last_poll = ?, last_status = ?, last_error = ?, "
                "error_kind = ?, error_count = error_count + 1, next_poll_after = ? "
                "WHERE url = ?",
                (ts(now), status, error, kind, ts(next_poll_after), url))
            log_poll(conn, name, now, kind, status, error)

    def record_feed_postponed(self, url: str, name: str, now: datetime, status: int,
                              until: datetime, reason: str) -> None:
        """A server asked us to come back later (429/503 with Retry-After): no error."""
        with self.write() as conn:
            touch_feed(conn, url, name)
            conn.execute(
                "UPDATE feeds SET last_poll = ?, last_status = ?, last_error = ?, "
                "error_kind = 'postponed', next_poll_after = ? WHERE url = ?",
                (ts(now), status, reason, ts(until), url))
            log_poll(conn, name, now, "postponed", status, reason)

    def record_feed_disabled(self, url: str, name: str, now: datetime, status: int,
                             reason: str) -> None:
        with self.write() as conn:
            touch_feed(conn, url, name)
            conn.execute(
                "UPDATE feeds SET last_poll = ?, last_status = ?, last_error = ?, "
                "error_kind = 'gone', disabled_at = ?, disabled_reason = ? WHERE url = ?",
                (ts(now), status, reason, ts(now), reason, url))
            log_poll(conn, name, now, "gone", status, reason)

    def record_unchanged(self, url: str, name: str, now: datetime, fetched: Fetched) -> None:
        """A 304, or a body byte-identical to the last one: only validators and times change."""
        with self.write() as conn:
            touch_feed(conn, url, name)
            conn.execute(
                "UPDATE feeds SET last_poll = ?, last_success = ?, last_status = ?, "
                "last_error = NULL, error_kind = NULL, error_count = 0, "
                # A success ends any backoff or Retry-After wait (max-age is set after).
                "next_poll_after = NULL, "
                "etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified) "
                "WHERE url = ?",
                (ts(now), ts(now), fetched.status, fetched.etag, fetched.last_modified, url))
            log_poll(conn, name, now, "unchanged", fetched.status)

    def feeds_overview(self) -> list[dict[str, Any]]:
        cur = self.conn.execute("SELECT * FROM feeds ORDER BY url")
        names = [c[0] for c in cur.description]
        rows = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        for row in rows:
            row.pop("id", None)  # its number (0028) is the state's own
            row.pop("link_base", None)  # so is how it stores its items' links (0029)
        return rows
