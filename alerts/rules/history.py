"""What state conditions (gap, count) and throttles remember, and how they read it.

Updates made while matching are held in the view until the pipeline writes them in the same
transaction as the item, so a crash never records history for an item it did not record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class HistoryEntry:
    scope: str  # "rule:ID", "shared:NAME" or "throttle:ID"
    key: str
    at: datetime
    feed_url: str
    title: str


class HistoryBackend(Protocol):
    def history_last(self, scope: str, key: str, before: datetime) -> HistoryEntry | None: ...

    def history_window(self, scope: str, key: str, since: datetime,
                       until: datetime) -> list[HistoryEntry]: ...


class HistoryView:
    """Stored history plus the updates not yet written."""

    def __init__(self, backend: HistoryBackend | None = None):
        self.backend = backend
        self.pending: list[HistoryEntry] = []

    def last(self, scope: str, key: str, before: datetime) -> HistoryEntry | None:
        candidates = [e for e in self.pending if e.scope == scope and e.key == key
                      and e.at <= before]
        if self.backend is not None:
            stored = self.backend.history_last(scope, key, before)
            if stored is not None:
                candidates.append(stored)
        return max(candidates, key=lambda e: e.at, default=None)

    def window(self, scope: str, key: str, since: datetime, until: datetime) -> list[HistoryEntry]:
        found = [e for e in self.pending if e.scope == scope and e.key == key
                 and since <= e.at <= until]
        if self.backend is not None:
            found.extend(self.backend.history_window(scope, key, since, until))
        return found

    def add(self, entry: HistoryEntry) -> None:
        self.pending.append(entry)

    def take(self) -> list[HistoryEntry]:
        taken, self.pending = self.pending, []
        return taken
