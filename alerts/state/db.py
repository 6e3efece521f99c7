"""The connection to the state database and its write transaction: the bottom of the store.

Write transactions start with BEGIN IMMEDIATE: a deferred transaction that reads and then
writes fails at once with "database is locked" when another process committed in between.

Poll workers digesting side by side (alerts.pollworker) also take turns at their write
transactions through a lock file beside the database (`take_turns`): blocked in the kernel,
a worker waiting for its turn is woken the moment the other's ends. SQLite's busy handler
sleeps 1, 2, 5, 10, 15... ms between tries instead, and so woke 4-6 ms after the other's
transaction of 5-15 ms had ended (#17: a third of each worker's time was spent waiting).
Such a worker also checkpoints the WAL itself, after its turn (CHECKPOINT_EVERY): SQLite's
automatic checkpoint runs inside the COMMIT that crosses its 1,000 pages, so the other
worker waited for it, though a checkpoint needs no writer's lock (with 1,000 rules, half of
the commits' time inside the turn).
"""

from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from alerts.errors import StateError
from alerts.state.compact import forget_texts_in_sql, read_texts_in_sql

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
IN_BATCH = 500  # keys per "seen before?" query, below SQLite's variable limit
# A poll worker's write transactions between its checkpoints: the all-new cycle's documents
# write 60-250 pages each, so about as many pages a checkpoint as SQLite's own 1,000, by
# two workers (every 2 or 3 of them: slower, more pages copied again and again; 5 measured
# with 1,000 rules 5.78 -> 5.54 s, with the shipped rules 3.77 -> 3.54 s, 6 runs each).
CHECKPOINT_EVERY = 5


def turn_path(state_path: Path) -> Path:
    """The lock file poll workers take turns with: beside the database, named after it."""
    return state_path.with_name(state_path.name + ".turn")


def ts(moment: datetime | None) -> str | None:
    # Always UTC, so that stored times compare correctly as text.
    return moment.astimezone(UTC).isoformat() if moment is not None else None


class Database:
    """One connection to the state database and its write transaction. Every part of the
    store (feeds, items, stories, outbox...) is a Database; `Store` is all of them."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            read_texts_in_sql(conn)  # alerts_text(): packed titles read in SQL (0033)
        except (sqlite3.Error, OSError) as exc:
            raise StateError(f"cannot open the state database {self.path}: {exc}; check that "
                             "the folder exists and is writable") from None
        self.conn = conn
        self._depth = 0  # write() blocks open; inner ones join the outermost transaction
        self._turn: int | None = None  # the turn file's descriptor, once take_turns is called
        self._commits = 0  # write transactions committed while taking turns

    def take_turns(self) -> None:
        """From now on, hold the turn file (turn_path) through each write transaction, as
        every other poll worker of this state does (see the module's docstring). Only they
        take it: the daemon and the commands wait in SQLite's busy handler as before."""
        if self._turn is None:
            try:
                self._turn = os.open(turn_path(self.path), os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                raise StateError(f"cannot open {turn_path(self.path)} ({exc}); check that the "
                                 "state's folder is writable") from None
            # Not inside the COMMIT, in the turn: after it (write()).
            self.conn.execute("PRAGMA wal_autocheckpoint = 0")

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for the migrations and whole-table reads:
        loaded on first use (#17: a poll with nothing pending and nothing new needs none)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def close(self) -> None:
        forget_texts_in_sql(self.conn, closed=True)
        self.conn.close()
        if self._turn is not None:
            os.close(self._turn)
            self._turn = None

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
        if self._turn is not None:
            # Released when the transaction ends, or by the kernel when the process does. The
            # wait is as long as the other worker's transaction: bounded by SQLite's busy
            # timeout against other writers, and in the daemon by each poll's deadline.
            fcntl.flock(self._turn, fcntl.LOCK_EX)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            self._give_turn()
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
            forget_texts_in_sql(self.conn)  # a text dictionary it made is gone with it
            if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
                raise StateError(f"the disk holding {self.path} is full ({exc}); nothing of "
                                 "this poll was stored: free some space and it is redone at "
                                 "the next poll") from None
            raise
        finally:
            self._depth = 0
            self._give_turn()
        if self._turn is not None:
            self._commits += 1
            if self._commits % CHECKPOINT_EVERY == 0:
                # PASSIVE: copies what it can without waiting for a reader or the writer
                # (the other worker may be in its turn meanwhile); never raises busy.
                try:
                    self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error as exc:
                    # The transaction is committed, in the WAL: as SQLite's own checkpoint
                    # does, a failed one is left to the next, and the poll is not failed.
                    log.warning("could not copy the state's log into %s (%s); it is tried "
                                "again after the next polls, nothing is lost", self.path, exc)

    def _give_turn(self) -> None:
        if self._turn is not None:
            fcntl.flock(self._turn, fcntl.LOCK_UN)
