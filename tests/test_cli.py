"""The real CLI, run as a subprocess."""

import json
import sqlite3

from tests.conftest import run_cli, write_config
from tests.feeds import rss, rss_item


def test_check_passes_on_a_good_config(tmp_path, feed_server):
    config = write_config(tmp_path, feeds=[{"url": feed_server.base + "/f.xml"}],
                          channels={"terminal": "console://"})
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 0, result.stderr
    assert "OK: 1 feeds, 1 channels, 1 rules" in result.stdout


def test_check_lists_every_problem_as_file_line(tmp_path):
    config = write_config(tmp_path, feeds=[{"url": "gopher://x"}],
                          channels={"terminal": "console://", "bad": "nonsense://x"},
                          rules={"r.yaml": "id: r\nnotify: [pager]\nmatch:\n  terms: ['']\n"})
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2
    err = result.stderr
    assert "problem(s) found" in err
    assert f"{config}:" in err and "gopher://x" in err
    config_problems = run_cli("--config", str(config).replace("alerts.yaml", "nope.yaml"), "check")
    assert config_problems.returncode == 2 and "cannot read the file" in config_problems.stderr
    # Fix the config, keep the rule broken: rule problems come with their own lines.
    config = write_config(tmp_path, feeds=[], channels={"terminal": "console://", "bad": "nonsense://"},
                          rules={"r.yaml": "id: r\nnotify: [pager]\nmatch:\n  terms: ['']\n"})
    err = run_cli("--config", str(config), "check").stderr
    rule_file = tmp_path / "rules" / "r.yaml"
    assert f"{rule_file}:2: rule 'r' notifies unknown channel 'pager'" in err
    assert f"{rule_file}:4: at 'match.terms[0]': empty term" in err
    assert "channel 'bad'" in err


def test_missing_config_says_what_to_do(tmp_path):
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 2 and "alerts init" in result.stderr


def test_init_writes_a_config_that_checks(tmp_path):
    result = run_cli("init", str(tmp_path / "desk"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "desk" / "alerts.yaml").exists()
    assert (tmp_path / "desk" / "rules" / "ceasefire-call.yaml").exists()
    checked = run_cli("--config", str(tmp_path / "desk" / "alerts.yaml"), "check")
    assert checked.returncode == 0, checked.stderr
    again = run_cli("init", str(tmp_path / "desk"))
    assert again.returncode == 1 and "--force" in again.stderr


def test_poll_once_polls_queues_and_delivers(tmp_path, feed_server, webhook):
    url = feed_server.put("/f.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1"),
                                        rss_item("Markets open higher", guid="2")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url})
    first = run_cli("--config", str(config), "poll", "--once")
    assert first.returncode == 0, first.stderr
    assert "2 existing items recorded without alerting" in first.stdout
    assert webhook.received == []
    feed_server.put("/f.xml", rss(rss_item("Pope calls for truce in Ukraine", guid="3"),
                                  rss_item("UN urges ceasefire in Sudan", guid="1")))
    second = run_cli("--config", str(config), "poll", "--once")
    assert second.returncode == 0, second.stderr
    assert "1 new, 1 alerts queued" in second.stdout
    assert [m["title"] for m in webhook.received] == [
        "[high] Someone calls for a ceasefire: Pope calls for truce in Ukraine"]
    third = run_cli("--config", str(config), "poll", "--once")
    assert "unchanged" in third.stdout and len(webhook.received) == 1


def test_poll_once_with_backfill_and_no_send(tmp_path, feed_server, webhook):
    url = feed_server.put("/f.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url}], channels={"hook": webhook.url})
    result = run_cli("--config", str(config), "poll", "--once", "--backfill", "--no-send")
    assert result.returncode == 0 and "1 alerts queued" in result.stdout
    assert webhook.received == []
    with sqlite3.connect(tmp_path / "state" / "alerts.db") as conn:
        assert conn.execute("SELECT status FROM outbox").fetchall() == [("pending",)]
    run_cli("--config", str(config), "poll")
    assert len(webhook.received) == 1


def test_poll_once_exit_code_reports_a_failed_feed(tmp_path, feed_server, webhook):
    url = feed_server.put("/f.xml", b"<html><body>login</body></html>", content_type="text/html")
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Broken"}],
                          channels={"hook": webhook.url})
    result = run_cli("--config", str(config), "poll", "--once")
    assert result.returncode == 3
    assert "Broken: failed:" in result.stdout and "HTML page" in result.stdout


def test_poll_once_with_an_unusable_channel_keeps_what_it_polled_and_exits_2(
        tmp_path, feed_server, webhook):
    url = feed_server.put("/f.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "backfill": True}],
                          channels={"hook": "nosuchservice://example.org/hook"})
    result = run_cli("--config", str(config), "poll", "--once")
    assert result.returncode == 2, result.stderr
    assert "channel 'hook'" in result.stderr and "not usable by Apprise" in result.stderr
    with sqlite3.connect(tmp_path / "state" / "alerts.db") as conn:
        # Polled and queued, not lost: sent once the channel is fixed.
        assert conn.execute("SELECT status FROM outbox").fetchall() == [("pending",)]
    write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "backfill": True}],
                 channels={"hook": webhook.url})
    fixed = run_cli("--config", str(config), "poll", "--once")
    assert fixed.returncode == 0, fixed.stderr
    assert len(webhook.received) == 1


def test_status_shows_feeds_and_outbox(tmp_path, feed_server, webhook):
    url = feed_server.put("/f.xml", rss(rss_item("x", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url}], channels={"hook": webhook.url})
    run_cli("--config", str(config), "poll", "--once")
    result = run_cli("--config", str(config), "status", "--json")
    assert result.returncode == 0
    assert f'"url": "{url}"' in result.stdout and '"items_seen": 1' in result.stdout
    # How the state numbers a feed and stores its links is its own, not the feed's health.
    feeds = json.loads(result.stdout)["feeds"]
    assert [row["url"] for row in feeds] == [url]
    assert not {"id", "link_base"} & set(feeds[0])
