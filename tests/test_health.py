"""Source-health notices (failing, silent, gone, stale, recovered) and permanent redirects,
through a real HTTP server, real SQLite and an injected clock (no sleeping)."""

import json
import logging
from datetime import timedelta
from pathlib import Path

from alerts.config import (
    Channel,
    FetchSettings,
    HealthSettings,
    NotifySettings,
    Settings,
    load_settings,
)
from alerts.health import STALE_FLOOR, HealthWatch, stale_after
from alerts.models import Feed
from alerts.state import Store
from tests.conftest import poll_feeds, polling_rules, run_cli, write_config
from tests.feeds import rss, rss_item
from tests.test_backoff import LOOPBACK, T0, Clock


def settings_for(db: Path, feed: Feed, **health: object) -> Settings:
    channels = {"ops": Channel("ops", urls=("json://127.0.0.1:9/",)),
                "news": Channel("news", urls=("json://127.0.0.1:9/",))}
    return Settings(path=None, state_path=db, rule_paths=(), feeds=(feed,), channels=channels,
                    default_channels=("news",), notify=NotifySettings(fallback="ops"),
                    health=HealthSettings(**health))  # type: ignore[arg-type]


def poll_and_check(settings: Settings, feed: Feed, clock: Clock, *, force: bool = False,
                   reads: list[str] | None = None):
    """One daemon run of a feed's job: poll, then the health check given the poll's result,
    as the daemon and `poll --once` make it. (result, notices); `reads`: gets the statements
    the check ran."""
    [result] = poll_feeds(settings.state_path, [feed], polling_rules(settings.state_path.parent),
                          fetch=FetchSettings(allow_networks=LOOPBACK, timeout=5), clock=clock,
                          backoff_cap=300.0, force=force)
    store = Store(settings.state_path)
    try:
        if reads is not None:
            store.conn.set_trace_callback(reads.append)
        return result, HealthWatch(store, settings, clock).check(feed, result)
    finally:
        store.close()


def notices(db: Path) -> list:
    store = Store(db)
    try:
        return [r for r in store.outbox_list(["pending"]) if r.kind == "notice"]
    finally:
        store.close()


def feed_row(db: Path, url: str) -> dict:
    store = Store(db)
    try:
        row = store.feed_row(url)
        assert row is not None
        return row
    finally:
        store.close()


def test_repeated_failures_notify_once_on_the_fallback_and_once_on_recovery(tmp_path,
                                                                            feed_server):
    url = feed_server.put("/f.xml", b"oops", status=500, content_type="text/plain")
    feed = Feed(url, "Flaky", interval=60)
    db, clock = tmp_path / "s.db", Clock()
    settings = settings_for(db, feed, failures=3)
    sent = []
    for _ in range(8):  # bounded: well past the threshold
        _, queued = poll_and_check(settings, feed, clock)
        sent.append(queued)
        clock.now += timedelta(seconds=301)  # past any backoff (cap 300 s)
    assert sent == [0, 0, 1, 0, 0, 0, 0, 0]  # the third failure, and only once
    [notice] = notices(db)
    assert notice.channel == "ops" and "Flaky is failing" in notice.title
    assert url in notice.body and "HTTP 500" in notice.body and "alerts.yaml" in notice.body
    assert feed_row(db, url)["health_alerted_at"] is not None

    feed_server.put("/f.xml", rss(rss_item("back", guid="1")))
    result, queued = poll_and_check(settings, feed, clock)
    assert result.status == "new" and queued == 1
    rows = notices(db)
    assert len(rows) == 2 and "recovered" in rows[1].title
    assert feed_row(db, url)["health_alerted_at"] is None
    clock.now += timedelta(seconds=60)
    assert poll_and_check(settings, feed, clock)[1] == 0  # recovered once, not again


