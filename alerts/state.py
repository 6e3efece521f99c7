"""Everything stored in SQLite: every SQL statement of the program lives in this module.

Write transactions start with BEGIN IMMEDIATE: a deferred transaction that reads and then
writes fails at once with "database is locked" when another process committed in between.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

from alerts.errors import StateError
from alerts.models import Delivery, FeedState, Fetched, Item, Match
from alerts.rules.history import HistoryEntry

BUSY_TIMEOUT_MS = 10_000
_IN_BATCH = 500  # keys per "seen before?" query, below SQLite's variable limit

migrations = Migrations("alerts")


@migrations(name="0001_initial")
def _initial(db: sqlite_utils.Database) -> None:
    db.executescript("""
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            name TEXT,
            etag TEXT,
            last_modified TEXT,
            body_hash TEXT,
            initialised INTEGER NOT NULL DEFAULT 0,
            last_poll TEXT,
            last_success TEXT,
            last_status INTEGER,
            last_error TEXT,
            error_kind TEXT,
            error_count INTEGER NOT NULL DEFAULT 0,
            items_seen INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            feed_url TEXT NOT NULL REFERENCES feeds(url),
            key TEXT NOT NULL,
            guid TEXT,
            link TEXT,
            title TEXT NOT NULL,
            summary TEXT NOT NULL,
            published TEXT,
            language TEXT,
            content_hash TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            edits INTEGER NOT NULL DEFAULT 0,
            UNIQUE (feed_url, key)
        );
        CREATE TABLE matches (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id),
            rule_id TEXT NOT NULL,
            severity TEXT NOT NULL,
            explanation TEXT NOT NULL,
            matched_at TEXT NOT NULL,
            alerted INTEGER NOT NULL,
            UNIQUE (item_id, rule_id)
        );
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            match_id INTEGER NOT NULL REFERENCES matches(id),
            channel TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt TEXT NOT NULL,
            last_error TEXT,
            created TEXT NOT NULL,
            sent_at TEXT,
            UNIQUE (match_id, channel)
        );
        CREATE INDEX outbox_due ON outbox (status, next_attempt);
        CREATE INDEX items_published ON items (published);
    """)


@migrations(name="0002_history")
def _history(db: sqlite_utils.Database) -> None:
    db.executescript("""
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            at TEXT NOT NULL,
            feed_url TEXT NOT NULL,
            title TEXT NOT NULL
        );
        CREATE INDEX history_lookup ON history (scope, key, at);
        ALTER TABLE matches ADD COLUMN suppressed TEXT;
    """)


def _ts(moment: datetime | None) -> str | None:
    # Always UTC, so that stored times compare correctly as text.
    return moment.astimezone(UTC).isoformat() if moment is not None else None


@dataclass(frozen=True)
class KnownItem:
    id: int
    content_hash: str
    matched_rules: frozenset[str]


@dataclass(frozen=True)
class QueuedAlert:
    """A match to record, with its rendered notifications (None when it must not alert)."""

    item_key: str
    match: Match
    messages: tuple[tuple[str, str, str], ...]  # (channel, title, body)


class Store:
    """The state database. One Store per thread: sqlite3 connections must not be shared."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except (sqlite3.Error, OSError) as exc:
            raise StateError(f"cannot open the state database {self.path}: {exc}; check that "
                             "the folder exists and is writable") from None
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        try:
            with self.write():
                migrations.apply(self.db)
        except sqlite3.DatabaseError as exc:
            raise StateError(f"the state database {self.path} cannot be used: {exc}; if it is "
                             "not an alerts database, point 'state' elsewhere") from None

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken immediately so it cannot fail half-way on a lock."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StateError(f"the state database {self.path} is busy ({exc}); another process "
                             "holds it: stop it or wait, nothing was lost") from None
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- feeds ---------------------------------------------------------------------------

    def feed_state(self, url: str) -> FeedState:
        row = self.conn.execute(
            "SELECT etag, last_modified, body_hash, initialised, error_count FROM feeds "
            "WHERE url = ?", (url,)).fetchone()
        if row is None:
            return FeedState(url)
        return FeedState(url, row[0], row[1], row[2], bool(row[3]), row[4])

    def _touch_feed(self, conn: sqlite3.Connection, url: str, name: str) -> None:
        conn.execute("INSERT INTO feeds (url, name) VALUES (?, ?) "
                     "ON CONFLICT (url) DO UPDATE SET name = excluded.name", (url, name))

    def record_feed_error(self, url: str, name: str, now: datetime, error: str,
                          kind: str, status: int | None = None) -> None:
        with self.write() as conn:
            self._touch_feed(conn, url, name)
            conn.execute(
                "UPDATE feeds SET last_poll = ?, last_status = ?, last_error = ?, "
                "error_kind = ?, error_count = error_count + 1 WHERE url = ?",
                (_ts(now), status, error, kind, url))

    def record_unchanged(self, url: str, name: str, now: datetime, fetched: Fetched) -> None:
        """A 304, or a body byte-identical to the last one: only validators and times change."""
        with self.write() as conn:
            self._touch_feed(conn, url, name)
            conn.execute(
                "UPDATE feeds SET last_poll = ?, last_success = ?, last_status = ?, "
                "last_error = NULL, error_kind = NULL, error_count = 0, "
                "etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified) "
                "WHERE url = ?",
                (_ts(now), _ts(now), fetched.status, fetched.etag, fetched.last_modified, url))

    # -- items ---------------------------------------------------------------------------

    def known_items(self, feed_url: str, keys: list[str]) -> dict[str, KnownItem]:
        """Which of these keys were seen before, in one batched query per 500 keys."""
        known: dict[str, KnownItem] = {}
        for start in range(0, len(keys), _IN_BATCH):
            batch = keys[start:start + _IN_BATCH]
            marks = ",".join("?" * len(batch))
            rows = self.conn.execute(
                f"SELECT i.key, i.id, i.content_hash, group_concat(m.rule_id, char(31)) "
                f"FROM items i LEFT JOIN matches m ON m.item_id = i.id "
                f"WHERE i.feed_url = ? AND i.key IN ({marks}) GROUP BY i.id",
                (feed_url, *batch)).fetchall()
            for key, item_id, content_hash, rules in rows:
                matched = frozenset(rules.split("\x1f")) if rules else frozenset()
                known[key] = KnownItem(item_id, content_hash, matched)
        return known

    def record_poll(self, *, feed_url: str, feed_name: str, now: datetime, fetched: Fetched,
                    body_hash: str, new_items: list[Item], edited_items: list[Item],
                    seen_keys: list[str], alerts: list[QueuedAlert],
                    history: list[HistoryEntry] = ()) -> int:  # type: ignore[assignment]
        """Items marked seen and their alerts queued in one transaction. Returns alerts queued."""
        queued = 0
        with self.write() as conn:
            self._touch_feed(conn, feed_url, feed_name)
            ids: dict[str, int] = {}
            for item in new_items:
                cur = conn.execute(
                    "INSERT INTO items (feed_url, key, guid, link, title, summary, published, "
                    "language, content_hash, first_seen, last_seen) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (feed_url, key) DO NOTHING",
                    (feed_url, item.key, item.guid, item.link, item.title, item.summary,
                     _ts(item.published), item.language, item.content_hash, _ts(now), _ts(now)))
                if cur.rowcount:
                    ids[item.key] = cur.lastrowid  # type: ignore[assignment]
            for item in edited_items:
                conn.execute(
                    "UPDATE items SET title = ?, summary = ?, link = ?, published = ?, "
                    "content_hash = ?, last_seen = ?, edits = edits + 1 "
                    "WHERE feed_url = ? AND key = ?",
                    (item.title, item.summary, item.link, _ts(item.published),
                     item.content_hash, _ts(now), feed_url, item.key))
            for start in range(0, len(seen_keys), _IN_BATCH):
                batch = seen_keys[start:start + _IN_BATCH]
                conn.execute(
                    f"UPDATE items SET last_seen = ? WHERE feed_url = ? "
                    f"AND key IN ({','.join('?' * len(batch))})", (_ts(now), feed_url, *batch))
            for alert in alerts:
                item_id = ids.get(alert.item_key)
                if item_id is None:
                    row = conn.execute("SELECT id FROM items WHERE feed_url = ? AND key = ?",
                                       (feed_url, alert.item_key)).fetchone()
                    if row is None:
                        continue
                    item_id = row[0]
                cur = conn.execute(
                    "INSERT INTO matches (item_id, rule_id, severity, explanation, matched_at, "
                    "alerted, suppressed) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (item_id, rule_id) DO NOTHING",
                    (item_id, alert.match.rule_id, alert.match.severity, alert.match.explanation,
                     _ts(now), int(bool(alert.messages)), alert.match.suppressed))
                if not cur.rowcount:
                    continue
                match_id = cur.lastrowid
                for channel, title, body in alert.messages:
                    conn.execute(
                        "INSERT INTO outbox (match_id, channel, title, body, next_attempt, "
                        "created) VALUES (?, ?, ?, ?, ?, ?)",
                        (match_id, channel, title, body, _ts(now), _ts(now)))
                    queued += 1
            conn.executemany(
                "INSERT INTO history (scope, key, at, feed_url, title) VALUES (?, ?, ?, ?, ?)",
                [(h.scope, h.key, _ts(h.at), h.feed_url, h.title) for h in history])
            conn.execute(
                "UPDATE feeds SET etag = ?, last_modified = ?, body_hash = ?, initialised = 1, "
                "last_poll = ?, last_success = ?, last_status = ?, last_error = NULL, "
                "error_kind = NULL, error_count = 0, items_seen = items_seen + ? WHERE url = ?",
                (fetched.etag, fetched.last_modified, body_hash, _ts(now), _ts(now),
                 fetched.status, len(ids), feed_url))
        return queued

    # -- history of state conditions and throttles ------------------------------------------

    def history_last(self, scope: str, key: str, before: datetime) -> HistoryEntry | None:
        row = self.conn.execute(
            "SELECT at, feed_url, title FROM history WHERE scope = ? AND key = ? AND at <= ? "
            "ORDER BY at DESC LIMIT 1", (scope, key, _ts(before))).fetchone()
        if row is None:
            return None
        return HistoryEntry(scope, key, datetime.fromisoformat(row[0]), row[1], row[2])

    def history_window(self, scope: str, key: str, since: datetime,
                       until: datetime) -> list[HistoryEntry]:
        rows = self.conn.execute(
            "SELECT at, feed_url, title FROM history WHERE scope = ? AND key = ? "
            "AND at >= ? AND at <= ? ORDER BY at", (scope, key, _ts(since), _ts(until)))
        return [HistoryEntry(scope, key, datetime.fromisoformat(at), feed, title)
                for at, feed, title in rows.fetchall()]

    # -- outbox --------------------------------------------------------------------------

    def due_deliveries(self, now: datetime, limit: int = 100) -> list[Delivery]:
        rows = self.conn.execute(
            "SELECT id, channel, title, body, attempts FROM outbox "
            "WHERE status = 'pending' AND next_attempt <= ? ORDER BY id LIMIT ?",
            (_ts(now), limit)).fetchall()
        return [Delivery(*row) for row in rows]

    def mark_sent(self, delivery_id: int, now: datetime) -> None:
        with self.write() as conn:
            conn.execute("UPDATE outbox SET status = 'sent', sent_at = ?, "
                         "attempts = attempts + 1, last_error = NULL WHERE id = ?",
                         (_ts(now), delivery_id))

    def mark_failed(self, delivery_id: int, error: str, retry_at: datetime | None) -> None:
        """Count a failed attempt; no retry time means the delivery is dead."""
        with self.write() as conn:
            if retry_at is None:
                conn.execute("UPDATE outbox SET status = 'dead', attempts = attempts + 1, "
                             "last_error = ? WHERE id = ?", (error, delivery_id))
            else:
                conn.execute("UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                             "next_attempt = ? WHERE id = ?", (error, _ts(retry_at), delivery_id))

    def stored_items(self) -> Iterator[tuple[str, str | None, list[dict]]]:
        """(feed URL, feed name, items) for every feed, items in the order first seen."""
        feeds = self.conn.execute("SELECT url, name FROM feeds ORDER BY url").fetchall()
        for url, name in feeds:
            cur = self.conn.execute(
                "SELECT key, guid, link, title, summary, published, language, content_hash "
                "FROM items WHERE feed_url = ? ORDER BY id", (url,))
            columns = [c[0] for c in cur.description]
            yield url, name, [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]

    def outbox_counts(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT status, count(*) FROM outbox GROUP BY status")
        return dict(rows.fetchall())

    def feeds_overview(self) -> list[dict]:
        cur = self.conn.execute("SELECT * FROM feeds ORDER BY url")
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def rows(self, sql_table: str) -> Iterable[dict]:
        """All rows of a table, for `alerts status` and tests."""
        if sql_table not in ("feeds", "items", "matches", "outbox"):
            raise ValueError(sql_table)
        return self.db[sql_table].rows
