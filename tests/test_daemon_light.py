"""The daemon starts light (issue #17): its channels are checked in a short-lived child
process, so `alerts run` loads Apprise, the sender and the templates only when something is
to be sent, and an unusable channel still stops it with status 2. The real CLI runs in a
subprocess and reports the modules it ended with."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from pathlib import Path

from alerts import channelcheck
from alerts.config import load_settings
from alerts.rulepack import shipped_rules_dir
from tests.conftest import TEST_CACHE, cli_env, loaded_probe, query, write_config
from tests.feeds import rss, rss_item

HEAVY = ("apprise", "jinja2", "alerts.notify", "alerts.deliver")
PROBE = loaded_probe(HEAVY)
UNCHANGED = (*HEAVY, "jsonschema", "alerts.analysis", "alerts.analysis.lexicon")


def run(config, *args: str) -> tuple[int, set[str], subprocess.CompletedProcess[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, "--config", str(config), "run",
                           *args], cwd=config.parent, env=cli_env(), capture_output=True,
                          text=True, timeout=120)
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines()
                 if line.startswith(("EXIT ", "LOADED ")))
    assert "EXIT" in lines, done.stdout + done.stderr
    return int(lines["EXIT"]), set(filter(None, lines["LOADED"].strip().split(","))), done


def test_a_daemon_with_nothing_to_send_loads_no_apprise(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "interval": 60}],
                          channels={"hook": webhook.url})
    # (long enough for a first poll on a busy machine: it ends the run, not a timing check)
    code, loaded, done = run(config, "--duration", "10")
    assert code == 0, done.stderr
    assert "alerts is running" in done.stderr  # the channels were checked and found good
    # The feed was polled (its first poll records the item and alerts nothing).
    assert query(tmp_path / "state" / "alerts.db", "SELECT count(*) FROM items")[0][0] == 1
    assert loaded == set(), f"a daemon with nothing to send loaded {loaded}"
    assert webhook.received == []


def test_a_daemon_started_on_unchanged_feeds_loads_no_schema_check_or_analysis(tmp_path,
                                                                               feed_server):
    """Started again on settings it checked before, over feeds that answer 304: neither the
    schema check (jsonschema) nor the analysis and its lexicon (only a new item needs them;
    the rules' event names come from alerts.rules.vocabulary)."""
    url = feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    shipped = {p.name: p.read_text("utf-8") for p in shipped_rules_dir().glob("*.yaml")}
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "interval": 60}],
                          channels={"hook": "json://127.0.0.1:9/hook"}, rules=shipped)
    recorded = subprocess.run([sys.executable, "-m", "alerts", "--config", str(config), "poll",
                               "--once", "--no-send"], cwd=tmp_path, env=cli_env(),
                              capture_output=True, text=True, timeout=120)
    assert recorded.returncode == 0, recorded.stderr
    done = subprocess.run([sys.executable, "-c", loaded_probe(UNCHANGED), "--config",
                           str(config), "run", "--duration", "10"], cwd=tmp_path,
                          env=cli_env(), capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith(("EXIT", "LOADED"))]
    assert lines == ["EXIT 0", "LOADED "], done.stdout + done.stderr
    polled = [r for r in feed_server.requests if r[0] == "/wire.xml"]
    assert len(polled) == 2  # the daemon polled it (and was told 304)


def test_an_unusable_channel_stops_the_daemon_without_loading_apprise_in_it(tmp_path,
                                                                            feed_server):
    url = feed_server.put("/wire.xml", rss(rss_item("Markets open higher", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "interval": 60}],
                          channels={"desk": "nosuchservice://example.org/hook"})
    code, loaded, done = run(config, "--duration", "30")
    assert code == 2, done.stderr
    assert "channel 'desk'" in done.stderr and "not usable by Apprise" in done.stderr
    assert "fix the channels" in done.stderr
    assert "apprise" not in loaded  # the check ran in its own process


def test_the_check_runs_here_when_the_child_cannot_start(tmp_path, monkeypatch):
    config = write_config(tmp_path, feeds=[], channels={"desk": "nosuchservice://x.org/hook",
                                                        "ok": "json://127.0.0.1:9/hook"})
    settings = load_settings(config)
    from_child = channelcheck._in_child(settings.channels)  # the child's answer
    monkeypatch.setattr(channelcheck.sys, "executable", str(tmp_path / "no-such-python"))
    assert channelcheck._in_child(settings.channels) is None
    here = channelcheck.channel_problems(settings)  # checked in this process instead
    assert [p.message for p in here] == from_child
    assert len(here) == 1 and "channel 'desk'" in here[0].message
    assert here[0].file == str(settings.path)


def own_cache(tmp_path: Path) -> dict[str, str]:
    """cli_env() with a cache folder of the test's own, a copy of the suite's. That one keeps
    the 3 knowledge bases built last (alerts.buildcache), and the tests with knowledge
    folders of their own, run beside, evicted the default one while the daemon ran: then it
    had no cache file to let its base go to, and kept it (said "no knowledge base to let
    go"). Whatever the copy lacks is built into it."""
    cache = tmp_path / "cache"
    for source in TEST_CACHE.rglob("*"):
        # Files are written whole under a temporary name, then renamed (alerts.buildcache):
        # one being written, or pruned since it was listed, is left out.
        if source.is_file() and not source.name.endswith(".tmp"):
            target = cache / source.relative_to(TEST_CACHE)
            target.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                shutil.copy2(source, target)
    return cli_env() | {"XDG_CACHE_HOME": str(cache)}


def test_an_idle_daemon_forgets_the_texts_of_its_polls(tmp_path, feed_server, webhook):
    env = own_cache(tmp_path)
    url = feed_server.put("/wire.xml", rss(rss_item("Markets open higher", guid="2")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "interval": 60}],
                          channels={"hook": webhook.url})
    # The feed known already: a first poll is digested in a worker process (alerts.pollworker),
    # a known feed's new items here, whose texts the idle daemon then forgets.
    recorded = subprocess.run([sys.executable, "-m", "alerts", "--config", str(config), "poll",
                               "--once", "--no-send"], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)
    assert recorded.returncode == 0, recorded.stderr
    feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1"),
                                     rss_item("Markets open higher", guid="2")))
    done = subprocess.run([sys.executable, "-m", "alerts", "--config", str(config),
                           "--log-level", "debug", "run", "--duration", "8"],
                          cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    forgot = [line for line in done.stderr.splitlines() if "cached texts forgotten" in line]
    assert len(forgot) == 1, done.stderr  # once, after the poll went quiet
    assert int(forgot[0].split("polls are idle: ")[1].split()[0]) > 0, forgot
    # In the same trim, the knowledge base too (its cache file gives it back when needed),
    # so that one malloc_trim gives both back and the daemon is lean as soon as it is idle.
    assert "the knowledge base let go until it is needed" in forgot[0], forgot
    assert "the event lexicon let go" in forgot[0], forgot  # as the base (3 MiB)
