"""Source health: tell the operator once when a feed fails, goes silent or stops publishing,
and once when it recovers. Notices go through the outbox, so they are as reliable as alerts."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any, Protocol

from alerts.config import HealthSettings, Settings
from alerts.messages import NOTICE, Outgoing
from alerts.models import Feed, PollResult
from alerts.render import Renderer, short_hash

log = logging.getLogger(__name__)

STALE_MIN_ITEMS = 10  # fewer items teach nothing about a feed's rhythm
STALE_GAPS = 5  # silent for this many usual gaps between new items...
STALE_FLOOR = timedelta(hours=12)  # ...and never less than this


class HealthStore(Protocol):
    """The part of the state the health checks use (`alerts.state.Store` is one)."""

    def feed_row(self, url: str) -> dict[str, Any] | None: ...
    def item_arrivals(self, feed_url: str, limit: int = 200) -> list[datetime]: ...
    def arrival_batches(self, feed_url: str, limit: int = 200) -> tuple[int, list[datetime]]:
        ...
    def flag_feed_alert(self, url: str, column: str, at: datetime | None,
                        messages: Iterable[Outgoing], now: datetime) -> bool: ...


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _ts(moment: datetime | None) -> str:
    return moment.isoformat() if moment else "clear"


def _fmt(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC" if moment else "never"


def failing(row: dict, settings: HealthSettings, now: datetime) -> bool:
    """Disabled (410), or too many failures in a row, or too long without a success."""
    if row.get("disabled_at"):
        return True
    if (row.get("error_count") or 0) >= settings.failures:
        return True
    last_success = _when(row.get("last_success"))
    return (last_success is not None and row.get("last_error") is not None
            and now - last_success >= timedelta(seconds=settings.silence))


def stale_after(arrivals: list[datetime]) -> timedelta | None:
    """How long without a new item is unusual for this feed; None while its history is short.
    Items found by one poll share a time, so the rhythm is the gap between such batches."""
    return _stale_after(len(arrivals), sorted(set(arrivals)))


def _stale_after(count: int, moments: list[datetime]) -> timedelta | None:
    """stale_after of `count` arrivals at these distinct `moments` (sorted)."""
    if count < STALE_MIN_ITEMS:
        return None
    gaps = [later - earlier for earlier, later in pairwise(moments)]
    if not gaps:
        return None
    return max(STALE_GAPS * _median(gaps), STALE_FLOOR)


def _median(values: list[timedelta]) -> timedelta:
    """statistics.median of timedeltas (the middle two averaged exactly), without loading
    statistics and the fractions and decimals it imports on every cold poll (#17)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def stale(store: HealthStore, row: dict, now: datetime) -> bool:
    """Polls succeed but no new item came for much longer than the feed's usual rhythm."""
    if row.get("disabled_at") or row.get("error_count") or not row.get("last_success"):
        return False
    # The limit is never under STALE_FLOOR, and the latest item is one of the batches: a feed
    # whose latest item came more recently than that is not stale, whatever its rhythm (one
    # indexed row instead of its last 200 items grouped, after every poll: #17).
    latest = store.item_arrivals(row["url"], 1)
    if latest and now - latest[-1] < STALE_FLOOR:
        return False
    count, moments = store.arrival_batches(row["url"])
    limit = _stale_after(count, moments)
    return limit is not None and now - moments[-1] >= limit


class HealthWatch:
    """Checks one feed after each of its polls (also when the poll was skipped for backoff)."""

    def __init__(self, store: HealthStore, settings: Settings,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)):
        self.store = store
        self.settings = settings
        self.clock = clock

    def channels(self) -> list[str]:
        fallback = self.settings.notify.fallback
        names = [fallback] if fallback else list(self.settings.default_channels)
        return [n for n in names if n in self.settings.channels]

    def check(self, feed: Feed, result: PollResult | None = None) -> int:
        """Queue the notices this feed's state calls for; returns how many were queued.
        `result`: the poll just made, when there was one."""
        if (result is not None and result.health_settled and result.status == "new"
                and result.new_items):
            # It succeeded (not failing) and stored items now (not stale), and no notice is
            # outstanding to take back: nothing to read (#17: two reads after every poll).
            return 0
        row = self.store.feed_row(feed.url)
        if row is None:
            return 0
        now = self.clock()
        queued = 0
        if failing(row, self.settings.health, now):
            if not row.get("health_alerted_at"):
                queued += self._flag(feed, "health_alerted_at", now,
                                     *self._failing_text(feed, row))
        elif row.get("health_alerted_at") and not row.get("error_count"):
            queued += self._flag(feed, "health_alerted_at", None,
                                 f"alerts: feed {feed.name} recovered",
                                 [f"The feed {feed.name} <{feed.url}> is polled successfully "
                                  f"again (last success {_fmt(_when(row.get('last_success')))})."
                                  " Nothing needs to be done."])
        is_stale = stale(self.store, row, now)
        if is_stale and not row.get("stale_alerted_at"):
            last = self.store.item_arrivals(feed.url, 1)[-1]
            queued += self._flag(feed, "stale_alerted_at", now,
                                 f"alerts: feed {feed.name} stopped publishing",
                                 [f"The feed {feed.name} <{feed.url}> is fetched without errors "
                                  f"but has had no new item since {_fmt(last)}, much longer "
                                  "than its usual rhythm.",
                                  "Check on the publisher's site whether the feed moved or was "
                                  "replaced, and update alerts.yaml if so."])
        elif row.get("stale_alerted_at") and not is_stale and not row.get("error_count"):
            arrivals = self.store.item_arrivals(feed.url, 1)
            if arrivals and arrivals[-1] > datetime.fromisoformat(row["stale_alerted_at"]):
                queued += self._flag(feed, "stale_alerted_at", None,
                                     f"alerts: feed {feed.name} publishes again",
                                     [f"The feed {feed.name} <{feed.url}> has new items again "
                                      f"(the latest first seen {_fmt(arrivals[-1])}). Nothing "
                                      "needs to be done."])
        return queued

    def _failing_text(self, feed: Feed, row: dict) -> tuple[str, list[str]]:
        since = _when(row.get("last_success"))
        error = row.get("disabled_reason") or row.get("last_error") or "unknown"
        lines = [f"The feed {feed.name} <{feed.url}> has not been polled successfully since "
                 f"{_fmt(since)} ({row.get('error_count') or 0} failures in a row).",
                 f"Last error: {error}"]
        if row.get("disabled_at"):
            lines.append("It is no longer polled: remove it from alerts.yaml or replace it with "
                         "its new address.")
        else:
            lines.append("It is still polled, less often while it fails. Check the URL in a "
                         "browser and `alerts status`; fix or remove the feed in alerts.yaml if "
                         "the problem persists.")
        return f"alerts: feed {feed.name} is failing", lines

    def _flag(self, feed: Feed, column: str, at: datetime | None, title: str,
              lines: list[str]) -> int:
        messages = []
        for name in self.channels():
            style = self.settings.channels[name].style
            subject, body = Renderer(style.format).notice(title, lines)
            messages.append(Outgoing(name, subject, body, style.format, kind=NOTICE,
                                     alert_id="h" + short_hash(feed.url, column, _ts(at),
                                                               size=9),
                                     severity="high"))
        if not self.store.flag_feed_alert(feed.url, column, at, messages, self.clock()):
            return 0
        # Also logged: with no channel to tell (no fallback, no defaults) it is all there is.
        log.warning("%s. %s", title, " ".join(lines))
        return len(messages)
