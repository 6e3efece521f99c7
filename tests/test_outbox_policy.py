"""Digests, quiet hours and rate limits on an injected clock: real SQLite, a real webhook
receiver, no sleeping."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, time

import pytest

from alerts.deliver import deliver_due, make_digest
from alerts.notify import Notifier
from alerts.policy import ChannelPolicy, DigestSchedule, QuietHours, RateLimit
from alerts.routing import ChannelStyle
from alerts.state import Store
from tests.notify_support import Clock, HookReceiver, channel, item, queue, settings


@pytest.fixture
def receiver():
    server = HookReceiver()
    yield server
    server.close()


class Desk:
    """One channel with a policy, its outbox, and the receiver behind it."""

    def __init__(self, tmp_path, receiver: HookReceiver, policy: ChannelPolicy,
                 now: datetime = datetime(2025, 7, 1, 15, 0, tzinfo=UTC)):
        self.store = Store(tmp_path / "s.db")
        self.receiver = receiver
        self.channels = {"desk": channel("desk", receiver.json_url, policy=policy)}
        self.clock = Clock(now)
        self.count = 0

    def alerts(self, n: int, severity: str = "medium", rule_id: str = "ceasefire-call",
               rule_title: str = "Someone calls for a ceasefire") -> None:
        items = [item(self.count + i) for i in range(n)]
        self.count += n
        queue(self.store, self.channels, items, severity, now=self.clock(), rule_id=rule_id,
              rule_title=rule_title)

    def at(self, hour: int, minute: int = 0, day: int = 1) -> None:
        self.clock.now = datetime(2025, 7, day, hour, minute, tzinfo=UTC)

    def round(self):
        return asyncio.run(deliver_due(self.store, Notifier(self.channels), settings(),
                                       self.clock, random.Random(1)))

    @property
    def titles(self) -> list[str]:
        return [r.body["title"] for r in self.receiver.received]


def test_digest_every_30_minutes_groups_by_rule_and_story(tmp_path, receiver):
    desk = Desk(tmp_path, receiver, ChannelPolicy(digest=DigestSchedule(every=1800)))
    desk.at(15, 5)
    desk.alerts(2)
    desk.alerts(1, severity="high", rule_id="embassy", rule_title="An embassy closes")
    desk.at(15, 10)
    # A follow-up of the first story joins it in the digest.
    queue(desk.store, desk.channels, [item(0, "Leaders urge ceasefire #0, talks set",
                                          content_hash="h0b")], now=desk.clock(), update=True)
    assert desk.round().held == 4 and receiver.received == []
    desk.at(15, 29)
    assert desk.round().sent == 0
    desk.at(15, 30)
    report = desk.round()
    assert (report.sent, report.digests) == (1, 1)
    [digest] = receiver.received
    assert digest.body["title"] == ("Digest: 4 alerts — An embassy closes (1), Someone calls "
                                    "for a ceasefire (3)")
    text = digest.text
    # Most severe rule first, each story once with all its alert ids.
    assert text.index("(high): 1") < text.index("(medium): 3")
    assert text.count("* Leaders urge ceasefire #0") == 1
    story_ids = [r.alert_id for r in desk.store.outbox_list(["digested"])]
    assert f"alert {story_ids[0]}, {story_ids[3]}" in text
    assert {r.status for r in desk.store.outbox_list(["pending", "digested", "sent"])} == {
        "digested", "sent"}
    # Nothing more until the next slot: 16:00.
    desk.at(15, 40)
    desk.alerts(1)
    desk.at(15, 59)
    assert desk.round().sent == 0
    desk.at(16, 0)
    assert desk.round().sent == 1 and desk.titles[-1].startswith("Digest: 1 alert —")


def test_digest_at_fixed_times_in_a_time_zone(tmp_path, receiver):
    schedule = DigestSchedule(at=(time(8, 0), time(18, 0)), timezone="Europe/Paris")
    desk = Desk(tmp_path, receiver, ChannelPolicy(digest=schedule))
    desk.at(15, 0)  # 17:00 in Paris (summer time)
    desk.alerts(2)
    desk.at(15, 59)
    assert desk.round().sent == 0
    desk.at(16, 0)  # 18:00 in Paris
    assert desk.round().sent == 1
    desk.at(16, 30)
    desk.alerts(1)
    desk.at(5, 59, day=2)
    assert desk.round().sent == 0
    desk.at(6, 0, day=2)  # 08:00 in Paris the next morning
    assert desk.round().sent == 1
    assert len(receiver.received) == 2


def test_digest_times_follow_daylight_saving_time():
    schedule = DigestSchedule(at=(time(8, 0),), timezone="Europe/Paris")
    before = datetime(2025, 3, 29, 12, 0, tzinfo=UTC)
    assert schedule.next_after(before) == datetime(2025, 3, 30, 6, 0, tzinfo=UTC)  # CEST
    assert schedule.next_after(datetime(2025, 3, 28, 12, 0, tzinfo=UTC)) == \
        datetime(2025, 3, 29, 7, 0, tzinfo=UTC)  # still CET


def test_urgent_alerts_skip_the_digest(tmp_path, receiver):
    desk = Desk(tmp_path, receiver, ChannelPolicy(digest=DigestSchedule(every=3600,
                                                                        urgent="critical")))
    desk.alerts(1, severity="critical")
    desk.alerts(1, severity="high")
    assert desk.round().sent == 1
    assert desk.titles == ["[critical] Someone calls for a ceasefire: Leaders urge ceasefire #0"]


def test_quiet_hours_hold_alerts_then_send_one_digest_urgent_ones_at_once(tmp_path, receiver):
    quiet = QuietHours(time(22, 0), time(7, 0), "Europe/Paris", urgent="high")
    desk = Desk(tmp_path, receiver, ChannelPolicy(quiet=quiet))
    desk.at(20, 30)  # 22:30 in Paris
    desk.alerts(3, severity="medium")
    desk.alerts(1, severity="critical")
    report = desk.round()
    assert (report.sent, report.held) == (1, 3)
    assert desk.titles[0].startswith("[critical]")
    desk.at(4, 59, day=2)  # 06:59 in Paris
    assert desk.round().sent == 0
    desk.at(5, 0, day=2)  # 07:00: the window has ended
    report = desk.round()
    assert (report.sent, report.digests) == (1, 1)
    held = receiver.received[-1]
    assert held.body["title"].startswith(
        "Held during quiet hours: 3 alerts (22:00-07:00 Europe/Paris)")
    for n in range(3):
        assert f"Leaders urge ceasefire #{n}" in held.text
    # Daytime alerts go straight out.
    desk.alerts(1)
    assert desk.round().sent == 1 and desk.titles[-1].startswith("[medium]")


def test_a_single_alert_held_in_quiet_hours_goes_out_as_itself(tmp_path, receiver):
    desk = Desk(tmp_path, receiver, ChannelPolicy(quiet=QuietHours(time(22, 0), time(7, 0))))
    desk.at(23, 0)
    desk.alerts(1)
    assert desk.round().sent == 0
    desk.at(7, 0, day=2)
    assert desk.round().sent == 1
    assert desk.titles == ["[medium] Someone calls for a ceasefire: Leaders urge ceasefire #0"]


def test_rate_limit_excess_waits_in_the_outbox(tmp_path, receiver):
    desk = Desk(tmp_path, receiver, ChannelPolicy(rate=RateLimit(2, 60)))
    desk.alerts(5)
    assert desk.round().sent == 2
    desk.clock.advance(seconds=30)
    report = desk.round()
    assert (report.sent, report.held) == (0, 3)
    desk.clock.advance(seconds=31)
    assert desk.round().sent == 2
    desk.clock.advance(seconds=61)
    assert desk.round().sent == 1
    assert sorted(desk.titles) == [f"[medium] Someone calls for a ceasefire: Leaders urge "
                                   f"ceasefire #{n}" for n in range(5)]


def test_rate_limit_excess_folds_into_a_digest(tmp_path, receiver):
    desk = Desk(tmp_path, receiver, ChannelPolicy(rate=RateLimit(2, 60, excess="digest")))
    desk.alerts(5)
    report = desk.round()
    assert (report.sent, report.digests) == (2, 1)
    assert desk.titles[0].endswith("#0")
    assert desk.titles[1].startswith("Rate limit reached, gathered: 4 alerts")
    desk.clock.advance(seconds=30)
    desk.alerts(1)
    assert desk.round().sent == 0  # the window is full: it waits
    desk.clock.advance(seconds=31)
    assert desk.round().sent == 1


def test_a_digest_made_but_not_sent_is_sent_after_a_restart_and_its_alerts_never(tmp_path,
                                                                                 receiver):
    desk = Desk(tmp_path, receiver, ChannelPolicy(digest=DigestSchedule(every=60)))
    desk.alerts(3)
    rows = desk.store.outbox_due(desk.clock())
    # The sender gathered them, then died before sending: the digest is in the outbox.
    made = make_digest(desk.store, ChannelStyle(), "desk", "digest", rows, desk.clock())
    assert made is not None and made.kind == "digest"
    desk.store.close()
    desk.store = Store(tmp_path / "s.db")
    assert desk.round().sent == 1
    assert len(receiver.received) == 1 and desk.titles[0].startswith("Digest: 3 alerts")
    # A second attempt to gather the same alerts changes nothing.
    assert make_digest(desk.store, ChannelStyle(), "desk", "digest", rows, desk.clock()) is None
