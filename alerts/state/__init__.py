"""Everything stored in SQLite: every SQL statement of the program lives in this module.

Write transactions start with BEGIN IMMEDIATE: a deferred transaction that reads and then
writes fails at once with "database is locked" when another process committed in between.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

from alerts.errors import StateDamaged, StateError
from alerts.messages import UPDATE, OutboxRow, Outgoing
from alerts.models import Delivery, FeedState, Fetched, Item, Match
from alerts.rules.history import HistoryEntry, HistoryKeep
from alerts.stories import EventKey, StoryRef

BUSY_TIMEOUT_MS = 10_000
# The status a person is shown for an outbox row: a pending message that failed at least once
# (and waits for its retry) is "failed". shown_status() in alerts.outbox says the same.
SHOWN_STATUS = "CASE WHEN status = 'pending' AND attempts > 0 THEN 'failed' ELSE status END"
_IN_BATCH = 500  # keys per "seen before?" query, below SQLite's variable limit

migrations = Migrations("alerts")


def _script(db: sqlite_utils.Database, script: str) -> None:
    """A migration's statements one by one: executescript() would commit the migration's
    transaction half-way, and a failure would leave the schema half changed."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations(name="0001_initial")
def _initial(db: sqlite_utils.Database) -> None:
    _script(db, """
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
    _script(db, """
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


@migrations(name="0003_notify")
def _notify(db: sqlite_utils.Database) -> None:
    # The outbox now also holds digests, follow-ups and operator notices (no match of their
    # own), so it is rebuilt without the old UNIQUE (match_id, channel).
    for sql in (
        """CREATE TABLE outbox_v3 (
            id INTEGER PRIMARY KEY,
            match_id INTEGER REFERENCES matches(id),
            channel TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'alert',
            revision INTEGER NOT NULL DEFAULT 0,
            alert_id TEXT,
            thread_id TEXT,
            severity TEXT,
            rule_id TEXT,
            story TEXT,
            format TEXT NOT NULL DEFAULT 'text',
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            payload TEXT,
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt TEXT NOT NULL,
            last_error TEXT,
            created TEXT NOT NULL,
            sent_at TEXT,
            digest_id INTEGER,
            services_done TEXT,
            reported INTEGER NOT NULL DEFAULT 0,
            UNIQUE (match_id, channel, revision)
        )""",
        """INSERT INTO outbox_v3 (id, match_id, channel, alert_id, severity, rule_id, title, body,
            status, attempts, next_attempt, last_error, created, sent_at)
           SELECT o.id, o.match_id, o.channel, 'q' || o.id, m.severity, m.rule_id, o.title,
            o.body, o.status, o.attempts, o.next_attempt, o.last_error, o.created, o.sent_at
           FROM outbox o LEFT JOIN matches m ON m.id = o.match_id""",
        "DROP TABLE outbox",
        "ALTER TABLE outbox_v3 RENAME TO outbox",
        "CREATE INDEX outbox_due ON outbox (status, next_attempt)",
        "CREATE INDEX outbox_alert ON outbox (alert_id, channel)",
        "CREATE INDEX outbox_sent ON outbox (channel, sent_at)",
        """CREATE TABLE channel_state (
            channel TEXT PRIMARY KEY,
            paused_until TEXT,
            reason TEXT
        )""",
    ):
        db.execute(sql)


class _Conflict(Exception):
    pass


_OUTBOX_COLUMNS = ("id, channel, kind, title, body, format, alert_id, thread_id, severity, "
                   "rule_id, story, payload, attempts, created, next_attempt, services_done, "
                   "status, last_error")


def _outbox_row(row: tuple) -> OutboxRow:
    (id_, channel, kind, title, body, fmt, alert_id, thread_id, severity, rule_id, story,
     payload, attempts, created, next_attempt, done, status, last_error) = row
    return OutboxRow(id_, channel, kind, title, body, fmt, alert_id, thread_id, severity,
                     rule_id, story, json.loads(payload) if payload else {}, attempts,
                     datetime.fromisoformat(created), datetime.fromisoformat(next_attempt),
                     frozenset(json.loads(done)) if done else frozenset(), status, last_error)


def _outgoing(message: Outgoing | tuple[str, str, str], match: Match) -> Outgoing:
    """Messages given as (channel, title, body) are plain-text first alerts."""
    if isinstance(message, Outgoing):
        return message
    channel, title, body = message
    return Outgoing(channel, title, body, severity=match.severity, rule_id=match.rule_id)


@migrations(name="0004_stories")
def _stories(db: sqlite_utils.Database) -> None:
    _script(db, """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_at TEXT NOT NULL,
            signature TEXT
        );
        CREATE INDEX stories_last ON stories (last_at);
        CREATE TABLE story_members (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            feed_url TEXT NOT NULL,
            item_key TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            publisher TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT,
            joined_by TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (story_id, feed_url, item_key, rule_id)
        );
        CREATE INDEX story_members_story ON story_members (story_id, rule_id);
        -- What finds a story again: a page, a text, the people a rule fired on, word bands.
        CREATE TABLE story_keys (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            UNIQUE (kind, key, story_id)
        );
        CREATE INDEX story_keys_lookup ON story_keys (kind, key, at);
        ALTER TABLE matches ADD COLUMN story_id INTEGER;
    """)


@migrations(name="0005_feed_health")
def _feed_health(db: sqlite_utils.Database) -> None:
    # next_poll_after: backoff or a server's Retry-After; disabled_at: the feed is gone (410).
    _script(db, """
        ALTER TABLE feeds ADD COLUMN next_poll_after TEXT;
        ALTER TABLE feeds ADD COLUMN disabled_at TEXT;
        ALTER TABLE feeds ADD COLUMN disabled_reason TEXT;
    """)


@migrations(name="0006_feed_alerts")
def _feed_alerts(db: sqlite_utils.Database) -> None:
    # When the operator was told a feed is failing / stale (NULL once told it recovered), so
    # each is said once; moved_to: where every hop of a redirect said the feed now lives.
    _script(db, """
        ALTER TABLE feeds ADD COLUMN health_alerted_at TEXT;
        ALTER TABLE feeds ADD COLUMN stale_alerted_at TEXT;
        ALTER TABLE feeds ADD COLUMN moved_to TEXT;
    """)


@migrations(name="0007_story_alert_index")
def _story_alert_index(db: sqlite_utils.Database) -> None:
    # "Did this story already alert for this rule?" is asked for every match: an index, not
    # a scan of every match ever stored.
    _script(db, """
        CREATE INDEX matches_story_alerted ON matches (story_id, rule_id) WHERE alerted = 1;
    """)


@migrations(name="0008_story_keys_by_key")
def _story_keys_by_key(db: sqlite_utils.Database) -> None:
    # Keys are found by (kind, key) and removed with their story: one primary key for the
    # first and an index for the second, where there were three B-trees and none for the
    # second (so deleting a story scanned every key: pruning grew with the square of the
    # stories kept).
    _script(db, """
        CREATE TABLE story_keys_new (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            PRIMARY KEY (kind, key, story_id)
        ) WITHOUT ROWID;
        INSERT INTO story_keys_new (kind, key, story_id, at)
            SELECT kind, key, story_id, at FROM story_keys;
        DROP TABLE story_keys;
        ALTER TABLE story_keys_new RENAME TO story_keys;
        CREATE INDEX story_keys_story ON story_keys (story_id);
    """)


@migrations(name="0010_poll_log")
def _poll_log(db: sqlite_utils.Database) -> None:
    # One row per poll, so feed failures can be seen over time (`alerts web`); pruned with
    # stories. Feed names, not URLs: a URL may have carried credentials in older states.
    _script(db, """
        CREATE TABLE poll_log (
            id INTEGER PRIMARY KEY,
            feed_name TEXT NOT NULL,
            at TEXT NOT NULL,
            outcome TEXT NOT NULL,
            status INTEGER,
            error TEXT
        );
        CREATE INDEX poll_log_at ON poll_log (at);
    """)


@migrations(name="0011_feed_urls_without_credentials")
def _feed_urls_without_credentials(db: sqlite_utils.Database) -> None:
    # Feed URLs were stored as requested, a password or token from the environment filled in
    # (https://desk:PASSWORD@...): each such feed is keyed by its masked URL, as the
    # configuration now names it, and those secrets are masked wherever else they were copied
    # (items, stories, history, error texts, messages). A secret the URL does not show as
    # one (in its path) is found when the feed is next polled (Store.adopt_feed).
    from alerts.redact import redact_text, secrets_in

    conn = db.conn
    taken = {url for (url,) in conn.execute("SELECT url FROM feeds")}
    renamed: dict[str, str] = {}
    for url in sorted(taken):
        masked = redact_text(url)
        if masked == url:
            continue
        candidate, n = masked, 1
        while candidate in taken:
            n += 1  # two credentials for one address: kept apart
            candidate = f"{masked}#{n}"
        taken.add(candidate)
        renamed[url] = candidate
    _rekey_feeds(conn, renamed, [s for url in renamed for s in secrets_in(url)])


def _rekey_feeds(conn: sqlite3.Connection, renamed: dict[str, str],
                 secrets: Iterable[str]) -> None:
    """Key each feed by its new URL (old -> new in `renamed`, the new ones not yet used), its
    items, stories and history following, and mask `secrets` in every text that holds a URL."""
    from contextlib import suppress

    from alerts.redact import Redactor

    if not renamed:
        return
    columns = [row[1] for row in conn.execute("PRAGMA table_info(feeds)")]
    others = ", ".join(c for c in columns if c != "url")
    for old, new in renamed.items():
        conn.execute(f"INSERT INTO feeds (url, {others}) SELECT ?, {others} FROM feeds "
                     "WHERE url = ?", (new, old))
    redact = Redactor(secrets)
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '\\_%' ESCAPE '\\'")]
    for table in tables:
        try:
            conn.execute(f'SELECT rowid FROM "{table}" LIMIT 1')
        except sqlite3.OperationalError:
            continue  # WITHOUT ROWID tables (story keys) hold no URL
        for column in [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]:
            if table == "feeds" and column == "url":
                continue
            rows = conn.execute(f'SELECT rowid, "{column}" FROM "{table}" '
                                f'WHERE typeof("{column}") = \'text\' AND "{column}" LIKE \'%://%\'')
            for rowid, value in rows.fetchall():
                masked = renamed.get(value) or redact.mask(value)
                if masked != value:
                    with suppress(sqlite3.IntegrityError):  # a masked key that would collide
                        conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?',
                                     (masked, rowid))
    for old in renamed:
        with suppress(sqlite3.IntegrityError):  # still referenced: kept rather than lost
            conn.execute("DELETE FROM feeds WHERE url = ?", (old,))


