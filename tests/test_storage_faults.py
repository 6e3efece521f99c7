"""Storage faults: a locked database, a full disk, and SIGKILL at random points of a poll.

Each leaves the database consistent (PRAGMA integrity_check), loses no queued alert, and lets
the next poll redo the unfinished work.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest

from alerts.config import FetchSettings
from alerts.errors import StateError
from alerts.fetch import Fetcher
from alerts.models import Feed
from alerts.pipeline import Poller
from alerts.rules import RuleSet, load_rules
from alerts.state import Store
from tests.conftest import CEASEFIRE_RULE, cli_env, run_cli, write_config
from tests.feeds import rss, rss_item
from tests.servers import wait_for

LOOPBACK = ("127.0.0.0/8",)


def items(start: int, count: int) -> list[str]:
    # Every item matches the ceasefire rule, so each recorded item has exactly one alert per
    # channel: item, match and outbox counts must move together or not at all. Dated now, so
    # a burst of new items is news, not the pipeline's "old stories under new GUIDs" flood.
    now = format_datetime(datetime.now(UTC), usegmt=True)
    return [rss_item(f"UN urges ceasefire in Region{i}", guid=f"g{i}", pub=now,
                     link=f"https://wire.example.org/{i}",
                     # Distinct events: different places, wording too far apart to be one story.
                     summary=f"Region {i}: delegates of town {i * 7} met at hall {i * 13} on day "
                             f"{i * 3}; talks went on past {i + 5} o'clock. " * 10)
            for i in range(start, start + count)]


def counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db, timeout=30) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore
                     for t in ("items", "matches", "outbox"))


def integrity(db: Path) -> str:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def outbox_rows(db: Path) -> set[tuple]:
    with sqlite3.connect(db, timeout=30) as conn:
        return set(conn.execute("SELECT id, match_id, channel, title FROM outbox").fetchall())


def ruleset(directory: Path) -> RuleSet:
    folder = directory / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "ceasefire.yaml").write_text(CEASEFIRE_RULE)
    return RuleSet(load_rules([folder], {"chat"}, ("chat",)), ("chat",))


def poll_with(store: Store, url: str, rules: RuleSet):
    async def go():
        fetcher = Fetcher(FetchSettings(timeout=5, allow_networks=LOOPBACK))
        try:
            return await Poller(store, fetcher, rules, force_backfill=True).poll(
                Feed(url, "Wire", 60))
        finally:
            await fetcher.aclose()
    return asyncio.run(go())


# -- a database locked by another process ------------------------------------------------------

LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")  # the write lock, held until we are told to let go
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


class Locker:
    """Another process holding the database's write lock."""

    def __init__(self, db: Path):
        self.proc = subprocess.Popen([sys.executable, "-c", LOCKER, str(db)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None and self.proc.stdout.readline() == "locked\n"

    def release(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


def test_a_locked_database_fails_the_poll_cleanly_and_the_next_poll_redoes_it(
        tmp_path, feed_server, monkeypatch):
    monkeypatch.setattr("alerts.state.db.BUSY_TIMEOUT_MS", 300)  # wait 0.3 s, not 10 s
    url = feed_server.put("/f.xml", rss(*items(0, 5)))
    db = tmp_path / "state.db"
    rules = ruleset(tmp_path)
    store = Store(db)
    try:
        assert poll_with(store, url, rules).alerts_queued == 5
        before = outbox_rows(db)
        feed_server.put("/f.xml", rss(*items(0, 8)))
        locker = Locker(db)
        try:
            with pytest.raises(StateError) as info:
                poll_with(store, url, rules)
        finally:
            locker.release()
        message = str(info.value)
        assert "busy" in message and "another process" in message and "nothing was lost" \
            in message
        assert outbox_rows(db) == before and counts(db) == (5, 5, 5)
        assert integrity(db) == "ok"
        result = poll_with(store, url, rules)  # the lock is gone: the work is done now
        assert (result.new_items, result.alerts_queued) == (3, 3)
        assert counts(db) == (8, 8, 8) and before <= outbox_rows(db)
    finally:
        store.close()


@pytest.mark.slow
def test_poll_once_on_a_locked_database_says_so_and_exits_non_zero(tmp_path, feed_server):
    url = feed_server.put("/f.xml", rss(*items(0, 3)))
    config = write_config(tmp_path, feeds=[{"url": url, "backfill": True}],
                          channels={"terminal": "console://"})
    assert run_cli("-c", str(config), "poll", "--once", "--no-send").returncode == 0
    db = tmp_path / "state" / "alerts.db"
    feed_server.put("/f.xml", rss(*items(0, 4)))
    locker = Locker(db)
    try:  # the CLI waits for the lock for state.BUSY_TIMEOUT_MS (10 s), then gives up
        proc = run_cli("-c", str(config), "poll", "--once", "--no-send", timeout=60)
    finally:
        locker.release()
    assert proc.returncode == 1
    assert "is busy" in proc.stderr and "nothing was lost" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert counts(db) == (3, 3, 3)
    assert run_cli("-c", str(config), "poll", "--once", "--no-send").returncode == 0
    assert counts(db) == (4, 4, 4)


# -- a full disk -------------------------------------------------------------------------------

def fill_disk(store: Store) -> None:
    """What a full disk looks like to SQLite: no page can be added to the database."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_loses_nothing_and_the_next_poll_redoes_the_work(tmp_path, feed_server):
    url = feed_server.put("/f.xml", rss(*items(0, 5)))
    db = tmp_path / "state.db"
    rules = ruleset(tmp_path)
    store = Store(db)
    try:
        assert poll_with(store, url, rules).alerts_queued == 5
        before = outbox_rows(db)
        feed_server.put("/f.xml", rss(*items(0, 300)))
        fill_disk(store)
        # What matters here is that the poll stopped and left the database as it was.
        with pytest.raises((StateError, sqlite3.OperationalError)):
            poll_with(store, url, rules)
        assert integrity(db) == "ok"
        assert outbox_rows(db) == before and counts(db) == (5, 5, 5)  # all or nothing
        store.conn.execute("PRAGMA max_page_count = 1073741823")  # space again
        result = poll_with(store, url, rules)
        assert (result.new_items, result.alerts_queued) == (295, 295)
        assert counts(db) == (300, 300, 300) and before <= outbox_rows(db)
    finally:
        store.close()


def test_a_full_disk_is_reported_as_a_state_error_with_advice(tmp_path, feed_server):
    url = feed_server.put("/f.xml", rss(*items(0, 300)))
    store = Store(tmp_path / "state.db")
    try:
        fill_disk(store)
        with pytest.raises(StateError) as info:
            poll_with(store, url, ruleset(tmp_path))
        assert "full" in str(info.value)
    finally:
        store.close()


# -- SIGKILL at random points of a poll --------------------------------------------------------

# 48 kills (16 per chain) rather than the first 100: the same kinds of point are reached
# (start-up, fetch, parse, write) in half the time. A write without its transaction passes
# both counts (its window is a few ms of each poll); test_outbox_atomic.py kills exactly
# there and fails without the transaction.
ROUNDS = 48
CHAINS = 3  # independent databases killed in parallel: one starts while the others run
PER_CHAIN = -(-ROUNDS // CHAINS)


def running_with(mark: str) -> list[int]:
    """Processes whose environment carries our mark: the CLI runs and their parse workers."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                if mark.encode() in f.read():
                    found.append(int(entry))
        except OSError:
            continue
    return found


class Chain:
    """One database, polled again and again by `alerts poll --once`, killed at random."""

    def __init__(self, directory: Path, feed_server, path: str, rng: random.Random, mark: str):
        self.dir, self.server, self.path, self.rng = directory, feed_server, path, rng
        self.total = 20
        self.url = feed_server.put(path, rss(*items(0, self.total)), validators=False)
        self.config = write_config(directory, feeds=[{"url": self.url, "backfill": True}],
                                   channels={"terminal": "console://"})
        self.db = directory / "state" / "alerts.db"
        self.env = cli_env() | {"HOSTILE_KILL_MARK": mark}
        self.killed = self.finished = 0
        self.outbox: set[tuple] = set()

    def start(self) -> subprocess.Popen:
        with open(self.dir / "last-run.log", "wb") as log:  # the child keeps its own copy
            return subprocess.Popen([sys.executable, "-m", "alerts", "-c", str(self.config),
                                     "poll", "--once", "--no-send"], env=self.env, stdout=log,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    def run_once(self, full: float, after_request: float) -> None:
        # New items in every round, so every poll has work to do (or to redo).
        self.total += 2
        self.server.put(self.path, rss(*reversed(items(0, self.total))), validators=False)
        requests_before = len(self.server.statuses(self.path))
        proc = self.start()
        try:
            if self.rng.random() < 0.3:
                time.sleep(self.rng.uniform(0.0, full))  # anywhere, start-up included
            else:  # inside the poll itself: after the request, in fetch, parse or write
                wait_for(lambda: len(self.server.statuses(self.path)) > requests_before
                         or proc.poll() is not None, timeout=30, step=0.005)
                time.sleep(self.rng.uniform(0.0, after_request))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                self.killed += 1
            else:
                assert proc.returncode == 0, (self.dir / "last-run.log").read_text()
                self.finished += 1
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        self.check()

    def check(self) -> None:
        if not self.db.exists():
            return  # killed before the database was created
        assert integrity(self.db) == "ok"
        with sqlite3.connect(self.db, timeout=30) as conn:
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'outbox'").fetchone():
                return  # killed before the first migration committed: nothing to lose yet
        n_items, n_matches, n_outbox = counts(self.db)
        assert n_items == n_matches == n_outbox  # each poll's write is all or nothing
        now = outbox_rows(self.db)
        assert self.outbox <= now, "a queued alert was lost"
        self.outbox = now


def test_sigkill_at_random_points_of_a_poll_loses_nothing(tmp_path, feed_server):
    mark = uuid.uuid4().hex
    rng = random.Random(8)  # seeded: a failure can be replayed
    chains = [Chain(tmp_path / f"chain{i}", feed_server, f"/chain{i}.xml",
                    random.Random(rng.random()), mark) for i in range(CHAINS)]
    for chain in chains:
        chain.dir.mkdir(exist_ok=True)

    # Calibrate on a throwaway database: how long a full poll takes, and how much of it
    # comes after the feed request.
    calib = Chain(tmp_path / "calibration", feed_server, "/calibration.xml", rng, mark)
    before = len(feed_server.statuses("/calibration.xml"))
    started = time.monotonic()
    proc = calib.start()
    assert wait_for(lambda: len(feed_server.statuses("/calibration.xml")) > before, 60, 0.005)
    requested = time.monotonic()
    assert proc.wait(timeout=60) == 0
    full, after_request = time.monotonic() - started, time.monotonic() - requested

    errors: list[BaseException] = []

    def run(chain: Chain) -> None:
        try:
            for _ in range(PER_CHAIN):
                chain.run_once(full * 1.1, after_request * 1.1)
        except BaseException as exc:  # re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c,)) for c in chains]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    if errors:
        raise errors[0]
    assert sum(c.killed + c.finished for c in chains) >= ROUNDS
    assert sum(c.killed for c in chains) >= ROUNDS // 2  # most rounds really were killed

    # One poll left alone completes every unfinished piece of work.
    for chain in chains:
        proc = chain.start()
        assert proc.wait(timeout=60) == 0, (chain.dir / "last-run.log").read_text()
        chain.check()
        assert counts(chain.db) == (chain.total,) * 3
    # No parse worker outlived the poll that started it.
    assert wait_for(lambda: not running_with(mark), timeout=15), running_with(mark)
    print(f"SIGKILL: {sum(c.killed for c in chains)} killed, "
          f"{sum(c.finished for c in chains)} finished; full poll {full:.2f} s, "
          f"{after_request:.2f} s after the request")
