"""The schema of the state database: named migrations, applied in order when a Store opens.

They are Python functions registered with sqlite-utils' `Migrations` (recorded in the
database's `_sqlite_migrations` table), not files: nothing to ship beside the code. A new
migration goes at the end, with the next number; a shipped one is never edited.

sqlite-utils itself is loaded only when a migration is pending (#17: importing it was about
a tenth of the CPU of a `poll --once` in which nothing changed): `migrations` records the
steps in order and hands them to a real `Migrations` when one is asked for.
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from alerts.errors import StateError
from alerts.state.db import Database
from alerts.state.rekey import rekey_feeds

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils import Migrations


class Steps:
    """The named migrations in order, registered as with sqlite-utils' `Migrations`
    (`@migrations(name=...)`), which is built from them on first use: `pending`, `applied`
    and `apply` are its own."""

    def __init__(self, name: str):
        self.name = name
        self._steps: list[tuple[str, Callable[..., None], bool]] = []
        self._built: Migrations | None = None

    def __call__(self, *, name: str,
                 transactional: bool = True) -> Callable[[Callable[..., None]],
                                                         Callable[..., None]]:
        def register(fn: Callable[..., None]) -> Callable[..., None]:
            if any(step[0] == name for step in self._steps):
                raise ValueError(f"Migration {name!r} is already registered in {self.name!r}")
            self._steps.append((name, fn, transactional))
            self._built = None
            return fn
        return register

    @property
    def names(self) -> list[str]:
        return [step[0] for step in self._steps]

    def built(self) -> Migrations:
        if self._built is None:
            from sqlite_utils import Migrations

            built = Migrations(self.name)
            for name, fn, transactional in self._steps:
                built(name=name, transactional=transactional)(fn)
            self._built = built
        return self._built

    def pending(self, db: sqlite_utils.Database) -> list[Any]:
        return self.built().pending(db)

    def applied(self, db: sqlite_utils.Database) -> list[Any]:
        return self.built().applied(db)

    def apply(self, db: sqlite_utils.Database, **kwargs: Any) -> None:
        self.built().apply(db, **kwargs)

    def none_pending(self, conn: sqlite3.Connection) -> bool:
        """Every step is recorded as applied (one query; False when that cannot be read)."""
        try:
            applied = {row[0] for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (self.name,))}
        except sqlite3.Error:
            return False  # no table yet, or not as sqlite-utils makes it: ask sqlite-utils
        return all(name in applied for name in self.names)


migrations = Steps("alerts")


def migrate(database: Database, steps: Migrations | Steps = migrations) -> None:
    """Bring the database to the current schema, in one write transaction.

    Foreign keys are off while migrations run, as SQLite's way of rebuilding a table that
    others reference asks (0017 rebuilds `items`, which matches reference): a DROP TABLE would
    otherwise fail, or delete what refers to it. Instead, the transaction is rolled back when
    the migrations left more rows pointing at nothing than there were before.

    When every step is recorded as applied, nothing more is done (sqlite-utils is not
    loaded); the write transaction is still taken, so a state another process keeps busy is
    told at once, as before."""
    conn = database.conn
    conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set before it
    try:
        with database.write():
            if isinstance(steps, Steps) and steps.none_pending(conn):
                return
            if steps.pending(database.db):
                _refuse_beside_a_running_process(database)
                dangling = len(conn.execute("PRAGMA foreign_key_check").fetchall())
                steps.apply(database.db)
                after = len(conn.execute("PRAGMA foreign_key_check").fetchall())
                if after > dangling:
                    lost = after - dangling
                    raise StateError(
                        f"upgrading the state database {database.path} would leave {lost} "
                        "rows referring to rows that are gone, so it was not "
                        "upgraded and nothing changed; please report this with `alerts "
                        "--version`, and keep using the previous version meanwhile")
    except sqlite3.DatabaseError as exc:
        raise StateError(f"the state database {database.path} cannot be used: {exc}; if it is "
                         "not an alerts database, point 'state' elsewhere") from None
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _refuse_beside_a_running_process(database: Database) -> None:
    """No upgrade under a process that holds the state's lock (a daemon, a `poll --once`)
    other than this one: a daemon of the previous release keeps its code and would go on
    writing and reading the tables as they were (since 0017-0019 it would take every stored
    item for edited, fail on every outbox read, and queue alerts the new code never sends)."""
    import os

    from alerts.lock import StateLock

    holder = StateLock(database.path).holder()
    if holder is None or holder.pid == os.getpid():
        return
    raise StateError(
        f"the state database {database.path} needs upgrading for this version of alerts, "
        f"but {holder.describe()} is running on it, perhaps with the previous version, so it "
        "was not upgraded and nothing changed. Stop it first (`kill "
        f"{holder.pid or 'PID'}` or `systemctl stop alerts`), then start the daemon of this "
        "version: it upgrades the state as it starts")


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
    rekey_feeds(conn, renamed, [s for url in renamed for s in secrets_in(url)])




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


@migrations(name="0016_compact_story_signatures")
def _compact_story_signatures(db: sqlite_utils.Database) -> None:
    # Store less (#17): a story's word signature packed in a BLOB (256 bytes, was about 590
    # of decimal text); its LSH bands out of story_keys into story_bands, each band's hash as
    # 8 bytes and its time as microseconds since the epoch (about 40 bytes a band with its
    # index, was about 85). Two indexes dropped: story_members_story (the UNIQUE index on
    # (story_id, ...) answers every question by story) and items_published (no query reads
    # items by publication time). Nothing is lost: a value that is not what this code wrote
    # (not 64 numbers, not 16 hex digits) stays where and as it was. All in SQL, through
    # three functions: a state of 100,000 stories (1.6 million bands) moves without holding
    # them in memory; story_keys is copied without its bands rather than deleted from.
    from alerts.state.compact import band_value, moment, pack_signature

    def band(key: object) -> bytes | None:
        try:
            return band_value(key) if isinstance(key, str) and len(key) == 16 else None
        except ValueError:
            return None

    def when(at: object) -> int | None:
        try:
            return moment(datetime.fromisoformat(at)) if isinstance(at, str) else None
        except (ValueError, OverflowError):
            return None

    def packed(text: object) -> bytes | None:
        try:
            return pack_signature(tuple(int(v) for v in text.split(","))) \
                if isinstance(text, str) else None
        except (ValueError, struct.error):
            return None

    db.conn.create_function("alerts_0016_band", 1, band, deterministic=True)
    db.conn.create_function("alerts_0016_time", 1, when, deterministic=True)
    db.conn.create_function("alerts_0016_signature", 1, packed, deterministic=True)
    moved = ("kind = 'band' AND alerts_0016_band(key) IS NOT NULL "
             "AND alerts_0016_time(at) IS NOT NULL")
    _script(db, f"""
        CREATE TABLE story_bands (
            band BLOB NOT NULL,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            at INTEGER NOT NULL,
            PRIMARY KEY (band, story_id)
        ) WITHOUT ROWID;
        INSERT INTO story_bands (band, story_id, at)
            SELECT alerts_0016_band(key), story_id, alerts_0016_time(at) FROM story_keys
            WHERE {moved} ORDER BY key, story_id
            ON CONFLICT (band, story_id) DO UPDATE SET at = max(at, excluded.at);
        CREATE INDEX story_bands_story ON story_bands (story_id);
        CREATE TABLE story_keys_0016 (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            PRIMARY KEY (kind, key, story_id)
        ) WITHOUT ROWID;
        INSERT INTO story_keys_0016 (kind, key, story_id, at)
            SELECT kind, key, story_id, at FROM story_keys WHERE NOT ({moved});
        DROP TABLE story_keys;
        ALTER TABLE story_keys_0016 RENAME TO story_keys;
        CREATE INDEX story_keys_story ON story_keys (story_id);
        UPDATE stories SET signature = alerts_0016_signature(signature)
            WHERE typeof(signature) = 'text' AND alerts_0016_signature(signature) IS NOT NULL;
        DROP INDEX IF EXISTS story_members_story;
        DROP INDEX IF EXISTS items_published;
    """)


@migrations(name="0017_compact_items")
def _compact_items(db: sqlite_utils.Database) -> None:
    # Store less (#17). Items keep every column, name and value readers had; times
    # (first_seen, last_seen, published) as microseconds since the epoch in an INTEGER (8
    # bytes, was 25 to 32 of ISO text) and the content hash as its 8 or 12 bytes (was 16 or
    # 24 hex digits). A value that would not come back as the exact text it was stays text.
    # Story members whose title and link are their item's say so (as_item = 1) instead of
    # holding a copy: readers take them from the item (an edit of the item first writes the
    # old ones back into such members, so a member still shows what it joined with).
    # The table is rebuilt (column types change), its rows in id order, with the same ids.
    from alerts.state.compact import exact_moment, pack_hash

    db.conn.create_function("alerts_0017_time", 1, exact_moment, deterministic=True)
    db.conn.create_function("alerts_0017_hash", 1,
                            lambda v: pack_hash(v) if isinstance(v, str) else v,
                            deterministic=True)
    _script(db, """
        CREATE TABLE items_0017 (
            id INTEGER PRIMARY KEY,
            feed_url TEXT NOT NULL REFERENCES feeds(url),
            key TEXT NOT NULL,
            guid TEXT,
            link TEXT,
            title TEXT NOT NULL,
            summary TEXT NOT NULL,
            published INTEGER,
            language TEXT,
            content_hash BLOB NOT NULL,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            edits INTEGER NOT NULL DEFAULT 0,
            content TEXT,
            author TEXT NOT NULL DEFAULT '',
            categories TEXT NOT NULL DEFAULT '[]',
            UNIQUE (feed_url, key)
        );
        INSERT INTO items_0017 (id, feed_url, key, guid, link, title, summary, published,
            language, content_hash, first_seen, last_seen, edits, content, author, categories)
            SELECT id, feed_url, key, guid, link, title, summary,
                coalesce(alerts_0017_time(published), published), language,
                alerts_0017_hash(content_hash),
                coalesce(alerts_0017_time(first_seen), first_seen),
                coalesce(alerts_0017_time(last_seen), last_seen),
                edits, content, author, categories
            FROM items ORDER BY id;
        DROP TABLE items;
        ALTER TABLE items_0017 RENAME TO items;
        ALTER TABLE story_members ADD COLUMN as_item INTEGER NOT NULL DEFAULT 0;
        UPDATE story_members SET as_item = 1, title = '', link = NULL WHERE EXISTS (
            SELECT 1 FROM items i WHERE i.feed_url = story_members.feed_url
            AND i.key = story_members.item_key AND i.title = story_members.title
            AND i.link IS story_members.link)
    """)


@migrations(name="0018_compact_outbox")
def _compact_outbox(db: sqlite_utils.Database) -> None:
    # Store less (#17). The outbox's times (created, next_attempt, sent_at) as microseconds
    # since the epoch in an INTEGER (8 bytes, was 25 to 32 of ISO text, in the row and in the
    # outbox_due and outbox_sent indexes): every time ts() wrote is converted, to the same
    # instant; a value that is not a time at all stays as it was. And a table for the rule
    # facts of queued alerts (rule title, description, tags), each kept once and referred to
    # by number from the alerts queued since (rows queued before keep theirs, and read as
    # they are). The outbox is rebuilt (column types change), its rows in id order with the
    # same ids; no table refers to it.
    from alerts.state.compact import moment

    def when(text: object) -> int | None:
        try:
            return moment(datetime.fromisoformat(text)) if isinstance(text, str) else None
        except (ValueError, OverflowError):
            return None

    db.conn.create_function("alerts_0018_time", 1, when, deterministic=True)
    columns = ("id, match_id, channel, kind, revision, alert_id, thread_id, severity, "
               "rule_id, story, format, title, body, payload, status, attempts, "
               "next_attempt, last_error, created, sent_at, digest_id, services_done, reported")
    converted = columns.replace(
        "next_attempt,", "coalesce(alerts_0018_time(next_attempt), next_attempt),").replace(
        "created,", "coalesce(alerts_0018_time(created), created),").replace(
        "sent_at,", "coalesce(alerts_0018_time(sent_at), sent_at),")
    _script(db, f"""
        CREATE TABLE outbox_0018 (
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
            next_attempt INTEGER NOT NULL,
            last_error TEXT,
            created INTEGER NOT NULL,
            sent_at INTEGER,
            digest_id INTEGER,
            services_done TEXT,
            reported INTEGER NOT NULL DEFAULT 0,
            UNIQUE (match_id, channel, revision)
        );
        INSERT INTO outbox_0018 ({columns}) SELECT {converted} FROM outbox ORDER BY id;
        DROP TABLE outbox;
        ALTER TABLE outbox_0018 RENAME TO outbox;
        CREATE INDEX outbox_due ON outbox (status, next_attempt);
        CREATE INDEX outbox_alert ON outbox (alert_id, channel);
        CREATE INDEX outbox_sent ON outbox (channel, sent_at);
        CREATE TABLE alert_rules (
            id INTEGER PRIMARY KEY,
            facts TEXT NOT NULL UNIQUE
        )
    """)


@migrations(name="0019_item_guid_in_key")
def _item_guid_in_key(db: sqlite_utils.Database) -> None:
    # Store less (#17): an item's GUID is not stored a second time when its key is 'g:' and
    # the GUID (nearly every item: GUIDs a feed keeps unique are its items' keys); NULL then
    # reads as the key without its 'g:'. An item keyed 'g:' without a GUID (none is made so)
    # would store '', read as no GUID (alerts.state.compact.stored_guid / read_guid).
    _script(db, """
        UPDATE items SET guid = '' WHERE guid IS NULL AND substr(key, 1, 2) = 'g:';
        UPDATE items SET guid = NULL WHERE guid <> '' AND key = 'g:' || guid
    """)


@migrations(name="0020_one_member_per_report")
def _one_member_per_report(db: sqlite_utils.Database) -> None:
    # Store less (#17): a report that joined a story for several rules at once was one
    # story_members row per rule, each with the same feed, key, publisher, reason and time
    # (with 1,000 rules, 2.2 rows per report). Now one row per report and way it joined, and
    # its rules in story_member_rules (member, rule). Nothing is lost: rows that differ in
    # anything but their rule stay apart; the first row's id is kept, so the order of a
    # story's reports (by time, then id) is what it was. The UNIQUE (story, feed, key, rule)
    # index goes with the rows: the rules' primary key answers "did this rule join it?", an
    # index on story_id the questions by story.
    same = ("x.story_id = o.story_id AND x.feed_url = o.feed_url AND x.item_key = o.item_key "
            "AND x.publisher = o.publisher AND x.title = o.title AND x.link IS o.link "
            "AND x.joined_by = o.joined_by AND x.at IS o.at AND x.status IS o.status "
            "AND x.why IS o.why AND x.as_item = o.as_item")
    columns = ("story_id, feed_url, item_key, publisher, title, link, joined_by, at, status, "
               "why, as_item")
    _script(db, f"""
        CREATE TABLE story_members_0020 (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            feed_url TEXT NOT NULL,
            item_key TEXT NOT NULL,
            publisher TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT,
            joined_by TEXT NOT NULL,
            at TEXT NOT NULL,
            status TEXT,
            why TEXT,
            as_item INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO story_members_0020 (id, {columns})
            SELECT min(id), {columns} FROM story_members GROUP BY {columns} ORDER BY 1;
        CREATE TABLE story_member_rules (
            member_id INTEGER NOT NULL REFERENCES story_members(id) ON DELETE CASCADE,
            rule_id TEXT NOT NULL,
            PRIMARY KEY (member_id, rule_id)
        ) WITHOUT ROWID;
        INSERT INTO story_member_rules (member_id, rule_id)
            SELECT (SELECT min(x.id) FROM story_members x WHERE {same}), o.rule_id
            FROM story_members o ORDER BY 1, 2;
        DROP TABLE story_members;
        ALTER TABLE story_members_0020 RENAME TO story_members;
        CREATE INDEX story_members_story ON story_members (story_id);
        CREATE INDEX story_members_item ON story_members (feed_url, item_key)
    """)


@migrations(name="0021_story_keys_without_cascade")
def _story_keys_without_cascade(db: sqlite_utils.Database) -> None:
    # Store less (#17): story_keys and story_bands lose their foreign key to stories and the
    # index on story_id behind it (with 1,000 rules 158 bytes an item; the bands' alone 105).
    # The index served one thing: deleting a story's keys when the story is deleted. Only the
    # prune deletes stories, and it already removes the keys and bands of stories that are
    # gone in one pass over each table, in the same transaction (alerts.state.upkeep), so
    # nothing is left behind; no question asks for keys by story. Rows and values unchanged;
    # the tables are rebuilt because SQLite cannot drop a foreign key in place.
    _script(db, """
        CREATE TABLE story_bands_0021 (
            band BLOB NOT NULL,
            story_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (band, story_id)
        ) WITHOUT ROWID;
        INSERT INTO story_bands_0021 (band, story_id, at)
            SELECT band, story_id, at FROM story_bands ORDER BY band, story_id;
        DROP TABLE story_bands;
        ALTER TABLE story_bands_0021 RENAME TO story_bands;
        CREATE TABLE story_keys_0021 (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            story_id INTEGER NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (kind, key, story_id)
        ) WITHOUT ROWID;
        INSERT INTO story_keys_0021 (kind, key, story_id, at)
            SELECT kind, key, story_id, at FROM story_keys ORDER BY kind, key, story_id;
        DROP TABLE story_keys;
        ALTER TABLE story_keys_0021 RENAME TO story_keys
    """)


@migrations(name="0022_match_times")
def _match_times(db: sqlite_utils.Database) -> None:
    # Store less (#17): a match's time (matched_at) as microseconds since the epoch in an
    # INTEGER (8 bytes, was 32 of ISO text; with 1,000 rules 34 bytes an item), as items' and
    # the outbox's times since 0017 and 0018; a value that would not come back as the exact
    # text it was stays text. The table is rebuilt (a column's type changes), its rows in id
    # order with the same ids (the outbox and feedback refer to them), its index made again.
    from alerts.state.compact import exact_moment

    db.conn.create_function("alerts_0022_time", 1, exact_moment, deterministic=True)
    _script(db, """
        CREATE TABLE matches_0022 (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id),
            rule_id TEXT NOT NULL,
            severity TEXT NOT NULL,
            explanation TEXT NOT NULL,
            matched_at INTEGER NOT NULL,
            alerted INTEGER NOT NULL,
            suppressed TEXT,
            story_id INTEGER,
            UNIQUE (item_id, rule_id)
        );
        INSERT INTO matches_0022 (id, item_id, rule_id, severity, explanation, matched_at,
            alerted, suppressed, story_id)
            SELECT id, item_id, rule_id, severity, explanation,
                coalesce(alerts_0022_time(matched_at), matched_at), alerted, suppressed,
                story_id
            FROM matches ORDER BY id;
        DROP TABLE matches;
        ALTER TABLE matches_0022 RENAME TO matches;
        CREATE INDEX matches_story_alerted ON matches (story_id, rule_id) WHERE alerted = 1
    """)


@migrations(name="0023_packed_item_texts")
def _packed_item_texts(db: sqlite_utils.Database) -> None:
    # Store less (#17): an item's summary and full text compressed (raw deflate, level 9) in
    # a BLOB where that is shorter than the text (with the bench's items, summaries 397 ->
    # 269 bytes an item); a text that would not shrink, or is not text, stays as it was.
    # Readers take them back through alerts.state.compact.unpack_text: replay, the desk's
    # alert facts, messages rendered at sending, the web view's item pages. No table is
    # rebuilt: a BLOB keeps its type in the TEXT columns, and each row is updated in place.
    from alerts.state.compact import deflate_text  # what pack_text wrote until 0026

    db.conn.create_function("alerts_0023_pack", 1,
                            lambda v: deflate_text(v) if isinstance(v, str) and v else v,
                            deterministic=True)
    _script(db, """
        UPDATE items SET summary = alerts_0023_pack(summary)
            WHERE typeof(summary) = 'text' AND typeof(alerts_0023_pack(summary)) = 'blob';
        UPDATE items SET content = alerts_0023_pack(content)
            WHERE typeof(content) = 'text' AND typeof(alerts_0023_pack(content)) = 'blob'
    """)


@migrations(name="0024_match_texts_once")
def _match_texts_once(db: sqlite_utils.Database) -> None:
    # Store less (#17): a match's explanation and the reason it raised no alert repeat from
    # match to match (with the bench's shipped rules, 3,800 matches had 2 distinct
    # explanations and 2 distinct reasons: 98 of the matches' 119 bytes an item). Each
    # distinct text is now kept once in match_texts (found again by a 32-bit hash, then
    # compared whole) and matches refer to it by number: explanation_id, suppressed_id
    # (alerts.state.texts). Nothing is lost: texts equal to the byte share a row, any other
    # value (not text) keeps its own. matches is rebuilt (columns change), its rows in id
    # order with the same ids (the outbox and feedback refer to them), its indexes made again.
    from alerts.state.texts import text_hash

    db.conn.create_function("alerts_0024_hash", 1, text_hash, deterministic=True)
    found = ("(SELECT x.id FROM match_texts x WHERE x.hash IS alerts_0024_hash({0}) "
             "AND x.text IS {0} AND typeof(x.text) = typeof({0}))")
    _script(db, f"""
        CREATE TABLE match_texts (
            id INTEGER PRIMARY KEY,
            hash INTEGER,
            text TEXT NOT NULL
        );
        INSERT INTO match_texts (hash, text)
            SELECT alerts_0024_hash(t), t FROM (
                SELECT explanation AS t, id FROM matches
                UNION ALL SELECT suppressed, id FROM matches WHERE suppressed IS NOT NULL)
            GROUP BY t, typeof(t) ORDER BY min(id);
        CREATE INDEX match_texts_hash ON match_texts (hash);
        CREATE TABLE matches_0024 (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id),
            rule_id TEXT NOT NULL,
            severity TEXT NOT NULL,
            explanation_id INTEGER NOT NULL,
            matched_at INTEGER NOT NULL,
            alerted INTEGER NOT NULL,
            suppressed_id INTEGER,
            story_id INTEGER,
            UNIQUE (item_id, rule_id)
        );
        INSERT INTO matches_0024 (id, item_id, rule_id, severity, explanation_id, matched_at,
            alerted, suppressed_id, story_id)
            SELECT id, item_id, rule_id, severity, {found.format('explanation')}, matched_at,
                alerted, CASE WHEN suppressed IS NOT NULL THEN {found.format('suppressed')} END,
                story_id
            FROM matches ORDER BY id;
        DROP TABLE matches;
        ALTER TABLE matches_0024 RENAME TO matches;
        CREATE INDEX matches_story_alerted ON matches (story_id, rule_id) WHERE alerted = 1
    """)


@migrations(name="0025_story_times")
def _story_times(db: sqlite_utils.Database) -> None:
    # Store less (#17): the stories' times (stories.created_at and last_at, and the `at` of
    # story keys, members and developments) as microseconds since the epoch in an INTEGER
    # (8 bytes, was 25 to 32 of ISO text, in the rows and in the stories_last index and the
    # keys' primary key), as items', the outbox's, matches' and bands' times since 0016-0022;
    # readers give back the text `ts()` wrote (alerts.state.compact.iso). A value that would
    # not come back as the exact text it was stays text. The four tables are rebuilt (column
    # types change), rows in order with the same ids (story_member_rules, matches and the
    # outbox refer to them), their indexes made again.
    from alerts.state.compact import exact_moment

    db.conn.create_function("alerts_0025_time", 1, exact_moment, deterministic=True)

    def t(column: str) -> str:
        return f"coalesce(alerts_0025_time({column}), {column})"

    _script(db, f"""
        CREATE TABLE stories_0025 (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            last_at INTEGER NOT NULL,
            signature TEXT,
            event TEXT
        );
        INSERT INTO stories_0025 (id, title, created_at, last_at, signature, event)
            SELECT id, title, {t('created_at')}, {t('last_at')}, signature, event
            FROM stories ORDER BY id;
        DROP TABLE stories;
        ALTER TABLE stories_0025 RENAME TO stories;
        CREATE INDEX stories_last ON stories (last_at);
        CREATE TABLE story_keys_0025 (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            story_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (kind, key, story_id)
        ) WITHOUT ROWID;
        INSERT INTO story_keys_0025 (kind, key, story_id, at)
            SELECT kind, key, story_id, {t('at')} FROM story_keys ORDER BY kind, key, story_id;
        DROP TABLE story_keys;
        ALTER TABLE story_keys_0025 RENAME TO story_keys;
        CREATE TABLE story_members_0025 (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            feed_url TEXT NOT NULL,
            item_key TEXT NOT NULL,
            publisher TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT,
            joined_by TEXT NOT NULL,
            at INTEGER NOT NULL,
            status TEXT,
            why TEXT,
            as_item INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO story_members_0025 (id, story_id, feed_url, item_key, publisher, title,
            link, joined_by, at, status, why, as_item)
            SELECT id, story_id, feed_url, item_key, publisher, title, link, joined_by,
                {t('at')}, status, why, as_item FROM story_members ORDER BY id;
        DROP TABLE story_members;
        ALTER TABLE story_members_0025 RENAME TO story_members;
        CREATE INDEX story_members_story ON story_members (story_id);
        CREATE INDEX story_members_item ON story_members (feed_url, item_key);
        CREATE TABLE story_developments_0025 (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            rule_id TEXT NOT NULL,
            status TEXT NOT NULL,
            item_key TEXT NOT NULL,
            feed_url TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (story_id, rule_id, status)
        ) WITHOUT ROWID;
        INSERT INTO story_developments_0025 (story_id, rule_id, status, item_key, feed_url, at)
            SELECT story_id, rule_id, status, item_key, feed_url, {t('at')}
            FROM story_developments ORDER BY story_id, rule_id, status;
        DROP TABLE story_developments;
        ALTER TABLE story_developments_0025 RENAME TO story_developments
    """)


@migrations(name="0026_text_dictionary")
def _text_dictionary(db: sqlite_utils.Database) -> None:
    # Store less (#17): items' summaries and full texts packed with a dictionary trained from
    # the state's own texts (zstd; with the bench's items, summaries 269 -> about 132 bytes an
    # item; on the real set 123 -> about 83), kept in text_dictionaries
    # (alerts.state.textdict). A packed text's first byte now says how it was packed: 0 raw
    # deflate, as 0023 wrote it (every such value gets that byte here), n the dictionary
    # numbered n. A state that holds TRAIN_AFTER items or more gets its dictionary now, and
    # its texts are packed again with it (where that is shorter); a smaller one gets it in
    # the poll that stores its thousandth item. Nothing else changes; readers unpack through
    # alerts.state.compact.TextPacker.
    from datetime import UTC, datetime

    from alerts.state.compact import NO_DICTIONARY, moment
    from alerts.state.textdict import TRAIN_AFTER, latest_item, train

    db.conn.create_function("alerts_0026_mark", 1,
                            lambda v: bytes((NO_DICTIONARY,)) + v if isinstance(v, bytes) else v,
                            deterministic=True)
    _script(db, """
        CREATE TABLE text_dictionaries (
            id INTEGER PRIMARY KEY,
            digest BLOB NOT NULL,
            dictionary BLOB NOT NULL,
            made INTEGER NOT NULL
        );
        UPDATE items SET summary = alerts_0026_mark(summary) WHERE typeof(summary) = 'blob';
        UPDATE items SET content = alerts_0026_mark(content) WHERE typeof(content) = 'blob'
    """)
    if latest_item(db.conn) >= TRAIN_AFTER:
        train(db.conn, moment(datetime.now(UTC)), ("summary", "content"))  # titles: 0033


@migrations(name="0027_member_reasons_once")
def _member_reasons_once(db: sqlite_utils.Database) -> None:
    # Store less (#17): a story member's reason for joining its story (`why`: "the first
    # report of its event", "the same page", "close wording (0.89 of word pairs alike)")
    # repeats from member to member (with the bench's shipped rules, 3,800 members had 2
    # distinct reasons: 15 bytes an item). Each distinct text is kept once in match_texts, as
    # matches' explanations and reasons since 0024, and a member refers to it by number
    # (why_id; alerts.state.texts). Nothing is lost: texts equal to the byte share a row, any
    # other value keeps its own. story_members is rebuilt (a column changes), its rows in id
    # order with the same ids (story_member_rules refers to them), its indexes made again.
    from alerts.state.texts import text_hash

    db.conn.create_function("alerts_0027_hash", 1, text_hash, deterministic=True)
    same = ("FROM match_texts x WHERE x.hash IS alerts_0027_hash(o.why) AND x.text IS o.why "
            "AND typeof(x.text) = typeof(o.why)")
    found = f"(SELECT min(x.id) {same})"
    _script(db, f"""
        INSERT INTO match_texts (hash, text)
            SELECT alerts_0027_hash(o.why), o.why FROM story_members o
            WHERE o.why IS NOT NULL AND NOT EXISTS (SELECT 1 {same})
            GROUP BY o.why, typeof(o.why) ORDER BY min(o.id);
        CREATE TABLE story_members_0027 (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            feed_url TEXT NOT NULL,
            item_key TEXT NOT NULL,
            publisher TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT,
            joined_by TEXT NOT NULL,
            at INTEGER NOT NULL,
            status TEXT,
            why_id INTEGER,
            as_item INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO story_members_0027 (id, story_id, feed_url, item_key, publisher, title,
            link, joined_by, at, status, why_id, as_item)
            SELECT o.id, o.story_id, o.feed_url, o.item_key, o.publisher, o.title, o.link,
                o.joined_by, o.at, o.status, CASE WHEN o.why IS NOT NULL THEN {found} END,
                o.as_item
            FROM story_members o ORDER BY o.id;
        DROP TABLE story_members;
        ALTER TABLE story_members_0027 RENAME TO story_members;
        CREATE INDEX story_members_story ON story_members (story_id);
        CREATE INDEX story_members_item ON story_members (feed_url, item_key)
    """)


@migrations(name="0028_feed_numbers_and_relative_keys")
def _feed_numbers_and_relative_keys(db: sqlite_utils.Database) -> None:
    # Store less (#17): items, story members and developments name their feed by its number
    # (feeds.id, new) instead of its URL, and keep a key that begins with 'g:' and the feed's
    # origin as '~' and the rest (alerts.state.feedkeys; with the bench's items, 705 -> about
    # 568 bytes an item: the URL was in each row and again in each (feed, key) index). A URL
    # that items, members or developments name without a feeds row (none is made so) gets
    # one, so that nothing refers to nothing. Every key reads back exactly (feedkeys.read_key).
    # feeds, items, story_members and story_developments are rebuilt: their rows in order,
    # with the same ids (feeds' numbers are their rowids), their indexes made again.
    from alerts.state.feedkeys import stored_key

    db.conn.create_function("alerts_0028_key", 2,
                            lambda key, url: stored_key(key, url)
                            if isinstance(key, str) and isinstance(url, str) else key,
                            deterministic=True)
    others = ("name, etag, last_modified, body_hash, initialised, last_poll, last_success, "
              "last_status, last_error, error_kind, error_count, items_seen, next_poll_after, "
              "disabled_at, disabled_reason, health_alerted_at, stale_alerted_at, moved_to, "
              "title")
    feed_id = "(SELECT f.id FROM feeds_0028 f WHERE f.url = o.feed_url)"
    _script(db, f"""
        CREATE TABLE feeds_0028 (
            id INTEGER PRIMARY KEY,
            url TEXT UNIQUE,
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
            items_seen INTEGER NOT NULL DEFAULT 0,
            next_poll_after TEXT,
            disabled_at TEXT,
            disabled_reason TEXT,
            health_alerted_at TEXT,
            stale_alerted_at TEXT,
            moved_to TEXT,
            title TEXT
        );
        INSERT INTO feeds_0028 (id, url, {others})
            SELECT rowid, url, {others} FROM feeds ORDER BY rowid;
        INSERT INTO feeds_0028 (url)
            SELECT feed_url FROM (
                SELECT feed_url, min(id) AS first FROM items GROUP BY feed_url
                UNION ALL SELECT feed_url, NULL FROM story_members
                UNION ALL SELECT feed_url, NULL FROM story_developments)
            WHERE feed_url NOT IN (SELECT url FROM feeds_0028)
            GROUP BY feed_url ORDER BY min(first) IS NULL, min(first), feed_url;
        CREATE TABLE items_0028 (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id),
            key TEXT NOT NULL,
            guid TEXT,
            link TEXT,
            title TEXT NOT NULL,
            summary TEXT NOT NULL,
            published INTEGER,
            language TEXT,
            content_hash BLOB NOT NULL,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            edits INTEGER NOT NULL DEFAULT 0,
            content TEXT,
            author TEXT NOT NULL DEFAULT '',
            categories TEXT NOT NULL DEFAULT '[]',
            UNIQUE (feed_id, key)
        );
        INSERT INTO items_0028 (id, feed_id, key, guid, link, title, summary, published,
            language, content_hash, first_seen, last_seen, edits, content, author, categories)
            SELECT o.id, {feed_id}, alerts_0028_key(o.key, o.feed_url), o.guid, o.link,
                o.title, o.summary, o.published, o.language, o.content_hash, o.first_seen,
                o.last_seen, o.edits, o.content, o.author, o.categories
            FROM items o ORDER BY o.id;
        CREATE TABLE story_members_0028 (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            feed_id INTEGER NOT NULL REFERENCES feeds(id),
            item_key TEXT NOT NULL,
            publisher TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT,
            joined_by TEXT NOT NULL,
            at INTEGER NOT NULL,
            status TEXT,
            why_id INTEGER,
            as_item INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO story_members_0028 (id, story_id, feed_id, item_key, publisher, title,
            link, joined_by, at, status, why_id, as_item)
            SELECT o.id, o.story_id, {feed_id}, alerts_0028_key(o.item_key, o.feed_url),
                o.publisher, o.title, o.link, o.joined_by, o.at, o.status, o.why_id, o.as_item
            FROM story_members o ORDER BY o.id;
        CREATE TABLE story_developments_0028 (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            rule_id TEXT NOT NULL,
            status TEXT NOT NULL,
            item_key TEXT NOT NULL,
            feed_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (story_id, rule_id, status)
        ) WITHOUT ROWID;
        INSERT INTO story_developments_0028 (story_id, rule_id, status, item_key, feed_id, at)
            SELECT o.story_id, o.rule_id, o.status, alerts_0028_key(o.item_key, o.feed_url),
                {feed_id}, o.at
            FROM story_developments o ORDER BY o.story_id, o.rule_id, o.status;
        DROP TABLE items;
        DROP TABLE story_members;
        DROP TABLE story_developments;
        DROP TABLE feeds;
        ALTER TABLE feeds_0028 RENAME TO feeds;
        ALTER TABLE items_0028 RENAME TO items;
        ALTER TABLE story_members_0028 RENAME TO story_members;
        ALTER TABLE story_developments_0028 RENAME TO story_developments;
        CREATE INDEX story_members_story ON story_members (story_id);
        CREATE INDEX story_members_item ON story_members (feed_id, item_key)
    """)


@migrations(name="0029_relative_links")
def _relative_links(db: sqlite_utils.Database) -> None:
    # Store less (#17): an item's link kept after its feed's link base (feeds.link_base, new:
    # the beginning the feed's links share, up to a '/' after their host), as '~' and the
    # rest (alerts.state.feedkeys.stored_link; with the bench's items 31 -> about 9 bytes an
    # item, on real WSJ news about 122 -> 70). Each feed's base is taken from the links it
    # stored; a feed with fewer than two links, or none sharing a host, gets none yet (its
    # links stay whole). Every link reads back exactly (feedkeys.read_link). No table is
    # rebuilt: the column is added and the links updated in place.
    from alerts.state.feedkeys import link_base, stored_link

    conn = db.conn
    conn.execute("ALTER TABLE feeds ADD COLUMN link_base TEXT")
    for (feed_id,) in conn.execute("SELECT id FROM feeds ORDER BY id").fetchall():
        base = link_base([link for (link,) in conn.execute(
            "SELECT link FROM items WHERE feed_id = ? AND typeof(link) = 'text'", (feed_id,))])
        if base is not None:
            conn.execute("UPDATE feeds SET link_base = ? WHERE id = ?", (base, feed_id))
    conn.create_function("alerts_0029_link", 2,
                         lambda link, base: stored_link(link, base)
                         if isinstance(link, str) and (base is None or isinstance(base, str))
                         else link, deterministic=True)
    _script(db, """
        UPDATE items SET link = alerts_0029_link(link,
            (SELECT f.link_base FROM feeds f WHERE f.id = items.feed_id))
        WHERE typeof(link) = 'text'
            AND link IS NOT alerts_0029_link(link,
                (SELECT f.link_base FROM feeds f WHERE f.id = items.feed_id))
    """)


@migrations(name="0030_one_hash_story_signatures")
def _one_hash_story_signatures(db: sqlite_utils.Database) -> None:
    # Faster stories (#17): a story's word signature is now one-permutation MinHash over one
    # 64-bit hash per word pair (alerts.stories; about half the cost of 64 SHAKE-128 lanes per
    # pair), so the signatures and LSH bands stored by the former scheme
    # (alerts.state.signature_v1) would never compare with a new report's. Each is made again
    # from the text of the report it came from (the title it joined with, else its item's
    # title now, and its item's summary): a story's signature from the first of its reports
    # whose text gives the stored signature back; a report's 16 bands, at the report's time as
    # add_to_story stamps them, where its story holds all 16 of its former bands. A signature
    # no stored report gives back (its item pruned, or its summary edited since) is dropped,
    # and bands no report gives back with it: such a story is joined by its link, its text,
    # its event or its people, no longer by close wording. A signature this code did not
    # write (not 64 packed lanes) stays as it was.
    from collections import defaultdict

    from alerts.fold import fold
    from alerts.state.compact import TextPacker, pack_signature, unpack_signature
    from alerts.state.members import MEMBER_TITLE
    from alerts.state.signature_v1 import bands_v1, signature_v1
    from alerts.stories import PERMUTATIONS, bands, folded_signature

    conn = db.conn
    signed = {sid: unpack_signature(sig) for sid, sig in conn.execute(
        "SELECT id, signature FROM stories WHERE typeof(signature) = 'blob' "
        "AND length(signature) = ?", (4 * PERMUTATIONS,))}
    held: dict[int, set[bytes]] = defaultdict(set)
    for band, story in conn.execute("SELECT band, story_id FROM story_bands"):
        held[story].add(band)
    texts = TextPacker(conn)
    signatures: dict[int, bytes] = {}
    rows: dict[tuple[bytes, int], int] = {}
    for story, at, joined, title, summary in conn.execute(
            f"SELECT m.story_id, m.at, {MEMBER_TITLE}, i.title, i.summary FROM story_members m "
            "JOIN items i ON i.feed_id = m.feed_id AND i.key = m.item_key ORDER BY m.id"
            ).fetchall():
        if story not in signed and story not in held:
            continue
        body = fold(texts.unpack(summary) or "")
        for heading in dict.fromkeys((joined, title)):
            folded = f"{fold(texts.unpack(heading) or '')} {body}"
            former = signature_v1(folded)
            now = folded_signature(folded)
            if former is None or now is None:
                continue
            gave_signature = story not in signatures and signed.get(story) == former
            if gave_signature:
                signatures[story] = pack_signature(now)
            gave_bands = held[story].issuperset(bands_v1(former))
            if gave_bands:
                for band in bands(now):
                    key = (bytes.fromhex(band), story)
                    rows[key] = max(rows.get(key, at), at)
            if gave_signature or gave_bands:
                break
    conn.execute("DELETE FROM story_bands")
    conn.executemany("INSERT INTO story_bands (band, story_id, at) VALUES (?, ?, ?)",
                     [(band, story, at) for (band, story), at in sorted(rows.items())])
    conn.executemany("UPDATE stories SET signature = ? WHERE id = ?",
                     [(signatures.get(story), story) for story in sorted(signed)])


@migrations(name="0031_story_text_keys_as_bytes")
def _story_text_keys_as_bytes(db: sqlite_utils.Database) -> None:
    # Store less (#17): a story's 'text' key (alerts.stories.text_key: 32 hex digits of a
    # 128-bit hash, one per report) kept as its 16 bytes (alerts.state.compact.text_key_value),
    # where its hex text took 33. Only keys of 32 lower-case hex digits change, each exactly
    # (lower(hex(key)) gives it back: compact.STORY_KEY_TEXT); any other key stays as it was.
    # No table is rebuilt: the keys are updated in place.
    from alerts.state.compact import text_key_value

    db.conn.create_function("alerts_0031_text_key", 1,
                            lambda key: text_key_value(key) if isinstance(key, str) else key,
                            deterministic=True)
    _script(db, """
        UPDATE story_keys SET key = alerts_0031_text_key(key)
        WHERE kind = 'text' AND typeof(key) = 'text' AND length(key) = 32
            AND key NOT GLOB '*[^0-9a-f]*'
    """)


@migrations(name="0032_story_titles_by_first_report")
def _story_titles_by_first_report(db: sqlite_utils.Database) -> None:
    # Store less (#17): a story's title is a copy of the title its first report joined with
    # (add_to_story), which that report's member row already gives (its own title, or its
    # item's: alerts.state.members.MEMBER_TITLE). Such a title is stored as '' and read from
    # the first report (alerts.state.stories.STORY_TITLE); a title that is not exactly that
    # report's (or a story without reports) stays as it was. No table is rebuilt.
    _script(db, """
        UPDATE stories SET title = '' WHERE title != '' AND title IS (
            SELECT CASE WHEN fm.as_item THEN (SELECT fi.title FROM items fi
                WHERE fi.feed_id = fm.feed_id AND fi.key = fm.item_key) ELSE fm.title END
            FROM story_members fm WHERE fm.story_id = stories.id ORDER BY fm.id LIMIT 1)
    """)


@migrations(name="0033_packed_item_titles")
def _packed_item_titles(db: sqlite_utils.Database) -> None:
    # Store less (#17): an item's title packed as its summary is (0026: zstd with the state's
    # dictionary, where that is shorter; a title it does not shorten stays text): with the
    # bench's items 77 -> about 40 bytes an item, on real WSJ titles 61 -> about 47. Readers
    # unpack it (TextPacker), SQL through alerts_text(title) (alerts.state.compact.TEXT_SQL,
    # on every state connection and the web view's). A state without a dictionary yet keeps
    # its titles as text: they are packed with the others when it is trained. No table is
    # rebuilt.
    from alerts.state.compact import TextPacker
    from alerts.state.textdict import repack

    packer = TextPacker(db.conn)
    if packer.newest is not None:
        repack(db.conn, packer, ("title",))
