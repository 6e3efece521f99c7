"""History of state conditions and throttles (`gap`, `count`, `throttle`, shared)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

from alerts.rules.history import HistoryEntry
from alerts.state.db import Database, ts


def record_history(conn: sqlite3.Connection, history: Iterable[HistoryEntry]) -> None:
    conn.executemany(
        "INSERT INTO history (scope, key, at, feed_url, title) VALUES (?, ?, ?, ?, ?)",
        [(h.scope, h.key, ts(h.at), h.feed_url, h.title) for h in history])


class History(Database):
    """What rules remember between items."""

    def history_last(self, scope: str, key: str, before: datetime) -> HistoryEntry | None:
        row = self.conn.execute(
            "SELECT at, feed_url, title FROM history WHERE scope = ? AND key = ? AND at <= ? "
            "ORDER BY at DESC LIMIT 1", (scope, key, ts(before))).fetchone()
        if row is None:
            return None
        return HistoryEntry(scope, key, datetime.fromisoformat(row[0]), row[1], row[2])

    def history_window(self, scope: str, key: str, since: datetime,
                       until: datetime) -> list[HistoryEntry]:
        rows = self.conn.execute(
            "SELECT at, feed_url, title FROM history WHERE scope = ? AND key = ? "
            "AND at >= ? AND at <= ? ORDER BY at", (scope, key, ts(since), ts(until)))
        return [HistoryEntry(scope, key, datetime.fromisoformat(at), feed, title)
                for at, feed, title in rows.fetchall()]

    def history_first(self, scope: str) -> datetime | None:
        """The oldest entry kept for a scope: since when this state has kept it."""
        row = self.conn.execute("SELECT min(at) FROM history WHERE scope = ?",
                                (scope,)).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None
