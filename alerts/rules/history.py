"""What state conditions (gap, count) and throttles remember, and how they read it.

Updates made while matching are held in the view until the pipeline writes them in the same
transaction as the item, so a crash never records history for an item it did not record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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

    def history_first(self, scope: str) -> datetime | None: ...


RECORD_FEED = "record:"  # feed_url of an entry that comes from the shipped contact record
NO_CONTACT = ":none"  # ends the feed_url of a record entry that says there was NO contact since


def is_contact(entry: HistoryEntry) -> bool:
    """Whether the entry is a contact, not a record's word that there was none since its day
    (its day is then where the record starts, not a contact)."""
    return not entry.feed_url.endswith(NO_CONTACT)


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

    def watched_since(self, scope: str) -> datetime | None:
        """When this history began to be kept for a scope: its oldest entry, stored or
        pending (the shipped records are never stored: they are read beside it)."""
        seen = [e.at for e in self.pending if e.scope == scope]
        if self.backend is not None:
            stored = self.backend.history_first(scope)
            if stored is not None:
                seen.append(stored)
        return min(seen, default=None)

    def _on_record(self, scope: str, key: str, before: datetime) -> HistoryEntry | None:
        """The pair's last contact in the shipped records, as a history entry whose title
        says where it comes from: the Kremlin and Zelensky readouts (or, from a complete
        one, that there was none), and the public record of leaders' contacts
        (alerts/knowledge/public_record.py), which speaks after its last day only when this
        history was already kept then. The newer of the two wins."""
        from alerts.knowledge.contacts import CONTACT_SCOPE, NoContact, contact_record
        from alerts.knowledge.public_record import public_record

        if scope != CONTACT_SCOPE or key.count("+") != 1:
            return None
        first, second = key.split("+")
        tz = before.tzinfo or UTC
        found: list[HistoryEntry] = []
        readout = contact_record().last(first, second, before.date())
        if readout is not None:
            day = readout.day
            none = NO_CONTACT if isinstance(readout, NoContact) else ""
            found.append(HistoryEntry(scope, key, datetime(day.year, day.month, day.day,
                                                           tzinfo=tz),
                                      RECORD_FEED + readout.source.id + none,
                                      readout.describe()))
        record = public_record()
        watched = None
        if before.date() > record.end + timedelta(days=1):
            since = self.watched_since(scope)
            watched = since.date() if since is not None else None
        public = record.last(first, second, before.date(), watched)
        if public is not None:
            day = public.day
            found.append(HistoryEntry(scope, key, datetime(day.year, day.month, day.day,
                                                           tzinfo=tz),
                                      RECORD_FEED + "public" + ("" if public.contact
                                                                else NO_CONTACT),
                                      public.text))
        return max(found, key=lambda e: e.at, default=None)

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
