"""Story assignment cost per item with 10,000 and 100,000 stored story members.

    .venv/bin/python bench/bench_stories.py     # writes bench/results/stories.md

Target: flat within 1.5x between the two sizes (no scan of stored items per new item),
and under 0.5 ms per item. Assignments run as in a poll: inside one transaction per feed.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report import publish  # noqa: E402 - bench/ is on sys.path when a script runs

from alerts.models import Item  # noqa: E402
from alerts.state import Store  # noqa: E402
from alerts.stories import StoryDesk  # noqa: E402

WORDS = ("ceasefire", "talks", "minister", "president", "envoy", "embassy", "troops", "border",
         "summit", "call", "visit", "agreement", "sanctions", "aid", "refugees", "election",
         "parliament", "protest", "strike", "drone", "missile", "port", "grain", "energy",
         "gas", "oil", "court", "vote", "coalition", "army", "rebels", "capital", "north",
         "south", "east", "west", "region", "city", "province", "council", "delegation",
         "treaty")
NEW_ITEMS = 500
POLL_ITEMS = 50  # matched items in one feed's poll, which commits once
RUNS = 3


def headline(rng: random.Random) -> str:
    return " ".join(rng.choices(WORDS, k=14)) + f" {rng.randrange(10**9)}"


def fill(store: Store, count: int, rng: random.Random, start: datetime) -> None:
    """Stored stories as assign() leaves them, written in bulk (the fill is not measured)."""
    from alerts.stories import bands, link_key, signature, text_key

    stories, members, keys = [], [], []
    for n in range(count):
        at = (start + timedelta(minutes=n)).isoformat()  # months of news, many windows
        title = headline(rng)
        sig = signature(title)
        item = Item(feed_url=f"https://feed{n % 200}.example/rss", feed_name="f", key=f"k{n}",
                    guid=None, link=f"https://example.org/{n}", title=title, summary="",
                    published=None)
        story_id = n + 1
        stories.append((story_id, title, at, at, ",".join(map(str, sig)) if sig else None))
        members.append((story_id, item.feed_url, item.key, "rule", "pub", title, item.link,
                        "new", at))
        keys += [("text", text_key(item), story_id, at), ("link", link_key(item.link),
                                                          story_id, at),
                 ("entities", f"rule\x1fp{rng.randrange(400)}+q{rng.randrange(400)}",
                  story_id, at)]
        keys += [("band", band, story_id, at) for band in (bands(sig) if sig else [])]
    with store.write() as conn:
        conn.executemany("INSERT INTO stories (id, title, created_at, last_at, signature) "
                         "VALUES (?, ?, ?, ?, ?)", stories)
        conn.executemany("INSERT INTO story_members (story_id, feed_url, item_key, rule_id, "
                         "publisher, title, link, joined_by, at) VALUES "
                         "(?, ?, ?, ?, ?, ?, ?, ?, ?)", members)
        conn.executemany("INSERT OR IGNORE INTO story_keys (kind, key, story_id, at) "
                         "VALUES (?, ?, ?, ?)", keys)


def per_item(store: Store, rng: random.Random, at: datetime) -> float:
    """Seconds per assignment, made as a poll makes them: inside the transaction of the
    poll of one feed (POLL_ITEMS matched items each)."""
    desk = StoryDesk(store, window=timedelta(hours=48))
    items = [Item(feed_url="https://new.example/rss", feed_name="n", key=f"new{n}{at}",
                  guid=None, link=f"https://new.example/{n}/{at.timestamp()}",
                  title=headline(rng), summary="", published=at) for n in range(NEW_ITEMS)]
    started = time.perf_counter()
    for start in range(0, NEW_ITEMS, POLL_ITEMS):
        with store.write():
            for item in items[start:start + POLL_ITEMS]:
                desk.assign(item, "rule", f"p{rng.randrange(400)}+q{rng.randrange(400)}", at,
                            "new")
    return (time.perf_counter() - started) / NEW_ITEMS


def main() -> None:
    results = {}
    for size in (10_000, 100_000):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "bench.db")
            rng = random.Random(size)
            start = datetime(2025, 1, 1, tzinfo=UTC)
            fill(store, size, rng, start)
            end = start + timedelta(minutes=size)
            times = [per_item(store, rng, end + timedelta(minutes=run)) for run in range(RUNS)]
            results[size] = statistics.median(times)
            store.close()
        print(f"{size:>7,} stored: {results[size] * 1000:.3f} ms per new item", flush=True)
    ratio = results[100_000] / results[10_000]
    table = "\n".join([
        "| stored story members | ms per new item | vs 10,000 |",
        "|---:|---:|---:|",
        *(f"| {size:,} | {value * 1000:.3f} | {value / results[10_000]:.2f}x |"
          for size, value in results.items()),
        "",
        f"Target: flat within 1.5x ({ratio:.2f}x: {'met' if ratio <= 1.5 else 'missed'}) and "
        f"under 0.5 ms per item ({results[100_000] * 1000:.3f} ms: "
        f"{'met' if results[100_000] < 0.0005 else 'missed'}). Assignments are made inside "
        f"the poll's transaction (one commit per {POLL_ITEMS} items, WAL, "
        "synchronous=NORMAL), as the poller makes them.",
    ])
    publish("stories", table)


if __name__ == "__main__":
    main()
