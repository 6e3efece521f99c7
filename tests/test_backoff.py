"""Polite polling: per-feed backoff, Retry-After and 410 Gone, through a real HTTP server,
real SQLite and an injected clock (no sleeping)."""

import json
import logging
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from alerts.models import Feed
from alerts.state import Store
from tests.conftest import poll_once, run_cli, write_config
from tests.feeds import rss, rss_item

LOOPBACK = ("127.0.0.0/8",)
T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def poll(db: Path, feed: Feed, clock: Clock, cap: float = 300.0):
    return poll_once(db, feed, clock=clock, backoff_cap=cap)


def health(db: Path, url: str):
    store = Store(db)
    try:
        return store.feed_health(url)
    finally:
        store.close()


def test_failures_back_off_exponentially_up_to_the_cap_and_recover(tmp_path, feed_server):
    url = feed_server.put("/f.xml", b"oops", status=500, content_type="text/plain")
    feed = Feed(url, "Flaky", interval=60)
    db, clock = tmp_path / "s.db", Clock()
    delays = []
    for _ in range(5):
        result = poll(db, feed, clock)
        assert result.status == "error" and result.http_status == 500
        after = health(db, url).next_poll_after
        delays.append((after - clock.now).total_seconds())
        clock.now += timedelta(seconds=10)  # well before the next poll is due: no request
        requests = len(feed_server.statuses("/f.xml"))
        assert poll(db, feed, clock).status == "backoff"
        assert len(feed_server.statuses("/f.xml")) == requests
        clock.now = after
    assert delays == [60, 120, 240, 300, 300]  # doubling, capped, and never stopping
    assert health(db, url).error_count == 5

    feed_server.put("/f.xml", rss(rss_item("back", guid="1")))
    assert poll(db, feed, clock).status == "new"
    assert health(db, url).error_count == 0
    clock.now += timedelta(seconds=60)
    assert poll(db, feed, clock).status == "not-modified"  # the normal interval again


def test_an_html_page_where_a_feed_should_be_backs_off_too(tmp_path, feed_server):
    url = feed_server.put("/f.xml", b"<html><body>login</body></html>", content_type="text/html")
    feed = Feed(url, "Login wall", interval=60)
    db, clock = tmp_path / "s.db", Clock()
    assert poll(db, feed, clock).status == "error"
    clock.now += timedelta(seconds=61)
    assert poll(db, feed, clock).status == "error"
    clock.now += timedelta(seconds=61)  # the second failure doubled the wait
    assert poll(db, feed, clock).status == "backoff"
    assert feed_server.statuses("/f.xml") == [200, 200]


def test_429_with_retry_after_seconds_postpones_without_an_error(tmp_path, feed_server):
    url = feed_server.put("/f.xml", b"slow down", status=429, content_type="text/plain",
                          headers={"Retry-After": "120"})
    feed = Feed(url, "Busy", interval=60)
    db, clock = tmp_path / "s.db", Clock()
    result = poll(db, feed, clock)
    assert result.status == "postponed" and "Retry-After 120" in result.error
    state = health(db, url)
    assert state.error_count == 0 and state.next_poll_after == T0 + timedelta(seconds=120)
    clock.now += timedelta(seconds=60)
    assert poll(db, feed, clock).status == "backoff"
    feed_server.put("/f.xml", rss(rss_item("calm", guid="1")))
    clock.now += timedelta(seconds=60)
    assert poll(db, feed, clock).status == "new"
    assert feed_server.statuses("/f.xml") == [429, 200]


def test_503_with_an_http_date_postpones_and_without_retry_after_backs_off(tmp_path,
                                                                          feed_server):
    later = format_datetime(T0 + timedelta(hours=1), usegmt=True)
    url = feed_server.put("/a.xml", b"maintenance", status=503, content_type="text/plain",
                          headers={"Retry-After": later})
    db, clock = tmp_path / "s.db", Clock()
    assert poll(db, Feed(url, "A", interval=60), clock, cap=6 * 3600).status == "postponed"
    assert health(db, url).next_poll_after == T0 + timedelta(hours=1)

    bare = feed_server.put("/b.xml", b"down", status=503, content_type="text/plain")
    assert poll(db, Feed(bare, "B", interval=60), clock).status == "error"
    assert health(db, bare).error_count == 1


def test_410_gone_disables_the_feed_and_says_to_remove_it(tmp_path, feed_server, caplog):
    url = feed_server.put("/f.xml", b"gone", status=410, content_type="text/plain")
    feed = Feed(url, "Retired", interval=60)
    db, clock = tmp_path / "s.db", Clock()
    with caplog.at_level(logging.ERROR, logger="alerts.pipeline"):
        result = poll(db, feed, clock)
    assert result.status == "disabled"
    assert "remove it from the feeds in alerts.yaml" in caplog.text
    clock.now += timedelta(days=30)
    assert poll(db, feed, clock).status == "disabled"
    assert feed_server.statuses("/f.xml") == [410]  # never requested again
    assert health(db, url).disabled_at == T0


def test_status_shows_feed_health_as_text_and_json(tmp_path, feed_server, webhook):
    good = feed_server.put("/good.xml", rss(rss_item("x", guid="1")))
    broken = feed_server.put("/broken.xml", b"oops", status=500, content_type="text/plain")
    gone = feed_server.put("/gone.xml", b"gone", status=410, content_type="text/plain")
    config = write_config(tmp_path, feeds=[{"url": good, "name": "Good"},
                                           {"url": broken, "name": "Broken", "interval": "1h"},
                                           {"url": gone, "name": "Gone"}],
                          channels={"hook": webhook.url})
    first = run_cli("--config", str(config), "poll", "--once", "--no-send")
    assert first.returncode == 3 and "410 Gone" in first.stdout
    second = run_cli("--config", str(config), "poll", "--once", "--no-send")
    assert "Broken: skipped after repeated failures; next poll after" in second.stdout
    assert feed_server.statuses("/broken.xml") == [500]
    assert feed_server.statuses("/gone.xml") == [410]

    text = run_cli("--config", str(config), "status")
    assert text.returncode == 0, text.stderr
    assert "Good <" in text.stdout and "items seen: 1" in text.stdout
    assert "last error (1 in a row)" in text.stdout and "next poll after:" in text.stdout
    assert "DISABLED since" in text.stdout and "Outbox:" in text.stdout

    data = json.loads(run_cli("--config", str(config), "status", "--json").stdout)
    feeds = {f["name"]: f for f in data["feeds"]}
    assert feeds["Broken"]["error_count"] == 1 and feeds["Broken"]["next_poll_after"]
    assert feeds["Gone"]["disabled_at"] and feeds["Good"]["error_count"] == 0