@migrations(name="0012_feed_title")
def _feed_title(db: sqlite_utils.Database) -> None:
    # The feed's own title as last parsed: it names the publisher when the configuration
    # does not (every feed served from one host would otherwise be one outlet).
    _script(db, """
        ALTER TABLE feeds ADD COLUMN title TEXT;
    """)


@migrations(name="0013_feedback_and_mutes")
def _feedback_and_mutes(db: sqlite_utils.Database) -> None:
    # The desk's judgements of alerts (`alerts feedback`, `alerts quality`), and what it
    # silenced (`alerts mute`): a story ("story-12") or a rule id, until a time or for good.
    _script(db, """
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            alert_id TEXT NOT NULL,
            match_id INTEGER REFERENCES matches(id) ON DELETE SET NULL,
            rule_id TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('right', 'wrong')),
            note TEXT,
            title TEXT NOT NULL,
            summary TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (alert_id)
        );
        CREATE INDEX feedback_match ON feedback (match_id);
        CREATE TABLE mutes (
            target TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('story', 'rule')),
            until TEXT,
            created TEXT NOT NULL
        );
    """)


@migrations(name="0014_story_events")
def _story_events(db: sqlite_utils.Database) -> None:
    # Stories keyed by the event (#16): the event a story reports, compactly
    # ("ceasefire|a|IL,LB|"), found again through one 'event' key per actor in story_keys;
    # each member's status and why it joined; and the statuses each (story, rule) alerted,
    # so that a development alerts once and a copy of it never.
    _script(db, """
        ALTER TABLE stories ADD COLUMN event TEXT;
        ALTER TABLE story_members ADD COLUMN status TEXT;
        ALTER TABLE story_members ADD COLUMN why TEXT;
        CREATE TABLE story_developments (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            rule_id TEXT NOT NULL,
            status TEXT NOT NULL,
            item_key TEXT NOT NULL,
            feed_url TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (story_id, rule_id, status)
        ) WITHOUT ROWID;
        CREATE INDEX story_members_item ON story_members (feed_url, item_key);
    """)


@migrations(name="0015_item_content")
def _item_content(db: sqlite_utils.Database) -> None:
    # The entry's full text, author(s) and own categories (#18), which rules can match: stored
    # so that `replay stored` and `explain` see what was matched. NULL content: a row stored
    # before full text was read, whose content_hash covers the title and summary only.
    _script(db, """
        ALTER TABLE items ADD COLUMN content TEXT;
        ALTER TABLE items ADD COLUMN author TEXT NOT NULL DEFAULT '';
        ALTER TABLE items ADD COLUMN categories TEXT NOT NULL DEFAULT '[]';
    """)


@dataclass(frozen=True)
class FeedHealth:
    """When a feed may be polled again, and whether it was disabled for good."""

    next_poll_after: datetime | None = None
    disabled_at: datetime | None = None
    disabled_reason: str | None = None
    error_count: int = 0
    moved_to: str | None = None  # poll this address instead of the configured one
    error_kind: str | None = None  # of the last poll; None after a success


