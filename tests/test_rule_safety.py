"""Rules safety (issue #14): an emptied or deleted rule file never switches alerting off, no
item is marked handled while no rule is loaded, history a loaded rule reads outlives the
retention, and a slow rule reload does not stop polling."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alerts.config import load_settings
from alerts.daemon import Daemon
from alerts.models import Feed, Fetched, Item, PollResult
from alerts.pipeline import Poller
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryEntry, HistoryKeep
from alerts.rules.retention import history_keep, history_needs
from alerts.state import Store
from tests.conftest import CEASEFIRE_RULE, cli_env, poll_once, run_cli, write_config
from tests.feeds import rss, rss_item
from tests.servers import WebhookReceiver, wait_for
from tests.test_daemon import alerts_received, poll_marker, stop_daemon

LOOPBACK = ("127.0.0.0/8",)

EMBASSY_RULE = """\
id: embassy-closed
title: An embassy is closed
severity: high
match:
  all:
    - terms: [embassy]
    - terms: [closes, closed, shut]
"""

GAP_RULE = """\
id: wire-silence
title: The wire speaks of an embassy after a long silence
match:
  all:
    - terms: [embassy]
    - gap: {days: 180, key: feed}
"""


@pytest.fixture
def ops() -> Iterator[WebhookReceiver]:
    """A second receiver: the fallback channel, where notices to the operator go."""
    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


def notices(receiver: WebhookReceiver, words: str) -> list[dict]:
    return [m for m in receiver.received if words in str(m.get("title", ""))]


def start_daemon(config: Path, log: Path) -> subprocess.Popen[str]:
    """The daemon with its log in a file, to be read while it runs."""
    with log.open("w") as stderr:
        return subprocess.Popen([sys.executable, "-m", "alerts", "--config", str(config), "run"],
                                env=cli_env(), stdout=subprocess.DEVNULL, stderr=stderr,
                                text=True)


def two_rule_config(tmp_path: Path, url: str, hook: str, ops: str) -> Path:
    return write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "interval": 1}],
                        channels={"hook": hook, "ops": ops},
                        rules={"ceasefire.yaml": CEASEFIRE_RULE, "embassy.yaml": EMBASSY_RULE},
                        defaults={"interval": 1, "channels": ["hook"]},
                        notify={"interval": 1, "retry_base": 1, "retry_max": 2,
                                "fallback": "ops"})


# -- an emptied or deleted rule file -----------------------------------------------------------

def test_emptied_or_deleted_rule_file_keeps_the_last_good_set_and_says_so(
        tmp_path, feed_server, webhook, ops):
    url = feed_server.put("/wire.xml", rss(rss_item("Nothing yet", guid="0")))
    config = two_rule_config(tmp_path, url, webhook.url, ops.url)
    rule_file = tmp_path / "rules" / "ceasefire.yaml"
    db = tmp_path / "state" / "alerts.db"
    items = [rss_item("Nothing yet", guid="0")]

    def publish(title: str, guid: str) -> None:
        items.insert(0, rss_item(title, guid=guid))
        feed_server.put("/wire.xml", rss(*items))

    log = tmp_path / "daemon.log"
    proc = start_daemon(config, log)
    try:
        assert wait_for(lambda: poll_marker(db) != 0, timeout=30), "the daemon never polled"
        # An editor truncates the file (or it is emptied): the watcher must not apply it.
        rule_file.write_text("")
        assert wait_for(lambda: notices(ops, "NOT loaded"), timeout=30), \
            "no notice on the fallback channel about the emptied rule file"
        publish("UN urges ceasefire in Sudan", "1")
        assert wait_for(lambda: len(alerts_received(webhook)) == 1, timeout=30), \
            "the ceasefire rule stopped alerting when its file was emptied"
        notice = notices(ops, "NOT loaded")[0]["message"]
        assert "ceasefire.yaml (emptied): 'ceasefire-call'" in notice
        assert "SIGHUP" in notice and "last good set of 2 rules" in notice

        # The file comes back: it is loaded, and the operator hears so.
        rule_file.write_text(CEASEFIRE_RULE)
        assert wait_for(lambda: notices(ops, "loaded again"), timeout=30)

        # Deleted outright: the same.
        rule_file.unlink()
        assert wait_for(lambda: len(notices(ops, "NOT loaded")) == 2, timeout=30)
        publish("EU urges truce in Gaza", "2")
        assert wait_for(lambda: len(alerts_received(webhook)) == 2, timeout=30), \
            "the ceasefire rule stopped alerting when its file was deleted"
        assert "ceasefire.yaml (deleted)" in notices(ops, "NOT loaded")[1]["message"]

        # Every rule file gone, even with SIGHUP: still the last good set.
        (tmp_path / "rules" / "embassy.yaml").unlink()
        proc.send_signal(signal.SIGHUP)
        # (Once the reload is done, whatever it did.)
        assert wait_for(lambda: "no rule was found in" in log.read_text()
                        or "rules reloaded on request: 0 rules" in log.read_text(), timeout=30)
        publish("France closes its embassy in Niger", "3")
        assert wait_for(lambda: len(alerts_received(webhook)) == 3, timeout=30)

        # The deliberate removal: the embassy rule comes back, ceasefire stays deleted, and
        # SIGHUP applies it.
        (tmp_path / "rules" / "embassy.yaml").write_text(EMBASSY_RULE)
        proc.send_signal(signal.SIGHUP)
        assert wait_for(lambda: len(notices(ops, "loaded again")) == 2, timeout=30)
        publish("Pope urges ceasefire in Ukraine", "4")
        publish("Kyiv embassy of Italy closed after drone strikes", "5")
        assert wait_for(lambda: len(alerts_received(webhook)) == 4, timeout=30)
        marker = poll_marker(db)
        assert wait_for(lambda: poll_marker(db) != marker, timeout=15)
    finally:
        code, _, _ = stop_daemon(proc)
    err = log.read_text()
    assert code == 0, err
    titles = [m["title"] for m in alerts_received(webhook)]
    assert not any("Pope" in t for t in titles), "a removed rule still alerted after SIGHUP"
    assert any("embassy of Italy closed" in t for t in titles)
    assert "rules not reloaded, as they would switch alerts off" in err
    assert "ERROR" in err.split("rules not reloaded, as they would")[0].splitlines()[-1]
    assert "rules reloaded on request: 1 rules; removed: ceasefire-call" in err


def test_check_run_and_poll_refuse_a_configuration_without_rules(tmp_path, feed_server,
                                                                 webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url}], channels={"hook": webhook.url},
                          rules={})
    for command in (["check"], ["run", "--duration", "20"], ["poll", "--once"]):
        proc = run_cli("--config", str(config), *command)
        assert proc.returncode == 2, (command, proc.stderr)
        assert "no rule was found in" in proc.stderr and "nothing would ever alert" in proc.stderr
        assert "alerts init" in proc.stderr, proc.stderr
    assert feed_server.requests == [], "a feed was polled (and its items marked seen) anyway"

    (tmp_path / "rules" / "off.yaml").write_text(CEASEFIRE_RULE + "enabled: false\n")
    proc = run_cli("--config", str(config), "check")
    assert proc.returncode == 2
    assert "has 'enabled: false'" in proc.stderr and "set 'enabled: true'" in proc.stderr


def test_the_daemon_itself_refuses_to_start_without_rules(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url}], channels={"hook": webhook.url},
                          rules={})
    daemon = Daemon(load_settings(config), RuleSet([]), duration=10)
    assert asyncio.run(daemon.run()) == 2
    assert feed_server.requests == []


# -- nothing is marked handled while no rule is loaded -----------------------------------------

def _poll(db: Path, feed: Feed, poller_rules: RuleSet) -> PollResult:
    return poll_once(db, feed, poller_rules)


def test_an_item_polled_while_no_rule_is_loaded_alerts_once_rules_are_back(
        tmp_path, feed_server):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "ceasefire.yaml").write_text(CEASEFIRE_RULE)
    rules = RuleSet(load_rules([folder]), ("hook",))
    db = tmp_path / "alerts.db"
    url = feed_server.put("/wire.xml", rss(rss_item("Nothing yet", guid="0")))
    feed = Feed(url, "Wire", 60)
    assert _poll(db, feed, rules).status == "new"  # the first poll: the backlog, no alert

    feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1"),
                                     rss_item("Nothing yet", guid="0")))
    requests = len(feed_server.requests)
    result = _poll(db, feed, RuleSet([]))
    assert result.status == "no-rules"
    assert len(feed_server.requests) == requests, "the feed was fetched with no rule loaded"

    result = _poll(db, feed, rules)
    assert result.new_items == 1 and result.alerts_queued == 1, result
    assert result.matched_rules == ["ceasefire-call"]


def test_processing_with_no_rule_records_nothing(tmp_path):
    store = Store(tmp_path / "alerts.db")
    feed = Feed("https://wire.example.org/rss", "Wire", 60)
    item = Item(feed.url, feed.name, "k1", "k1", None, "UN urges ceasefire", "", None)
    result = PollResult(feed.url, "new")
    Poller(store, None, RuleSet([])).process(feed, [item], Fetched(feed.url, feed.url, 200, b""),
                                             "hash", result, alerting=True)
    assert result.status == "no-rules"
    assert store.known_items(feed.url, ["k1"]) == {}
    store.close()


# -- history a loaded rule reads outlives the retention ----------------------------------------

def test_gap_history_older_than_the_retention_survives_pruning_and_the_rule_fires(
        tmp_path, webhook):
    config = write_config(tmp_path, feeds=[], channels={"hook": webhook.url},
                          rules={"gap.yaml": GAP_RULE})
    settings = load_settings(config)
    assert settings.stories.retention == 90 * 86400  # the default
    rules = RuleSet(load_rules(settings.rule_paths), ("hook",))
    t0 = datetime(2026, 1, 5, 9, tzinfo=UTC)
    now = [t0]
    store = Store(settings.state_path)
    feed = Feed("https://wire.example.org/rss", "Wire", 60)
    poller = Poller(store, None, rules, clock=lambda: now[0])

    def arrive(key: str, title: str) -> PollResult:
        item = Item(feed.url, feed.name, key, key, None, title, "", now[0])
        result = PollResult(feed.url, "new")
        poller.process(feed, [item], Fetched(feed.url, feed.url, 200, b""), key, result,
                       alerting=True)
        return result

    assert arrive("a", "Embassy reopens in Kabul").alerts_queued == 0  # no earlier record
    # 150 days on, the daemon prunes with its 90-day retention.
    now[0] = t0 + timedelta(days=150)
    daemon = Daemon(settings, rules, clock=lambda: now[0])
    asyncio.run(daemon._prune(store))
    assert store.history_last("rule:wire-silence", feed.url, now[0]) is not None, \
        "the gap rule's history was pruned at the retention"
    # And again past the gap itself: the newest entry is what the gap is measured from.
    now[0] = t0 + timedelta(days=195)
    asyncio.run(daemon._prune(store))
    now[0] = t0 + timedelta(days=200)
    result = arrive("b", "Embassy in Kabul holds first briefing")
    assert result.alerts_queued == 1, result.matches
    assert "gap 200 days > 180" in result.matches[0][1].explanation
    store.close()


def test_pruning_keeps_per_scope_what_loaded_rules_read(tmp_path):
    store = Store(tmp_path / "alerts.db")
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    entries = [HistoryEntry(scope, key, t0 + timedelta(days=day), "f", "t")
               for scope, key, day in [
                   ("rule:gap", "a", 0), ("rule:gap", "a", 10), ("rule:gap", "b", 5),
                   ("rule:gone", "a", 10), ("shared:contacts", "a", 0),
                   ("rule:count", "a", 0), ("rule:count", "a", 200)]]
    feed = Feed("f", "f", 60)
    store.record_poll(feed_url=feed.url, feed_name=feed.name, now=t0,
                      fetched=Fetched(feed.url, feed.url, 200, b""), body_hash="h",
                      new_items=[], edited_items=[], seen_keys=[], alerts=[], history=entries)
    now = t0 + timedelta(days=400)
    before = now - timedelta(days=90)
    keep = {"rule:gap": HistoryKeep(now - timedelta(days=181), latest=True),
            "rule:count": HistoryKeep(now - timedelta(days=250), latest=False)}
    store.prune(before, keep)
    with sqlite3.connect(tmp_path / "alerts.db") as conn:
        left = sorted(conn.execute("SELECT scope, key, substr(at, 1, 10) FROM history"))
    assert left == [("rule:count", "a", "2025-07-20"),  # within the count's 250 days
                    ("rule:gap", "a", "2025-01-11"),  # the newest per key: the gap's start
                    ("rule:gap", "b", "2025-01-06"),
                    ("shared:contacts", "a", "2025-01-01")]  # shared history stays
    store.close()


def test_history_needs_name_the_longest_window_per_scope(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(GAP_RULE + "throttle: {period: 200d}\n---\n" + """\
id: busy
match:
  all:
    - terms: [embassy]
    - count: {at_least: 3, within: 30d, key: feed, history: wire}
