"""Delivery through Apprise to real servers on loopback: SMTP (aiosmtpd) and a JSON webhook."""

import asyncio
import random
from datetime import UTC, datetime, timedelta

from alerts.config import Channel, NotifySettings
from alerts.deliver import deliver_due
from alerts.models import Fetched, Item, Match
from alerts.notify import Notifier, redact, render
from alerts.state import QueuedAlert, Store
from tests.servers import WebhookReceiver

T0 = datetime(2025, 7, 1, 15, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = T0):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def make_item(n: int) -> Item:
    return Item(feed_url="https://wire.example.org/rss", feed_name="Wire", key=f"g:{n}",
                guid=str(n), link=f"https://wire.example.org/{n}",
                title=f"Leaders urge ceasefire #{n}", summary="They called for a truce.",
                published=T0, content_hash=f"h{n}")


def queue(store: Store, channels: tuple[str, ...], count: int = 1) -> None:
    items = [make_item(n) for n in range(count)]
    match = Match("ceasefire-call", "Someone calls for a ceasefire", "high", channels,
                  "matched because: 'ceasefire' (title), 'urge' (title)")
    alerts = [QueuedAlert(i.key, match, tuple((c, *render(i, match)) for c in channels))
              for i in items]
    store.record_poll(feed_url=items[0].feed_url, feed_name="Wire", now=T0,
                      fetched=Fetched(items[0].feed_url, items[0].feed_url, 200, b""),
                      body_hash="x", new_items=items, edited_items=[], seen_keys=[],
                      alerts=alerts)


def deliver(store, channels: dict[str, Channel], clock, settings=None):
    settings = settings or NotifySettings()
    return asyncio.run(deliver_due(store, Notifier(channels), settings, clock, random.Random(1)))


def test_email_and_webhook_each_get_one_message(store, smtp, webhook):
    channels = {"mail": Channel("mail", (smtp.url,)), "hook": Channel("hook", (webhook.url,))}
    queue(store, ("mail", "hook"))
    report = deliver(store, channels, Clock())
    assert (report.sent, report.failed) == (2, 0)
    assert len(smtp.messages) == 1 and len(webhook.received) == 1
    mail = smtp.messages[0]
    assert mail["Subject"].startswith("[high] Someone calls for a ceasefire: Leaders urge")
    assert "matched because: 'ceasefire' (title)" in mail.get_payload(decode=True).decode()
    assert "https://wire.example.org/0" in webhook.received[0]["message"]
    # Delivered alerts are not sent again.
    assert deliver(store, channels, Clock()).sent == 0
    assert store.outbox_counts() == {"sent": 2}


def test_smtp_outage_keeps_alerts_queued_then_delivers_each_once(store, smtp):
    channels = {"mail": Channel("mail", (smtp.url,))}
    queue(store, ("mail",), count=3)
    smtp.stop()
    clock = Clock()
    report = deliver(store, channels, clock)
    # The first failure marks the channel down for this round; the others wait untouched.
    assert (report.sent, report.retrying) == (0, 1)
    assert store.outbox_counts() == {"pending": 3}
    row = next(iter(store.rows("outbox")))
    assert row["attempts"] == 1 and row["last_error"]
    smtp.start()
    assert deliver(store, channels, clock).sent == 2  # the failed one waits for its retry time
    clock.now += timedelta(hours=2)
    assert deliver(store, channels, clock).sent == 1
    assert len(smtp.messages) == 3
    assert sorted(m["Subject"][-2:] for m in smtp.messages) == ["#0", "#1", "#2"]


def test_one_failing_channel_does_not_block_another(store, webhook):
    down = WebhookReceiver(status=500)
    try:
        channels = {"down": Channel("down", (down.url,)), "hook": Channel("hook", (webhook.url,))}
        queue(store, ("down", "hook"), count=2)
        report = deliver(store, channels, Clock())
        assert (report.sent, report.retrying) == (2, 1)
        assert len(webhook.received) == 2
    finally:
        down.close()


def test_alert_is_given_up_after_max_attempts(store):
    channels = {"hook": Channel("hook", ("json://127.0.0.1:9/hook",))}
    queue(store, ("hook",))
    clock = Clock()
    settings = NotifySettings(max_attempts=3, retry_base=1, retry_max=1)
    for _ in range(3):
        deliver(store, channels, clock, settings)
        clock.now += timedelta(seconds=5)
    assert store.outbox_counts() == {"dead": 1}


def test_check_rejects_unusable_channels(tmp_path):
    broken = tmp_path / "apprise.yml"
    broken.write_text("urls: [ this is : not valid\n")
    problems = Notifier({
        "ok": Channel("ok", ("json://127.0.0.1:9/x",)),
        "bad": Channel("bad", ("nonsense://x",)),
        "empty-config": Channel("empty-config", config_file=str(broken)),
    }).check()
    text = "\n".join(str(p) for p in problems)
    assert "channel 'bad'" in text and "channel 'empty-config'" in text
    assert "channel 'ok'" not in text


def test_console_target_prints_the_alert(capsys):
    outcome = Notifier({"t": Channel("t", ("console://",))}).send("t", "Title here", "Body here")
    assert outcome.ok
    out = capsys.readouterr().out
    assert "Title here" in out and "Body here" in out


def test_secrets_are_redacted_from_errors():
    channel = Channel("mail", ("mailtos://desk:hunter2-long@smtp.example.org?to=a@example.org",))
    assert "hunter2" not in redact("login failed for desk:hunter2-long", channel)


def test_render_has_who_what_when_where_and_why():
    match = Match("r", "Rule title", "low", ("c",), "matched because: x")
    title, body = render(make_item(7), match)
    assert title == "[low] Rule title: Leaders urge ceasefire #7"
    assert "When: 2025-07-01 15:00 UTC" in body
    assert "- Wire: Leaders urge ceasefire #7 https://wire.example.org/7" in body
    assert "matched because: x" in body and "Rule: Rule title (r, low)" in body
