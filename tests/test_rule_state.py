"""gap, count and throttle: history kept in SQLite, surviving a restart of the store."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alerts.models import Feed, Fetched, Item, PollResult
from alerts.pipeline import Poller
from alerts.rules import RuleSet, load_rules
from alerts.state import Store

T0 = datetime(2022, 9, 11, 12, 0, tzinfo=UTC)


def rules_from(tmp_path: Path, text: str) -> RuleSet:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "r.yaml").write_text(textwrap.dedent(text), "utf-8")
    return RuleSet(load_rules([folder], None), ("c",))


def feed(n: int = 1) -> Feed:
    return Feed(f"https://wire{n}.example.org/rss", f"Wire {n}", 60)


def process(db: Path, rules: RuleSet, title: str, when: datetime, source: Feed | None = None):
    """One item through the real pipeline, 'now' being its publication time; the store is
    opened and closed each time, as across daemon restarts."""
    source = source or feed()
    item = Item(feed_url=source.url, feed_name=source.name, key=f"g:{title}:{when}", guid=None,
                link=None, title=title, summary="", published=when, content_hash=title)
    store = Store(db)
    try:
        result = PollResult(source.url, "new")
        Poller(store, None, rules, clock=lambda: when).process(
            source, [item], Fetched(source.url, source.url, 200, b""), "", result,
            alerting=True, item_time=True)
    finally:
        store.close()
    return [m for _, m in result.matches]


GAP_RULE = """\
    id: contact-gap
    match:
      all:
        - people: 2
        - terms: [call*, spoke, talks]
        - gap: {days: 180, key: people}
    """


def test_gap_fires_after_a_long_silence_and_says_why(tmp_path):
    rules = rules_from(tmp_path, GAP_RULE)
    db = tmp_path / "state.db"
    # No history: no claim of a gap; but the contact is recorded.
    assert process(db, rules, "Macron spoke with Putin", T0) == []
    # 60 days later: too soon.
    assert process(db, rules, "Macron and Putin talks", T0 + timedelta(days=60)) == []
    # 1,024 days after that: a gap, explained with the last contact on record.
    (match,) = process(db, rules, "Macron calls Putin", T0 + timedelta(days=60 + 1024))
    assert "'Macron' (Emmanuel Macron, President of France)" in match.explanation
    assert "'Putin' (Vladimir Putin, President of Russia)" in match.explanation
    assert "last on record for Emmanuel Macron and Vladimir Putin: 2022-11-10" in match.explanation
    assert "gap 1,024 days > 180" in match.explanation
    # Another pair has its own history.
    assert process(db, rules, "Macron spoke with Scholz", T0 + timedelta(days=2000)) == []


COUNT_RULE = """\
    id: developing
    match:
      all:
        - terms: [ceasefire]
        - count: {at_least: 3, feeds: 2, within: 6h}
    """


def test_count_needs_enough_items_from_enough_feeds_within_the_window(tmp_path):
    rules = rules_from(tmp_path, COUNT_RULE)
    db = tmp_path / "state.db"
    assert process(db, rules, "ceasefire one", T0, feed(1)) == []
    assert process(db, rules, "ceasefire two", T0 + timedelta(hours=1), feed(1)) == []
    (match,) = process(db, rules, "ceasefire three", T0 + timedelta(hours=2), feed(2))
    assert "3 matching items from 2 feeds" in match.explanation
    # Outside the window the count starts again.
    assert process(db, rules, "ceasefire four", T0 + timedelta(days=2), feed(2)) == []


def test_three_items_from_one_feed_are_not_enough(tmp_path):
    rules = rules_from(tmp_path, COUNT_RULE)
    db = tmp_path / "state.db"
    for hour in range(4):
        assert process(db, rules, f"ceasefire {hour}", T0 + timedelta(hours=hour)) == []


def test_throttle_allows_one_alert_per_key_per_period(tmp_path):
    rules = rules_from(tmp_path, """\
        id: truce
        throttle: {period: 1d, key: rule}
        match: {terms: [truce]}
        """)
    db = tmp_path / "state.db"
    (first,) = process(db, rules, "truce one", T0)
    assert first.suppressed is None
    (second,) = process(db, rules, "truce two", T0 + timedelta(hours=3))
    assert second.suppressed and "throttled: already alerted for this rule" in second.suppressed
    (third,) = process(db, rules, "truce three", T0 + timedelta(days=2))
    assert third.suppressed is None


def test_shared_history_across_rules(tmp_path):
    rules = rules_from(tmp_path, """\
        id: recorder
        match:
          all:
            - terms: [met]
            - gap: {days: 30, key: people, history: contacts}
        ---
        id: reader
        match:
          all:
            - terms: [summit]
            - people: 2
            - gap: {days: 30, key: people, history: contacts}
        """)
    db = tmp_path / "state.db"
    process(db, rules, "Xi met Putin", T0)
    matches = process(db, rules, "Xi and Putin summit", T0 + timedelta(days=90))
    assert [m.rule_id for m in matches] == ["reader"]
