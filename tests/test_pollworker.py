"""A feed's first poll digested in a worker process that ends when idle (issue #17, idle
memory; alerts.pollworker): it stores exactly what digesting it in the daemon stores, the
daemon keeps the feed's parse memo and the worker's log lines, a known feed's poll stays in
the daemon, a reload gets a new worker, and a worker that cannot start leaves the poll to
the daemon. Real loopback feeds, real SQLite files, a real worker process."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from pathlib import Path

from alerts import pollworker
from alerts.cli import _load
from alerts.config import Settings
from alerts.fetch import Fetcher
from alerts.models import Feed
from alerts.pipeline import Poller
from alerts.pollworker import PollWorker
from alerts.routing import Composer
from alerts.rules import RuleSet
from alerts.state import Store
from tests.conftest import cli_env, loaded_probe, outbox_messages, query, write_config
from tests.feeds import rss, rss_item

CALLS = [rss_item(f"UN urges a ceasefire in Sudan, day {n}", guid=f"c{n}",
                  link=f"https://wire.example.org/c{n}") for n in range(4)]
OTHER = [rss_item(f"Markets open higher, day {n}", guid=f"m{n}",
                  link=f"https://wire.example.org/m{n}") for n in range(3)]
LATER = rss_item("Pope calls for a truce in Gaza", guid="later",
                 link="https://wire.example.org/later")


def configured(directory: Path, url: str, **extra: object) -> tuple[Settings, RuleSet]:
    directory.mkdir(parents=True, exist_ok=True)
    config = write_config(directory, feeds=[{"url": url, "name": "Wire", "interval": 60}],
                          channels={"hook": "json://127.0.0.1:9/hook"}, **extra)
    settings, rules = _load(str(config), channels=False)
    assert isinstance(rules, RuleSet)
    (directory / "state").mkdir(exist_ok=True)
    return settings, rules


def poller_for(settings: Settings, rules: RuleSet, store: Store, fetcher: Fetcher) -> Poller:
    """As the daemon makes its poller (alerts.daemon), alerting on first polls (--backfill),
    so that the first poll queues alerts too."""
    return Poller(store, fetcher, rules, max_entries=settings.fetch.max_entries,
                  force_backfill=True, composer=Composer.from_settings(settings),
                  story_window=timedelta(seconds=settings.stories.window))


@contextlib.asynccontextmanager
async def offloading(settings: Settings, rules: RuleSet, idle_seconds: float = 60,
                     setup: Callable[[], tuple[Settings, RuleSet, bool]] | None = None
                     ) -> AsyncIterator[tuple[Poller, PollWorker]]:
    """A poller as the daemon makes it, handing first polls to a real poll worker (`setup`:
    the settings and rules in force, as the daemon gives them); all closed after."""
    store = Store(settings.state_path)
    fetcher = Fetcher(settings.fetch)
    poller = poller_for(settings, rules, store, fetcher)
    worker = PollWorker(setup or (lambda: (settings, rules, True)), poller.parse_memo,
                        poller.digest, idle_seconds=idle_seconds)
    poller.offload = worker.digest
    try:
        yield poller, worker
    finally:
        worker.close()
        await fetcher.aclose()
        store.close()


def stored(db: Path) -> dict[str, object]:
    return {
        "items": query(db, "SELECT key, title, link FROM items ORDER BY key"),
        "matches": query(db, "SELECT i.key, m.rule_id FROM matches m JOIN items i "
                             "ON i.id = m.item_id ORDER BY i.key, m.rule_id"),
        "stories": query(db, "SELECT count(*) FROM stories"),
        "feeds": query(db, "SELECT url, body_hash, etag FROM feeds"),
        "outbox": [(m.channel, m.kind, m.title, m.body, m.rule_id, m.severity)
                   for m in outbox_messages(db)],
    }


def test_a_first_poll_in_the_worker_stores_what_it_would_in_the_daemon(tmp_path, feed_server):
    url = feed_server.put("/wire.xml", rss(*CALLS, *OTHER))
    here_settings, here_rules = configured(tmp_path / "here", url)
    away_settings, away_rules = configured(tmp_path / "away", url)
    feed = Feed(url, "Wire", 60)

    async def go() -> tuple[list, list, PollWorker, Poller, Poller]:
        here_store = Store(here_settings.state_path)
        away_store = Store(away_settings.state_path)
        fetcher = Fetcher(here_settings.fetch)
        try:
            here = poller_for(here_settings, here_rules, here_store, fetcher)
            away = poller_for(away_settings, away_rules, away_store, fetcher)
            worker = PollWorker(lambda: (away_settings, away_rules, True), away.parse_memo,
                                away.digest, idle_seconds=60)
            away.offload = worker.digest
            firsts = [await here.poll(feed), await away.poll(feed)]
            digested_first = worker.digested
            memos = (here.parse_memo.get(url), away.parse_memo.get(url))
            feed_server.put("/wire.xml", rss(LATER, *CALLS, *OTHER))
            seconds = [await here.poll(feed), await away.poll(feed)]
            assert digested_first == 1
            # The worker's parse memo of the feed came back to the daemon's poller, as if it
            # had parsed the document itself: the next poll parses only what is new.
            assert memos[1] == memos[0] is not None
            worker.close()
            return firsts, seconds, worker, here, away
        finally:
            await fetcher.aclose()
            here_store.close()
            away_store.close()

    firsts, seconds, worker, here, away = asyncio.run(go())
    for results in (firsts, seconds):
        facts = [(r.status, r.new_items, r.alerts_queued, sorted(r.matched_rules),
                  [(i.key, m.rule_id) for i, m in r.matches]) for r in results]
        assert facts[0] == facts[1]
    assert firsts[0].new_items == 7 and firsts[0].alerts_queued >= 1
    assert seconds[0].new_items == 1 and seconds[0].alerts_queued == 1
    # The known feed's second poll was digested here, not in the worker.
    assert (worker.started, worker.digested) == (1, 1)
    assert away.parse_memo.get(url) == here.parse_memo.get(url) is not None
    done = stored(here_settings.state_path)
    assert len(done["matches"]) == 5 and len(done["outbox"]) >= 2  # type: ignore[arg-type]
    assert stored(away_settings.state_path) == done


def test_the_workers_log_lines_are_the_daemons(tmp_path, feed_server, caplog):
    url = feed_server.put("/wire.xml", rss(*CALLS, *OTHER))
    settings, rules = configured(tmp_path, url, fetch={
        "timeout": 5, "allow_networks": ["127.0.0.0/8"], "max_entries": 3})

    async def go() -> PollWorker:
        async with offloading(settings, rules) as (poller, worker):
            result = await poller.poll(Feed(url, "Wire", 60))
            assert (result.status, result.new_items) == ("new", 3)
            return worker

    with caplog.at_level(logging.INFO):
        worker = asyncio.run(go())
    assert worker.digested == 1
    dropped = [r for r in caplog.records if "more than fetch.max_entries" in r.getMessage()]
    assert len(dropped) == 1 and dropped[0].levelno == logging.WARNING
    assert dropped[0].name == "alerts.pipeline"


def test_a_reload_gets_a_new_worker_and_an_idle_one_ends(tmp_path, feed_server):
    urls = [feed_server.put(f"/wire{n}.xml", rss(*CALLS[n:])) for n in range(3)]
    settings, rules = configured(tmp_path, urls[0])
    in_force = [settings, rules]

    async def go() -> tuple[PollWorker, list[bool]]:
        async with offloading(settings, rules, idle_seconds=0.5,
                              setup=lambda: (in_force[0], in_force[1], True)) as (poller, worker):
            alive = []
            await poller.poll(Feed(urls[0], "Wire 0", 60))
            alive.append(worker.running)
            # A reload: the same rules loaded again (a new set); the worker that digested
            # with the old one is replaced before the next first poll.
            in_force[1] = _load(str(settings.path), channels=False)[1]
            poller.rules = in_force[1]
            await poller.poll(Feed(urls[1], "Wire 1", 60))
            alive.append(worker.running)
            for _ in range(200):  # bounded: it ends half a second after its last document
                if not worker.running:
                    break
                await asyncio.sleep(0.05)
            alive.append(worker.running)
            await poller.poll(Feed(urls[2], "Wire 2", 60))  # a feed added later: a new one
            return worker, alive

    worker, alive = asyncio.run(go())
    assert alive == [True, True, False]
    assert (worker.started, worker.digested) == (3, 3)
    assert query(settings.state_path, "SELECT count(*) FROM items")[0][0] == 4 + 3 + 2


def test_a_worker_that_cannot_start_leaves_the_poll_to_the_daemon(tmp_path, feed_server,
                                                                  monkeypatch, caplog):
    url = feed_server.put("/wire.xml", rss(*CALLS, *OTHER))
    settings, rules = configured(tmp_path, url)
    monkeypatch.setattr(pollworker.sys, "executable", str(tmp_path / "no-such-python"))

    async def go() -> tuple[PollWorker, list]:
        async with offloading(settings, rules) as (poller, worker):
            other = feed_server.put("/other.xml", rss(*OTHER))
            return worker, [await poller.poll(Feed(url, "Wire", 60)),
                            await poller.poll(Feed(other, "Other", 60))]

    with caplog.at_level(logging.WARNING):
        worker, results = asyncio.run(go())
    assert [(r.status, r.new_items) for r in results] == [("new", 7), ("new", 3)]
    assert results[0].alerts_queued >= 1
    assert worker.broken and worker.digested == 0
    said = [r.getMessage() for r in caplog.records if "own process" in r.getMessage()]
    assert len(said) == 1 and "could not start" in said[0], said  # said once, not per feed


def test_the_daemon_digests_a_first_poll_without_loading_the_analysis(tmp_path, feed_server):
    url = feed_server.put("/wire.xml", rss(*CALLS, *OTHER))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "interval": 60}],
                          channels={"hook": "json://127.0.0.1:9/hook"})
    heavy = ("alerts.analysis", "alerts.knowledge.base", "feedparser", "alerts.parse")
    done = subprocess.run([sys.executable, "-c", loaded_probe(heavy), "--config", str(config),
                           "--log-level", "info", "run", "--duration", "5"], cwd=tmp_path,
                          env=cli_env(), capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith(("EXIT", "LOADED"))]
    assert "Wire: 7 entries, 7 new, first poll" in done.stderr, done.stderr
    assert lines == ["EXIT 0", "LOADED "], done.stdout + done.stderr
    assert query(tmp_path / "state" / "alerts.db", "SELECT count(*) FROM items")[0][0] == 7


def test_a_poll_cancelled_while_the_worker_digests_ends_the_worker(tmp_path, feed_server):
    """The poll's deadline or a stop: the worker is ended with the poll (its transaction is
    committed whole or not at all), so that no later poll reads the answer meant for it."""
    many = [rss_item(f"UN urges a ceasefire in region {n}", guid=f"r{n}",
                     summary="Envoys met in Geneva on Friday. " * 20) for n in range(300)]
    url = feed_server.put("/many.xml", rss(*many))
    other = feed_server.put("/other.xml", rss(*OTHER))
    settings, rules = configured(tmp_path, url)

    async def go() -> tuple[PollWorker, list]:
        async with offloading(settings, rules) as (poller, worker):
            task = asyncio.create_task(poller.poll(Feed(url, "Many", 60)))
            for _ in range(2000):  # bounded: until the document is in the worker's hands
                if worker.sent or task.done():
                    break
                await asyncio.sleep(0.01)
            assert worker.sent == 1 and not task.done()
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            # Ended with the poll; left running, its answer would be read by the next poll.
            assert not worker.running
            results = [await poller.poll(Feed(other, "Other", 60)),
                       await poller.poll(Feed(url, "Many", 60))]
            return worker, results

    worker, results = asyncio.run(go())
    assert (results[0].status, results[0].new_items, results[0].feed_url) == ("new", 3, other)
    assert results[1].status == "new" and results[1].feed_url == url
    assert query(settings.state_path, "SELECT count(*) FROM items")[0][0] == 303
    assert worker.started == 2
