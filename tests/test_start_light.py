"""Start light (issue #17): `alerts poll --once` loads Apprise, the channel check and the
templates only when a message is due, so a cycle in which nothing changed imports none of
them. The real CLI runs in a subprocess, and reports the modules it ended with."""

from __future__ import annotations

import subprocess
import sys

from alerts.rulepack import shipped_rules_dir
from tests.conftest import CEASEFIRE_RULE, cli_env, loaded_probe, write_config
from tests.feeds import rss, rss_item
from tests.servers import WebhookReceiver

HEAVY = ("apprise", "jinja2", "apscheduler", "alerts.notify", "alerts.deliver")
# Nor, when nothing changed, what only a new item needs (the analysis and its lexicon: the
# rules' event names come from alerts.rules.vocabulary) or the schema check of settings
# that passed it before (alerts.config), nor the knowledge base's module (choosing the
# user's knowledge folder does not load it, nor the folding tables it builds), nor
# sqlite-utils (no migration is pending), nor anyio's asyncio backend (httpcore's pool locks
# and waits on asyncio's own primitives, alerts.aionet), nor httpx's command-line client and
# the pygments it imports (alerts.fetch marks it absent), nor the parse and its entry
# scanner and normaliser (the parse memo is alerts.parsememo), nor statistics (its fractions
# and decimals, for the health check's median), nor PyYAML (the configuration and rules,
# unchanged, are read from the cache of parsed files: alerts.yamlsource).
UNCHANGED = (*HEAVY, "jsonschema", "alerts.analysis", "alerts.analysis.lexicon",
             "alerts.analysis.frames", "alerts.knowledge.base", "sqlite_utils",
             "anyio._backends._asyncio", "pygments", "alerts.parse", "alerts.normalise",
             "statistics", "yaml", "alerts.yamlload")
PROBE = loaded_probe(UNCHANGED)
# `alerts --help` reads no configuration and runs no event loop.
HELP = ("alerts.config", "alerts.options", "yaml", "asyncio", "jsonschema", "httpx",
        "sqlite_utils", "alerts.rules", "importlib.resources")


def poll(config, *args: str):
    done = subprocess.run([sys.executable, "-c", PROBE, "--config", str(config), "poll",
                           "--once", *args], cwd=config.parent, env=cli_env(),
                          capture_output=True, text=True, timeout=120)
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines()
                 if line.startswith(("EXIT ", "LOADED ")))
    assert "EXIT" in lines, done.stdout + done.stderr
    return int(lines["EXIT"]), set(filter(None, lines["LOADED"].strip().split(","))), done


def test_an_unchanged_cycle_loads_no_apprise_templates_or_scheduler(tmp_path, feed_server,
                                                                      webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    # The shipped rules, which read event frames, and the test's rule, which reads words.
    shipped = {p.name: p.read_text("utf-8") for p in shipped_rules_dir().glob("*.yaml")}
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url},
                          rules={**shipped, "words.yaml": CEASEFIRE_RULE.replace(
                              "id: ceasefire-call", "id: ceasefire-words")})
    code, loaded, done = poll(config)  # the first poll records the feed, alerting nothing
    assert code == 0, done.stdout + done.stderr
    assert loaded & set(HEAVY) == set(), f"a first poll with nothing to send loaded {loaded}"
    code, loaded, done = poll(config)  # nothing changed
    assert code == 0 and "Wire: unchanged" in done.stdout, done.stdout + done.stderr
    assert loaded == set(), f"an unchanged cycle loaded {loaded}"


def test_help_loads_no_configuration_loader_or_event_loop(tmp_path):
    done = subprocess.run([sys.executable, "-c", loaded_probe(HELP), "--help"], cwd=tmp_path,
                          env=cli_env(), capture_output=True, text=True, timeout=120)
    assert "EXIT 0" in done.stdout and "poll" in done.stdout, done.stdout + done.stderr
    loaded = [line for line in done.stdout.splitlines() if line.startswith("LOADED ")]
    assert loaded == ["LOADED "], f"`alerts --help` loaded {loaded}"


def test_a_due_alert_loads_apprise_and_is_sent(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url})
    code, loaded, done = poll(config, "--backfill")
    assert code == 0 and "alerts delivered: 1" in done.stdout, done.stdout + done.stderr
    assert {"apprise", "alerts.notify", "alerts.deliver"} <= loaded
    assert len(webhook.received) == 1


def test_a_poll_that_only_queues_alerts_loads_no_templates(tmp_path, feed_server, webhook):
    # Queued, an alert's body is rendered when it is sent; its default title needs no Jinja2.
    url = feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url})
    code, loaded, done = poll(config, "--backfill", "--no-send")
    assert code == 0 and "1 alerts queued" in done.stdout, done.stdout + done.stderr
    assert "jinja2" not in loaded and "apprise" not in loaded, loaded
    assert webhook.received == []


def test_an_unusable_channel_is_told_only_when_something_is_to_be_sent(tmp_path, feed_server):
    url = feed_server.put("/wire.xml", rss(rss_item("Markets open higher", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": "nosuchservice://example.org/hook"})
    code, loaded, done = poll(config)
    assert code == 0, done.stdout + done.stderr  # nothing to send: Apprise is not asked
    assert "apprise" not in loaded
    feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="2"),
                                     rss_item("Markets open higher", guid="1")))
    code, loaded, done = poll(config)
    assert code == 2, done.stdout + done.stderr
    assert "channel 'hook'" in done.stderr and "not usable by Apprise" in done.stderr


def test_a_message_given_up_is_reported_in_the_same_run(tmp_path, feed_server, webhook):
    refusing = WebhookReceiver(status=400)  # a permanent refusal: given up at once
    try:
        url = feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan",
                                                        guid="1")))
        config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                              channels={"hook": refusing.url, "desk": webhook.url},
                              defaults={"interval": 1, "channels": ["hook"]},
                              notify={"interval": 1, "retry_base": 1, "retry_max": 2,
                                      "fallback": "desk"})
        code, _, done = poll(config, "--backfill")
        assert code == 3, done.stdout + done.stderr
        # The notice about it went to the fallback channel in this run, not at the next alert.
        bodies = [str(r) for r in webhook.received]
        assert len(webhook.received) == 1 and "could not be delivered" in bodies[0], bodies
    finally:
        refusing.close()