def test_a_feed_silent_for_too_long_is_reported_even_below_the_failure_count(tmp_path,
                                                                            feed_server):
    url = feed_server.put("/f.xml", rss(rss_item("one", guid="1")))
    feed = Feed(url, "Quiet", interval=60)
    db, clock = tmp_path / "s.db", Clock()
    settings = settings_for(db, feed, failures=1000, silence=3600)
    assert poll_and_check(settings, feed, clock)[0].status == "new"
    feed_server.put("/f.xml", b"busy", status=429, content_type="text/plain",
                    headers={"Retry-After": "600"})  # asked to wait: not a failure, but silence
    sent = []
    for _ in range(10):
        clock.now += timedelta(seconds=601)
        result, queued = poll_and_check(settings, feed, clock)
        assert result.status == "postponed"
        sent.append(queued)
    assert sent == [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]  # the first check an hour after the success
    [notice] = notices(db)
    assert "Retry-After" in notice.body and f"{T0:%Y-%m-%d %H:%M}" in notice.body


def test_410_gone_sends_a_health_notice_saying_to_remove_the_feed(tmp_path, feed_server):
    url = feed_server.put("/f.xml", b"gone", status=410, content_type="text/plain")
    feed = Feed(url, "Gone", interval=60)
    db, clock = tmp_path / "s.db", Clock()
    settings = settings_for(db, feed)
    assert poll_and_check(settings, feed, clock)[1] == 1
    clock.now += timedelta(hours=1)
    assert poll_and_check(settings, feed, clock)[1] == 0
    [notice] = notices(db)
    assert "no longer polled" in notice.body and "remove it from alerts.yaml" in notice.body


def test_without_a_fallback_the_default_channels_get_the_notice(tmp_path, feed_server):
    url = feed_server.put("/f.xml", b"gone", status=410, content_type="text/plain")
    feed = Feed(url, "Gone", interval=60)
    db = tmp_path / "s.db"
    settings = settings_for(db, feed)
    settings = Settings(**{**settings.__dict__, "notify": NotifySettings()})
    assert poll_and_check(settings, feed, Clock())[1] == 1
    assert [n.channel for n in notices(db)] == ["news"]


def test_stale_rhythm_needs_ten_items_and_has_a_floor():
    hourly = [T0 + timedelta(hours=i) for i in range(10)]
    assert stale_after(hourly[:9]) is None
    assert stale_after(hourly) == STALE_FLOOR  # 5 x 1 h is below the 12 h floor
    daily = [T0 + timedelta(days=i) for i in range(10)]
    assert stale_after(daily) == timedelta(days=5)
    assert stale_after([T0] * 20) is None  # one batch (a first poll) shows no rhythm


def hourly_wire(tmp_path, feed_server, hours: int = 12,
                reads: list[list[str]] | None = None):
    """A feed that published a new item every hour for `hours` hours, polled and checked
    after each: (settings, feed, clock, its items newest first). `reads`: gets the
    statements each check ran."""
    feed = Feed(feed_server.base + "/f.xml", "Wire", interval=3600)
    db, clock = tmp_path / "s.db", Clock()
    settings = settings_for(db, feed)
    items: list[str] = []
    for i in range(hours):
        items.insert(0, rss_item(f"story {i}", guid=str(i)))
        feed_server.put("/f.xml", rss(*items))
        checked: list[str] = []
        result, queued = poll_and_check(settings, feed, clock, reads=checked)
        assert (result.status, result.new_items, queued) == ("new", 1, 0)
        if reads is not None:
            reads.append(checked)
        clock.now += timedelta(hours=1)
    return settings, feed, clock, items


