"""Poll workers take turns at the state's write transactions through a lock file beside it
(issue #17; alerts.state.db.Database.take_turns): a store that takes turns holds the turn
file through each write transaction, from its start to its commit or rollback, and gives it
back after; a store that does not (the daemon, the commands) never touches it. Real SQLite
files and real flock() locks, taken from a second descriptor as another worker would."""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from alerts.errors import StateError
from alerts.state import Store
from alerts.state.db import turn_path


@pytest.fixture
def other_worker(tmp_path: Path) -> Iterator[int]:
    """A second descriptor of the turn file: another worker's."""
    fd = os.open(turn_path(tmp_path / "alerts.db"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        yield fd
    finally:
        os.close(fd)


def turn_free(fd: int) -> bool:
    """Whether another worker could take the turn now (taking it and giving it back)."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    fcntl.flock(fd, fcntl.LOCK_UN)
    return True


def test_a_store_taking_turns_holds_the_turn_through_each_write_transaction(
        tmp_path, other_worker):
    store = Store(tmp_path / "alerts.db")
    try:
        store.take_turns()
        assert turn_free(other_worker)  # taking turns takes none yet
        with store.write() as conn:
            assert not turn_free(other_worker)
            with store.write():  # a nested block joins the transaction and its turn
                conn.execute("INSERT INTO feeds (url) VALUES ('https://a.example/feed')")
            assert not turn_free(other_worker)
        assert turn_free(other_worker)  # committed: the turn is given back
        with pytest.raises(ZeroDivisionError), store.write() as conn:
            conn.execute("INSERT INTO feeds (url) VALUES ('https://b.example/feed')")
            raise ZeroDivisionError
        assert turn_free(other_worker)  # rolled back: given back too
        assert [url for (url,) in store.conn.execute("SELECT url FROM feeds")] == [
            "https://a.example/feed"]
    finally:
        store.close()


def test_a_store_that_takes_no_turns_never_holds_the_turn(tmp_path, other_worker):
    store = Store(tmp_path / "alerts.db")
    try:
        fcntl.flock(other_worker, fcntl.LOCK_EX)  # a worker in its transaction
        with store.write() as conn:  # not kept waiting by it
            conn.execute("INSERT INTO feeds (url) VALUES ('https://a.example/feed')")
    finally:
        store.close()


def test_a_turn_that_cannot_be_taken_says_which_file_and_what_to_do(tmp_path):
    store = Store(tmp_path / "alerts.db")
    turn_path(tmp_path / "alerts.db").mkdir()  # not a file it can open
    try:
        with pytest.raises(StateError, match=r"alerts\.db\.turn .*folder is writable"):
            store.take_turns()
    finally:
        store.close()


def test_a_turn_is_given_back_when_the_database_is_busy(tmp_path, other_worker):
    """A writer outside the turns (the daemon) holds the database: the transaction cannot
    start, and the turn is not kept from the other workers."""
    import sqlite3

    store = Store(tmp_path / "alerts.db")
    daemon = sqlite3.connect(tmp_path / "alerts.db", isolation_level=None)
    try:
        store.take_turns()
        store.conn.execute("PRAGMA busy_timeout = 0")  # fail at once, not in 10 s
        daemon.execute("BEGIN IMMEDIATE")
        with pytest.raises(StateError, match="is busy"), store.write():
            pass
        assert turn_free(other_worker)
    finally:
        daemon.close()
        store.close()


def test_a_store_taking_turns_checkpoints_after_its_turn_not_inside_its_commits(
        tmp_path, other_worker):
    # SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000 pages, in the
    # turn, while the other worker waits for it; a worker checkpoints after its turn instead.
    from alerts.state.db import CHECKPOINT_EVERY

    store = Store(tmp_path / "alerts.db")
    checkpoints: list[bool] = []  # for each checkpoint: whether the turn was free then

    def traced(sql: str) -> None:
        if "wal_checkpoint" in sql:
            checkpoints.append(turn_free(other_worker))

    try:
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        store.take_turns()
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        store.conn.set_trace_callback(traced)
        for n in range(2 * CHECKPOINT_EVERY):
            with store.write() as conn:
                conn.execute("INSERT INTO feeds (url) VALUES (?)", (f"https://{n}.example/",))
        assert checkpoints == [True, True]  # every CHECKPOINT_EVERY commits, the turn free
        for _ in range(CHECKPOINT_EVERY):  # a rolled-back transaction is no commit
            with pytest.raises(ZeroDivisionError), store.write():
                raise ZeroDivisionError
        assert len(checkpoints) == 2
    finally:
        store.close()


def test_a_store_not_taking_turns_keeps_sqlites_automatic_checkpoint(tmp_path):
    store = Store(tmp_path / "alerts.db")
    statements: list[str] = []
    try:
        store.conn.set_trace_callback(statements.append)
        from alerts.state.db import CHECKPOINT_EVERY

        for n in range(2 * CHECKPOINT_EVERY):
            with store.write() as conn:
                conn.execute("INSERT INTO feeds (url) VALUES (?)", (f"https://{n}.example/",))
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        assert not [sql for sql in statements if "wal_checkpoint" in sql]
    finally:
        store.close()


class _FailingCheckpoints:
    """The state's connection, but a checkpoint fails as on a failing disk (which no real
    part here can be made to do on cue)."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if "wal_checkpoint" in sql:
            raise sqlite3.OperationalError("disk I/O error")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


def test_a_checkpoint_that_fails_after_the_turn_fails_no_write(tmp_path, caplog):
    # The transaction is committed before the checkpoint: a poll stored must not be
    # reported failed because the copy of the log into the database could not be made.
    import logging

    from alerts.state.db import CHECKPOINT_EVERY

    store = Store(tmp_path / "alerts.db")
    real = store.conn
    try:
        store.take_turns()
        store.conn = _FailingCheckpoints(real)  # type: ignore[assignment]
        with caplog.at_level(logging.WARNING, logger="alerts.state.db"):
            for n in range(CHECKPOINT_EVERY):
                with store.write() as conn:
                    conn.execute("INSERT INTO feeds (url) VALUES (?)", (f"https://{n}.example/",))
        assert "could not copy the state's log" in caplog.text and "nothing is lost" in caplog.text
        assert real.execute("SELECT count(*) FROM feeds").fetchone() == (CHECKPOINT_EVERY,)
    finally:
        store.conn = real
        store.close()
