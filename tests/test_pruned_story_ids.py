"""A pruned story's number can be given to a new story (SQLite reuses the largest rowid once
its row is gone); a match kept after its story was pruned (its item still in the feed, or
its alert still queued) must not make the new story look alerted already, or the new story's
first report would be held back as a copy of an alert that was about something else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alerts.models import Fetched, Item, Match
from alerts.state import QueuedAlert, Store

T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
FEED = "https://wire.example.org/rss"


def item(key: str, title: str) -> Item:
    return Item(feed_url=FEED, feed_name="Wire", key=key, guid=key, link=f"{FEED}/{key}",
                title=title, summary="", published=T0)


def alerted(store: Store, report: Item, now: datetime) -> int:
    """The report polled and stored with its story (new) and its rule's alert recorded."""
    with store.write():
        story = store.add_to_story(None, report, now, rule_ids=["truce"], entity_keys=[],
                                   link=report.link, text=report.title, sig=None,
                                   band_keys=[], publisher="wire.example.org")
    match = Match("truce", "Truce agreed", "high", (), "matched", story_id=story.id)
    store.record_poll(feed_url=FEED, feed_name="Wire", now=now,
                      fetched=Fetched(FEED, FEED, 200, b""), body_hash=report.key,
                      new_items=[report], edited_items=[], seen_keys=[],
                      alerts=[QueuedAlert(report.key, match, (), alerted=True)])
    return story.id


def test_a_new_story_with_a_pruned_story_s_number_has_no_alert(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        old = alerted(store, item("g:1", "Truce agreed in Sudan"), T0)
        assert store.story_alerted(old, "truce") is not None
        # Months later the story is pruned; the item stays (the feed still shows it).
        later = T0 + timedelta(days=120)
        store.record_poll(feed_url=FEED, feed_name="Wire", now=later,
                          fetched=Fetched(FEED, FEED, 200, b""), body_hash="again",
                          new_items=[], edited_items=[], seen_keys=["g:1"], alerts=[])
        assert store.prune(later - timedelta(days=30))["stories"] == 1
        with store.write():
            new = store.add_to_story(None, item("g:2", "Truce agreed in Yemen"), later,
                                     rule_ids=["truce"], entity_keys=[], link=None,
                                     text="Truce agreed in Yemen", sig=None, band_keys=[],
                                     publisher="wire.example.org")
        assert new.id == old  # the number is given again: the guard below is needed
        assert store.story_alerted(new.id, "truce") is None
    finally:
        store.close()