def test_a_feed_that_stops_publishing_is_stale_once_and_recovers_once(tmp_path, feed_server):
    settings, feed, clock, items = hourly_wire(tmp_path, feed_server)
    db = settings.state_path
    sent = []
    for _ in range(16):  # polls keep succeeding (304), nothing new
        result, queued = poll_and_check(settings, feed, clock)
        assert result.status == "not-modified"
        sent.append(queued)
        clock.now += timedelta(hours=1)
    # The last item came at T0+11h; stale from T0+23h (the 12 h floor), polled at T0+23h.
    assert sent == [0] * 11 + [1] + [0] * 4
    [notice] = notices(db)
    assert "stopped publishing" in notice.title and "alerts.yaml" in notice.body

    config = write_config(tmp_path, feeds=[{"url": feed.url, "name": "Wire"}],
                          channels={"ops": "json://127.0.0.1:9/"}, state=str(db))
    shown = run_cli("--config", str(config), "status", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["feeds"][0]["stale"] is True
    assert "stale:" in run_cli("--config", str(config), "status").stdout

    items.insert(0, rss_item("story again", guid="new"))
    feed_server.put("/f.xml", rss(*items))
    assert poll_and_check(settings, feed, clock)[1] == 1
    assert "publishes again" in notices(db)[-1].title
    clock.now += timedelta(hours=1)
    assert poll_and_check(settings, feed, clock)[1] == 0


def test_after_a_poll_that_stored_new_items_a_settled_feed_needs_no_reading(tmp_path,
                                                                            feed_server):
    # #17: the feed's row and its latest arrival were read after every poll. A poll that
    # stored new items, of a feed with no notice outstanding, leaves nothing to say.
    reads: list[list[str]] = []
    settings, feed, clock, _ = hourly_wire(tmp_path, feed_server, reads=reads)
    assert reads == [[]] * 12
    store = Store(settings.state_path)
    try:  # the full check, reading the state, finds nothing to say either
        assert HealthWatch(store, settings, clock).check(feed) == 0
    finally:
        store.close()
    # Nothing new: the check reads the state, as after every 304.
    checked: list[str] = []
    result, queued = poll_and_check(settings, feed, clock, reads=checked)
    assert (result.status, result.health_settled, queued) == ("not-modified", True, 0)
    assert any("FROM feeds" in sql for sql in checked)


def test_a_changed_document_without_new_items_is_still_checked_for_silence(tmp_path,
                                                                           feed_server):
    settings, feed, clock, items = hourly_wire(tmp_path, feed_server)
    sent = []
    for hour in range(16):  # the document changes every hour (its title), its items do not
        feed_server.put("/f.xml", rss(*items, title=f"Test Wire, hour {hour}"))
        result, queued = poll_and_check(settings, feed, clock)
        assert (result.status, result.new_items) == ("new", 0)
        sent.append(queued)
        clock.now += timedelta(hours=1)
    assert sent == [0] * 11 + [1] + [0] * 4
    assert "stopped publishing" in notices(settings.state_path)[-1].title


def test_a_disabled_feed_polled_by_name_is_still_reported_failing(tmp_path, feed_server):
    # 410 disables the feed; polled by name (`--feed`), it answers with new items, and is
    # still disabled: the check says so, though nothing was said before.
    feed = Feed(feed_server.base + "/f.xml", "Gone", interval=60)
    db, clock = tmp_path / "s.db", Clock()
    settings = settings_for(db, feed)
    feed_server.put("/f.xml", b"gone", status=410, content_type="text/plain")
    result = poll_feeds(db, [feed], polling_rules(tmp_path), clock=clock,
                        fetch=FetchSettings(allow_networks=LOOPBACK, timeout=5))[0]
    assert feed_row(db, feed.url)["disabled_at"] is not None and notices(db) == []
    feed_server.put("/f.xml", rss(rss_item("back", guid="1")))
    result, queued = poll_and_check(settings, feed, clock, force=True)
    assert (result.status, result.new_items, result.health_settled) == ("new", 1, False)
    assert queued == 1 and "is failing" in notices(db)[-1].title


def _chain(feed_server, codes: list[int]) -> str:
    """/h0 -> /h1 -> ... -> /feed.xml with these redirect statuses; returns the first URL."""
    feed_server.put("/feed.xml", rss(rss_item("one", guid="1")))
    for i, code in enumerate(codes):
        target = f"/h{i + 1}" if i + 1 < len(codes) else "/feed.xml"
        feed_server.put(f"/h{i}", b"", status=code, validators=False,
                        headers={"Location": feed_server.base + target})
    return feed_server.base + "/h0"


def test_a_chain_of_permanent_redirects_moves_the_feed_and_says_so_once(tmp_path, feed_server,
                                                                       caplog):
    url = _chain(feed_server, [301, 308, 301])
    feed = Feed(url, "Moved", interval=60)
    db, clock = tmp_path / "s.db", Clock()
    settings = settings_for(db, feed)
    with caplog.at_level(logging.WARNING, logger="alerts.pipeline"):
        assert poll_and_check(settings, feed, clock)[0].status == "new"
        assert feed_row(db, url)["moved_to"] == feed_server.base + "/feed.xml"
        before = len(feed_server.statuses("/h0"))
        for _ in range(3):
            clock.now += timedelta(seconds=60)
            assert poll_and_check(settings, feed, clock)[0].status == "not-modified"
    assert len(feed_server.statuses("/h0")) == before  # polled at the new address only
    moved = [r for r in caplog.records if "moved permanently" in r.getMessage()]
    assert len(moved) == 1 and "alerts.yaml" in moved[0].getMessage()


def test_a_temporary_hop_anywhere_in_the_chain_changes_nothing(tmp_path, feed_server):
    for codes in ([302], [301, 307], [307, 301]):
        url = _chain(feed_server, codes)
        feed = Feed(url, "Detour", interval=60)
        db = tmp_path / f"{'-'.join(map(str, codes))}.db"
        assert poll_and_check(settings_for(db, feed), feed, Clock())[0].status == "new"
        assert feed_row(db, url)["moved_to"] is None


def test_a_permanent_redirect_to_something_not_a_feed_changes_nothing(tmp_path, feed_server):
    url = _chain(feed_server, [301])
    feed_server.put("/feed.xml", b"<html><body>moved</body></html>", content_type="text/html")
    feed = Feed(url, "Parked", interval=60)
    db = tmp_path / "s.db"
    assert poll_and_check(settings_for(db, feed), feed, Clock())[0].status == "error"
    assert feed_row(db, url)["moved_to"] is None


def test_the_health_section_is_read_from_the_config(tmp_path):
    config = write_config(tmp_path, feeds=[{"url": "https://example.org/f.xml"}],
                          channels={"ops": "json://127.0.0.1:9/"},
                          health={"failures": 3, "silence": "6h"})
    assert load_settings(config).health == HealthSettings(failures=3, silence=6 * 3600.0)
    assert load_settings(write_config(tmp_path / "d", feeds=[], channels={})).health == \
        HealthSettings()


def test_cache_control_max_age_and_rss_ttl_are_a_lower_bound_on_the_interval(tmp_path,
                                                                               feed_server):
    body = rss(rss_item("one", guid="1")).replace("<description>test</description>",
                                                  "<description>test</description><ttl>3</ttl>")
    url = feed_server.put("/f.xml", body)
    feed = Feed(url, "Fresh", interval=60)
    db, clock = tmp_path / "s.db", Clock()
    settings = settings_for(db, feed)
    assert poll_and_check(settings, feed, clock)[0].status == "new"
    clock.now += timedelta(seconds=60)
    assert poll_and_check(settings, feed, clock)[0].status == "waiting"  # <ttl> 3 minutes
    assert len(feed_server.statuses("/f.xml")) == 1
    clock.now = T0 + timedelta(minutes=3)
    assert poll_and_check(settings, feed, clock)[0].status == "not-modified"
    clock.now += timedelta(seconds=60)
    assert poll_and_check(settings, feed, clock)[0].status == "not-modified"  # 304: no <ttl>
    # max-age, capped like backoff (300 s in these tests)
    feed_server.put("/f.xml", rss(rss_item("two", guid="2")),
                    headers={"Cache-Control": "public, max-age=86400"})
    clock.now += timedelta(seconds=60)
    assert poll_and_check(settings, feed, clock)[0].status == "new"
    clock.now += timedelta(seconds=60)
    assert poll_and_check(settings, feed, clock)[0].status == "waiting"
    clock.now += timedelta(seconds=240)
    assert poll_and_check(settings, feed, clock)[0].status == "not-modified"
    assert feed_row(db, url)["error_count"] == 0
    assert not notices(db)  # being fresh is no failure


def test_max_age_is_read_from_cache_control():
    from alerts.fetch import max_age

    assert max_age("public, max-age=600") == 600.0
    assert max_age('max-age="60", must-revalidate') == 60.0
    assert max_age("s-maxage=5") is None and max_age(None) is None and max_age("no-cache") is None
