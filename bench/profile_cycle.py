"""Where the all-new cycle spends its time (issue #17): cProfile of `alerts poll --once
--no-send --backfill` over bench_cycle's loopback feeds (the main process), and of the parse
workers' side (parse_facts on every feed's document, in this process).

    .venv/bin/python bench/profile_cycle.py [shipped|broad] [main|worker|both]
    # writes the profiles to $BENCH_PROFILE_DIR (default /tmp/alerts-profile) and prints the
    # top functions by cumulative and own time

BENCH_FEEDS, BENCH_ITEMS and BENCH_RULES as in bench_cycle.py. Not a benchmark: profiles
slow everything down; the figures say where, not how fast.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
import time
from dataclasses import astuple
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_cycle import FEEDS, ITEMS, Wire, rules_folder, serve, write_config  # noqa: E402

from tests.servers import FeedServer  # noqa: E402

OUT = Path(os.environ.get("BENCH_PROFILE_DIR", "/tmp/alerts-profile"))


def show(path: Path, lines: int = 40) -> None:
    stats = pstats.Stats(str(path))
    stats.sort_stats("cumulative").print_stats(lines)
    stats.sort_stats("tottime").print_stats(lines)


def profile_main(wire: Wire, rules: str) -> None:
    server = FeedServer()
    try:
        urls = serve(server, wire, ITEMS)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            folder = rules_folder(rules, work, wire)
            config = write_config(work / "c.yaml", urls, folder, "s.db")
            target = OUT / f"main-{rules}.prof"
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "cProfile", "-o", str(target), "-m",
                            "alerts", "--config", str(config), "--log-level", "error",
                            "poll", "--once", "--no-send", "--backfill"], cwd=work,
                           check=False)
            print(f"main process ({rules}): {time.perf_counter() - started:.2f} s "
                  "under the profiler", flush=True)
    finally:
        server.close()
    show(target)


def profile_worker(wire: Wire) -> None:
    from alerts.models import Feed
    from alerts.parseworker import parse_facts

    bodies = [(f"http://127.0.0.1:9/f{n}.xml", wire.feed(n, ITEMS)) for n in range(FEEDS)]
    settings = astuple(Feed("http://127.0.0.1:9/f.xml", "Feed", 3600))
    parse_facts(bodies[0][1], bodies[0][0], "application/xml", settings, 500)  # imports
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for url, body in bodies:
        parse_facts(body, url, "application/xml", settings, 500)
    profiler.disable()
    print(f"worker side: {time.perf_counter() - started:.2f} s for {FEEDS} documents "
          "under the profiler", flush=True)
    target = OUT / "worker.prof"
    profiler.dump_stats(str(target))
    show(target)


def main() -> None:
    rules = sys.argv[1] if len(sys.argv) > 1 else "shipped"
    which = sys.argv[2] if len(sys.argv) > 2 else "both"
    OUT.mkdir(parents=True, exist_ok=True)
    wire = Wire()
    if which in ("main", "both"):
        profile_main(wire, rules)
    if which in ("worker", "both"):
        profile_worker(wire)


if __name__ == "__main__":
    main()
