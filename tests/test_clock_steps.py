"""Wall-clock steps: the daemon neither bursts after a forward jump nor stalls after a back one.

The system clock of a shared machine cannot be stepped by a test, so time-machine steps the
wall clock this process sees (time.time, datetime.now), as NTP would, while the monotonic and
boot-time clocks the event loop sleeps on run on untouched, as they do in real life.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
import time_machine

from alerts.cli import _load
from alerts.clock import ClockSteps
from alerts.daemon import Daemon
from alerts.messages import Outgoing
from alerts.models import Fetched
from alerts.state import Store
from tests.conftest import write_config
from tests.feeds import rss, rss_item
from tests.servers import Served

INTERVAL = 2.0


class FakeClocks:
    def __init__(self) -> None:
        self.wall = 1_000_000.0
        self.steady = 50.0

    def run(self, seconds: float) -> None:
        self.wall += seconds
        self.steady += seconds


def test_clock_steps_tells_a_step_from_time_passing():
    clocks = FakeClocks()
    steps = ClockSteps(wall=lambda: clocks.wall, steady=lambda: clocks.steady)
    clocks.run(3600)
    assert steps.check() == 0.0
    clocks.wall += 0.5  # NTP-sized adjustment: noise
    assert steps.check() == 0.0
    clocks.run(10)
    clocks.wall -= 3600
    assert steps.check() == pytest.approx(-3600)
    assert steps.check() == 0.0  # reported once
    clocks.wall += 86400
    assert steps.check() == pytest.approx(86400)
    # A day between checks allows 86 s of drift before calling it a step.
    clocks.run(86400)
    clocks.wall += 60
    assert steps.check() == 0.0


def test_stored_waits_keep_the_time_they_had_left(tmp_path):
    store = Store(tmp_path / "state.db")
    now = datetime(2025, 7, 1, 12, tzinfo=UTC)
    store.record_unchanged("https://a.example/rss", "A", now,
                           Fetched(requested_url="https://a.example/rss",
                                   final_url="https://a.example/rss", status=304, body=None))
    store.record_feed_error("https://a.example/rss", "A", now, "HTTP 500", "http", 500,
                            next_poll_after=now + timedelta(minutes=5))
    store.queue([Outgoing(channel="ops", title="t", body="b", alert_id="n1")], now)
    store.pause_channel("ops", now + timedelta(minutes=2), "Retry-After")

    assert store.shift_deadlines(-3600) == 3
    assert store.feed_health("https://a.example/rss").next_poll_after == \
        now + timedelta(minutes=5) - timedelta(hours=1)
    back = now - timedelta(hours=1)
    assert [row.id for row in store.outbox_due(back)] != []  # still due, not an hour away
    assert store.channel_pauses(back) == {"ops": back + timedelta(minutes=2)}
    store.close()


def _run_daemon_with_a_step(tmp_path, feed_server, step: timedelta, seconds: float,
                            step_after: float) -> tuple[list[float], list[float], list[str]]:
    """Run the daemon in this process for `seconds`, stepping the wall clock once; return the
    monotonic times of the requests to each of two feeds and the warnings logged."""
    body = rss(rss_item("Routine item", guid="r1")).encode()
    for path in ("/a.xml", "/b.xml"):
        feed_server.routes[path] = Served(body)
    config = write_config(tmp_path, channels={"log": {"urls": ["console://"]}}, feeds=[
        {"name": "A", "url": f"{feed_server.base}/a.xml", "interval": INTERVAL},
        {"name": "B", "url": f"{feed_server.base}/b.xml", "interval": INTERVAL},
    ])
    arrivals: dict[str, list[float]] = {"/a.xml": [], "/b.xml": []}
    original = feed_server._log

    def log(path: str, status: int, headers: dict[str, str]) -> None:
        arrivals[path].append(time.monotonic())
        original(path, status, headers)

    feed_server._log = log
    settings, rules = _load(str(config))
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                warnings.append(record.getMessage())

    handler = Collect()
    logging.getLogger("alerts").addHandler(handler)
    try:
        with time_machine.travel(datetime.now(UTC), tick=True) as traveller:
            async def go() -> int:
                daemon = Daemon(settings, rules, duration=seconds)  # type: ignore[arg-type]
                running = asyncio.create_task(daemon.run())
                await asyncio.sleep(step_after)
                traveller.shift(step)
                return await running

            started = time.monotonic()
            assert asyncio.run(go()) == 0
    finally:
        logging.getLogger("alerts").removeHandler(handler)
    return ([t - started for t in arrivals["/a.xml"]], [t - started for t in arrivals["/b.xml"]],
            warnings)


@pytest.mark.parametrize("step", [timedelta(hours=-1), timedelta(days=1)],
                         ids=["backward-one-hour", "forward-one-day"])
def test_a_clock_step_causes_neither_a_stall_nor_a_burst(tmp_path, feed_server, step):
    seconds, step_after = 9.0, 1.0
    a, b, warnings = _run_daemon_with_a_step(tmp_path, feed_server, step, seconds, step_after)
    for times in (a, b):
        after = [t for t in times if t > step_after]
        # No stall: polling goes on at its interval (a stall would last the whole hour or
        # day); the bounds are loose because shared machines are slow at times.
        assert len(after) >= 2, times
        assert max(later - earlier for earlier, later in pairwise(times)) < 3 * INTERVAL, times
        # No burst: never more polls than the interval allows, step or not.
        assert len(times) <= seconds / (INTERVAL * 0.9) + 1, times
    assert any("clock was stepped" in w for w in warnings), warnings