def _categories(item: Item) -> str:
    return json.dumps(list(item.categories), ensure_ascii=False)


def _ts(moment: datetime | None) -> str | None:
    # Always UTC, so that stored times compare correctly as text.
    return moment.astimezone(UTC).isoformat() if moment is not None else None


@dataclass(frozen=True)
class KnownItem:
    id: int
    content_hash: str
    # Stored before full text was read (migration 0015): its hash is of title and summary
    # only, the first 16 digits of an Item's (alerts.normalise.content_hash).
    without_content: bool = False

    def edited(self, item: Item) -> bool:
        """Whether the item's text differs from what was stored. A row stored before full
        text was read compares title and summary only: an upgrade is not an edit (it would
        re-match every item still in a feed, and send follow-ups)."""
        if self.without_content:
            return self.content_hash != item.content_hash[:16]
        return self.content_hash != item.content_hash


@dataclass(frozen=True)
class QueuedAlert:
    """A match to record, with its rendered notifications (None when it must not alert)."""

    item_key: str
    match: Match
    messages: tuple[Outgoing | tuple[str, str, str], ...]  # or (channel, title, body)
    update: bool = False  # a follow-up of an alert already sent for this rule and story
    # Whether this match is the alert of its (rule, story), even with no channel to send to
    # (replay): later reports of the story must not alert again. None: it has messages.
    alerted: bool | None = None


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
        self._depth = 0  # write() blocks open; inner ones join the outermost transaction
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
        """One write transaction, taken immediately so it cannot fail half-way on a lock.

        Nested blocks join the outer one: a poll's story writes, items and alerts commit
        together (one commit per feed, not one per matched item) or not at all."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StateError(f"the state database {self.path} is busy ({exc}); another process "
                             "holds it: stop it or wait, nothing was lost") from None
        self._depth = 1
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            # SQLite may have rolled back already (a full disk does); don't hide the cause.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
                raise StateError(f"the disk holding {self.path} is full ({exc}); nothing of "
                                 "this poll was stored: free some space and it is redone at "
                                 "the next poll") from None
            raise
        finally:
            self._depth = 0

    # -- feeds ---------------------------------------------------------------------------

    def adopt_feed(self, url: str, legacy_url: str, secrets: Iterable[str]) -> bool:
        """A feed that older versions stored under the URL they requested, secrets filled in,
        is keyed by its masked `url` from now on: its items, history and validators kept, the
        secrets masked wherever they were copied. True when such a feed was found."""
        with self.write() as conn:
            found = conn.execute("SELECT url FROM feeds WHERE url IN (?, ?)",
                                 (url, legacy_url)).fetchall()
            if found != [(legacy_url,)]:
                return False  # nothing stored under the old form, or already adopted
            _rekey_feeds(conn, {legacy_url: url}, secrets)
        return True

    def feed_state(self, url: str) -> FeedState:
        row = self.conn.execute(
            "SELECT etag, last_modified, body_hash, initialised, error_count, last_success "
            "FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            return FeedState(url)
        last = datetime.fromisoformat(row[5]) if row[5] else None
        return FeedState(url, row[0], row[1], row[2], bool(row[3]), row[4], last)

    def _log_poll(self, conn: sqlite3.Connection, name: str, now: datetime, outcome: str,
                  status: int | None = None, error: str | None = None) -> None:
        conn.execute("INSERT INTO poll_log (feed_name, at, outcome, status, error) "
                     "VALUES (?, ?, ?, ?, ?)", (name, _ts(now), outcome, status, error))

    def _touch_feed(self, conn: sqlite3.Connection, url: str, name: str) -> None:
        conn.execute("INSERT INTO feeds (url, name) VALUES (?, ?) "
                     "ON CONFLICT (url) DO UPDATE SET name = excluded.name", (url, name))

    def feed_health(self, url: str) -> FeedHealth:
        row = self.conn.execute(
            "SELECT next_poll_after, disabled_at, disabled_reason, error_count, moved_to, "
            "error_kind FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            return FeedHealth()
        return FeedHealth(datetime.fromisoformat(row[0]) if row[0] else None,
                          datetime.fromisoformat(row[1]) if row[1] else None, row[2], row[3],
                          row[4], row[5])

    def set_next_poll(self, url: str, until: datetime) -> None:
        """The server said its feed stays fresh until then (max-age, <ttl>)."""
        with self.write() as conn:
            conn.execute("UPDATE feeds SET next_poll_after = ? WHERE url = ?", (_ts(until), url))

    def feed_row(self, url: str) -> dict | None:
        """Every stored column of one feed, for the health checks."""
        cur = self.conn.execute("SELECT * FROM feeds WHERE url = ?", (url,))
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([c[0] for c in cur.description], row, strict=True))

    def record_moved(self, url: str, moved_to: str) -> bool:
        """The feed now lives at `moved_to`. True when that is news (to be said once)."""
        with self.write() as conn:
            cur = conn.execute("UPDATE feeds SET moved_to = ? WHERE url = ? "
                               "AND moved_to IS NOT ?", (moved_to, url, moved_to))
            return cur.rowcount > 0

    def item_arrivals(self, feed_url: str, limit: int = 200) -> list[datetime]:
        """When the feed's most recent items were first seen, oldest first."""
        rows = self.conn.execute("SELECT first_seen FROM items WHERE feed_url = ? "
                                 "ORDER BY id DESC LIMIT ?", (feed_url, limit)).fetchall()
        return sorted(datetime.fromisoformat(r[0]) for r in rows)

    def flag_feed_alert(self, url: str, column: str, at: datetime | None,
                        messages: Iterable[Outgoing], now: datetime) -> bool:
        """Set (or clear, with `at` None) a feed's health/stale flag and queue its notice in
        one transaction, only if the flag changes: each notice is queued once."""
        if column not in ("health_alerted_at", "stale_alerted_at"):
            raise ValueError(column)
        test = "IS NULL" if at is not None else "IS NOT NULL"
        with self.write() as conn:
            cur = conn.execute(f"UPDATE feeds SET {column} = ? WHERE url = ? AND {column} {test}",
                               (_ts(at), url))
            if not cur.rowcount:
                return False
            for message in messages:
                self._queue(conn, message, now)
        return True

    def record_feed_error(self, url: str, name: str, now: datetime, error: str,
                          kind: str, status: int | None = None, *,
                          next_poll_after: datetime | None = None) -> None:
        with self.write() as conn:
            self._touch_feed(conn, url, name)
            conn.execute(
                "UPDATE feeds SET last_poll = ?, last_status = ?, last_error = ?, "
                "error_kind = ?, error_count = error_count + 1, next_poll_after = ? "
                "WHERE url = ?",
                (_ts(now), status, error, kind, _ts(next_poll_after), url))
            self._log_poll(conn, name, now, kind, status, error)

    def record_feed_postponed(self, url: str, name: str, now: datetime, status: int,
                              until: datetime, reason: str) -> None:
        """A server asked us to come back later (429/503 with Retry-After): no error."""
        with self.write() as conn:
            self._touch_feed(conn, url, name)
            conn.execute(
                "UPDATE feeds SET last_poll = ?, last_status = ?, last_error = ?, "
                "error_kind = 'postponed', next_poll_after = ? WHERE url = ?",
                (_ts(now), status, reason, _ts(until), url))
            self._log_poll(conn, name, now, "postponed", status, reason)

    def record_feed_disabled(self, url: str, name: str, now: datetime, status: int,
                             reason: str) -> None:
        with self.write() as conn:
            self._touch_feed(conn, url, name)
            conn.execute(
                "UPDATE feeds SET last_poll = ?, last_status = ?, last_error = ?, "
                "error_kind = 'gone', disabled_at = ?, disabled_reason = ? WHERE url = ?",
                (_ts(now), status, reason, _ts(now), reason, url))
            self._log_poll(conn, name, now, "gone", status, reason)

    def record_unchanged(self, url: str, name: str, now: datetime, fetched: Fetched) -> None:
        """A 304, or a body byte-identical to the last one: only validators and times change."""
        with self.write() as conn:
            self._touch_feed(conn, url, name)
            conn.execute(
                "UPDATE feeds SET last_poll = ?, last_success = ?, last_status = ?, "
                "last_error = NULL, error_kind = NULL, error_count = 0, "
                # A success ends any backoff or Retry-After wait (max-age is set after).
                "next_poll_after = NULL, "
                "etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified) "
                "WHERE url = ?",
                (_ts(now), _ts(now), fetched.status, fetched.etag, fetched.last_modified, url))
            self._log_poll(conn, name, now, "unchanged", fetched.status)

    # -- items ---------------------------------------------------------------------------

    def known_items(self, feed_url: str, keys: list[str]) -> dict[str, KnownItem]:
        """Which of these keys were seen before, in one batched query per 500 keys."""
        known: dict[str, KnownItem] = {}
        for start in range(0, len(keys), _IN_BATCH):
            batch = keys[start:start + _IN_BATCH]
            rows = self.conn.execute(
                f"SELECT key, id, content_hash, content IS NULL FROM items WHERE feed_url = ? "
                f"AND key IN ({','.join('?' * len(batch))})", (feed_url, *batch))
            for key, item_id, content_hash, without_content in rows:
                known[key] = KnownItem(item_id, content_hash, bool(without_content))
        return known

    def matched_rules(self, item_id: int) -> frozenset[str]:
        """The rules an item matched before (asked only when it was edited)."""
        rows = self.conn.execute("SELECT rule_id FROM matches WHERE item_id = ?", (item_id,))
        return frozenset(rule_id for (rule_id,) in rows)

    def record_poll(self, *, feed_url: str, feed_name: str, now: datetime, fetched: Fetched,
                    body_hash: str, new_items: list[Item], edited_items: list[Item],
                    seen_keys: list[str], alerts: list[QueuedAlert],
                    history: list[HistoryEntry] = (),  # type: ignore[assignment]
                    feed_title: str | None = None) -> int:
        """Items marked seen and their alerts queued in one transaction. Returns alerts queued.
        `feed_title`: the feed's own title, as parsed (kept when None)."""
        queued = 0
        stamp = _ts(now)
        with self.write() as conn:
            self._touch_feed(conn, feed_url, feed_name)
            self._log_poll(conn, feed_name, now, "ok", fetched.status)
            before = conn.total_changes
            conn.executemany(
                "INSERT INTO items (feed_url, key, guid, link, title, summary, published, "
                "language, content_hash, first_seen, last_seen, content, author, categories) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (feed_url, key) DO NOTHING",
                [(feed_url, item.key, item.guid, item.link, item.title, item.summary,
                  _ts(item.published), item.language, item.content_hash, stamp, stamp,
                  item.content, item.author, _categories(item)) for item in new_items])
            inserted = conn.total_changes - before
            conn.executemany(
                "UPDATE items SET title = ?, summary = ?, link = ?, published = ?, "
                "content_hash = ?, last_seen = ?, edits = edits + 1, content = ?, author = ?, "
                "categories = ? WHERE feed_url = ? AND key = ?",
                [(item.title, item.summary, item.link, _ts(item.published),
                  item.content_hash, stamp, item.content, item.author, _categories(item),
                  feed_url, item.key) for item in edited_items])
            for start in range(0, len(seen_keys), _IN_BATCH):
                batch = seen_keys[start:start + _IN_BATCH]
                conn.execute(
                    f"UPDATE items SET last_seen = ? WHERE feed_url = ? "
                    f"AND key IN ({','.join('?' * len(batch))})", (stamp, feed_url, *batch))
            ids = {key: known.id for key, known in
                   self.known_items(feed_url, list({a.item_key for a in alerts})).items()}
            for alert in alerts:
                item_id = ids.get(alert.item_key)
                if item_id is None:
                    continue
                cur = conn.execute(
                    "INSERT INTO matches (item_id, rule_id, severity, explanation, matched_at, "
                    "alerted, suppressed, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (item_id, rule_id) DO NOTHING",
                    (item_id, alert.match.rule_id, alert.match.severity, alert.match.explanation,
                     stamp,
                     int(alert.alerted if alert.alerted is not None else bool(alert.messages)),
                     alert.match.suppressed, alert.match.story_id))
                if cur.rowcount:
                    match_id = cur.lastrowid
                elif alert.update:
                    match_id = conn.execute(
                        "SELECT id FROM matches WHERE item_id = ? AND rule_id = ?",
                        (item_id, alert.match.rule_id)).fetchone()[0]
                else:
                    continue
                for message in alert.messages:
                    queued += self._queue(conn, _outgoing(message, alert.match), now, match_id)
            conn.executemany(
                "INSERT INTO history (scope, key, at, feed_url, title) VALUES (?, ?, ?, ?, ?)",
                [(h.scope, h.key, _ts(h.at), h.feed_url, h.title) for h in history])
            conn.execute(
                "UPDATE feeds SET etag = ?, last_modified = ?, body_hash = ?, initialised = 1, "
                "last_poll = ?, last_success = ?, last_status = ?, last_error = NULL, "
                # A success ends any backoff or Retry-After wait (max-age is set after).
                "error_kind = NULL, error_count = 0, next_poll_after = NULL, "
                "title = COALESCE(?, title), items_seen = items_seen + ? WHERE url = ?",
                (fetched.etag, fetched.last_modified, body_hash, stamp, stamp,
                 fetched.status, feed_title, inserted, feed_url))
        return queued

    # -- stories ---------------------------------------------------------------------------

    def _story_by_key(self, kind: str, key: str, since: datetime,
                      until: datetime | None = None) -> StoryRef | None:
        row = self.conn.execute(
            "SELECT s.id, s.title FROM story_keys k JOIN stories s ON s.id = k.story_id "
            "WHERE k.kind = ? AND k.key = ? AND k.at >= ? AND k.at <= ? "
            "ORDER BY k.at DESC LIMIT 1",
            (kind, key, _ts(since), _ts(until) if until else "9999")).fetchone()
        return StoryRef(row[0], row[1], kind) if row else None

    def story_by_copy(self, link: str | None, text: str, since: datetime,
                      until: datetime) -> StoryRef | None:
        """The story holding the same page, else the same text, in the window: one query."""
        row = self.conn.execute(
            "SELECT s.id, s.title, k.kind FROM story_keys k JOIN stories s ON s.id = k.story_id "
            "WHERE ((k.kind = 'link' AND k.key = ?) OR (k.kind = 'text' AND k.key = ?)) "
            "AND k.at >= ? AND k.at <= ? ORDER BY k.kind = 'text', k.at DESC LIMIT 1",
            (link or "", text, _ts(since), _ts(until))).fetchone()
        return StoryRef(row[0], row[1], row[2]) if row else None

    def story_by_link(self, key: str, since: datetime,
                      until: datetime | None = None) -> StoryRef | None:
        return self._story_by_key("link", key, since, until)

    def story_by_text(self, key: str, since: datetime,
                      until: datetime | None = None) -> StoryRef | None:
        return self._story_by_key("text", key, since, until)

    def story_by_entities(self, rule_id: str, key: str, since: datetime,
                          until: datetime | None = None) -> StoryRef | None:
        return self._story_by_key("entities", f"{rule_id}\x1f{key}", since, until)

    def stories_by_bands(self, bands: list[str], since: datetime,
                         until: datetime | None = None
                         ) -> list[tuple[StoryRef, tuple[int, ...], str | None]]:
        if not bands:
            return []
        marks = ",".join("?" * len(bands))
        rows = self.conn.execute(
            f"SELECT DISTINCT s.id, s.title, s.signature, s.event FROM story_keys k "
            f"JOIN stories s ON s.id = k.story_id WHERE k.kind = 'band' AND k.key IN ({marks}) "
            f"AND k.at >= ? AND k.at <= ? AND s.signature IS NOT NULL LIMIT 50",
            (*bands, _ts(since), _ts(until) if until else "9999"))
        return [(StoryRef(sid, title, "words"), tuple(int(v) for v in sig.split(",")), event)
                for sid, title, sig, event in rows.fetchall()]

    def stories_by_event(self, keys: list[str], since: datetime, until: datetime
                         ) -> list[tuple[StoryRef, str | None]]:
        """Stories whose event has one of these actors (`EventKey.lookup_keys`) in the
        window, newest first: a few indexed lookups, whatever the number stored."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self.conn.execute(
            f"SELECT s.id, s.title, s.event, max(k.at) AS at FROM story_keys k "
            f"JOIN stories s ON s.id = k.story_id WHERE k.kind = 'event' AND k.key IN "
            f"({marks}) AND k.at >= ? AND k.at <= ? GROUP BY s.id ORDER BY at DESC LIMIT 20",
            (*keys, _ts(since), _ts(until)))
        return [(StoryRef(sid, title, "event"), event) for sid, title, event, _ in rows]

    def add_to_story(self, story: StoryRef | None, item: Item, at: datetime, *,
                     rule_ids: list[str],
                     entity_keys: list[str], link: str | None, text: str,
                     sig: tuple[int, ...] | None, band_keys: list[str],
                     publisher: str, event: EventKey | None = None,
                     story_event: EventKey | None = None) -> StoryRef:
        """The item joins the story (or starts one), with every key that can find it again.
        `at`: the report's publication time; `story_event`: the story's event as found,
        which the item's event widens ("Lebanon" joining "Israel and Lebanon")."""
        stamp = _ts(at)
        with self.write() as conn:
            if story is None:
                cur = conn.execute(
                    "INSERT INTO stories (title, created_at, last_at, signature, event) "
                    "VALUES (?, ?, ?, ?, ?)", (item.title, _ts(at), _ts(at),
                                               ",".join(map(str, sig)) if sig else None,
                                               event.encode() if event else None))
                story = StoryRef(cur.lastrowid, item.title, "new",  # type: ignore[arg-type]
                                 "the first report of its event")
            else:
                widened = story_event.merged(event) if story_event and event else None
                conn.execute("UPDATE stories SET last_at = max(last_at, ?), "
                             "event = coalesce(?, event) WHERE id = ?",
                             (_ts(at), widened.encode() if widened and widened != story_event
                              else None, story.id))
            conn.executemany(
                "INSERT OR IGNORE INTO story_members (story_id, feed_url, item_key, rule_id, "
                "publisher, title, link, joined_by, at, status, why) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(story.id, item.feed_url, item.key, rule_id, publisher, item.title, item.link,
                  story.joined_by, stamp, event.status if event else None, story.why or None)
                 for rule_id in rule_ids])
            keys = [("text", text)] + ([("link", link)] if link else [])
            keys += [("entities", f"{rule_id}\x1f{key}") for rule_id in rule_ids
                     for key in entity_keys]
            keys += [("band", band) for band in band_keys]
            keys += [("event", key) for key in (event.stored_keys() if event else [])]
            stamp = _ts(at)
            conn.executemany(
                "INSERT INTO story_keys (kind, key, story_id, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (kind, key, story_id) DO UPDATE SET at = max(at, excluded.at)",
                [(kind, key, story.id, stamp) for kind, key in keys])
        return story

    def story_developments(self, story_id: int, rule_id: str) -> list[str]:
        """The statuses of its event this story already alerted for this rule, in order."""
        return [row[0] for row in self.conn.execute(
            "SELECT status FROM story_developments WHERE story_id = ? AND rule_id = ? "
            "ORDER BY at", (story_id, rule_id))]

    def record_development(self, story_id: int, rule_id: str, status: str, item: Item,
                           at: datetime) -> None:
        """This status of the story's event alerted for this rule (first alert or update)."""
        with self.write() as conn:
            conn.execute("INSERT OR IGNORE INTO story_developments (story_id, rule_id, status, "
                         "item_key, feed_url, at) VALUES (?, ?, ?, ?, ?, ?)",
                         (story_id, rule_id, status, item.key, item.feed_url, _ts(at)))

    def story_timeline(self, story_id: int) -> list[dict]:
        """Each status of the story's event that alerted, in order, with its rule."""
        cur = self.conn.execute(
            "SELECT rule_id, status, at FROM story_developments WHERE story_id = ? "
            "ORDER BY at, rule_id", (story_id,))
        return [dict(zip(("rule_id", "status", "at"), row, strict=True)) for row in cur]

    def story_member(self, feed_url: str, item_key: str) -> dict | None:
        """Which story took this item, how and why (for explain)."""
        cur = self.conn.execute(
            "SELECT m.story_id, s.title AS story_title, m.joined_by, m.why, m.status, "
            "s.event FROM story_members m JOIN stories s ON s.id = m.story_id "
            "WHERE m.feed_url = ? AND m.item_key = ? LIMIT 1", (feed_url, item_key))
        row = cur.fetchone()
        return dict(zip([c[0] for c in cur.description], row, strict=True)) if row else None

    def story_alerted(self, story_id: int, rule_id: str) -> int | None:
        """The match that already alerted for this story and rule, if any."""
        row = self.conn.execute(
            "SELECT id FROM matches WHERE story_id = ? AND rule_id = ? AND alerted = 1 "
            "ORDER BY id LIMIT 1", (story_id, rule_id)).fetchone()
        return row[0] if row else None

    def story_sources(self, story_id: int, rule_id: str | None = None) -> list[dict]:
        """The story's reports, oldest first, one per item."""
        sql = ("SELECT feed_url, item_key, publisher, title, link, min(at) AS at, "
               "max(status) AS status, max(joined_by) AS joined_by, max(why) AS why "
               "FROM story_members WHERE story_id = ?")
        args: list = [story_id]
        if rule_id:
            sql += " AND rule_id = ?"
            args.append(rule_id)
        cur = self.conn.execute(sql + " GROUP BY feed_url, item_key ORDER BY at, min(id)", args)
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def recent_stories(self, since: datetime, limit: int = 50) -> list[dict]:
        cur = self.conn.execute(
            "SELECT s.id, s.title, s.created_at, s.last_at, s.event, "
            "(SELECT count(DISTINCT publisher) FROM story_members m WHERE m.story_id = s.id) "
            "AS publishers, (SELECT group_concat(DISTINCT rule_id) FROM matches WHERE "
            "story_id = s.id AND alerted = 1) AS alerted_rules FROM stories s "
            "WHERE s.last_at >= ? ORDER BY s.last_at DESC LIMIT ?", (_ts(since), limit))
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def prune(self, before: datetime,
              keep: Mapping[str, HistoryKeep] | None = None) -> dict[str, int]:
        """Forget stories, their keys and history older than the retention window, and the
        items no story or queued alert still needs. `keep`: history scopes loaded rules read
        further back (a gap of 180 days), pruned at their own cutoff instead; the newest entry
        per key of a gap's scope stays whatever its age, since the gap is measured from it."""
        counts = {}
        keep = {scope: kept for scope, kept in (keep or {}).items()  # shared: never pruned
                if not scope.startswith("shared:") and (kept.latest or kept.cutoff < before)}
        with self.write() as conn:
            counts["stories"] = conn.execute(
                "DELETE FROM stories WHERE last_at < ?", (_ts(before),)).rowcount
            conn.execute("DELETE FROM story_members WHERE story_id NOT IN "
                         "(SELECT id FROM stories)")
            conn.execute("DELETE FROM story_keys WHERE story_id NOT IN (SELECT id FROM stories)")
            conn.execute("DELETE FROM story_developments WHERE story_id NOT IN "
                         "(SELECT id FROM stories)")
            counts["polls"] = conn.execute("DELETE FROM poll_log WHERE at < ?",
                                           (_ts(before),)).rowcount
            counts["history"] = conn.execute(
                "DELETE FROM history WHERE at < ? AND scope NOT LIKE 'shared:%' AND scope "
                f"NOT IN ({','.join('?' * len(keep))})", (_ts(before), *keep)).rowcount
            for scope, kept in keep.items():
                newest = (" AND at < (SELECT max(h.at) FROM history AS h WHERE h.scope = "
                          "history.scope AND h.key = history.key)") if kept.latest else ""
                counts["history"] += conn.execute(
                    f"DELETE FROM history WHERE scope = ? AND at < ?{newest}",
                    (scope, _ts(min(kept.cutoff, before)))).rowcount
            # Items no feed has shown since the cutoff go with their matches and delivered
            # notifications; anything still waiting in the outbox keeps its item.
            old = "SELECT id FROM items WHERE last_seen < ?"
            conn.execute(f"DELETE FROM outbox WHERE status IN ('sent', 'dead', 'digested') AND "
                         f"match_id IN (SELECT id FROM matches WHERE item_id IN ({old}))",
                         (_ts(before),))
            conn.execute(f"DELETE FROM matches WHERE item_id IN ({old}) AND id NOT IN "
                         "(SELECT match_id FROM outbox WHERE match_id IS NOT NULL)",
                         (_ts(before),))
            counts["items"] = conn.execute(
                "DELETE FROM items WHERE last_seen < ? AND id NOT IN "
                "(SELECT item_id FROM matches)", (_ts(before),)).rowcount
        return counts

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

    def mark_failed(self, delivery_id: int, error: str, retry_at: datetime | None,
                    done: Iterable[str] | None = None) -> None:
        """Count a failed attempt; no retry time means the delivery is dead. `done`: services
        of the channel that did accept it, skipped when it is retried."""
        services = json.dumps(sorted(done)) if done else None
        with self.write() as conn:
            if retry_at is None:
                conn.execute("UPDATE outbox SET status = 'dead', attempts = attempts + 1, "
                             "last_error = ?, services_done = ? WHERE id = ?",
                             (error, services, delivery_id))
            else:
                conn.execute("UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                             "next_attempt = ?, services_done = ? WHERE id = ?",
                             (error, _ts(retry_at), services, delivery_id))

    # -- outbox: queueing, digests, dead letters, the `alerts outbox` command ----------------

    def _queue(self, conn: sqlite3.Connection, message: Outgoing, now: datetime,
               match_id: int | None = None) -> int:
        """Insert one message. A follow-up is queued only on a channel that got the first
        alert of its story, and only once. Returns how many rows were added."""
        revision = 0
        if message.kind == UPDATE:
            earlier = conn.execute(
                "SELECT count(*), sum(alert_id = ?) FROM outbox WHERE channel = ? "
                "AND (alert_id = ? OR thread_id = ?)",
                (message.alert_id, message.channel, message.thread_id,
                 message.thread_id)).fetchone()
            if not earlier[0] or earlier[1]:
                return 0
            revision = earlier[0]
        conn.execute(
            "INSERT INTO outbox (match_id, channel, kind, revision, alert_id, thread_id, "
            "severity, rule_id, story, format, title, body, payload, next_attempt, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (match_id, message.channel, message.kind, revision, message.alert_id,
             message.thread_id, message.severity, message.rule_id, message.story,
             message.format, message.title, message.body,
             json.dumps(message.payload, default=str) if message.payload else None,
             _ts(now), _ts(now)))
        return 1

    def queue(self, messages: Iterable[Outgoing], now: datetime) -> int:
        """Queue messages that belong to no match (operator notices)."""
        with self.write() as conn:
            return sum(self._queue(conn, m, now) for m in messages)

    def outbox_due(self, now: datetime, limit: int = 2000) -> list[OutboxRow]:
        cur = self.conn.execute(
            f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE status = 'pending' "
            "AND next_attempt <= ? ORDER BY id LIMIT ?", (_ts(now), limit))
        return [_outbox_row(row) for row in cur.fetchall()]

    def outbox_rows(self, ids: Iterable[int]) -> list[OutboxRow]:
        ids = list(ids)
        found: list[OutboxRow] = []
        for start in range(0, len(ids), _IN_BATCH):
            batch = ids[start:start + _IN_BATCH]
            cur = self.conn.execute(
                f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE id IN "
                f"({','.join('?' * len(batch))}) ORDER BY id", batch)
            found.extend(_outbox_row(row) for row in cur.fetchall())
        return found

    def sent_count(self, channel: str, since: datetime) -> int:
        """Messages delivered on a channel since a moment (for its rate limit)."""
        return self.conn.execute(
            "SELECT count(*) FROM outbox WHERE channel = ? AND status = 'sent' "
            "AND sent_at >= ?", (channel, _ts(since))).fetchone()[0]

    def fold_digest(self, member_ids: list[int], digest: Outgoing, now: datetime) -> int | None:
        """Replace pending alerts by one digest message, atomically. None when one of them
        is no longer pending (then nothing changes)."""
        try:
            with self.write() as conn:
                self._queue(conn, digest, now)
                digest_id = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
                marks = ",".join("?" * len(member_ids))
                cur = conn.execute(
                    f"UPDATE outbox SET status = 'digested', digest_id = ? "
                    f"WHERE status = 'pending' AND id IN ({marks})", (digest_id, *member_ids))
                if cur.rowcount != len(member_ids):
                    raise _Conflict
        except _Conflict:
            return None
        return digest_id

    def report_dead(self, notice: Callable[[list[OutboxRow]], Outgoing | None],
                    now: datetime) -> list[OutboxRow]:
        """Dead letters not yet reported: queue one notice about them (if `notice` makes one)
        and mark them reported, in one transaction."""
        with self.write() as conn:
            cur = conn.execute(f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE status = 'dead' "
                               "AND reported = 0 ORDER BY id")
            dead = [_outbox_row(row) for row in cur.fetchall()]
            if not dead:
                return []
            message = notice(dead)
            if message is not None:
                self._queue(conn, message, now)
            conn.executemany("UPDATE outbox SET reported = 1 WHERE id = ?",
                             [(row.id,) for row in dead])
        return dead

    def pause_channel(self, channel: str, until: datetime, reason: str) -> None:
        """A service asked us to wait (Retry-After): nothing goes to the channel before then."""
        with self.write() as conn:
            conn.execute("INSERT INTO channel_state (channel, paused_until, reason) "
                         "VALUES (?, ?, ?) ON CONFLICT (channel) DO UPDATE SET "
                         "paused_until = excluded.paused_until, reason = excluded.reason",
                         (channel, _ts(until), reason))

    def shift_deadlines(self, seconds: float) -> int:
        """Move every stored wait (a feed's backoff or Retry-After, an alert's next attempt, a
        channel's pause) by a wall-clock step, so each keeps the time it had left. Returns
        how many were moved."""
        step = timedelta(seconds=seconds)
        targets = (("feeds", "url", "next_poll_after", "next_poll_after IS NOT NULL"),
                   ("outbox", "id", "next_attempt", "status = 'pending'"),
                   ("channel_state", "channel", "paused_until", "paused_until IS NOT NULL"))
        moved = 0
        with self.write() as conn:
            for table, key, column, where in targets:
                rows = conn.execute(f"SELECT {key}, {column} FROM {table} WHERE {where}")
                changes = [(_ts(datetime.fromisoformat(value) + step), row_key)
                           for row_key, value in rows.fetchall()]
                conn.executemany(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", changes)
                moved += len(changes)
        return moved

    def channel_pauses(self, now: datetime) -> dict[str, datetime]:
        rows = self.conn.execute("SELECT channel, paused_until FROM channel_state "
                                 "WHERE paused_until > ?", (_ts(now),)).fetchall()
        return {channel: datetime.fromisoformat(until) for channel, until in rows}

    def outbox_list(self, statuses: Iterable[str], limit: int = 1000) -> list[OutboxRow]:
        """Rows by status for `alerts outbox`; "failed" means pending after a failed try."""
        wanted = set(statuses)
        clauses = [f"status = '{s}'" for s in ("pending", "dead", "sent", "digested")
                   if s in wanted]
        if "failed" in wanted and "pending" not in wanted:
            clauses.append("(status = 'pending' AND attempts > 0)")
        if not clauses:
            return []
        cur = self.conn.execute(f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE "
                                f"{' OR '.join(clauses)} ORDER BY id LIMIT ?", (limit,))
        return [_outbox_row(row) for row in cur.fetchall()]

    def outbox_retry(self, ids: list[int] | None, now: datetime) -> dict[int, str]:
        """Requeue dead (and failed) messages to be sent at once with fresh attempts.
        `ids` None means every dead or failed one. Returns each id's status before."""
        with self.write() as conn:
            if ids is None:
                rows = conn.execute("SELECT id, status FROM outbox WHERE status = 'dead' OR "
                                    "(status = 'pending' AND attempts > 0)").fetchall()
            else:
                rows = []
                for delivery_id in ids:
                    found = conn.execute("SELECT id, status FROM outbox WHERE id = ?",
                                         (delivery_id,)).fetchone()
                    rows.append(found or (delivery_id, "missing"))
            requeue = [(_ts(now), i) for i, status in rows if status in ("dead", "pending")]
            conn.executemany("UPDATE outbox SET status = 'pending', attempts = 0, "
                             "next_attempt = ?, reported = 0 WHERE id = ?", requeue)
            conn.execute("DELETE FROM channel_state")
        return dict(rows)

    def stored_items(self) -> Iterator[tuple[str, str | None, list[dict]]]:
        """(feed URL, feed name, items) for every feed, items in the order first seen."""
        feeds = self.conn.execute("SELECT url, name FROM feeds ORDER BY url").fetchall()
        for url, name in feeds:
            cur = self.conn.execute(
                "SELECT key, guid, link, title, summary, published, language, content_hash, "
                "coalesce(content, '') AS content, author, categories "
                "FROM items WHERE feed_url = ? ORDER BY id", (url,))
            columns = [c[0] for c in cur.description]
            rows = [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]
            for row in rows:
                row["categories"] = tuple(json.loads(row["categories"] or "[]"))
            yield url, name, rows

    def outbox_counts(self) -> dict[str, int]:
        """Messages by stored status (a failed one waiting for its retry is 'pending')."""
        rows = self.conn.execute("SELECT status, count(*) FROM outbox GROUP BY status")
        return dict(rows.fetchall())

    def outbox_summary(self) -> dict[str, int]:
        """Messages by the status `alerts outbox` shows ('failed': pending after a failed
        try); `alerts status` and `alerts outbox` both count with this one query."""
        rows = self.conn.execute(f"SELECT {SHOWN_STATUS} AS shown, count(*) FROM outbox "
                                 "GROUP BY shown")
        return dict(rows.fetchall())

    # -- the desk: feedback on alerts, mutes ------------------------------------------------

    def alert_facts(self, alert_id: str) -> dict | None:
        """The rule, match and item behind an alert id, as in every message."""
        row = self.conn.execute(
            "SELECT m.id, m.rule_id, i.title, i.summary, m.story_id FROM outbox o "
            "JOIN matches m ON m.id = o.match_id JOIN items i ON i.id = m.item_id "
            "WHERE o.alert_id = ? LIMIT 1", (alert_id,)).fetchone()
        if row is None:
            return None
        return dict(zip(("match_id", "rule_id", "title", "summary", "story_id"), row,
                        strict=True))

    def record_feedback(self, alert_id: str, facts: dict, verdict: str, note: str | None,
                        now: datetime) -> bool:
        """Store (or replace) the judgement of one alert; True when it replaced one."""
        with self.write() as conn:
            before = conn.execute("SELECT 1 FROM feedback WHERE alert_id = ?",
                                  (alert_id,)).fetchone()
            conn.execute(
                "INSERT INTO feedback (alert_id, match_id, rule_id, verdict, note, title, "
                "summary, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id) DO UPDATE "
                "SET verdict = excluded.verdict, note = excluded.note, at = excluded.at",
                (alert_id, facts["match_id"], facts["rule_id"], verdict, note, facts["title"],
                 facts["summary"], _ts(now)))
        return before is not None

    def feedback_rows(self) -> list[dict]:
        cur = self.conn.execute("SELECT alert_id, rule_id, verdict, note, title, summary, at "
                                "FROM feedback ORDER BY at")
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def story_exists(self, story_id: int) -> bool:
        return self.conn.execute("SELECT 1 FROM stories WHERE id = ?",
                                 (story_id,)).fetchone() is not None

    def mute(self, target: str, kind: str, until: datetime | None, now: datetime) -> None:
        with self.write() as conn:
            conn.execute("INSERT INTO mutes (target, kind, until, created) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (target) DO UPDATE SET until = excluded.until, "
                         "created = excluded.created", (target, kind, _ts(until), _ts(now)))

    def unmute(self, target: str) -> bool:
        with self.write() as conn:
            return conn.execute("DELETE FROM mutes WHERE target = ?", (target,)).rowcount > 0

    def mutes(self, now: datetime) -> list[dict]:
        """Mutes in force (expired ones are left out, and forgotten at the next mute)."""
        cur = self.conn.execute("SELECT target, kind, until, created FROM mutes "
                                "WHERE until IS NULL OR until > ? ORDER BY created", (_ts(now),))
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def muted(self, rule_id: str, story_id: int | None, now: datetime) -> dict | None:
        """The mute in force for this rule or this story, if any."""
        targets = [rule_id] + ([f"story-{story_id}"] if story_id is not None else [])
        row = self.conn.execute(
            f"SELECT target, until FROM mutes WHERE target IN ({','.join('?' * len(targets))}) "
            "AND (until IS NULL OR until > ?) ORDER BY until IS NULL DESC, until DESC LIMIT 1",
            (*targets, _ts(now))).fetchone()
        return {"target": row[0], "until": row[1]} if row else None

    def feeds_overview(self) -> list[dict]:
        cur = self.conn.execute("SELECT * FROM feeds ORDER BY url")
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def rows(self, sql_table: str) -> Iterable[dict]:
        """All rows of a table, for `alerts status` and tests."""
        if sql_table not in ("feeds", "items", "matches", "outbox"):
            raise ValueError(sql_table)
        return self.db[sql_table].rows


# -- integrity and backups (`alerts doctor`, and the check every command makes first) --------

def integrity_problems(path: Path, *, full: bool = False) -> list[str]:
    """What SQLite finds wrong with the database file: `PRAGMA quick_check` (a few seconds per
    gigabyte), or with `full` the complete integrity_check that also compares every index
    with its table. [] when the file is sound, or does not exist yet."""
    path = Path(path)
    if not path.exists():
        return []
    check = "integrity_check(20)" if full else "quick_check(20)"
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        found = [str(row[0]) for row in conn.execute(f"PRAGMA {check}").fetchall()]
    except sqlite3.DatabaseError as exc:  # "file is not a database", "disk image is malformed"
        return [str(exc)]
    finally:
        conn.close()
    return [] if found == ["ok"] else found


def recovery_advice(path: Path) -> str:
    """What to do with a damaged state database, as sentences."""
    return (f"Stop alerts, then put back your latest backup of it (`alerts doctor --backup "
            f"PATH` makes one), or save what is still readable with `sqlite3 {path} .recover "
            f"| sqlite3 {path}.recovered`; move the file you keep to {path}, delete "
            f"{path.name}-wal and {path.name}-shm beside it if present, and run `alerts doctor` "
            "to check it")


def is_damage(exc: BaseException) -> bool:
    """The error is SQLite finding the file damaged (SQLITE_CORRUPT, SQLITE_NOTADB), not a
    lock, a full disk or a bug: retrying cannot help."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.DatabaseError) and code is not None and \
        code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def ensure_intact(path: Path) -> None:
    """Refuse a state database that fails quick_check, before anything reads or writes it:
    polling into it would fail at every poll, and writing could spread the damage."""
    problems = integrity_problems(path)
    if problems:
        shown = "; ".join(problems[:3]) + ("; ..." if len(problems) > 3 else "")
        raise StateDamaged(f"the state database {path} is damaged (SQLite says: {shown}), so "
                           f"alerts does not use it. {recovery_advice(path)}.", problems)


def backup(path: Path, target: Path) -> dict[str, int]:
    """Write a consistent copy of the database to `target` with SQLite's backup API, safe
    while the daemon writes (the copy is one snapshot, what is still in the WAL included),
    and check it. The copy is a single file (no -wal). Returns row counts of the copy."""
    path, target = Path(path), Path(target)
    if not path.exists():
        raise StateError(f"there is no state database at {path} yet; nothing to back up")
    if target.resolve() == path.resolve():
        raise StateError(f"the backup must go to another file than {path} itself")
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        source = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)  # every page in one step: one read transaction, one snapshot
            copy.execute("PRAGMA journal_mode = DELETE")
            problems = [str(r[0]) for r in copy.execute("PRAGMA integrity_check(20)")]
            counts = {table: copy.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                      for table in ("feeds", "items", "matches", "outbox", "stories")}
        finally:
            copy.close()
            source.close()
        if problems != ["ok"]:
            partial.unlink(missing_ok=True)
            raise StateError(f"the copy of {path} fails SQLite's integrity check "
                             f"({'; '.join(problems[:3])}); it was not kept. "
                             f"{recovery_advice(path)}")
        partial.replace(target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StateError(f"the backup of {path} to {target} failed: {exc}") from None
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StateError(f"cannot write the backup {target}: {exc}; check that its folder "
                         "exists, is writable and has space") from None
    return counts
