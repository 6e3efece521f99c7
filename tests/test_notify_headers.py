"""An email service whose plugin starts without a header mapping (Apprise sets `headers`
on its email plugin today, but the attribute is its own, not ours): the alert id and the
thread headers are still added, and the message still goes out, through a real SMTP server."""

from __future__ import annotations

from typing import Any

from alerts.notify import Notifier
from tests.notify_support import channel


class HeaderlessNotifier(Notifier):
    """The real Notifier and Apprise plugin; only the plugin's `headers` is taken away."""

    def _plugin(self, url: str, asset: Any, tags: list[str] | None) -> Any:
        plugin = super()._plugin(url, asset, tags)
        plugin.headers = None
        return plugin


def test_an_email_plugin_without_headers_still_carries_the_alert_id(smtp):
    notifier = HeaderlessNotifier({"mail": channel("mail", smtp.url)})
    outcome = notifier.send("mail", "Ceasefire agreed", "Both sides agree.",
                            alert_id="a1", thread_id="a0")
    assert outcome.ok, outcome.error
    [message] = smtp.messages
    assert message["X-Alert-Id"] == "a1"
    assert message["In-Reply-To"] == message["References"] == "<alert-a0.mail@example.org>"
