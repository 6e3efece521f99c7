"""Email through a real SMTP server (aiosmtpd): alert ids as Message-ID, threaded follow-ups."""

from __future__ import annotations

from alerts.notify import Notifier
from tests.conftest import deliver
from tests.notify_support import Clock, channel, item, queue


def body_of(message) -> str:
    if message.is_multipart():
        return "\n".join(part.get_payload(decode=True).decode() for part in message.walk()
                         if not part.is_multipart())
    return message.get_payload(decode=True).decode()


def test_each_email_carries_its_alert_id_as_its_only_message_id(store, smtp):
    channels = {"mail": channel("mail", smtp.url)}
    queue(store, channels, [item(1), item(2)])
    assert deliver(store, channels).sent == 2
    ids = {row.id: row.alert_id for row in store.outbox_list(["sent"])}
    assert len(smtp.messages) == 2
    for message, alert_id in zip(smtp.messages, ids.values(), strict=True):
        # Apprise adds its own random Message-ID after custom headers; ours replaces it.
        assert message.get_all("Message-ID") == [f"<alert-{alert_id}.mail@example.org>"]
        assert message["X-Alert-Id"] == alert_id
        assert f"-- alert {alert_id}" in body_of(message)


def test_a_repeated_delivery_carries_the_same_message_id(store, smtp):
    """What a crash between sending and recording produces: the same message twice, which
    the mail client recognises by its Message-ID."""
    channels = {"mail": channel("mail", smtp.url)}
    queue(store, channels, [item(1)])
    [row] = store.outbox_due(Clock()())
    notifier = Notifier(channels)
    for _ in range(2):
        assert notifier.send("mail", row.title, row.body, alert_id=row.alert_id).ok
    first, second = smtp.messages
    assert first["Message-ID"] == second["Message-ID"] == f"<alert-{row.alert_id}.mail@example.org>"


def test_a_follow_up_is_threaded_to_the_first_alert(store, smtp):
    channels = {"mail": channel("mail", smtp.url, fmt="html")}
    queue(store, channels, [item(1, "Leaders urge ceasefire in Sudan")])
    assert deliver(store, channels).sent == 1
    edited = item(1, "Leaders urge ceasefire in Sudan; army agrees to talks", content_hash="h1b")
    assert queue(store, channels, [edited], update=True) == 1
    # The same update again (a re-poll) is not queued twice.
    assert queue(store, channels, [edited], update=True) == 0
    assert deliver(store, channels).sent == 1
    first, update = smtp.messages
    first_id = first["Message-ID"]
    assert update["In-Reply-To"] == first_id and update["References"] == first_id
    assert update["Message-ID"] != first_id
    assert update["Subject"].startswith("Update: [high] Someone calls for a ceasefire")
    assert first["X-Alert-Id"] in body_of(update)  # "This is an update to alert ..."
    assert "army agrees to talks" in body_of(update)


def test_html_email_escapes_feed_text(store, smtp):
    channels = {"mail": channel("mail", smtp.url, fmt="html")}
    queue(store, channels, [item(1, "UN <script>x</script> urges _ceasefire_")])
    assert deliver(store, channels).sent == 1
    message = smtp.messages[0]
    html = next(p for p in message.walk() if p.get_content_type() == "text/html")
    text = html.get_payload(decode=True).decode()
    assert "&lt;script&gt;x&lt;/script&gt;" in text and "<script>" not in text
    assert message["Subject"] == "[high] Someone calls for a ceasefire: UN <script>x</script> " \
                                 "urges _ceasefire_"  # a subject is plain text


def test_no_follow_up_when_the_first_alert_never_went_to_the_channel(store, smtp):
    assert queue(store, {"chat": channel("chat", "json://127.0.0.1:9/x")}, [item(1)]) == 1
    edited = item(1, "Leaders urge ceasefire, talks begin", content_hash="h1b")
    assert queue(store, {"mail": channel("mail", smtp.url)}, [edited], update=True) == 0
