"""Email over STARTTLS to a real aiosmtpd on loopback, through the certificate-context stand-in
that Apprise's SMTP controller gets (built only when TLS starts, one per verification mode)."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import pytest
import trustme
from aiosmtpd.controller import Controller

from alerts.config import Channel
from alerts.notify import Notifier, _LazyTLSContext
from tests.servers import free_port


class _Collect:
    def __init__(self) -> None:
        self.messages: list[tuple[str, bool]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append((envelope.content.decode("utf-8", "replace"),
                              session.ssl is not None))
        return "250 OK"


@pytest.fixture
def tls_smtp() -> Iterator[tuple[Controller, _Collect]]:
    authority = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    handler = _Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(),
                            tls_context=context, require_starttls=True)
    controller.start()
    yield controller, handler
    controller.stop()


def _channel(port: int, verify: str) -> Channel:
    return Channel("mail", (f"mailtos://127.0.0.1:{port}?from=alerts@example.org"
                            f"&to=desk@example.org&mode=starttls&verify={verify}",))


def test_starttls_mail_is_delivered_encrypted_with_one_shared_context(tls_smtp):
    controller, handler = tls_smtp
    _LazyTLSContext._cache.clear()
    notifier = Notifier({"mail": _channel(controller.port, "no")})
    for n in range(3):
        outcome = notifier.send("mail", f"Alert {n}", "Body", alert_id=f"a{n}")
        assert outcome.ok, outcome.error
    assert [encrypted for _, encrypted in handler.messages] == [True, True, True]
    assert all("Alert" in text for text, _ in handler.messages)
    # Three connections, one real context (not verifying: the server's CA is private).
    assert list(_LazyTLSContext._cache) == [(False, ssl.CERT_NONE)]


def test_certificate_verification_stays_on_unless_turned_off(tls_smtp):
    controller, handler = tls_smtp
    notifier = Notifier({"mail": _channel(controller.port, "yes")})
    outcome = notifier.send("mail", "Alert", "Body", alert_id="a1")
    # The test CA is not in the system's trust store: a verifying client must refuse.
    assert not outcome.ok
    assert handler.messages == []
