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
