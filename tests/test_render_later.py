"""Store less, render later (issue #17): the poller queues an alert with its title and the
facts its message is made of, but not the rendered body, nor the item's summary and the
match's explanation (stored with the item and the match already); the sender renders the
body as it sends. Rows queued by earlier versions, with their body, are sent as they are."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from alerts.messages import ALERT, Outgoing
from alerts.state import Store
from tests.conftest import alerts_received, outbox_messages, query, run_cli, write_config
from tests.feeds import rss, rss_item

SUMMARY = "Civilians have paid the highest price in a war now in its third year."


def test_an_alert_is_queued_without_its_body_and_sent_with_it(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("UN chief urges ceasefire in Sudan",
                                                    guid="1", summary=SUMMARY)))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url})
    queued = run_cli("--config", str(config), "poll", "--once", "--backfill", "--no-send")
    assert queued.returncode == 0, queued.stdout + queued.stderr
    db = tmp_path / "state" / "alerts.db"
    ((title, body, payload),) = query(db, "SELECT title, body, payload FROM outbox")
    assert body == ""
    facts = json.loads(payload)
    # Its title is the default one its facts make: not stored, made again when read (#17).
    assert title == "" and facts["d"] == 1
    assert "summary" not in facts and "explanation" not in facts
    # Nor the facts its stored item gives back (title, link, publication time): read with it.
    assert "title" not in facts and "link" not in facts and facts["i"] == 15
    store = Store(db)
    try:
        (row,) = store.outbox_list(["pending"])
    finally:
        store.close()
    assert row.title == "[high] Someone calls for a ceasefire: UN chief urges ceasefire in Sudan"
    assert row.payload["title"] == "UN chief urges ceasefire in Sudan"
    assert {"link", "published", "when"} <= row.payload.keys()
    sent = run_cli("--config", str(config), "poll", "--once")
    assert sent.returncode == 0 and "alerts delivered: 1" in sent.stdout, sent.stderr
    (message,) = alerts_received(webhook)
    assert message["title"] == row.title
    assert SUMMARY in message["message"]
    assert "matched because: 'ceasefire' (title), 'urges' (title)" in message["message"]
    # What the tests read as "the message" is what was sent.
    (rendered,) = outbox_messages(db)
    assert rendered.body.strip() == message["message"].strip()


def test_a_message_queued_with_its_body_is_sent_as_it_is(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("Markets open higher", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url})
    db = tmp_path / "state" / "alerts.db"
    db.parent.mkdir()
    store = Store(db)
    try:  # as an earlier version queued an alert: rendered, before the upgrade
        store.queue([Outgoing("hook", "Queued before", "The body rendered back then.\n",
                              kind=ALERT, alert_id="a1", severity="high",
                              rule_id="ceasefire-call", payload={"title": "Queued before"})],
                    datetime.now(UTC))
    finally:
        store.close()
    sent = run_cli("--config", str(config), "poll", "--once")
    assert sent.returncode == 0 and "alerts delivered: 1" in sent.stdout, sent.stderr
    (message,) = alerts_received(webhook)
    assert message["title"] == "Queued before"
    assert message["message"].strip() == "The body rendered back then."
