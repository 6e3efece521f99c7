"""A channel that answers slowly holds up only itself: every send has a total deadline,
channels are sent to at the same time, and the daemon stops within its grace while a send
drips, leaving that message queued. Real receivers on loopback; bounded waits, no timings."""

from __future__ import annotations

import asyncio
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from alerts.daemon import SHUTDOWN_GRACE
from alerts.deliver import deliver_due
from alerts.notify import Notifier
from alerts.state import Store
from tests.conftest import cli_env, write_config
from tests.feeds import rss, rss_item
from tests.notify_support import (
    Clock,
    DripReceiver,
    HookReceiver,
    Reply,
    channel,
    item,
    queue,
    rows,
    settings,
)
from tests.servers import wait_for

FAST = 8


@pytest.fixture
def drip():
    server = DripReceiver(interval=2.0)
    yield server
    server.close()


@pytest.fixture
def fast_receivers():
    servers = [HookReceiver() for _ in range(FAST)]
    yield servers
    for server in servers:
        server.close()


def slow_and_fast(store: Store, drip: DripReceiver, fast: list[HookReceiver]) -> dict:
    """The dripping channel's alert is queued first: a sender that served channels one after
    another would reach the fast ones only after it."""
    slow = {"a-slow": channel("a-slow", drip.json_url)}
    queue(store, slow, [item(0)])
    others = {f"fast{i}": channel(f"fast{i}", r.json_url) for i, r in enumerate(fast)}
    queue(store, others, [item(1)])
    assert store.outbox_due(Clock()())[0].channel == "a-slow"
    return slow | others


def test_a_dripping_channel_does_not_hold_up_the_others(tmp_path, drip, fast_receivers):
    store = Store(tmp_path / "s.db")
    channels = slow_and_fast(store, drip, fast_receivers)
    # A deadline far beyond the test: only sending to channels at once gets the others out.
    notifier = Notifier(channels, send_timeout=600)

    async def scenario() -> tuple[int, bool]:
        task = asyncio.create_task(deliver_due(store, notifier, settings(), Clock(),
                                               random.Random(1)))
        for _ in range(400):  # at most about 20 s
            # Sent means recorded as sent: a receiver has a message a moment before the
            # sender records it (cancelling in between left one row pending under load).
            if task.done() or sum(r.status == "sent" for r in rows(store)) == FAST:
                break
            await asyncio.sleep(0.05)
        delivered = sum(len(r.received) for r in fast_receivers)
        still_sending = not task.done()
        task.cancel()  # as at shutdown: the send in progress is cut short
        await asyncio.gather(task, return_exceptions=True)
        return delivered, still_sending

    delivered, still_sending = asyncio.run(scenario())
    assert delivered == FAST
    assert still_sending and drip.requests == 1 and drip.finished == 0
    statuses = {r.channel: (r.status, r.attempts) for r in rows(store)}
    assert sum(status == ("sent", 1) for status in statuses.values()) == FAST
    # Cut short: queued as it was, no attempt spent.
    assert statuses["a-slow"] == ("pending", 0)
    store.close()


def test_a_send_past_its_deadline_is_abandoned_and_retried_later(tmp_path, drip,
                                                                 fast_receivers):
    store = Store(tmp_path / "s.db")
    channels = slow_and_fast(store, drip, fast_receivers)
    # Longer than the drip's pauses (no single read times out), far shorter than its reply.
    notifier = Notifier(channels, send_timeout=3)
    clock = Clock()

    def deliver():
        return asyncio.run(asyncio.wait_for(
            deliver_due(store, notifier, settings(retry_base=60), clock, random.Random(1)),
            timeout=60))

    report = deliver()
    assert report.sent == FAST and report.retrying == 1
    assert sum(len(r.received) for r in fast_receivers) == FAST
    [slow] = [r for r in rows(store) if r.channel == "a-slow"]
    assert slow.status == "pending" and slow.attempts == 1
    assert "no complete answer within 3 s" in slow.last_error
    assert "notify.send_timeout" in slow.last_error
    assert slow.next_attempt > clock()

    # Due again while the abandoned send still drips: the channel waits for it (no second
    # send on top of the first, the order kept), and nothing is spent.
    clock.advance(minutes=5)
    assert notifier.busy("a-slow")
    report = deliver()
    assert report.held == 1 and report.sent == 0 and report.failed == 0
    assert drip.requests == 1

    # The service recovers; the abandoned send ends; the alert goes out at the next round.
    drip.hurry()
    assert wait_for(lambda: not notifier.busy("a-slow"), timeout=20)
    report = deliver()
    assert report.sent == 1
    [slow] = [r for r in rows(store) if r.channel == "a-slow"]
    assert slow.status == "sent" and drip.requests == 2
    store.close()


