"""A reloaded configuration's `stories.window` reaches the story desk that groups reports:
the daemon, polling a real feed, reloads (as SIGHUP asks) and assigns with the new window."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from alerts.config import load_settings
from alerts.daemon import Daemon
from alerts.rules.engine import RuleSet
from alerts.rules.loader import load_rules
from tests.conftest import write_config
from tests.feeds import rss, rss_item


def test_a_reload_applies_the_new_story_window(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("Nothing yet", guid="0")))
    feeds = [{"url": url, "name": "Wire", "interval": 1}]
    config = write_config(tmp_path, feeds=feeds, channels={"hook": webhook.url},
                          stories={"window": "48h"})
    settings = load_settings(config)
    rules = RuleSet(load_rules(settings.rule_paths), settings.default_channels)
    write_config(tmp_path, feeds=feeds, channels={"hook": webhook.url},
                 stories={"window": "6h"})  # the edit the reload reads

    def reload_config() -> tuple:
        edited = load_settings(config)
        return edited, RuleSet(load_rules(edited.rule_paths), edited.default_channels)

    daemon = Daemon(settings, rules, reload_config=reload_config)
    windows = {}

    async def scenario() -> int:
        running = asyncio.create_task(daemon.run())
        for _ in range(300):
            if feed_server.requests:
                break
            await asyncio.sleep(0.1)
        assert daemon.poller is not None
        windows["before"] = daemon.poller.stories.window
        daemon._reload()  # what SIGHUP calls
        for _ in range(300):
            if daemon.settings is not settings:
                break
            await asyncio.sleep(0.1)
        windows["after"] = daemon.poller.stories.window
        daemon.stop()
        return await running

    assert asyncio.run(scenario()) == 0
    assert windows == {"before": timedelta(hours=48), "after": timedelta(hours=6)}
