"""`alerts replay`: archives through the real pipeline, in publication order, sending nothing.

Each item's publication time is "now" for gaps, windows and throttles, so a replay of past
months behaves as if the daemon had run live then. Every item counts as new (no backlog
suppression); items are still identified by key, so repeated snapshots of a feed add only
what changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from alerts.models import Feed, Fetched, Item, Match, PollResult
from alerts.pipeline import Poller, fixed_clock
from alerts.rules import RuleSet
from alerts.sources import Source
from alerts.state import Store


@dataclass(frozen=True)
class ReplayedAlert:
    item: Item
    match: Match
    feed: Feed

    def story(self) -> str:
        """The story (one real-world event across outlets) the alert belongs to."""
        if self.match.story_id is not None:
            return f"story-{self.match.story_id}"
        digest = hashlib.sha256(f"{self.item.feed_url}\x1f{self.item.key}".encode()).hexdigest()
        return "item-" + digest[:16]

    def as_json(self) -> dict:
        return {
            "rule": self.match.rule_id,
            "severity": self.match.severity,
            "guid": self.item.guid,
            "link": self.item.link,
            "title": self.item.title,
            "published": self.item.published.isoformat() if self.item.published else None,
            "feed": self.feed.name,
            "story": self.story(),
            "explanation": self.match.explanation,
        }


def ordered(sources: list[Source]) -> list[tuple[Feed, Item]]:
    """All items by publication time; undated ones keep their place after the dated ones."""
    rows = [(source.feed, item) for source in sources for item in source.items]
    dated = sorted((r for r in rows if r[1].published), key=lambda r: r[1].published)  # type: ignore[arg-type, return-value]
    return dated + [r for r in rows if not r[1].published]


def replay(sources: list[Source], rules: RuleSet, store: Store, *,
           since: datetime | None = None,
           progress: Callable[[int, int], None] | None = None) -> Iterator[ReplayedAlert]:
    rows = ordered(sources)
    last_time: datetime | None = None
    for number, (feed, item) in enumerate(rows, start=1):
        moment = item.published or last_time
        last_time = moment or last_time
        poller = (Poller(store, None, rules, clock=fixed_clock(moment)) if moment
                  else Poller(store, None, rules))
        result = PollResult(feed.url, "new")
        poller.process(feed, [item], Fetched(feed.url, feed.url, 200, b""), "", result,
                       alerting=True, item_time=True)
        if progress:
            progress(number, len(rows))
        if since and moment and moment < since:
            continue  # earlier items build history but are not reported
        for matched_item, match in result.matches:
            if match.suppressed is None:
                yield ReplayedAlert(matched_item, match, feed)


def format_text(alert: ReplayedAlert) -> str:
    when = alert.item.published.strftime("%Y-%m-%d %H:%M") if alert.item.published else "?"
    return (f"{when}  {alert.match.rule_id:<26} {alert.item.title[:90]}\n"
            f"{'':18}{alert.feed.name} · {alert.item.link or 'no link'}\n"
            f"{'':18}{alert.match.explanation}")


def format_json(alert: ReplayedAlert) -> str:
    return json.dumps(alert.as_json(), ensure_ascii=False)
