"""Story assignment cost per item with 10,000 and 100,000 stored stories.

    .venv/bin/python bench/bench_stories.py     # writes bench/results/stories.md
    .venv/bin/python bench/bench_stories.py --baseline 1.010,0.959   # today's ms, for ratios

Target: flat between the two sizes (no scan of stored stories per new item; #16: <= 0.3 ms
per item). Stories are keyed by the event (#16): every stored story has an event (type,
actors) and one 'event' key per actor, and every new item carries its event, as the poller
passes it (the analysis itself is measured in bench_analysis.py). Assignments run as in a
poll: inside one transaction per feed; the commit is measured apart, as it is the poll's.
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
from alerts.stories import EventKey, StoryDesk  # noqa: E402

WORDS = ("ceasefire", "talks", "minister", "president", "envoy", "embassy", "troops", "border",
         "summit", "call", "visit", "agreement", "sanctions", "aid", "refugees", "election",
         "parliament", "protest", "strike", "drone", "missile", "port", "grain", "energy",
         "gas", "oil", "court", "vote", "coalition", "army", "rebels", "capital", "north",
         "south", "east", "west", "region", "city", "province", "council", "delegation",
         "treaty")
COUNTRIES = [f"C{n}" for n in range(200)]
TYPES = ("ceasefire", "peace-talks", "relations", "contact")
NEW_ITEMS = 500
POLL_ITEMS = 50  # matched items in one feed's poll, which commits once
RUNS = 3


def event(rng: random.Random) -> EventKey:
    return EventKey(rng.choice(TYPES), "a", frozenset(rng.sample(COUNTRIES, 2)), frozenset(),
                    "agreed")


def headline(rng: random.Random) -> str:
    return " ".join(rng.choices(WORDS, k=14)) + f" {rng.randrange(10**9)}"


def fill(store: Store, count: int, rng: random.Random, start: datetime) -> None:
    """Stored stories as assign() leaves them, written in bulk (the fill is not measured)."""
    from alerts.state.compact import band_value, moment, pack_signature, text_key_value
    from alerts.state.feedkeys import feed_number, stored_key
    from alerts.stories import bands, link_key, signature, text_key

    stories, members, keys, stored_bands = [], [], [], []
    for n in range(count):
        at = moment(start + timedelta(minutes=n))  # months of news, many windows (0025)
        title = headline(rng)
        sig = signature(title)
        item = Item(feed_url=f"https://feed{n % 200}.example/rss", feed_name="f", key=f"k{n}",
                    guid=None, link=f"https://example.org/{n}", title=title, summary="",
                    published=None)
        story_id = n + 1
        happened = event(rng)
        stories.append((story_id, title, at, at, pack_signature(sig) if sig else None,
                        happened.encode()))
        members.append((len(members) + 1, story_id, item.feed_url,
                        stored_key(item.key, item.feed_url), "pub", title, item.link, "new",
                        at))
        keys += [("text", text_key_value(text_key(item)), story_id, at),  # 0031
                 ("link", link_key(item.link), story_id, at),
                 ("entities", f"rule\x1fp{rng.randrange(400)}+q{rng.randrange(400)}",
                  story_id, at)]
        stored_bands += [(band_value(band), story_id, at)
                         for band in (bands(sig) if sig else [])]
        keys += [("event", key, story_id, at) for key in happened.stored_keys()]
    with store.write() as conn:
        conn.executemany("INSERT INTO stories (id, title, created_at, last_at, signature, "
                         "event) VALUES (?, ?, ?, ?, ?, ?)", stories)
        # Members name their feed by number (0028).
        numbers = {url: feed_number(conn, url) for url in {m[2] for m in members}}
        conn.executemany("INSERT INTO story_members (id, story_id, feed_id, item_key, "
                         "publisher, title, link, joined_by, at) VALUES "
                         "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [(m[0], m[1], numbers[m[2]], *m[3:]) for m in members])
        conn.executemany("INSERT INTO story_member_rules (member_id, rule_id) VALUES (?, ?)",
                         [(member[0], "rule") for member in members])
        conn.executemany("INSERT OR IGNORE INTO story_keys (kind, key, story_id, at) "
                         "VALUES (?, ?, ?, ?)", keys)
        conn.executemany("INSERT OR IGNORE INTO story_bands (band, story_id, at) "
                         "VALUES (?, ?, ?)", stored_bands)


def per_item(store: Store, rng: random.Random, at: datetime) -> tuple[float, float]:
    """Seconds per assignment, made as a poll makes them: inside the transaction of the
    poll of one feed (POLL_ITEMS matched items each); and seconds per item of the commits."""
    desk = StoryDesk(store, window=timedelta(hours=48))
    items = [Item(feed_url="https://new.example/rss", feed_name="n", key=f"new{n}{at}",
                  guid=None, link=f"https://new.example/{n}/{at.timestamp()}",
                  title=headline(rng), summary="", published=at) for n in range(NEW_ITEMS)]
    events = [event(rng) for _ in items]
    assigning = committing = 0.0
    for start in range(0, NEW_ITEMS, POLL_ITEMS):
        began = time.perf_counter()
        with store.write():
            for item, happened in zip(items[start:start + POLL_ITEMS],
                                      events[start:start + POLL_ITEMS], strict=True):
                desk.assign(item, "rule", f"p{rng.randrange(400)}+q{rng.randrange(400)}", at,
                            "new", event=happened)
            done = time.perf_counter()
        committing += time.perf_counter() - done
        assigning += done - began
    return assigning / NEW_ITEMS, committing / NEW_ITEMS


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", help="today's ms per item at 10,000 and 100,000 "
                                           "stored (the previous table's figures), for ratios")
    args = parser.parse_args()
    baseline = [float(v) / 1000 for v in args.baseline.split(",")] if args.baseline else None
    results: dict[int, float] = {}
    commits: dict[int, float] = {}
    for size in (10_000, 100_000):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "bench.db")
            rng = random.Random(size)
            start = datetime(2025, 1, 1, tzinfo=UTC)
            fill(store, size, rng, start)
            end = start + timedelta(minutes=size)
            runs = [per_item(store, rng, end + timedelta(minutes=run)) for run in range(RUNS)]
            results[size] = statistics.median(r[0] for r in runs)
            commits[size] = statistics.median(r[1] for r in runs)
            store.close()
        print(f"{size:>7,} stored: {results[size] * 1000:.3f} ms per new item "
              f"(+ {commits[size] * 1000:.3f} ms of commit)", flush=True)
    ratio = results[100_000] / results[10_000]
    worst = max(results.values())
    rows = []
    for n, (size, value) in enumerate(results.items()):
        total = value + commits[size]
        versus = f"{total / baseline[n]:.2f}x" if baseline else "-"
        rows.append(f"| {size:,} | {value * 1000:.3f} | {commits[size] * 1000:.3f} | "
                    f"{value / results[10_000]:.2f}x | {versus} |")
    table = "\n".join([
        "| stored stories | ms per new item (assign) | ms per item (commit) | vs 10,000 | "
        "assign + commit vs before #16 |",
        "|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"Target: flat ({ratio:.2f}x from 10,000 to 100,000: "
        f"{'met' if ratio <= 1.5 else 'missed'}) and at most 0.3 ms per item to assign "
        f"({worst * 1000:.3f} ms: {'met' if worst <= 0.0003 else 'missed'}). Every lookup is "
        "an indexed (kind, key) query bounded in time; stories carry their event and one "
        f"key per actor. Assignments are made inside the poll's transaction (one commit per "
        f"{POLL_ITEMS} items, WAL, synchronous=NORMAL), as the poller makes them; the "
        "commit is the poll's and shown apart."
        + (" Before #16 (the previous code, run just before on the same machine): "
           f"{baseline[0] * 1000:.3f} and {baseline[1] * 1000:.3f} ms per item, commit "
           "included." if baseline else ""),
    ])
    publish("stories", table)


if __name__ == "__main__":
    main()
