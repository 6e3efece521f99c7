"""`metrics.listen`: the daemon (a real subprocess) serves Prometheus metrics on loopback."""

from __future__ import annotations

import re
import socket

import httpx
import pytest

from alerts.config import load_settings
from alerts.errors import ConfigError
from tests.conftest import write_config
from tests.feeds import rss, rss_item
from tests.servers import free_port, wait_for
from tests.test_daemon import start_daemon, stop_daemon

pytestmark = pytest.mark.slow


def scrape(url: str) -> dict[str, float]:
    try:
        text = httpx.get(url, timeout=5).text
    except httpx.HTTPError:
        return {}
    values = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            values[name] = float(value)
    return values


def test_daemon_serves_poll_item_match_and_delivery_metrics(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(
        rss_item("Pope urges Christmas truce in Ukraine", guid="new-1",
                 link="https://wire.example.org/truce", summary="He called for a truce."),
        rss_item("Markets open higher", guid="old-1")))
    broken = feed_server.put("/broken.xml", "<html><body>Not a feed</body></html>")
    port = free_port()
    config = write_config(tmp_path, channels={"hook": webhook.url},
                          feeds=[{"url": url, "name": "Wire", "interval": 1, "backfill": True},
                                 {"url": broken, "name": "Broken", "interval": 60}],
                          metrics={"listen": f"127.0.0.1:{port}"})
    endpoint = f"http://127.0.0.1:{port}/metrics"
    proc = start_daemon(config)
    try:
        assert wait_for(lambda: scrape(endpoint).get(
            'alerts_deliveries_total{result="sent"}', 0) >= 1, timeout=30), scrape(endpoint)
        assert wait_for(lambda: scrape(endpoint).get(
            'alerts_polls_total{feed="Wire",outcome="not-modified"}', 0) >= 1, timeout=30)
        metrics = scrape(endpoint)
    finally:
        code, _, err = stop_daemon(proc)
    assert code == 0, err
    assert metrics['alerts_polls_total{feed="Wire",outcome="new"}'] == 1
    assert metrics['alerts_items_new_total{feed="Wire"}'] == 2
    assert metrics['alerts_rule_matches_total{rule="ceasefire-call"}'] == 1
    assert metrics["alerts_alerts_queued_total"] == 1
    assert metrics['alerts_outbox_messages{status="pending"}'] == 0
    assert metrics['alerts_outbox_messages{status="sent"}'] == 1
    assert metrics['alerts_polls_total{feed="Broken",outcome="error"}'] == 1
    assert metrics['alerts_feed_consecutive_failures{feed="Broken"}'] == 1
    assert metrics['alerts_feed_consecutive_failures{feed="Wire"}'] == 0
    assert metrics['alerts_feed_last_success_timestamp_seconds{feed="Wire"}'] > 1.7e9
    assert metrics["alerts_rules_loaded"] >= 1
    # The exporter went away with the daemon.
    assert scrape(endpoint) == {}


def test_a_taken_metrics_port_is_reported_and_polling_goes_on(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("Markets open higher", guid="old-1")))
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    config = write_config(tmp_path, channels={"hook": webhook.url},
                          feeds=[{"url": url, "name": "Wire", "interval": 1}],
                          metrics={"listen": f"127.0.0.1:{port}"})
    try:
        proc = start_daemon(config)
        try:
            assert wait_for(lambda: len(feed_server.statuses("/wire.xml")) >= 2, timeout=30)
        finally:
            code, _, err = stop_daemon(proc)
    finally:
        holder.close()
    assert code == 0, err
    assert re.search(rf"metrics are not served: cannot listen on 127.0.0.1:{port} .*"
                     "choose a free address in metrics.listen", err), err


@pytest.mark.parametrize("listen", ["9464", "localhost", "127.0.0.1:99999", "host:port"])
def test_a_wrong_metrics_address_is_a_config_error_with_its_line(tmp_path, listen):
    config = write_config(tmp_path, channels={"log": {"urls": ["console://"]}}, feeds=[],
                          metrics={"listen": listen})
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    text = str(caught.value)
    line = next(n for n, row in enumerate(config.read_text().splitlines(), 1) if "listen" in row)
    assert f"alerts.yaml:{line}:" in text and "write host:port" in text, text
