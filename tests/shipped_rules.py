"""The shipped rule pack run on one written headline: which rules fire (the frame-reader tests
of issue #15 ask this of their own sentences, dated to the event they imitate)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache

from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryView


@lru_cache(maxsize=1)
def shipped() -> RuleSet:
    return RuleSet(load_rules([shipped_rules_dir()], None))


def fired(title: str, day: date, summary: str = "") -> list[str]:
    """The ids of the shipped rules `title` (and `summary`) set off, published on `day`, with
    no contact history and nothing recorded."""
    published = datetime(day.year, day.month, day.day, tzinfo=UTC)
    item = Item("http://example.test/feed", "test", "k", None, None, title, summary, published)
    return sorted(m.rule_id for m in shipped().match(item, now=published,
                                                      history=HistoryView(), record=False))