def test_concurrent_sends_keep_their_own_replies(tmp_path):
    """Sends run at once in their own threads; each reads only its own service's reply (a
    404 is permanent, a 503 waits as its Retry-After asks, a 200 is sent)."""
    replies = [Reply(404), Reply(503, {"Retry-After": "120"}), Reply(200)] * 3
    servers = [HookReceiver(default=reply) for reply in replies]
    try:
        store = Store(tmp_path / "s.db")
        channels = {f"c{i}": channel(f"c{i}", s.json_url) for i, s in enumerate(servers)}
        queue(store, channels, [item(1)])
        report = asyncio.run(deliver_due(store, Notifier(channels), settings(), Clock(),
                                         random.Random(1)))
        assert (report.sent, report.dead, report.retrying) == (3, 3, 3)
        by_channel = {r.channel: r for r in rows(store)}
        for i, reply in enumerate(replies):
            row = by_channel[f"c{i}"]
            if reply.status == 404:
                assert row.status == "dead" and "HTTP 404" in row.last_error
            elif reply.status == 503:
                assert row.status == "pending" and "HTTP 503" in row.last_error
                assert int((row.next_attempt - Clock()()).total_seconds()) == 120
            else:
                assert row.status == "sent"
        store.close()
    finally:
        for server in servers:
            server.close()


def outbox(db: Path) -> list[tuple[str, str, int]]:
    with sqlite3.connect(db, timeout=5) as conn:
        return list(conn.execute("SELECT channel, status, attempts FROM outbox ORDER BY id"))


@pytest.mark.slow
def test_sigterm_stops_the_daemon_within_its_grace_while_a_send_drips(tmp_path, feed_server,
                                                                       drip):
    url = feed_server.put("/wire.xml", rss(rss_item(
        "Pope urges Christmas truce in Ukraine", guid="n1", link="https://wire.example.org/t",
        summary="He called for a truce.")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "backfill": True}],
                          channels={"slow": drip.json_url},
                          notify={"interval": 1, "retry_base": 1, "retry_max": 2,
                                  "send_timeout": "10m"})
    db = tmp_path / "state" / "alerts.db"
    command = [sys.executable, "-m", "alerts", "--config", str(config), "run"]
    proc = subprocess.Popen(command, env=cli_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert wait_for(lambda: drip.requests >= 1, timeout=60), "the alert was never sent"
        assert drip.finished == 0
        proc.send_signal(signal.SIGTERM)
        try:
            _, err = proc.communicate(timeout=SHUTDOWN_GRACE + 10)
        except subprocess.TimeoutExpired:
            pytest.fail("the daemon did not stop within its grace while a send dripped")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "stopped cleanly" in err
    # The interrupted send stays queued, no attempt spent...
    assert outbox(db) == [("slow", "pending", 0)]

    # ...and goes out once the service answers again.
    drip.hurry()
    proc = subprocess.Popen(command, env=cli_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert wait_for(lambda: outbox(db)[0][1] == "sent", timeout=60), "never resent"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
    assert drip.requests == 2


def test_send_timeout_is_read_from_the_config_and_checked(tmp_path):
    from alerts.config import load_settings
    from alerts.errors import ConfigError

    good = write_config(tmp_path / "good", feeds=[{"url": "https://wire.example.org/rss"}],
                        channels={"hook": "json://127.0.0.1:9/hook"},
                        notify={"send_timeout": "2m"})
    assert load_settings(good).notify.send_timeout == 120
    default = write_config(tmp_path / "default", feeds=[{"url": "https://wire.example.org/r"}],
                           channels={"hook": "json://127.0.0.1:9/hook"})
    assert load_settings(default).notify.send_timeout == 30
    bad = write_config(tmp_path / "bad", feeds=[{"url": "https://wire.example.org/rss"}],
                       channels={"hook": "json://127.0.0.1:9/hook"},
                       notify={"send_timeout": 0})
    with pytest.raises(ConfigError) as info:
        load_settings(bad)
    [problem] = info.value.problems
    assert "'send_timeout' must be a positive duration" in problem.message
    assert problem.line is not None


def test_once_the_daemon_stops_no_new_send_starts(tmp_path):
    receiver = HookReceiver()
    try:
        store = Store(tmp_path / "s.db")
        channels = {"hook": channel("hook", receiver.json_url)}
        queue(store, channels, [item(1), item(2), item(3)])
        report = asyncio.run(deliver_due(store, Notifier(channels), settings(), Clock(),
                                         random.Random(1),
                                         stopping=lambda: len(receiver.received) >= 1))
        assert report.sent == 1 and len(receiver.received) == 1
        assert [(r.status, r.attempts) for r in rows(store)] == [
            ("sent", 1), ("pending", 0), ("pending", 0)]
        store.close()
    finally:
        receiver.close()
