"""First polls digested in several poll workers at once (issue #17, the all-new rows;
alerts.pollworker.PollWorkers): `poll --once` on a new state hands each feed's first document
to whichever worker is free, stores exactly what digesting them in one process stores (one
story and one alert for an event two feeds carry), starts no worker when its feeds are known,
and a worker makes a document's analyses before the write transaction the others wait for.
Real loopback feeds, real SQLite files, the real CLI and real worker processes."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from alerts.config import Settings
from alerts.models import Feed
from alerts.pipeline import Poller
from alerts.pollworker import MAX_WORKERS, PollWorkers, worker_count
from alerts.rules import RuleSet
from alerts.state import Store
from alerts.state.db import turn_path
from tests.conftest import cli_env, query, run_cli, write_config
from tests.feeds import rss, rss_item
from tests.test_pollworker import CALLS, OTHER, configured, poller_for, stored

# The same call in two feeds: one event, one story, one alert.
SHARED = rss_item("UN Secretary-General urges an immediate ceasefire in Sudan", guid="shared",
                  link="https://wire.example.org/shared")


PLACES = ["Yemen", "Libya", "Myanmar", "Haiti", "Mali", "Somalia", "Colombia", "Armenia",
          "Niger", "Chad", "Lebanon", "Syria", "Iraq", "Nigeria", "Ethiopia", "Kosovo",
          "Georgia", "Moldova", "Nepal", "Bolivia", "Peru", "Chile", "Cuba", "Laos"]


def documents(n: int) -> str:
    """Feed n's document: calls and other news of its own, and the one they all carry."""
    own = [rss_item(f"Pope calls for a truce in {PLACES[(4 * n + k) % len(PLACES)]}",
                    guid=f"f{n}c{k}", link=f"https://wire.example.org/f{n}c{k}")
           for k in range(3)]
    other = [rss_item(f"Markets open higher in city {n}-{k}", guid=f"f{n}m{k}",
                      link=f"https://wire.example.org/f{n}m{k}") for k in range(3)]
    return rss(*own, *(other if n % 2 else []), SHARED)


