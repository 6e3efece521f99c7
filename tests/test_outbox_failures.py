"""Delivery failures against real receivers on loopback: permanent refusals, Retry-After,
backoff, dead letters on the fallback channel, partial deliveries, one channel never
blocking another, and secrets kept out of errors and logs."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from alerts.notify import parse_retry_after
from tests import conftest
from tests.notify_support import (
    Clock,
    HookReceiver,
    Reply,
    channel,
    item,
    queue,
    rows,
    settings,
)


@pytest.fixture
def receiver():
    server = HookReceiver()
    yield server
    server.close()


@pytest.fixture
def other():
    server = HookReceiver()
    yield server
    server.close()


def deliver(store, channels, clock, **kwargs):
    return conftest.deliver(store, channels, clock, settings(**kwargs))


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_a_permanent_refusal_goes_straight_to_dead(store, receiver, status):
    receiver.default = Reply(status)
    channels = {"hook": channel("hook", receiver.json_url)}
    queue(store, channels, [item(1), item(2)])
    report = deliver(store, channels, Clock())
    dead = [r for r in rows(store) if r.status == "dead"]
    assert dead and dead[0].attempts == 1
    assert f"HTTP {status}" in dead[0].last_error and "permanent" in dead[0].last_error
    assert f"alerts outbox retry {dead[0].id}" in dead[0].last_error
    if status == 400:  # this message was refused; the channel itself works: the next is tried
        assert report.dead == 2
    else:  # the channel is misconfigured: its other alerts wait for the next round
        assert report.dead == 1 and len([r for r in rows(store) if r.status == "pending"]) == 1


def test_retry_after_is_honoured_for_the_whole_channel(store, receiver, other):
    receiver.replies = [Reply(429, {"Retry-After": "120"})]
    channels = {"hook": channel("hook", receiver.json_url), "other": channel("other",
                                                                             other.json_url)}
    queue(store, channels, [item(1), item(2)])
    clock = Clock()
    report = deliver(store, channels, clock)
    assert (report.sent, report.retrying) == (2, 1)  # the other channel went on
    waiting = [r for r in rows(store) if r.channel == "hook" and r.status == "pending"]
    assert len(waiting) == 2
    assert waiting[0].next_attempt == clock() + timedelta(seconds=120)
    assert "HTTP 429" in waiting[0].last_error
    clock.advance(seconds=60)  # past the usual backoff, but the service asked for 120 s
    assert deliver(store, channels, clock).sent == 0
    assert len(receiver.received) == 0
    clock.advance(seconds=60)
    assert deliver(store, channels, clock).sent == 2
    assert len(receiver.received) == 2 and len(other.received) == 2


def test_retry_after_as_an_http_date(store, receiver):
    now = datetime(2025, 7, 1, 15, 0, tzinfo=UTC)
    assert parse_retry_after("Tue, 01 Jul 2025 15:05:00 GMT", now) == 300
    assert parse_retry_after("30", now) == 30 and parse_retry_after("soon", now) is None
    receiver.replies = [Reply(503, {"Retry-After": "Tue, 01 Jul 2025 15:10:00 GMT"})]
    channels = {"hook": channel("hook", receiver.json_url)}
    queue(store, channels, [item(1)])
    clock = Clock(now)
    deliver(store, channels, clock)
    [row] = rows(store)
    assert row.next_attempt == datetime(2025, 7, 1, 15, 10, tzinfo=UTC)


def test_failures_back_off_exponentially_with_jitter_then_die(store, receiver):
    receiver.default = Reply(500)
    channels = {"hook": channel("hook", receiver.json_url)}
    queue(store, channels, [item(1)])
    clock = Clock()
    waits = []
    for _ in range(5):
        deliver(store, channels, clock, max_attempts=5, retry_base=60, retry_max=600)
        [row] = rows(store)
        if row.status == "dead":
            break
        waits.append((row.next_attempt - clock()).total_seconds())
        clock.now = row.next_attempt
    assert row.status == "dead" and row.attempts == 5
    for n, wait in enumerate(waits):
        assert 0.8 * min(600, 60 * 2 ** n) <= wait <= 1.2 * min(600, 60 * 2 ** n)


def test_dead_letters_are_reported_once_on_the_fallback_channel(store, receiver, other):
    receiver.default = Reply(403)
    channels = {"hook": channel("hook", receiver.json_url),
                "ops": channel("ops", other.json_url, fmt="markdown")}
    queue(store, {"hook": channels["hook"]}, [item(1), item(2)])
    clock = Clock()
    for _ in range(3):
        deliver(store, channels, clock, fallback="ops")
        clock.advance(minutes=1)
    assert [r.status for r in rows(store) if r.channel == "hook"] == ["dead", "dead"]
    notices = other.received
    assert len(notices) == 2  # one per round in which alerts died, never repeated
    first = notices[0].body
    assert first["title"] == "alerts: 1 undelivered message"
    assert r"HTTP 403" in first["message"] and r"alerts outbox retry ID" in first["message"]
    clock.advance(minutes=5)
    deliver(store, channels, clock, fallback="ops")
    assert len(other.received) == 2


def test_a_dead_notice_is_not_reported_about(store, receiver):
    receiver.default = Reply(404)
    channels = {"hook": channel("hook", receiver.json_url)}
    queue(store, channels, [item(1)])
    clock = Clock()
    for _ in range(4):  # alert dies, notice queued on the same broken channel, notice dies
        deliver(store, channels, clock, fallback="hook")
        clock.advance(minutes=1)
    kinds = sorted((r.kind, r.status) for r in rows(store))
    assert kinds == [("alert", "dead"), ("notice", "dead")]


def test_a_channel_with_two_services_retries_only_the_one_that_failed(store, receiver,
                                                                      other):
    other.replies = [Reply(500)]
    channels = {"both": channel("both", receiver.json_url, other.json_url)}
    queue(store, channels, [item(1)])
    clock = Clock()
    assert deliver(store, channels, clock).retrying == 1
    [row] = rows(store)
    assert len(row.services_done) == 1 and "JSON #2" in row.last_error
    clock.advance(hours=1)
    assert deliver(store, channels, clock).sent == 1
    assert len(receiver.received) == 1 and len(other.received) == 1  # exactly once each


def test_one_failing_channel_never_blocks_the_others(store, receiver, other):
    receiver.default = Reply(500)
    channels = {"down": channel("down", receiver.json_url),
                "up": channel("up", other.json_url),
                "gone": channel("gone", "json://127.0.0.1:9/nothing-listens")}
    queue(store, channels, [item(n) for n in range(3)])
    report = deliver(store, channels, Clock())
    assert report.sent == 3 and len(other.received) == 3
    assert report.retrying == 2  # one try per failing channel; the rest wait untouched
    assert sum(r.attempts for r in rows(store) if r.status == "pending") == 2


SECRET = "s3cr3t-Passw0rd-value"
TOKEN = "AbCdEfGhIjKlMnOpQrStUvWx"


def test_secrets_never_appear_in_errors_or_logs(store, caplog):
    caplog.set_level(logging.DEBUG)
    url = f"json://desk:{SECRET}@127.0.0.1:9/hook/{TOKEN}?+X-Api-Key={SECRET}"
    channels = {"hook": channel("hook", url)}
    queue(store, channels, [item(1)])
    report = deliver(store, channels, Clock())
    assert report.retrying == 1
    [row] = rows(store)
    assert row.last_error and SECRET not in row.last_error and TOKEN not in row.last_error
    # Apprise's own records (which quote URLs and custom headers at DEBUG) never reach the
    # log: its logger does not propagate. pytest attaches to it anyway, so leave them out.
    ours = [r.getMessage() for r in caplog.records if not r.name.startswith("apprise")]
    assert any("channel 'hook'" in line for line in ours)
    assert not any(SECRET in line or TOKEN in line for line in ours)
    assert not logging.getLogger("apprise").propagate
