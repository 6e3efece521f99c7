"""Recording a poll: ours (Store.known_items + Store.record_poll) beside raw sqlite3.

    .venv/bin/python bench/bench_store.py      # writes bench/results/store.md

Target (the issue): new items are written in one transaction per fetched feed (WAL,
synchronous=NORMAL) and the "seen before?" check is one batched query per feed; within 1.5x
of raw sqlite3.executemany in the same run.

The items are bench_cycle's 200 feeds x 50 items, parsed and normalised as the poller does
(not measured). Per feed, ours does what Poller.process does once matching is done:
known_items() for the feed's keys, then record_poll() with the new items (no alerts). The
baseline, on a fresh file with the same `items` table (same columns, same indexes) and the
same pragmas: one SELECT ... WHERE key IN (...) and, in one transaction, one executemany
INSERT of the same rows. Scenario two polls the same items again (a changed body, every
item seen; Poller.poll's flood check uses the same one lookup); the baseline does the
SELECT and, in one transaction, one UPDATE of last_seen for the seen keys (what record_poll
must do for them). Each figure is the median of BENCH_RUNS runs (3 by default), each on
fresh database files; within a run, ours and the baseline take turns feed by feed, and a
run's figure is its median feed.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_cycle import FEEDS, ITEMS, make_feed  # noqa: E402
from bench_matching import vocabulary  # noqa: E402
from report import publish  # noqa: E402 - bench/ is on sys.path when a script runs

from alerts.models import Feed, Fetched, Item  # noqa: E402
from alerts.normalise import normalise  # noqa: E402
from alerts.parseworker import parse_bytes  # noqa: E402
from alerts.state import Store  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
TARGET = 1.5
FIRST_POLL = datetime(2025, 7, 1, 12, tzinfo=UTC)

def items_schema() -> list[str]:
    """The `items` table and its indexes exactly as alerts.state's migrations make them."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "schema.db")
        rows = store.conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'items' AND sql IS NOT NULL "
            "ORDER BY type DESC").fetchall()  # the table, then its indexes
        store.close()
    return [sql for (sql,) in rows]


class Polled:
    """One feed's poll as the store sees it: the feed, what was fetched, its items."""

    def __init__(self, feed: Feed, fetched: Fetched, body_hash: str, items: list[Item]):
        self.feed = feed
        self.fetched = fetched
        self.body_hash = body_hash
        self.items = items


def make_polls() -> list[Polled]:
    """bench_cycle's 200 feeds, byte for byte, parsed and normalised as Poller.poll does."""
    rng = random.Random(7)
    words = vocabulary(rng, 20_000)
    shared = [" ".join(rng.choices(words[:2000], k=10)).capitalize() for _ in range(5)]
    polls = []
    for n in range(FEEDS):
        body = make_feed(n, rng, words, shared)
        url = f"http://127.0.0.1:8000/f{n}.xml"
        feed = Feed(url=url, name=f"Feed {n}", interval=3600)
        fetched = Fetched(url, url, 200, body, etag=f'"etag-{n}"',
                          last_modified="Tue, 01 Jul 2025 00:00:00 GMT",
                          content_type="application/xml")
        entries = list(parse_bytes(body, url, fetched.content_type).entries)
        items = normalise(entries, feed, url)
        assert len(items) == ITEMS, (n, len(items))
        polls.append(Polled(feed, fetched, hashlib.sha256(body).hexdigest(), items))
    return polls


# -- ours ---------------------------------------------------------------------------------

def ours(store: Store, poll: Polled, now: datetime) -> int:
    """known_items + record_poll, as Poller.poll does; returns the items it found new."""
    keys = [i.key for i in poll.items]
    known = store.known_items(poll.feed.url, keys)
    new_items = [i for i in poll.items if i.key not in known]
    store.record_poll(feed_url=poll.feed.url, feed_name=poll.feed.name, now=now,
                      fetched=poll.fetched, body_hash=poll.body_hash, new_items=new_items,
                      edited_items=[], seen_keys=[k for k in keys if k in known],
                      alerts=[], history=[])
    return len(new_items)


# -- the baseline -------------------------------------------------------------------------

def raw_connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    for statement in items_schema():
        conn.execute(statement)
    return conn


def _micros(moment: datetime | None) -> int | None:
    """A time as the state stores it since 0025: microseconds since the epoch."""
    return round(moment.timestamp() * 1_000_000) if moment is not None else None


_FEED_NUMBERS: dict[str, int] = {}  # the baseline's feeds by number, as the state's (0028)


