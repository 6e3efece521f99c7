"""When a poll writes that it saw an item again (issue #17): an item's last_seen is written
again only once it is LAST_SEEN_SLACK old, not at every poll of its feed for each item the
feed still shows; and the prune keeps items that much longer than its cutoff, so an item a
feed still shows is never pruned, whatever the retention. Real polls through a real HTTP
server into real SQLite, an injected clock."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from alerts.models import Feed
from alerts.state import Store
from alerts.state.compact import instant
from alerts.state.items import LAST_SEEN_SLACK
from tests.conftest import poll_once, query
from tests.feeds import rss, rss_item
from tests.test_backoff import T0, Clock


def polled(db: Path, feed_server, feed: Feed, clock: Clock, *guids: str) -> None:
    """The feed now shows these items (newest first), polled at the clock's time."""
    feed_server.put("/f.xml", rss(*(rss_item(f"Story {g}", guid=g) for g in guids)))
    result = poll_once(db, feed, clock=clock)
    assert result.status == "new", result.error


def last_seen(db: Path) -> dict[str, datetime | None]:
    """Each stored item's last_seen, by its guid (its title's last word: without a text
    dictionary, titles are stored as they are)."""
    return {title.split()[-1]: instant(at)
            for title, at in query(db, "SELECT title, last_seen FROM items")}


def test_a_poll_writes_last_seen_again_only_once_it_is_an_hour_old(tmp_path, feed_server):
    feed = Feed(feed_server.base + "/f.xml", "Wire", interval=600)
    db, clock = tmp_path / "s.db", Clock()
    polled(db, feed_server, feed, clock, "b", "a")
    clock.now = T0 + LAST_SEEN_SLACK / 2
    polled(db, feed_server, feed, clock, "c", "b", "a")
    assert last_seen(db) == {"a": T0, "b": T0, "c": clock.now}  # a and b: not written
    clock.now = T0 + LAST_SEEN_SLACK + timedelta(minutes=1)
    polled(db, feed_server, feed, clock, "d", "c", "b", "a")
    half = T0 + LAST_SEEN_SLACK / 2
    assert last_seen(db) == {"a": clock.now, "b": clock.now, "c": half, "d": clock.now}


def test_an_item_a_feed_still_shows_is_never_pruned_whatever_the_retention(tmp_path,
                                                                           feed_server):
    feed = Feed(feed_server.base + "/f.xml", "Wire", interval=600)
    db, clock = tmp_path / "s.db", Clock()
    polled(db, feed_server, feed, clock, "b", "a")
    clock.now = T0 + timedelta(minutes=50)
    polled(db, feed_server, feed, clock, "c", "b", "a")  # a and b's last_seen stay T0
    store = Store(db)
    try:  # a retention of nothing: what the last poll showed is kept, as before
        assert store.prune(clock.now)["items"] == 0
    finally:
        store.close()
    assert sorted(last_seen(db)) == ["a", "b", "c"]
    clock.now = T0 + timedelta(hours=3)
    polled(db, feed_server, feed, clock, "d", "c", "b")  # a is gone from the feed
    store = Store(db)
    try:
        assert store.prune(clock.now)["items"] == 1
    finally:
        store.close()
    assert sorted(last_seen(db)) == ["b", "c", "d"]


def test_keys_a_poll_did_not_look_up_are_written_seen_as_before(tmp_path, feed_server):
    """Poller.process marks the memo's unchanged entries seen; when its caller did not look
    them up (no `known` given), they are written, as every seen key was before."""
    from alerts.models import Fetched, PollResult
    from alerts.pipeline import Poller
    from tests.conftest import polling_rules

    feed = Feed(feed_server.base + "/f.xml", "Wire", interval=600)
    db, clock = tmp_path / "s.db", Clock()
    polled(db, feed_server, feed, clock, "b", "a")
    clock.now = T0 + timedelta(minutes=10)
    store = Store(db)
    try:
        [(_, _, rows)] = list(store.stored_items())
        [key] = [row["key"] for row in rows if row["title"] == "Story a"]
        poller = Poller(store, None, polling_rules(tmp_path), clock=clock)
        poller.process(feed, [], Fetched(feed.url, feed.url, 200, b"<rss/>"), "h",
                       PollResult(feed.url, "new"), alerting=True, unchanged=[key])
    finally:
        store.close()
    assert last_seen(db) == {"a": clock.now, "b": T0}


def test_a_last_seen_stored_as_text_is_written_again(tmp_path, feed_server):
    # A time an old version left as ISO text (as the prune allows for) compares with none.
    feed = Feed(feed_server.base + "/f.xml", "Wire", interval=600)
    db, clock = tmp_path / "s.db", Clock()
    polled(db, feed_server, feed, clock, "a")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE items SET last_seen = ?", (T0.isoformat(),))
    clock.now = T0 + timedelta(minutes=10)
    polled(db, feed_server, feed, clock, "b", "a")
    assert last_seen(db) == {"a": clock.now, "b": clock.now}
    assert query(db, "SELECT DISTINCT typeof(last_seen) FROM items") == [("integer",)]
