"""Polling cycles inside one long-lived process, as the running daemon makes them.

    .venv/bin/python bench/daemon_cycle.py CONFIG     # driven by bench_cycle.py

Loads the configuration and rules once, opens the state, and keeps one Poller (so what a
running daemon keeps between polls, such as the entries it has parsed, is kept); then, for
every line on stdin, polls every feed once (8 at a time, as `poll --once` does) and prints
the cycle's seconds and the feeds' outcomes as one JSON line. It runs in its own process so
that the benchmark's feed server does not share its interpreter.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alerts.config import load_settings  # noqa: E402
from alerts.fetch import Fetcher  # noqa: E402
from alerts.knowledge.base import use_folder  # noqa: E402
from alerts.pipeline import Poller  # noqa: E402
from alerts.routing import Composer  # noqa: E402
from alerts.rules import RuleSet, load_rules  # noqa: E402
from alerts.state import Store  # noqa: E402


async def main(config: str) -> None:
    settings = load_settings(config)
    use_folder(settings.knowledge_path)
    rules = RuleSet(load_rules(settings.rule_paths, set(settings.channels),
                               settings.default_channels), settings.default_channels)
    store = Store(settings.state_path)
    fetcher = Fetcher(settings.fetch)
    poller = Poller(store, fetcher, rules, max_entries=settings.fetch.max_entries,
                    force_backfill=True, composer=Composer.from_settings(settings),
                    story_window=timedelta(seconds=settings.stories.window))
    limit = asyncio.Semaphore(8)

    async def one(feed: object) -> str:
        async with limit:
            return (await poller.poll(feed, force=True)).status  # type: ignore[arg-type]

    try:
        print(json.dumps({"ready": True}), flush=True)
        for _ in sys.stdin:
            started = time.perf_counter()
            outcomes = await asyncio.gather(*(one(f) for f in settings.feeds))
            print(json.dumps({"seconds": time.perf_counter() - started,
                              "outcomes": Counter(outcomes)}), flush=True)
    finally:
        await fetcher.aclose()
        store.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