def raw(conn: sqlite3.Connection, poll: Polled, now: datetime) -> int:
    """One SELECT ... IN (...), then one transaction: one executemany INSERT of the new rows,
    one UPDATE of last_seen for the seen ones."""
    feed = _FEED_NUMBERS.setdefault(poll.feed.url, len(_FEED_NUMBERS) + 1)
    stamp = _micros(now)
    keys = [i.key for i in poll.items]
    marks = ",".join("?" * len(keys))
    known = {key: (item_id, content_hash) for key, item_id, content_hash in conn.execute(
        f"SELECT key, id, content_hash FROM items WHERE feed_id = ? AND key IN ({marks})",
        (feed, *keys)).fetchall()}
    rows = [(feed, i.key, i.guid, i.link, i.title, i.summary, _micros(i.published),
             i.language, i.content_hash, stamp, stamp) for i in poll.items if i.key not in known]
    seen = [k for k in keys if k in known]
    conn.execute("BEGIN IMMEDIATE")
    if rows:
        conn.executemany(
            "INSERT INTO items (feed_id, key, guid, link, title, summary, published, "
            "language, content_hash, first_seen, last_seen) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    if seen:
        conn.execute(f"UPDATE items SET last_seen = ? WHERE feed_id = ? AND key IN "
                     f"({','.join('?' * len(seen))})", (stamp, feed, *seen))
    conn.execute("COMMIT")
    return len(rows)


def scenario(ways: dict[str, Callable[[Polled], int]], polls: list[Polled],
             expect_new: int) -> dict[str, float]:
    """Seconds for the median feed, each way. The ways take turns feed by feed (first one,
    then the other), so that noise on a shared machine falls on both alike, and the median
    feed leaves out the feeds a burst of someone else's work fell on."""
    times: dict[str, list[float]] = {name: [] for name in ways}
    names = list(ways)
    for n, poll in enumerate(polls):
        for name in names if n % 2 == 0 else names[::-1]:
            started = time.perf_counter()
            new = ways[name](poll)
            times[name].append(time.perf_counter() - started)
            assert new == expect_new, (name, new, expect_new)
    return {name: statistics.median(got) for name, got in times.items()}


def one_run(polls: list[Polled]) -> dict[str, float]:
    """Seconds per feed for each scenario, ours and raw, on fresh files."""
    second = FIRST_POLL + timedelta(hours=1)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "ours.db")  # schema made here, not measured
        conn = raw_connect(Path(tmp) / "raw.db")
        first = scenario({"ours": lambda p: ours(store, p, FIRST_POLL),
                          "raw": lambda p: raw(conn, p, FIRST_POLL)}, polls, ITEMS)
        again = scenario({"ours": lambda p: ours(store, p, second),
                          "raw": lambda p: raw(conn, p, second)}, polls, 0)
        for db in (store.conn, conn):
            stored = db.execute("SELECT count(*) FROM items").fetchone()[0]
            assert stored == FEEDS * ITEMS, stored
        store.close()
        conn.close()
    return {"new/ours": first["ours"], "new/raw": first["raw"],
            "seen/ours": again["ours"], "seen/raw": again["raw"]}


def main() -> None:
    polls = make_polls()
    print(f"{FEEDS} feeds x {ITEMS} items parsed and normalised", flush=True)
    runs = []
    for _ in range(RUNS):
        runs.append(one_run(polls))
        print({k: round(v * 1000, 3) for k, v in runs[-1].items()}, flush=True)
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    # Ratios are taken within each run (ours and raw took turns), then the median of those.
    new_ratio, seen_ratio = (
        statistics.median(r[f"{k}/ours"] / r[f"{k}/raw"] for r in runs)
        for k in ("new", "seen"))

    def verdict(ratio: float) -> str:
        return "met" if round(ratio, 2) <= TARGET else "missed"

    table = "\n".join([
        f"{FEEDS} feeds x {ITEMS} items (bench_cycle's corpus, normalised), WAL, "
        f"synchronous=NORMAL. Median of {RUNS}.",
        "",
        "| poll | ours (ms per feed) | raw sqlite3 (ms per feed) | ours / raw | target |",
        "|---|---:|---:|---:|---|",
        f"| first poll: 50 new items | {med['new/ours'] * 1000:.3f} | "
        f"{med['new/raw'] * 1000:.3f} | {new_ratio:.2f}x | at most {TARGET}x: "
        f"{verdict(new_ratio)} |",
        f"| polled again: 50 seen items | {med['seen/ours'] * 1000:.3f} | "
        f"{med['seen/raw'] * 1000:.3f} | {seen_ratio:.2f}x | at most {TARGET}x: "
        f"{verdict(seen_ratio)} |",
        "",
        "Ours: Store.known_items() then Store.record_poll() per feed (no alerts, no history). "
        "Raw: one SELECT ... WHERE key IN (...), then one transaction with one executemany "
        "INSERT of the same rows (first poll) or one UPDATE of last_seen (polled again), on "
        "the same `items` table. A run's figure is its median feed; ratios are taken "
        "within each run, then the median.",
    ])
    publish("store", table)


if __name__ == "__main__":
    main()
