"""What state conditions (gap, count) and throttles remember, and how they read it.

Updates made while matching are held in the view until the pipeline writes them in the same
transaction as the item, so a crash never records history for an item it did not record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
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


RECORD_FEED = "record:"  # feed_url of an entry that comes from the shipped contact record


class HistoryView:
    """Stored history plus the updates not yet written; the contact history (`history:
    contact`) is also seeded by the shipped record of leaders' calls and meetings
    (alerts/knowledge/contacts.py), unless `record=False`."""

    def __init__(self, backend: HistoryBackend | None = None, record: bool = True):
        self.backend = backend
        self.pending: list[HistoryEntry] = []
        self.record = record

    def last(self, scope: str, key: str, before: datetime) -> HistoryEntry | None:
        candidates = [e for e in self.pending if e.scope == scope and e.key == key
                      and e.at <= before]
        if self.backend is not None:
            stored = self.backend.history_last(scope, key, before)
            if stored is not None:
                candidates.append(stored)
        on_record = self._on_record(scope, key, before) if self.record else None
        if on_record is not None:
            candidates.append(on_record)
        return max(candidates, key=lambda e: e.at, default=None)

    @staticmethod
    def _on_record(scope: str, key: str, before: datetime) -> HistoryEntry | None:
        """The pair's last contact in the shipped record, as a history entry whose title
        says where it comes from (or, from a complete record, that there was none)."""
        from alerts.knowledge.contacts import CONTACT_SCOPE, contact_record

        if scope != CONTACT_SCOPE or key.count("+") != 1:
            return None
        first, second = key.split("+")
        found = contact_record().last(first, second, before.date())
        if found is None:
            return None
        day = found.day
        return HistoryEntry(scope, key, datetime(day.year, day.month, day.day,
                                                 tzinfo=before.tzinfo or UTC),
                            RECORD_FEED + found.source.id, found.describe())

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


# -- what pruning keeps (alerts.rules.retention works it out from the rules) ----------------

@dataclass(frozen=True)
class HistoryKeep:
    """What pruning keeps of one scope: entries from `cutoff` on and, with `latest`, the
    newest entry of every key whatever its age."""

    cutoff: datetime
    latest: bool
