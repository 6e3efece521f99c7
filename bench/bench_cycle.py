"""A whole polling cycle beside rss2email's, on the same 200 loopback feeds, and how the
cycle scales with 50, 200 and 800 feeds.

    .venv/bin/pip install -e '.[bench]' && .venv/bin/python bench/bench_cycle.py
    # writes bench/results/cycle.md

Feeds: 200 (RSS 2.0 and Atom with xhtml summaries, some windows-1252, French and Russian
text, HTML in descriptions, the same stories across feeds), 50 items each, served with ETag
and Last-Modified. Ours runs `alerts poll --once --no-send --backfill` with 1,000 rules;
rss2email runs `r2e run --no-send`. Each figure is the median of BENCH_RUNS runs (3) with
fresh state; the "unchanged" run repeats the poll on the same state (every feed answers
304). The scaling curve times ours on the first 50 and on 800 feeds of the same generator
(median of SCALE_RUNS runs, 2 by default: one 800-feed run takes minutes), beside the
200-feed figure.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_matching import SCENARIOS, vocabulary, write_rules  # noqa: E402
from report import publish  # noqa: E402 - bench/ is on sys.path when a script runs

from tests.servers import FeedServer  # noqa: E402

FEEDS = 200
SCALE = (50, 200, 800)
ITEMS = 50
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SCALE_RUNS = int(os.environ.get("SCALE_RUNS", "2"))
BIN = Path(sys.executable).parent
FRENCH = "Le président a appelé à un cessez-le-feu immédiat lors d'un entretien à l'Élysée"
RUSSIAN = "Президент призвал к немедленному прекращению огня в ходе телефонного разговора"


def make_feed(n: int, rng: random.Random, words: list[str], shared: list[str]) -> bytes:
    items = []
    for i in range(ITEMS):
        if i % 10 == 0:  # the same story in many feeds, worded a little differently
            title = shared[i // 10] + (" - update" if n % 2 else "")
        else:
            title = " ".join(rng.choices(words[:3000], k=9)).capitalize()
        body = " ".join(rng.choices(words[:5000], k=40))
        if n % 5 == 1:
            body = f"{FRENCH}. {body}"
        elif n % 5 == 2:
            body = f"{RUSSIAN}. {body}"
        items.append((f"f{n}-i{i}", title, f"<p>{escape(body)} <b>more</b> &amp; "
                                           f"<a href='/x/{i}'>link</a></p>"))
    if n % 3 == 0:  # Atom, xhtml summaries
        entries = "".join(
            f"<entry><id>urn:{gid}</id><title>{escape(t)}</title>"
            f"<link href='https://site{n}.example/{gid}'/>"
            f"<updated>2025-07-01T{i % 24:02}:00:00Z</updated>"
            f"<summary type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>{b}</div>"
            f"</summary></entry>" for i, (gid, t, b) in enumerate(items))
        return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/"
                f"Atom'><title>Feed {n}</title><id>urn:feed{n}</id>"
                f"<updated>2025-07-01T00:00:00Z</updated>{entries}</feed>").encode()
    encoding = "windows-1252" if n % 7 == 0 else "utf-8"
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>https://site{n}.example/{gid}</link>"
        f"<guid>{gid}</guid><pubDate>Tue, 01 Jul 2025 {i % 24:02}:00:00 GMT</pubDate>"
        f"<description>{escape(b)}</description></item>" for i, (gid, t, b) in enumerate(items))
    text = (f"<?xml version='1.0' encoding='{encoding}'?><rss version='2.0'><channel>"
            f"<title>Feed {n}</title><link>https://site{n}.example/</link>"
            f"<description>bench</description>{entries}</channel></rss>")
    return text.encode(encoding, "replace")


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 3):
        raise SystemExit(f"{command[0]} failed ({result.returncode}): {result.stderr[-2000:]}")
    return elapsed


def write_config(work: Path, urls: list[str]) -> None:
    config = {
        "state": "state/alerts.db", "rules": ["rules"],
        "defaults": {"interval": 3600, "channels": ["terminal"]},
        "fetch": {"timeout": 30, "allow_networks": ["127.0.0.0/8"]},
        "channels": {"terminal": "console://"},
        "feeds": [{"url": u, "name": f"Feed {n}"} for n, u in enumerate(urls)],
    }
    (work / "alerts.yaml").write_text(yaml.safe_dump(config), "utf-8")


def main() -> None:
    if not (BIN / "r2e").exists():
        raise SystemExit("rss2email is the baseline: install it first with "
                         f"{BIN / 'pip'} install rss2email")
    rng = random.Random(7)
    words = vocabulary(rng, 20_000)
    shared = [" ".join(rng.choices(words[:2000], k=10)).capitalize() for _ in range(5)]
    server = FeedServer()
    scaling: dict[int, list[float]] = {n: [] for n in SCALE if n != FEEDS}
    try:
        urls = [server.put(f"/f{n}.xml", make_feed(n, rng, words, shared),
                           content_type="application/xml") for n in range(max(SCALE))]
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            rules = work / "rules"
            rules.mkdir()
            write_rules(rules, random.Random(1000), words, 1000, SCENARIOS["shipped-like"])
            r2e_config = "[DEFAULT]\nto = desk@example.org\n\n" + "".join(
                f"[feed.f{n}]\nurl = {u}\n\n" for n, u in enumerate(urls[:FEEDS]))
            (work / "r2e.cfg").write_text(r2e_config, "utf-8")
            ours_cmd = [str(BIN / "alerts"), "--config", "alerts.yaml", "--log-level",
                        "error", "poll", "--once", "--no-send", "--backfill"]
            r2e_cmd = [str(BIN / "r2e"), "-c", "r2e.cfg", "-d", "r2e.json", "run", "--no-send"]
            figures: dict[str, list[float]] = {k: [] for k in
                                               ("ours", "ours-304", "r2e", "r2e-304")}
            write_config(work, urls[:FEEDS])
            for _ in range(RUNS):
                shutil.rmtree(work / "state", ignore_errors=True)
                (work / "r2e.json").unlink(missing_ok=True)
                figures["ours"].append(timed(ours_cmd, work))
                figures["ours-304"].append(timed(ours_cmd, work))
                figures["r2e"].append(timed(r2e_cmd, work))
                figures["r2e-304"].append(timed(r2e_cmd, work))
                print({k: round(v[-1], 2) for k, v in figures.items()}, flush=True)
            for count in scaling:
                write_config(work, urls[:count])
                for _ in range(SCALE_RUNS):
                    shutil.rmtree(work / "state", ignore_errors=True)
                    scaling[count].append(timed(ours_cmd, work))
                    print(f"{count} feeds: {scaling[count][-1]:.2f} s", flush=True)
    finally:
        server.close()
    med = {k: statistics.median(v) for k, v in figures.items()}
    curve = {n: statistics.median(scaling[n]) if n in scaling else med["ours"] for n in SCALE}
    per_item = {n: curve[n] / (n * ITEMS) * 1000 for n in SCALE}
    table = "\n".join([
        f"{FEEDS} feeds x {ITEMS} items on loopback; ours with 1,000 rules. Median of {RUNS}.",
        "",
        "| cycle | ours (s) | rss2email (s) | ours / rss2email | target |",
        "|---|---:|---:|---:|---|",
        f"| all new | {med['ours']:.2f} | {med['r2e']:.2f} | {med['ours'] / med['r2e']:.2f} "
        f"| at most 0.20 |",
        f"| nothing changed (304) | {med['ours-304']:.2f} | {med['r2e-304']:.2f} | "
        f"{med['ours-304'] / med['r2e-304']:.2f} | at most 0.50 |",
        "",
        f"Scaling, all new (ours; 200 feeds: the figure above; 50 and 800: median of "
        f"{SCALE_RUNS}):",
        "",
        "| feeds | items | ours (s) | ms per item | vs 50 feeds, per item |",
        "|---:|---:|---:|---:|---:|",
        *(f"| {n} | {n * ITEMS:,} | {curve[n]:.2f} | {per_item[n]:.2f} | "
          f"{per_item[n] / per_item[SCALE[0]]:.2f}x |" for n in SCALE),
    ])
    publish("cycle", table)


if __name__ == "__main__":
    main()
