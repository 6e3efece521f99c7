"""A running daemon applies an edited alerts.yaml: feeds and channels added, removed and
changed without a restart; a broken edit keeps the last good configuration and says why."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.conftest import write_config
from tests.feeds import rss, rss_item
from tests.servers import WebhookReceiver, wait_for
from tests.test_daemon import alerts_received, start_daemon, stop_daemon

pytestmark = pytest.mark.slow


def _edit(config: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(config.read_text())
    change(data)
    config.write_text(yaml.safe_dump(data, sort_keys=False))


def test_feeds_and_channels_follow_the_configuration(tmp_path, feed_server, webhook):
    second = WebhookReceiver()
    a = feed_server.put("/a.xml", rss(rss_item("Nothing yet", guid="a0")))
    b = feed_server.put("/b.xml", rss(rss_item("Old news from B", guid="b0")))
    config = write_config(tmp_path, feeds=[{"url": a, "name": "A", "interval": 1}],
                          channels={"hook": webhook.url})
    proc = start_daemon(config)
    try:
        assert wait_for(lambda: len(feed_server.statuses("/a.xml")) >= 1, timeout=30)
        assert not feed_server.statuses("/b.xml")

        def add_b_and_a_channel(data: dict) -> None:
            data["feeds"].append({"url": b, "name": "B", "interval": 1})
            data["channels"]["second"] = second.url
            data["defaults"]["channels"] = ["hook", "second"]

        _edit(config, add_b_and_a_channel)
        assert wait_for(lambda: len(feed_server.statuses("/b.xml")) >= 1, timeout=30)
        feed_server.put("/b.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="b1"),
                                      rss_item("Old news from B", guid="b0")))
        assert wait_for(lambda: len(alerts_received(webhook)) == 1
                        and len(alerts_received(second)) == 1, timeout=30)

        # A feed removed is no longer polled: B goes on, A stops (one poll may be in flight).
        _edit(config, lambda data: data.update(feeds=[f for f in data["feeds"]
                                                      if f["name"] != "A"]))
        b_before = len(feed_server.statuses("/b.xml"))
        assert wait_for(lambda: len(feed_server.statuses("/b.xml")) >= b_before + 2, timeout=30)
        a_after = len(feed_server.statuses("/a.xml"))
        assert wait_for(lambda: len(feed_server.statuses("/b.xml")) >= b_before + 6, timeout=30)
        assert len(feed_server.statuses("/a.xml")) <= a_after + 1

        # A broken edit changes nothing: B is still polled and alerts reach both channels.
        good = config.read_text()
        config.write_text(good.replace("channels:\n  hook:", "channels:\n  hook: nonsense://x\n"
                                                              "  typo:"))
        assert wait_for(lambda: any("configuration on disk NOT loaded" in m.get("title", "")
                                    for m in webhook.received), timeout=30)
        feed_server.put("/b.xml", rss(rss_item("Pope urges Christmas truce", guid="b2"),
                                      rss_item("UN urges ceasefire in Sudan", guid="b1")))
        assert wait_for(lambda: len(alerts_received(webhook)) == 2
                        and len(alerts_received(second)) == 2, timeout=30)

        # Fixed again, and the second channel dropped: alerts go to the first one only.
        config.write_text(good)
        _edit(config, lambda data: (data["channels"].pop("second"),
                                    data["defaults"].update(channels=["hook"])))
        assert wait_for(lambda: any("loaded again" in m.get("title", "")
                                    for m in webhook.received), timeout=30)
        feed_server.put("/b.xml", rss(rss_item("Leaders urge truce in Gaza", guid="b3"),
                                      rss_item("Pope urges Christmas truce", guid="b2")))
        assert wait_for(lambda: len(alerts_received(webhook)) == 3, timeout=30)
    finally:
        code, _, err = stop_daemon(proc)
        second.close()
    assert code == 0, err
    assert "configuration reloaded" in err and "added B" in err and "removed A" in err
    assert "configuration not reloaded; still using the last good one" in err
    assert "nonsense://" in err
    # Nothing lost, nothing twice.
    assert Counter(m["title"] for m in alerts_received(webhook)).most_common(1)[0][1] == 1
    assert len(alerts_received(second)) == 2


def test_a_changed_interval_and_a_restart_only_setting(tmp_path, feed_server, webhook):
    a = feed_server.put("/a.xml", rss(rss_item("Nothing yet", guid="a0")))
    config = write_config(tmp_path, feeds=[{"url": a, "name": "A", "interval": 3600}],
                          channels={"hook": webhook.url})
    proc = start_daemon(config)
    try:
        assert wait_for(lambda: len(feed_server.statuses("/a.xml")) == 1, timeout=30)

        def faster(data: dict) -> None:
            data["feeds"][0]["interval"] = 1
            data["fetch"]["timeout"] = 7

        _edit(config, faster)
        assert wait_for(lambda: len(feed_server.statuses("/a.xml")) >= 3, timeout=30)
    finally:
        code, _, err = stop_daemon(proc)
    assert code == 0, err
    assert "changed A" in err
    assert "fetch changed in" in err and "next restart" in err
