"""The demo wire (alerts/demo/server.py) releases its items from the daemon's first request."""

from __future__ import annotations

import urllib.request

from alerts.demo.server import DemoWire


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def items_served(wire: DemoWire) -> int:
    url = wire.feed_urls()[0][0]
    with urllib.request.urlopen(url, timeout=10) as answer:  # loopback only
        return answer.read().count(b"<item>")


def test_a_slow_start_up_does_not_turn_the_demo_items_into_backlog():
    clock = FakeClock()
    wire = DemoWire(every=1.0, clock=clock).start()
    try:
        clock.now += 600  # the daemon took ten minutes to start: nothing was released yet
        assert items_served(wire) == wire.backlog
        clock.now += 1.0 * len(wire.feeds)  # one release for every feed
        assert items_served(wire) == wire.backlog + 1
        clock.now += 10_000
        assert items_served(wire) == len(wire.feeds[0].items)
        assert wire.all_released()
    finally:
        wire.stop()


def test_the_demo_refuses_a_state_another_daemon_holds(tmp_path):
    from alerts.lock import StateLock
    from tests.conftest import run_cli

    state = tmp_path / "alerts.db"
    lock = StateLock(state)
    lock.acquire("run")  # a daemon on this state
    try:
        proc = run_cli("demo", "--state", str(state), "--duration", "1", cwd=tmp_path)
    finally:
        lock.release()
    assert proc.returncode != 0
    assert "is in use by process" in proc.stderr and "`alerts run`" in proc.stderr
    assert "without --state" in proc.stderr
    assert not state.exists()  # nothing was written into the other daemon's state
