"""The idle daemon hands SQLite's page cache back (issue #17, memory): alerts.trim."""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util

import pytest

from alerts.daemon import Daemon
from alerts.state import Store
from alerts.trim import shrink_database


def sqlite_memory() -> int:
    """Bytes SQLite holds in this process (sqlite3_memory_used: the library _sqlite3 uses)."""
    name = ctypes.util.find_library("sqlite3")
    if name is None:
        pytest.skip("libsqlite3 is not a shared library here")
    used = ctypes.CDLL(name).sqlite3_memory_used
    used.restype = ctypes.c_int64
    return int(used())


def filled(tmp_path) -> Store:
    """A real state whose connection has read enough pages to fill its cache."""
    store = Store(tmp_path / "state.db")
    with store.write() as conn:
        conn.execute("CREATE TABLE padding (n INTEGER, text TEXT)")
        conn.executemany("INSERT INTO padding VALUES (?, ?)",
                         ((n, "x" * 300) for n in range(10_000)))
    store.conn.execute("SELECT count(*), sum(length(text)) FROM padding").fetchone()
    return store


def test_shrink_database_hands_the_page_cache_back(tmp_path):
    store = filled(tmp_path)
    try:
        before = sqlite_memory()
        if before < 1_000_000:
            pytest.skip("SQLite's memory statistics are off in this build")
        assert shrink_database(store)
        assert sqlite_memory() < before - 1_000_000
        # and the store still answers
        assert store.conn.execute("SELECT count(*) FROM padding").fetchone() == (10_000,)
    finally:
        store.close()
    assert not shrink_database(object())  # nothing to shrink: said so, no error


def test_the_idle_daemon_shrinks_its_database(tmp_path):
    store = filled(tmp_path)
    daemon = Daemon.__new__(Daemon)  # only what _trim_now reads: the store, no poll running
    daemon.store, daemon._inflight, daemon._trim = store, set(), None

    async def idle() -> None:
        daemon._trim_now()
        # One trim does it all (the knowledge base's turn is no longer a second timer).
        assert daemon._trim is None

    try:
        before = sqlite_memory()
        if before < 1_000_000:
            pytest.skip("SQLite's memory statistics are off in this build")
        asyncio.run(idle())
        assert sqlite_memory() < before - 1_000_000
    finally:
        store.close()
