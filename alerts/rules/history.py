"""What state conditions (gap, count) and throttles remember, and how they read it.

Updates made while matching are held in the view until the pipeline writes them in the same
transaction as the item, so a crash never records history for an item it did not record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from alerts.rules.model import Rule


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


# -- how long history must be kept -----------------------------------------------------------

@dataclass(frozen=True)
class HistoryNeed:
    """How far back the loaded rules read one history scope."""

    window: timedelta  # entries this recent are read (a count's window, a gap, a throttle)
    latest: bool  # a gap is measured from the newest entry per key, however old it is
    rule: Rule  # the rule that reads furthest back, to name in messages
    what: str  # "a gap of 180 days", "a count within 30d", "a throttle of 6h"


@dataclass(frozen=True)
class HistoryKeep:
    """What pruning keeps of one scope: entries from `cutoff` on and, with `latest`, the
    newest entry of every key whatever its age."""

    cutoff: datetime
    latest: bool


def _conditions(condition: Any) -> Iterator[Any]:
    yield condition
    for attribute in ("groups", "children"):
        for child in getattr(condition, attribute, ()) or ():
            yield from _conditions(child)
    child = getattr(condition, "child", None)
    if child is not None:
        yield from _conditions(child)


def history_needs(rules: Iterable[Rule]) -> dict[str, HistoryNeed]:
    """Each history scope the rules read (disabled rules too: they may be enabled again),
    with the longest window any of them reads it over."""
    from alerts.rules.conditions import CountCondition, GapCondition

    needs: dict[str, HistoryNeed] = {}

    def need(scope: str, window: timedelta, latest: bool, rule: Rule, what: str) -> None:
        known = needs.get(scope)
        if known is None or window > known.window:
            needs[scope] = HistoryNeed(window, latest or (known is not None and known.latest),
                                       rule, what)
        elif latest and not known.latest:
            needs[scope] = HistoryNeed(known.window, True, known.rule, known.what)

    for rule in rules:
        for node in _conditions(rule.condition):
            if isinstance(node, GapCondition):
                scope = f"shared:{node.shared}" if node.shared else f"rule:{rule.id}"
                # One day more: the gap counts whole days between the two reports.
                need(scope, timedelta(days=node.days + 1), True, rule,
                     f"a gap of {node.days} days")
            elif isinstance(node, CountCondition):
                scope = f"shared:{node.shared}" if node.shared else f"rule:{rule.id}"
                need(scope, node.within, False, rule, f"a count within {_days(node.within)}")
        if rule.throttle_seconds is not None:
            period = timedelta(seconds=rule.throttle_seconds)
            need(f"throttle:{rule.id}", period, False, rule, f"a throttle of {_days(period)}")
    return needs


def history_keep(needs: dict[str, HistoryNeed], before: datetime,
                 now: datetime) -> dict[str, HistoryKeep]:
    """Per scope, what pruning at the retention cutoff `before` must still keep."""
    return {scope: HistoryKeep(min(before, now - need.window), need.latest)
            for scope, need in needs.items()}


def retention_warnings(rules: Iterable[Rule], retention: float) -> list[str]:
    """Rules that read their own history further back than stories.retention, for
    `alerts check` (shared histories are never pruned)."""
    kept = timedelta(seconds=retention)
    warnings = []
    for scope, need in sorted(history_needs(rules).items()):
        read = need.window - (timedelta(days=1) if need.latest else timedelta())
        if scope.startswith("shared:") or read <= kept:
            continue
        rule = need.rule
        warnings.append(
            f"{rule.file}:{rule.line}: rule '{rule.id}' uses {need.what}, longer than "
            f"stories.retention ({_days(kept)}). Its history is kept past the retention for as "
            "long as the rule is loaded, so it still fires; but renaming or removing the rule "
            "loses it. To keep it regardless, give the condition a shared 'history: NAME' "
            f"(never pruned), or set stories.retention to at least {_days(read)}.")
    return warnings


def _days(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0 and seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