---
id: quiet
match:
  all:
    - terms: [embassy]
    - gap: {days: 400, key: feed, history: wire}
""")
    needs = history_needs(load_rules([folder]))
    assert needs["rule:wire-silence"].window == timedelta(days=181)
    assert needs["rule:wire-silence"].latest
    assert needs["throttle:wire-silence"].window == timedelta(days=200)
    assert needs["shared:wire"].window == timedelta(days=401) and needs["shared:wire"].latest
    now = datetime(2026, 1, 1, tzinfo=UTC)
    keep = history_keep(needs, now - timedelta(days=90), now)
    assert keep["rule:wire-silence"].cutoff == now - timedelta(days=181)


def test_check_warns_when_the_retention_is_shorter_than_a_rule_gap(tmp_path, webhook):
    config = write_config(tmp_path, feeds=[], channels={"hook": webhook.url},
                          rules={"gap.yaml": GAP_RULE})
    proc = run_cli("--config", str(config), "check")
    assert proc.returncode == 0, proc.stderr
    assert "warning:" in proc.stderr and "rule 'wire-silence' uses a gap of 180 days" in \
        proc.stderr and "stories.retention (90d)" in proc.stderr, proc.stderr
    assert "gap.yaml:1:" in proc.stderr

    config = write_config(tmp_path, feeds=[], channels={"hook": webhook.url},
                          rules={"gap.yaml": GAP_RULE}, stories={"retention": "200d"})
    proc = run_cli("--config", str(config), "check")
    assert proc.returncode == 0 and "warning:" not in proc.stderr, proc.stderr


# -- a slow reload does not stop the daemon ----------------------------------------------------

def test_a_slow_rule_reload_does_not_stop_polling(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("Nothing yet", guid="0")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "interval": 1}],
                          channels={"hook": webhook.url})
    settings = load_settings(config)
    rules = RuleSet(load_rules(settings.rule_paths), settings.default_channels)
    started, release = threading.Event(), threading.Event()
    seen: dict[str, object] = {}

    def slow_reload() -> RuleSet:
        # Stands in for a huge rule file: the load takes until the test lets it finish.
        started.set()
        seen["released"] = release.wait(timeout=15)
        return RuleSet(load_rules(settings.rule_paths), settings.default_channels)

    daemon = Daemon(settings, rules, reload_rules=slow_reload)

    async def scenario() -> int:
        running = asyncio.create_task(daemon.run())
        for _ in range(300):
            if feed_server.requests:
                break
            await asyncio.sleep(0.1)
        daemon._reload()  # what SIGHUP calls
        assert await asyncio.to_thread(started.wait, 15)
        before = len(feed_server.requests)
        for _ in range(300):  # polls go on while the reload is stuck in its load
            if len(feed_server.requests) >= before + 2:
                break
            await asyncio.sleep(0.1)
        seen["polled"] = len(feed_server.requests) - before
        release.set()
        for _ in range(300):
            if daemon.rules is not rules:
                break
            await asyncio.sleep(0.1)
        daemon.stop()
        return await running

    assert asyncio.run(scenario()) == 0
    assert seen["released"], "the reload blocked the event loop: the test could not release it"
    assert seen["polled"] >= 2  # type: ignore[operator]
    assert daemon.rules is not rules, "the reloaded rules were not swapped in"


def test_what_a_reload_would_drop(tmp_path):
    from alerts.rules.loader import dropped_rules

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "a.yaml").write_text(CEASEFIRE_RULE + "---\n" + EMBASSY_RULE)
    (folder / "off.yaml").write_text(GAP_RULE + "enabled: false\n")
    running = load_rules([folder])

    # A rule taken out of a file; a disabled rule deleted (that may go without SIGHUP).
    (folder / "a.yaml").write_text(EMBASSY_RULE)
    (folder / "off.yaml").unlink()
    [dropped] = dropped_rules(running, load_rules([folder]))
    assert (dropped.state, dropped.rule_ids) == ("lost rules", ("ceasefire-call",))

    # Moved to another file: nothing is lost.
    (folder / "b.yaml").write_text(CEASEFIRE_RULE)
    assert dropped_rules(running, load_rules([folder])) == []
