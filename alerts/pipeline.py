"""Poll one feed: fetch -> parse -> normalise -> match -> queue -> record."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime

from alerts.errors import FeedError
from alerts.fetch import Fetcher
from alerts.models import Feed, Fetched, Item, PollResult
from alerts.normalise import normalise
from alerts.notify import render
from alerts.parse import parse_feed
from alerts.rules import RuleSet
from alerts.rules.history import HistoryView
from alerts.state import QueuedAlert, Store

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Poller:
    """Everything one poll needs; the daemon and `poll --once` share it."""

    def __init__(self, store: Store, fetcher: Fetcher | None, rules: RuleSet, *,
                 max_entries: int = 500,
                 force_backfill: bool = False, clock: Callable[[], datetime] = utc_now):
        self.store = store
        self.fetcher = fetcher
        self.rules = rules
        self.max_entries = max_entries
        self.force_backfill = force_backfill
        self.clock = clock

    async def poll(self, feed: Feed) -> PollResult:
        assert self.fetcher is not None, "polling needs a fetcher"
        state = self.store.feed_state(feed.url)
        result = PollResult(feed.url, "error")
        try:
            fetched = await self.fetcher.fetch(feed.url, state.etag, state.last_modified)
        except FeedError as exc:
            return self._failed(feed, result, exc)
        result.http_status = fetched.status
        if fetched.not_modified or fetched.body is None:
            self.store.record_unchanged(feed.url, feed.name, self.clock(), fetched)
            result.status = "not-modified"
            return result
        body_hash = hashlib.sha256(fetched.body).hexdigest()
        if state.initialised and body_hash == state.body_hash:
            # Servers without validators: identical bytes need no parsing.
            self.store.record_unchanged(feed.url, feed.name, self.clock(), fetched)
            result.status = "unchanged"
            return result
        try:
            parsed = await asyncio.to_thread(parse_feed, fetched.body, fetched.final_url,
                                             fetched.content_type)
        except FeedError as exc:
            return self._failed(feed, result, exc, fetched.status)
        entries = list(parsed.entries)[: self.max_entries]
        items = normalise(entries, feed, fetched.final_url)
        alerting = state.initialised or feed.backfill or self.force_backfill
        self.process(feed, items, fetched, body_hash, result, alerting=alerting)
        return result

    def process(self, feed: Feed, items: list[Item], fetched: Fetched, body_hash: str,
                result: PollResult, *, alerting: bool, item_time: bool = False) -> None:
        """Match new and edited items and record them with their alerts in one transaction.

        `item_time` makes each item's publication time "now" for history (replay)."""
        result.entries = len(items)
        known = self.store.known_items(feed.url, [i.key for i in items])
        history = HistoryView(self.store)
        new_items: list[Item] = []
        edited: list[Item] = []
        alerts: list[QueuedAlert] = []
        for item in items:
            previous = known.get(item.key)
            if previous is None:
                new_items.append(item)
                already: frozenset[str] = frozenset()
            elif previous.content_hash != item.content_hash:
                edited.append(item)
                already = previous.matched_rules  # an edit alerts only for newly matched rules
            else:
                continue
            now = (item.published or self.clock()) if item_time else self.clock()
            for match in self.rules.match(item, now=now, history=history):
                if match.rule_id in already:
                    continue
                send = alerting and match.suppressed is None
                messages = tuple((channel, *render(item, match)) for channel in match.channels)
                alerts.append(QueuedAlert(item.key, match, messages if send else ()))
                result.matched_rules.append(match.rule_id)
                result.matches.append((item, match))

        result.alerts_queued = self.store.record_poll(
            feed_url=feed.url, feed_name=feed.name, now=self.clock(), fetched=fetched,
            body_hash=body_hash, new_items=new_items, edited_items=edited,
            seen_keys=[i.key for i in items if i.key in known], alerts=alerts,
            history=history.take())
        result.status = "new"
        result.new_items = len(new_items)
        result.edited_items = len(edited)
        if not alerting:
            result.suppressed_backlog = len(new_items)

    def _failed(self, feed: Feed, result: PollResult, exc: FeedError,
                status: int | None = None) -> PollResult:
        self.store.record_feed_error(feed.url, feed.name, self.clock(), str(exc), exc.kind,
                                     status)
        result.error = str(exc)
        result.status = "error"
        return result


def describe(result: PollResult, feed: Feed) -> str:
    """One line a person can read about a poll."""
    if result.status == "error":
        return f"{feed.name}: failed: {result.error}"
    if result.status in ("not-modified", "unchanged"):
        return f"{feed.name}: unchanged"
    parts = [f"{result.entries} entries", f"{result.new_items} new"]
    if result.edited_items:
        parts.append(f"{result.edited_items} edited")
    if result.suppressed_backlog:
        parts.append(f"first poll: {result.suppressed_backlog} existing items recorded without "
                     "alerting (use --backfill to alert on them)")
    else:
        parts.append(f"{result.alerts_queued} alerts queued")
    return f"{feed.name}: " + ", ".join(parts)
