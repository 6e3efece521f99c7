"""The stale check reads a feed's recent arrivals as batches (#17): the count of the last
items and their distinct first-seen times, the same as the items' times one by one gave.
Real polls through a real HTTP server into real SQLite, an injected clock."""

from __future__ import annotations

from datetime import timedelta

from alerts.models import Feed
from alerts.state import Store
from tests.feeds import rss, rss_item
from tests.test_backoff import Clock
from tests.test_health import poll_and_check, settings_for


def test_arrival_batches_are_the_arrivals_counted_and_their_distinct_times(tmp_path,
                                                                           feed_server):
    feed = Feed(feed_server.base + "/f.xml", "Wire", interval=3600)
    db, clock = tmp_path / "s.db", Clock()
    settings = settings_for(db, feed)
    items: list[str] = []
    for hour, batch in enumerate([3, 1, 4, 1, 5, 2, 6]):  # several items per poll, hourly
        for i in range(batch):
            items.insert(0, rss_item(f"story {hour}-{i}", guid=f"{hour}-{i}"))
        feed_server.put("/f.xml", rss(*items))
        poll_and_check(settings, feed, clock)
        clock.now += timedelta(hours=1 + hour)
    store = Store(db)
    try:
        for limit in (200, 22, 10, 7, 1):  # whole batches, and cuts inside one
            arrivals = store.item_arrivals(feed.url, limit)
            count, moments = store.arrival_batches(feed.url, limit)
            assert (count, moments) == (len(arrivals), sorted(set(arrivals))), limit
        assert store.arrival_batches("http://127.0.0.1:9/none.xml") == (0, [])
    finally:
        store.close()
