"""`alerts run` as a real subprocess: polls a loopback feed, mails and posts alerts exactly once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import (
    alerts_received,
    cli_env,
    poll_marker,
    start_daemon,
    stop_daemon,
    write_config,
)
from tests.feeds import rss, rss_item
from tests.servers import wait_for

pytestmark = pytest.mark.slow


def outbox_statuses(db: Path) -> list[str]:
    with sqlite3.connect(db, timeout=5) as conn:
        return [r[0] for r in conn.execute("SELECT status FROM outbox ORDER BY id")]


def test_daemon_alerts_once_by_email_and_webhook_and_not_again_after_restart(
        tmp_path, feed_server, smtp, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("Markets open higher", guid="old-1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "interval": 1}],
                          channels={"mail": smtp.url, "hook": webhook.url})
    db = tmp_path / "state" / "alerts.db"
    proc = start_daemon(config)
    try:
        assert wait_for(lambda: poll_marker(db) != 0, timeout=30), "the daemon never polled"
        feed_server.put("/wire.xml", rss(
            rss_item("Pope urges Christmas truce in Ukraine", guid="new-1",
                     link="https://wire.example.org/truce", summary="He called for a truce."),
            rss_item("Markets open higher", guid="old-1")))
        assert wait_for(lambda: len(smtp.messages) >= 1 and len(webhook.received) >= 1,
                        timeout=30), "no alert arrived"
        # Several more poll cycles: nothing is sent twice.
        first = poll_marker(db)
        assert wait_for(lambda: poll_marker(db) != first, timeout=15)
        assert wait_for(lambda: feed_server.statuses("/wire.xml").count(304) >= 2, timeout=15)
    finally:
        code, _, err = stop_daemon(proc)
    assert code == 0, err
    assert "stopped cleanly" in err
    assert len(smtp.messages) == 1 and len(webhook.received) == 1
    assert "Pope urges Christmas truce" in smtp.messages[0]["Subject"]
    assert webhook.received[0]["title"].startswith("[high] Someone calls for a ceasefire")
    assert outbox_statuses(db) == ["sent", "sent"]

    # Restart: the same feed is polled again, and nothing is sent again.
    before = len(feed_server.requests)
    proc = start_daemon(config)
    try:
        assert wait_for(lambda: len(feed_server.requests) >= before + 2, timeout=30)
    finally:
        code, _, err = stop_daemon(proc)
    assert code == 0, err
    assert len(smtp.messages) == 1 and len(webhook.received) == 1


def test_ctrl_c_and_duration_stop_cleanly(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss())
    config = write_config(tmp_path, feeds=[{"url": url}], channels={"hook": webhook.url})
    proc = start_daemon(config)
    assert wait_for(lambda: len(feed_server.requests) >= 1, timeout=30)
    code, _, err = stop_daemon(proc, signal.SIGINT)
    assert code == 0 and "stopped cleanly" in err

    proc = start_daemon(config, "--duration", "2")
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "stopped cleanly" in err


def test_sighup_reload_keeps_the_last_good_rules(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("Nothing yet", guid="0")))
    config = write_config(tmp_path, feeds=[{"url": url, "interval": 1}],
                          channels={"hook": webhook.url})
    rule_file = tmp_path / "rules" / "ceasefire.yaml"
    db = tmp_path / "state" / "alerts.db"
    # The log in a file, read while the daemon runs: each new feed is served only once the
    # reload it tests has been taken (else a poll before it reads the item with the old
    # rules, under load), and a pipe nobody reads cannot fill and stall the daemon.
    log = tmp_path / "daemon.log"
    with log.open("w") as stderr:
        proc = start_daemon(config, stderr=stderr)
    try:
        assert wait_for(lambda: poll_marker(db) != 0, timeout=30)
        good = rule_file.read_text()
        rule_file.write_text("id: broken\nmatch: {terms: ['']}\n")
        proc.send_signal(signal.SIGHUP)
        assert wait_for(lambda: "rules not reloaded" in log.read_text(), timeout=30)
        feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1"),
                                         rss_item("Nothing yet", guid="0")))
        # The old rule still fires: the broken file did not replace it.
        assert wait_for(lambda: len(alerts_received(webhook)) == 1, timeout=30)
        rule_file.write_text(good.replace("[ceasefire, truce]", "[ceasefire, truce, armistice]"))
        proc.send_signal(signal.SIGHUP)
        assert wait_for(lambda: "rules reloaded: 1 rules" in log.read_text(), timeout=30)
        feed_server.put("/wire.xml", rss(rss_item("Leaders urge armistice", guid="2"),
                                         rss_item("UN urges ceasefire in Sudan", guid="1")))
        assert wait_for(lambda: len(alerts_received(webhook)) == 2, timeout=30)
    finally:
        code, _, _ = stop_daemon(proc)
    err = log.read_text()
    assert code == 0
    assert "rules not reloaded; still using the last good set" in err
    assert "empty term" in err and "rules reloaded: 1 rules" in err


def test_demo_runs_and_prints_explained_alerts(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "alerts", "demo", "--duration", "12",
                           "--every", "0.4"], env=cli_env(), capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "existing items recorded without alerting" in proc.stderr
    assert "matched because:" in proc.stdout
    assert "First contact after a long gap: Macron speaks with Putin" in proc.stdout
    assert "Someone calls for a ceasefire: Macron urges Putin" in proc.stdout
    # Metaphors and routine calls in the wire never alert.
    assert "Price war" not in proc.stdout and "Football clubs" not in proc.stdout
    assert "routine call" not in proc.stdout


def test_rule_files_changed_on_disk_are_reloaded_and_bad_ones_refused(tmp_path, feed_server,
                                                                      webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("Nothing yet", guid="0")))
    config = write_config(tmp_path, feeds=[{"url": url, "interval": 1}],
                          channels={"hook": webhook.url})
    rule_file = tmp_path / "rules" / "ceasefire.yaml"
    db = tmp_path / "state" / "alerts.db"
    proc = start_daemon(config)
    try:
        assert wait_for(lambda: poll_marker(db) != 0, timeout=30)
        good = rule_file.read_text()
        rule_file.write_text("id: broken\nmatch: {regex: '(a)\\1'}\n")  # no SIGHUP: just saved
        time.sleep(3)  # the watcher looks every 2 s
        feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1"),
                                         rss_item("Nothing yet", guid="0")))
        assert wait_for(lambda: len(alerts_received(webhook)) == 1, timeout=30)
        (tmp_path / "rules" / "armistice.yaml").write_text(
            good.replace("ceasefire-call", "armistice").replace("[ceasefire, truce]",
                                                                "[armistice]"))
        rule_file.write_text(good)
        time.sleep(3)
        feed_server.put("/wire.xml", rss(rss_item("Leaders urge armistice", guid="2"),
                                         rss_item("UN urges ceasefire in Sudan", guid="1")))
        assert wait_for(lambda: len(alerts_received(webhook)) == 2, timeout=30)
        assert wait_for(lambda: any("rule files loaded again" in m["title"]
                                    for m in webhook.received), timeout=15)
    finally:
        code, _, err = stop_daemon(proc)
    assert code == 0
    assert "rule files changed on disk; reloading" in err
    assert "rules not reloaded; still using the last good set" in err and "RE2" in err
    assert "rules reloaded: 2 rules" in err
    # The operator is told on a channel too (no fallback set: the default channels).
    refused = [m for m in webhook.received if "rule files on disk NOT loaded" in m["title"]]
    assert len(refused) == 1 and "RE2" in refused[0]["message"], webhook.received
    assert "last good set of 1 rules" in refused[0]["message"]


def test_run_with_an_unusable_channel_stops_with_status_2_and_says_which(tmp_path, feed_server):
    url = feed_server.put("/wire.xml", rss(rss_item("Markets open higher", guid="old-1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "interval": 60}],
                          channels={"desk": "nosuchservice://example.org/hook"})
    proc = start_daemon(config)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"the daemon kept running with an unusable channel: {err}")
    assert proc.returncode == 2, err
    assert "channel 'desk'" in err and "fix the channels" in err, err
    assert "stopped cleanly" not in err
