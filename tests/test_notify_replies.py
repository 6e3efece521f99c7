"""What a service answers, and what it is told: SMTP refusals through a real aiosmtpd server
(5xx dead at once with the server's words, 4xx retried), the severity as Apprise's message
type at a real webhook, and every source link in the plain-text part of an HTML email."""

from __future__ import annotations

import pytest

from alerts.notify import Notifier
from alerts.render import SAMPLE, Renderer
from alerts.state import Store
from tests import conftest
from tests.notify_support import Clock, HookReceiver, channel, item, queue, rows, settings
from tests.servers import SmtpServer


class Refusing:
    """An aiosmtpd handler that refuses recipients (RCPT) or messages (DATA) with a reply."""

    def __init__(self, rcpt: str | None = None, data: str | None = None) -> None:
        self.rcpt, self.data = rcpt, data
        self.rcpt_commands = 0
        self.accepted = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.rcpt_commands += 1
        if self.rcpt:
            return self.rcpt
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data:
            return self.data
        self.accepted += 1
        return "250 OK"


@pytest.fixture
def refusing_smtp():
    servers: list[SmtpServer] = []

    def start(**replies: str) -> tuple[SmtpServer, Refusing]:
        server = SmtpServer()
        handler = Refusing(**replies)
        server.handler = handler  # type: ignore[assignment]
        servers.append(server.start())
        return server, handler

    yield start
    for server in servers:
        server.stop()


def deliver(store, channels, clock=None):
    return conftest.deliver(store, channels, clock, settings(max_attempts=5))


@pytest.mark.parametrize("stage, reply", [
    ("rcpt", "550 5.1.1 mailbox unavailable"),
    ("data", "554 5.7.1 message refused as spam"),
])
def test_an_smtp_5xx_is_dead_at_once_with_the_servers_reply(store, refusing_smtp, stage,
                                                             reply):
    server, handler = refusing_smtp(**{stage: reply})
    channels = {"mail": channel("mail", server.url)}
    queue(store, channels, [item(1)])
    report = deliver(store, channels)
    assert report.dead == 1 and report.retrying == 0
    [row] = rows(store)
    assert row.status == "dead" and row.attempts == 1
    assert reply in row.last_error  # the server's own words
    assert "permanent" in row.last_error and f"alerts outbox retry {row.id}" in row.last_error
    assert handler.accepted == 0


@pytest.mark.parametrize("stage, reply", [
    ("rcpt", "451 4.3.0 mailbox temporarily unavailable"),
    ("data", "452 4.3.1 insufficient system storage"),
])
def test_an_smtp_4xx_is_retried_then_delivered(store, refusing_smtp, stage, reply):
    server, handler = refusing_smtp(**{stage: reply})
    channels = {"mail": channel("mail", server.url)}
    queue(store, channels, [item(1)])
    clock = Clock()
    report = deliver(store, channels, clock)
    assert report.retrying == 1 and report.dead == 0
    [row] = rows(store)
    assert row.status == "pending" and row.attempts == 1 and row.next_attempt > clock()
    assert reply in row.last_error and "permanent" not in row.last_error

    setattr(handler, stage, None)  # the server recovers
    clock.advance(hours=1)
    assert deliver(store, channels, clock).sent == 1
    assert handler.accepted == 1 and rows(store)[0].status == "sent"


def test_the_severity_is_the_message_type_chat_services_colour(tmp_path):
    receiver = HookReceiver()
    try:
        store = Store(tmp_path / "s.db")
        channels = {"hook": channel("hook", receiver.json_url)}
        expected = {"critical": "failure", "high": "warning", "medium": "info", "low": "info",
                    "info": "info"}
        for n, severity in enumerate(expected):
            queue(store, channels, [item(n, f"Leaders urge ceasefire, {severity} #{n}")],
                  severity=severity)
        assert deliver(store, channels).sent == len(expected)
        types = {r.body["title"].split("]")[0].lstrip("["): r.body["type"]
                 for r in receiver.received}
        assert types == expected
    finally:
        receiver.close()


def plain_and_html(message) -> tuple[str, str]:
    parts = {part.get_content_type(): part.get_payload(decode=True).decode()
             for part in message.walk() if not part.is_multipart()}
    return parts["text/plain"], parts["text/html"]


def test_the_text_part_of_an_html_email_keeps_every_source_link(tmp_path, smtp):
    links = ["https://wire.example.org/sudan?id=1&lang=en", "https://other.example.net/a/b",
             "http://third.example.com/x_(y)"]
    facts = dict(SAMPLE)
    facts["sources"] = [{"feed": f"Outlet {i}", "title": f"Report {i} on the truce",
                         "link": link} for i, link in enumerate(links)]
    title, body = Renderer("html").alert(facts)
    notifier = Notifier({"mail": channel("mail", smtp.url, fmt="html")})
    assert notifier.send("mail", title, body, format="html", alert_id="a1").ok
    plain, html = plain_and_html(smtp.messages[0])
    for i, link in enumerate(links):
        shown = link.replace("(", "%28").replace(")", "%29")  # as the link filter encodes it
        assert shown in plain, plain
        assert f"Report {i} on the truce" in plain
        assert shown.replace("&", "&amp;") in html
    assert "http" not in plain.split("Sources:")[0]  # nothing added before the sources


def test_the_text_part_of_an_html_digest_keeps_every_link(store, smtp):
    from alerts.policy import ChannelPolicy, DigestSchedule

    policy = ChannelPolicy(digest=DigestSchedule(every=3600))
    channels = {"mail": channel("mail", smtp.url, fmt="html", policy=policy)}
    queue(store, channels, [item(n) for n in range(1, 4)])
    clock = Clock()
    clock.advance(hours=2)
    report = deliver(store, channels, clock)
    assert report.digests == 1 and report.sent == 1
    plain, _ = plain_and_html(smtp.messages[0])
    for n in range(1, 4):
        assert f"https://wire.example.org/{n}" in plain, plain
