"""The whole all-new cycle on real news, event frames against word matching (issue #15).

    .venv/bin/python bench/cycle_real.py            # writes bench/results/cycle_real.md

Issue #15 asks that the analysis pass "must not make the whole cycle slower". bench_analysis.py
times matching alone; this times the whole `alerts poll --once --no-send --backfill` (fetch,
parse, analysis and matching, stories, state, outbox) on real news items: the 3,540 items of a
year of WSJ World News (../shared/corpus/wsj-world-snapshots), served as feeds of 50 items on
loopback. The same checkout runs twice per round, fresh state each time: with the shipped rules
(event frames) and with the shipped pack as it was before issue #15 (word matching, read from
git at bench_analysis.BEFORE). CPU time is getrusage's user + system time of the command and
every process it started; the figure is the median over BENCH_RUNS rounds (default 3), the
ratio the median of the ratios within each round (the same load for both); the pack that
runs first alternates from round to round.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from allnew_cpu import measured  # noqa: E402
from bench_analysis import CORPUS, word_rules  # noqa: E402
from bench_cycle import compile_ours, reset, run_env, write_config  # noqa: E402
from report import publish  # noqa: E402

from alerts.models import Item  # noqa: E402
from alerts.rulepack import shipped_rules_dir  # noqa: E402
from tests.servers import FeedServer  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PER_FEED = 50


def rss(items: list[Item]) -> str:
    entries = []
    for item in items:
        date = format_datetime(item.published.astimezone(UTC)) if item.published else ""
        link = escape(item.link or f"https://example.test/{item.key}")
        entries.append(
            f"<item><title>{escape(item.title)}</title><link>{link}</link>"
            f"<guid isPermaLink=\"false\">{escape(item.key)}</guid>"
            f"<description>{escape(item.summary)}</description>"
            + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
            "<title>WSJ World (bench)</title><link>https://example.test/</link>"
            "<description>real items</description>" + "".join(entries) + "</channel></rss>")


def main() -> None:
    wsj = CORPUS / "wsj-world-snapshots" / "items-2025-04-to-2026-02.jsonl"
    if not wsj.exists():
        raise SystemExit(f"{wsj} is missing: this benchmark needs ../shared/corpus beside the "
                         "checkout")
    from alerts.quality.real import wsj as read_wsj

    items = [item for _, item in read_wsj(wsj)]
    compile_ours(ROOT)
    server = FeedServer()
    figures: dict[str, list[float]] = {"frames": [], "words": []}
    loads: list[float] = []
    try:
        urls = [server.put(f"/w{n}.xml", rss(items[i:i + PER_FEED]),
                           content_type="application/xml")
                for n, i in enumerate(range(0, len(items), PER_FEED))]
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            (work / "words-rules").mkdir()
            if word_rules(work / "words-rules") is None:
                raise SystemExit("the pre-#15 rules come from git: run this in a git checkout")
            cache = work / "cache"
            cache.mkdir(mode=0o700)
            env = run_env() | {"PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cache)}
            subprocess.run([sys.executable, "-c", "from alerts.knowledge import "
                            "knowledge_base; knowledge_base()"], cwd=work, check=True, env=env,
                           timeout=600)
            packs = {"frames": shipped_rules_dir(), "words": work / "words-rules"}
            # One unmeasured round: each pack's first poll builds what a user's second one
            # reads from the cache folder (the event lexicon, the rules' vocabulary).
            for name, rules in packs.items():
                config = write_config(work / f"{name}.yaml", urls, rules, f"{name}.db")
                reset(work, f"{name}.db")
                measured([sys.executable, "-m", "alerts", "--config", str(config),
                          "--log-level", "error", "poll", "--once", "--no-send", "--backfill"],
                         work, env)
            for run in range(RUNS):
                loads.append(os.getloadavg()[0])
                # Each pack goes first in every other round: the first command of a round
                # was the slower one in some runs, whichever pack it ran.
                order = list(packs.items()) if run % 2 == 0 else list(packs.items())[::-1]
                for name, rules in order:
                    config = write_config(work / f"{name}.yaml", urls, rules, f"{name}.db")
                    reset(work, f"{name}.db")
                    command = [sys.executable, "-m", "alerts", "--config", str(config),
                               "--log-level", "error", "poll", "--once", "--no-send",
                               "--backfill"]
                    figures[name].append(measured(command, work, env)[1])
                print({k: round(v[-1], 2) for k, v in figures.items()},
                      f"load {loads[-1]:.1f}", flush=True)
    finally:
        server.close()
    ratio = statistics.median(f / w for f, w in zip(figures["frames"], figures["words"],
                                                     strict=True))
    rows = [
        f"{len(items):,} real items (WSJ World News 2025-26) in {len(urls)} feeds of "
        f"{PER_FEED}; {RUNS} rounds; load average at each round's start: "
        + ", ".join(f"{x:.1f}" for x in loads),
        "",
        "| rules | CPU of the whole poll --once (median) | against word matching |",
        "|---|---:|---:|",
        f"| word matching (the pack before #15) | {statistics.median(figures['words']):.2f} s"
        " | 1.00x |",
        f"| event frames (the shipped pack) | {statistics.median(figures['frames']):.2f} s | "
        f"{ratio:.2f}x |",
    ]
    publish("cycle_real", "\n".join(rows))


if __name__ == "__main__":
    main()