def poll_once(directory: Path, workers: str) -> tuple[str, str]:
    env = cli_env() | {"ALERTS_POLL_WORKERS": workers}
    done = run_cli("--config", str(directory / "alerts.yaml"), "--log-level", "debug", "poll",
                   "--once", "--no-send", "--backfill", cwd=directory, env=env, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout, done.stderr


@contextlib.asynccontextmanager
async def pooled(settings: Settings, rules: RuleSet, spawned: bool = False
                 ) -> AsyncIterator[tuple[Poller, PollWorkers]]:
    """A poller as the daemon makes it, handing first polls to a pool of two real poll
    workers (`spawned`: their processes started before, as `poll --once` does on a new
    state); all closed after."""
    from alerts.fetch import Fetcher
    from alerts.pollworker import spawn

    store = Store(settings.state_path)
    fetcher = Fetcher(settings.fetch)
    poller = poller_for(settings, rules, store, fetcher)
    pool = PollWorkers.made(2, lambda: (settings, rules, True), poller.parse_memo,
                            poller.digest, idle_seconds=60,
                            spawned=[spawn(), spawn()] if spawned else ())
    poller.offload = pool.digest
    try:
        yield poller, pool
    finally:
        pool.close()
        await fetcher.aclose()
        store.close()


def configs(tmp_path: Path, urls: list[str], *names: str) -> list[Path]:
    made = []
    for name in names:
        directory = tmp_path / name
        directory.mkdir()
        write_config(directory, feeds=[{"url": u, "name": f"Wire {n}", "interval": 60}
                                       for n, u in enumerate(urls)],
                     channels={"hook": "json://127.0.0.1:9/hook"})
        made.append(directory)
    return made


def in_order(found: dict[str, object]) -> dict[str, object]:
    """What the state holds, its outbox in a fixed order (documents are digested in whatever
    order they come), and the shared call's one alert only counted: which feed's report came
    first, and is quoted, depends on that order too, as do the stories' numbers in each
    alert's reference."""
    outbox = sorted((*m[:3], re.sub(r"-- alert \w+", "-- alert", m[3]), *m[4:])
                    for m in found["outbox"])  # type: ignore[attr-defined]
    shared = [m for m in outbox if "Secretary-General" in m[2]]
    return found | {"outbox": [m for m in outbox if m not in shared], "shared": len(shared),
                    "feeds": sorted(found["feeds"])}  # type: ignore[call-overload]


def test_poll_once_digests_first_polls_in_workers_storing_what_one_process_stores(
        tmp_path, feed_server):
    urls = [feed_server.put(f"/wire{n}.xml", documents(n)) for n in range(6)]
    alone, shared = configs(tmp_path, urls, "alone", "shared")
    _, said_alone = poll_once(alone, "0")
    _, said_shared = poll_once(shared, "2")
    assert said_alone.count("poll worker started") == 0
    assert said_shared.count("poll worker started") == 2, said_shared
    # A new state: their processes were started before the rules were read, and given to
    # the workers, not started again.
    early = re.search(r"poll workers: 2 processes started before the rules are read "
                      r"\(a new state\): (\d+), (\d+)", said_shared)
    assert early is not None, said_shared
    assert sorted(re.findall(r"poll worker started \(process (\d+)\)", said_shared)) == sorted(
        early.groups())
    assert "before the rules" not in said_alone
    assert "poll workers: 2 started, 6 documents digested" in said_shared, said_shared
    here = stored(alone / "state" / "alerts.db")
    assert len(here["items"]) == 6 * 4 + 3 * 3  # type: ignore[arg-type]
    assert in_order(here)["shared"] == 1 and len(in_order(here)["outbox"]) == 6 * 3
    assert in_order(stored(shared / "state" / "alerts.db")) == in_order(here)
    # The workers took turns at their write transactions (alerts.state.db.take_turns),
    # through a lock file the polling process alone never makes.
    assert turn_path(shared / "state" / "alerts.db").is_file()
    assert not turn_path(alone / "state" / "alerts.db").exists()
    # Six feeds carried the one call: a single story of six reports, alerted once.
    for directory in (alone, shared):
        members = query(directory / "state" / "alerts.db",
                        "SELECT count(*) FROM story_members WHERE item_key LIKE '%shared%' "
                        "GROUP BY story_id")
        assert members == [(6,)]


def test_poll_once_starts_no_worker_for_known_feeds_or_few_first_polls(tmp_path, feed_server):
    urls = [feed_server.put(f"/wire{n}.xml", documents(n)) for n in range(6)]
    (directory,) = configs(tmp_path, urls, "state")
    _, first = poll_once(directory, "2")
    assert first.count("poll worker started") == 2
    # Each feed one new item: digested here, as a steady poll always was.
    for n in range(6):
        feed_server.put(f"/wire{n}.xml", documents(n).replace(
            "<item>", rss_item(f"Talks resume in city {n}", guid=f"new{n}") + "<item>", 1))
    out, again = poll_once(directory, "2")
    assert "poll worker started" not in again
    assert "before the rules" not in again  # the state is made: none is started early
    assert out.count("1 new") == 6, out
    # Three feeds new to the state, fewer than FIRST_POLLS_FOR_WORKERS: digested here too.
    more = [feed_server.put(f"/more{n}.xml", documents(10 + n)) for n in range(3)]
    write_config(directory, feeds=[{"url": u, "name": f"Wire {n}", "interval": 60}
                                   for n, u in enumerate(urls + more)],
                 channels={"hook": "json://127.0.0.1:9/hook"})
    out, third = poll_once(directory, "2")
    assert "poll worker started" not in third
    assert out.count("unchanged") == 6 and out.count(" new, ") == 3, out


# A rule on words alone that the markets' items match: reports without an event, which a
# story finds by their words' signature.
MARKETS_RULE = """\
id: markets
title: Markets move
match:
  terms: ["markets open"]
"""


@pytest.mark.parametrize("module, name, matched", [
    ("alerts.analysis", "analyse_text", "calls"), ("alerts.pipeline", "event_of", "calls"),
    ("alerts.stories", "text_key", "calls"), ("alerts.stories", "item_signature", "markets"),
    ("alerts.state.items", "_packed", "new")])
def test_a_worker_analyses_and_keys_stories_before_the_write_transaction(
        tmp_path, feed_server, monkeypatch, module, name, matched):
    """What a poll worker's matching and stories read is made before its write transaction:
    the items' analyses, the events they report and their words' story keys (the signature
    for reports without an event); and every new item's texts are packed before it. The
    other workers wait for that transaction, not for this one's analyses, keys and packing."""
    import importlib

    url = feed_server.put("/wire.xml", rss(*CALLS, *OTHER))
    settings, rules = configured(tmp_path, url, **(
        {"rules": {"markets.yaml": MARKETS_RULE}} if matched == "markets" else {}))
    watched_module = importlib.import_module(module)
    made = getattr(watched_module, name)
    in_transaction: list[bool] = []

    async def go() -> None:
        store = Store(settings.state_path)
        from alerts.fetch import Fetcher

        fetcher = Fetcher(settings.fetch)

        def watched(*args: object, **kwargs: object) -> object:
            in_transaction.append(store.conn.in_transaction)
            return made(*args, **kwargs)

        monkeypatch.setattr(watched_module, name, watched)
        try:
            poller: Poller = poller_for(settings, rules, store, fetcher)
            poller.ahead_min = 0
            poller.ahead_here = True  # as alerts.pollworker.serve makes it
            result = await poller.poll(Feed(url, "Wire", 60))
            assert result.alerts_queued >= 1
        finally:
            await fetcher.aclose()
            store.close()

    asyncio.run(go())
    expected = {"markets": len(OTHER), "calls": len(CALLS), "new": len(CALLS + OTHER)}[matched]
    assert len(in_transaction) == expected and not any(in_transaction), in_transaction


class _Worker:
    """A stand-in for a PollWorker that records how many documents it holds at once."""

    def __init__(self, log: list[tuple[str, int]], name: str):
        self.log, self.name, self.holding, self.closed = log, name, 0, False
        self.started = self.digested = 0

    async def digest(self, feed: Feed, *_: object) -> str:
        self.holding += 1
        self.log.append((self.name, self.holding))
        await asyncio.sleep(0.01)
        self.holding -= 1
        self.digested += 1
        return f"{feed.name} by {self.name}"

    def close(self) -> None:
        self.closed = True


def test_processes_started_early_and_not_needed_are_ended(tmp_path, feed_server, monkeypatch):
    """Poll workers' processes started before the rules were read (a new state) are ended
    when the run digests its first polls itself (here, the rules enabled none), and are the
    pool's workers' own when it does not."""
    from alerts import once
    from alerts.pollworker import spawn

    url = feed_server.put("/wire.xml", rss(*CALLS))
    settings, rules = configured(tmp_path, url)
    procs = [spawn(), spawn()]
    store = Store(settings.state_path)
    try:
        poller = Poller(store, None, RuleSet([]))
        assert once._first_poll_workers(store, tuple(Feed(f"{url}?{n}", f"W{n}", 60)
                                                     for n in range(4)), settings,
                                        RuleSet([]), poller, False, procs) is None
        assert all(proc.poll() is not None for proc in procs)  # ended, and waited for
        # Needed: they are the pool's workers' processes, ended with the pool.
        monkeypatch.setenv("ALERTS_POLL_WORKERS", "2")
        procs = [spawn(), spawn()]
        workers = once._first_poll_workers(store, tuple(Feed(f"{url}?{n}", f"W{n}", 60)
                                                        for n in range(4)), settings, rules,
                                           poller, False, procs)
        assert workers is not None
        try:
            assert [w._proc for w in workers.workers] == procs
        finally:
            workers.close()
        assert all(proc.poll() is not None for proc in procs)
    finally:
        store.close()


def test_the_pool_gives_each_document_to_a_free_worker():
    log: list[tuple[str, int]] = []
    workers = [_Worker(log, "a"), _Worker(log, "b")]
    pool = PollWorkers(workers)  # type: ignore[arg-type]

    async def go() -> list[str]:
        async with asyncio.timeout(10):  # bounded: a worker never given back would hang it
            return await asyncio.gather(*(pool.digest(Feed(f"u{n}", f"f{n}", 60), None, None,
                                                      None, None, "")  # type: ignore[arg-type]
                                          for n in range(7)))

    done = asyncio.run(go())
    assert len(done) == 7 and {d.split(" by ")[1] for d in done} == {"a", "b"}
    assert all(holding == 1 for _, holding in log)  # one document at a time each
    pool.close()
    assert all(w.closed for w in workers)


def test_the_worker_count_follows_the_cores_and_the_environment(monkeypatch):
    monkeypatch.delenv("ALERTS_POLL_WORKERS", raising=False)
    assert worker_count() == min(len(os.sched_getaffinity(0)), MAX_WORKERS)
    monkeypatch.setenv("ALERTS_POLL_WORKERS", "5")
    assert worker_count() == 5
    monkeypatch.setenv("ALERTS_POLL_WORKERS", "no")
    assert worker_count() == min(len(os.sched_getaffinity(0)), MAX_WORKERS)


@pytest.mark.parametrize("initialised", [0, 2, 5])
def test_first_polls_counts_the_feeds_never_polled(tmp_path, initialised):
    store = Store(tmp_path / "s.db")
    try:
        urls = [f"https://site{n}.example/feed" for n in range(5)]
        with store.write() as conn:
            for url in urls[:initialised]:
                conn.execute("INSERT INTO feeds (url, name, initialised) VALUES (?, ?, 1)",
                             (url, url))
            conn.execute("INSERT INTO feeds (url, name, initialised) VALUES (?, ?, 0)",
                         ("https://failed.example/feed", "failed"))
        assert store.first_polls([*urls, "https://failed.example/feed"]) == 6 - initialised
    finally:
        store.close()


def test_workers_that_cannot_start_leave_first_polls_here_said_once(tmp_path, feed_server,
                                                                   monkeypatch, caplog):
    import logging

    from alerts import pollworker
    urls = [feed_server.put(f"/wire{n}.xml", documents(n)) for n in range(3)]
    settings, rules = configured(tmp_path, urls[0])
    monkeypatch.setattr(pollworker.sys, "executable", str(tmp_path / "no-such-python"))

    async def go() -> tuple[PollWorkers, list]:
        async with pooled(settings, rules) as (poller, pool):
            await pool.warm(2)
            return pool, [await poller.poll(Feed(u, f"Wire {n}", 60))
                          for n, u in enumerate(urls)]

    with caplog.at_level(logging.WARNING):
        pool, results = asyncio.run(go())
    assert [(r.status, r.new_items) for r in results] == [("new", 4), ("new", 7), ("new", 4)]
    assert all(r.alerts_queued >= 1 for r in results)
    assert all(w.broken and w.digested == 0 for w in pool.workers)
    said = [r.getMessage() for r in caplog.records if "this process instead" in r.getMessage()]
    assert len(said) == 1 and "could not start" in said[0], said


@pytest.mark.parametrize("spawned", [False, True])
def test_warm_workers_are_running_before_the_first_document(tmp_path, feed_server, spawned):
    """Warming starts the workers, or sets up the processes started early (`spawned`)."""
    urls = [feed_server.put(f"/wire{n}.xml", documents(n)) for n in range(3)]
    settings, rules = configured(tmp_path, urls[0])

    async def go() -> tuple[list[bool], PollWorkers]:
        async with pooled(settings, rules, spawned) as (poller, pool):
            await pool.warm(2)
            running = [w.running and w.started == 1 for w in pool.workers]
            await asyncio.gather(*(poller.poll(Feed(u, f"Wire {n}", 60))
                                   for n, u in enumerate(urls)))
            return running, pool

    running, pool = asyncio.run(go())
    assert running == [True, True]
    assert [w.started for w in pool.workers] == [1, 1]  # the warm ones digested them
    assert sum(w.digested for w in pool.workers) == 3


def test_a_daemons_workers_that_cannot_start_say_so_once(tmp_path, feed_server, monkeypatch,
                                                         caplog):
    """The daemon's pool is not warmed: each of its workers finds out at its first document,
    and the second one, failing alike, says nothing more."""
    import logging

    from alerts import pollworker
    urls = [feed_server.put(f"/wire{n}.xml", documents(n)) for n in range(4)]
    settings, rules = configured(tmp_path, urls[0])
    monkeypatch.setattr(pollworker.sys, "executable", str(tmp_path / "no-such-python"))

    async def go() -> tuple[PollWorkers, list]:
        async with pooled(settings, rules) as (poller, pool):
            return pool, await asyncio.gather(*(poller.poll(Feed(u, f"Wire {n}", 60))
                                                for n, u in enumerate(urls)))

    with caplog.at_level(logging.WARNING):
        pool, results = asyncio.run(go())
    assert [r.status for r in results] == ["new"] * 4
    assert all(w.broken for w in pool.workers)  # both were tried
    said = [r.getMessage() for r in caplog.records if "own process" in r.getMessage()]
    assert len(said) == 1 and "could not start" in said[0], said


def test_poll_workers_train_the_text_dictionary_their_polls_make_due(tmp_path, feed_server):
    """The poll that stores the state's thousandth item makes its text dictionary due; a poll
    worker trains it after that poll's transaction (alerts.state.items.Items.train_left), so
    the state has it as one process's poll gives it: every text packed with it."""
    from alerts.state.compact import unpack_text
    from alerts.state.textdict import TRAIN_AFTER

    per_feed = 50
    urls = [feed_server.put(f"/many{n}.xml", rss(*(
        rss_item(f"Talks in {PLACES[(n + k) % len(PLACES)]} resume, item {n}-{k}",
                 guid=f"m{n}-{k}", summary=f"Envoys of {PLACES[k % len(PLACES)]} and "
                 f"{PLACES[n % len(PLACES)]} met on day {k} of round {n}; the mediators "
                 "said the talks would go on next week in the same place.")
        for k in range(per_feed))))
        for n in range(TRAIN_AFTER // per_feed + 1)]
    alone, shared = configs(tmp_path, urls, "alone", "shared")
    poll_once(alone, "0")
    _, said = poll_once(shared, "2")
    assert "poll workers: 2 started" in said, said
    for directory in (alone, shared):
        db = directory / "state" / "alerts.db"
        assert query(db, "SELECT id FROM text_dictionaries") == [(1,)]
        assert query(db, "SELECT count(*) FROM items WHERE typeof(summary) = 'blob' "
                         "AND substr(summary, 1, 1) != X'01'") == [(0,)]
    texts = {}
    for directory in (alone, shared):
        conn = sqlite3.connect(directory / "state" / "alerts.db")
        try:
            texts[directory.name] = sorted(
                (key, unpack_text(summary, conn)) for key, summary in
                conn.execute("SELECT key, summary FROM items"))
        finally:
            conn.close()
    assert len(texts["shared"]) == len(urls) * per_feed
    assert texts["shared"] == texts["alone"]


SPAWN_PROBE = """\
import sys
import alerts.pollworker as pollworker
from alerts.cli import cli

HEAVY = ("alerts.state", "alerts.rules.engine", "alerts.rules.loader", "alerts.once", "httpx")
early = pollworker.spawn_early


def spawn_early(settings, only=()):
    print("LOADED", ",".join(m for m in HEAVY if m in sys.modules))
    return early(settings, only)


pollworker.spawn_early = spawn_early
sys.argv = ["alerts", *sys.argv[1:]]
try:
    cli.main(prog_name="alerts")
except SystemExit as exc:
    print("EXIT", exc.code)
"""


def test_poll_workers_start_before_the_state_and_the_rules_are_imported(tmp_path, feed_server):
    """On a new state the workers' processes are started as soon as the settings are read:
    the modules the polling process imports after that (the state, the rule engine and
    loader, the poll itself, httpx) load while the workers load theirs (#17)."""
    urls = [feed_server.put(f"/wire{n}.xml", documents(n)) for n in range(4)]
    directory, = configs(tmp_path, urls, "new")
    done = subprocess.run([sys.executable, "-c", SPAWN_PROBE, "--config",
                           str(directory / "alerts.yaml"), "--log-level", "debug", "poll",
                           "--once", "--no-send"], cwd=directory, capture_output=True,
                          text=True, timeout=180, env=cli_env() | {"ALERTS_POLL_WORKERS": "2"})
    assert "EXIT 0" in done.stdout, done.stdout + done.stderr
    assert "2 processes started before the rules are read" in done.stderr, done.stderr
    assert "LOADED \n" in done.stdout, done.stdout
