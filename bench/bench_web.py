"""`alerts web` with 100,000 stored items: each canned page beside its own SQL run directly.

    .venv/bin/python bench/bench_web.py      # writes bench/results/web.md

Target (issue "A page to look at"): every page answers in under 200 ms with 100,000 stored
items. The state is written through the real Store (record_poll and add_to_story): 200 feeds
of 500 items over 30 days, 2% of them matched and alerted in stories of two reports, a poll
log of 30 days. `alerts web` runs as a subprocess; each page is fetched over HTTP (JSON and
HTML), the median of BENCH_RUNS x 5 requests after one warm-up. The baseline is the page's
SQL run through sqlite3 on the same file in the same run, so the ratio shows what Datasette
adds to the query itself.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from report import publish  # noqa: E402 - bench/ is on sys.path when a script runs

from alerts.messages import Outgoing  # noqa: E402
from alerts.models import Fetched, Item, Match  # noqa: E402
from alerts.state import QueuedAlert, Store  # noqa: E402
from alerts.web import metadata  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
FEEDS, PER_FEED = 200, 500
TARGET_MS = 200.0
PAGES = ["today", "alerts_by_rule", "recent_alerts", "feed_health", "outbox_problems"]


def populate(path: Path) -> int:
    store = Store(path)
    start = datetime.now(UTC) - timedelta(days=30)
    step = timedelta(days=30) / PER_FEED
    stories: dict[int, object] = {}
    for f in range(FEEDS):
        url = f"https://feed{f}.example/rss"
        items = []
        alerts = []
        for i in range(PER_FEED):
            at = start + step * i
            item = Item(feed_url=url, feed_name=f"Feed {f}", key=f"k{f}-{i}", guid=f"g{f}-{i}",
                        link=f"https://feed{f}.example/{i}",
                        title=f"Report {i} of feed {f} on the talks", summary="Text " * 40,
                        published=at)
            items.append(item)
            # 2% matched, the latest within the last day; each pairs with another feed's copy.
            if i % 50 == 49:
                rule = ("ceasefire-call", "peace-talks")[i % 100 == 49]
                alert_id = f"a{f}x{i}"
                alerts.append(QueuedAlert(item.key, Match(
                    rule, rule, "high", ("desk",), f"matched because: report {i}"),
                    (Outgoing("desk", item.title, "body", alert_id=alert_id, severity="high",
                              rule_id=rule),)))
        fetched = Fetched(requested_url=url, final_url=url, status=200, body=b"")
        store.record_poll(feed_url=url, feed_name=f"Feed {f}", now=start + timedelta(days=30),
                          fetched=fetched, body_hash=str(f), new_items=items, edited_items=[],
                          seen_keys=[], alerts=alerts)
        for item in items[49::50]:
            group = int(item.key.split("-")[1]) * 1000 + f // 2
            story = store.add_to_story(stories.get(group), item, item.published,  # type: ignore[arg-type]
                                       rule_ids=["ceasefire-call"], entity_keys=[],
                                       link=item.link, text=item.title, sig=None, band_keys=[],
                                       publisher=f"Outlet {f}")
            stories[group] = story
        for day in range(30):
            if (f + day) % 17 == 0:
                store.record_feed_error(url, f"Feed {f}", start + timedelta(days=day),
                                        "timeout", "network")
    count = store.conn.execute("SELECT count(*) FROM items").fetchone()[0]
    store.close()
    return count


def fetch_ms(url: str) -> float:
    begin = time.perf_counter()
    with urlopen(url, timeout=30) as reply:
        reply.read()
    return (time.perf_counter() - begin) * 1000


def sql_ms(path: Path, sql: str) -> float:
    from alerts.web.links import prepare_connection

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    prepare_connection(conn, "state")  # the SQL functions the site's connections have (0033)
    begin = time.perf_counter()
    conn.execute(sql.replace(":days", "7")).fetchall()
    took = (time.perf_counter() - begin) * 1000
    conn.close()
    return took


def main() -> None:
    queries = metadata()["databases"]["state"]["queries"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "state.db"
        items = populate(path)
        port = 8400 + os.getpid() % 500
        proc = subprocess.Popen([sys.executable, "-m", "alerts", "web", "--state", str(path),
                                 "--port", str(port)], stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    fetch_ms(base + "/-/versions.json")
                    break
                except OSError:
                    time.sleep(0.1)
            rows = []
            for page in PAGES:
                for suffix in (".json", ""):
                    fetch_ms(f"{base}/state/{page}{suffix}")  # warm-up
                    ours = statistics.median(fetch_ms(f"{base}/state/{page}{suffix}")
                                             for _ in range(RUNS * 5))
                    raw = statistics.median(sql_ms(path, queries[page]["sql"])
                                            for _ in range(RUNS * 5))
                    rows.append((f"/state/{page}{suffix}", ours, raw))
            dashboard = statistics.median(fetch_ms(f"{base}/-/dashboards/overview?days=30")
                                          for _ in range(RUNS * 5))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    lines = [f"# alerts web with {items:,} stored items", "",
             f"Median of {RUNS * 5} requests per page; target: every page under "
             f"{TARGET_MS:.0f} ms.", "",
             "| page | ours (ms) | its SQL alone (ms) | ratio | target met |",
             "|---|---:|---:|---:|---|"]
    for page, ours, raw in rows:
        lines.append(f"| `{page}` | {ours:.1f} | {raw:.1f} | {ours / max(raw, 0.01):.1f}x | "
                     f"{'yes' if ours < TARGET_MS else 'NO'} |")
    lines.append(f"| `/-/dashboards/overview` (page; charts load after) | {dashboard:.1f} | | | "
                 f"{'yes' if dashboard < TARGET_MS else 'NO'} |")
    publish("web", "\n".join(lines))


if __name__ == "__main__":
    main()
