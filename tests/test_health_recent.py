"""The stale check of a feed whose latest item is more recent than the stale floor (12 h)
answers "not stale" from that item alone (#17: the health check after every poll, a 304
included, read the feed's last 200 items grouped into batches). The answer is the one the
batches give: the limit is never under the floor, and the latest item is one of them. Real
polls through a real HTTP server into real SQLite, an injected clock."""

from __future__ import annotations

from datetime import timedelta

from alerts.health import STALE_FLOOR, stale
from alerts.models import Feed
from alerts.state import Store
from tests.feeds import rss, rss_item
from tests.test_backoff import Clock
from tests.test_health import poll_and_check, settings_for


def test_a_recent_latest_item_answers_without_the_batches(tmp_path, feed_server, monkeypatch):
    feed = Feed(feed_server.base + "/f.xml", "Wire", interval=3600)
    db, clock = tmp_path / "s.db", Clock()
    settings = settings_for(db, feed)
    items: list[str] = []
    for hour in range(12):  # one new item an hour: a rhythm of 1 h, so the 12 h floor
        items.insert(0, rss_item(f"story {hour}", guid=str(hour)))
        feed_server.put("/f.xml", rss(*items))
        poll_and_check(settings, feed, clock)
        clock.now += timedelta(hours=1)
    store = Store(db)
    try:
        asked: list[str] = []
        real = store.arrival_batches
        monkeypatch.setattr(store, "arrival_batches",
                            lambda url, limit=200: asked.append(url) or real(url, limit))
        row = store.feed_row(feed.url)
        assert row is not None
        latest = store.item_arrivals(feed.url, 1)[-1]
        minute = timedelta(minutes=1)
        assert stale(store, row, latest + STALE_FLOOR - minute) is False
        assert asked == []  # answered by the latest item
        assert stale(store, row, latest + STALE_FLOOR) is True  # the batches, read
        assert asked == [feed.url]
    finally:
        store.close()
