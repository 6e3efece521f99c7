"""CPU time of each stage of the all-new cycle's main process (issue #17), without a profiler.

    .venv/bin/python bench/stage_cpu.py [shipped|broad]

Runs `alerts poll --once --no-send --backfill` in this process over bench_cycle's loopback
feeds (fresh state) with timers around the stages: each stage's own CPU time (the main
thread's, `time.thread_time`; a stage inside another is not counted twice), how many times
it ran, the process's CPU time (getrusage, the parse and the analysis workers counted
apart) and the load average. Not a benchmark either: it says where the main process spends
its CPU, with little overhead (a few microseconds a call). BENCH_FEEDS, BENCH_ITEMS and
BENCH_RULES as in bench_cycle.py.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_cycle import ITEMS, Wire, rules_folder, serve, write_config  # noqa: E402

from tests.servers import FeedServer  # noqa: E402

own: Counter[str] = Counter()
calls: Counter[str] = Counter()
_stack: list[list[Any]] = []  # [label, started, time of the stages inside it]


def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        frame = [label, time.thread_time(), 0.0]
        _stack.append(frame)
        try:
            return function(*args, **kwargs)
        finally:
            _stack.pop()
            spent = time.thread_time() - frame[1]
            own[label] += spent - frame[2]
            calls[label] += 1
            if _stack:
                _stack[-1][2] += spent
    return wrapper


def instrument() -> None:
    import alerts.analysis as analysis
    import alerts.knowledge as knowledge
    import alerts.pipeline as pipeline
    import alerts.routing as routing
    import alerts.rules.engine as engine
    import alerts.state.items as items
    import alerts.stories as stories

    analysis._analyse = timed("analysis (the frame reader)", analysis._analyse)
    # Loading (or building) the knowledge base happens once, wherever it is first asked for.
    knowledge.knowledge_base = timed("knowledge base: loaded", knowledge.knowledge_base)
    engine.RuleSet.candidates = timed("matching: candidates", engine.RuleSet.candidates)
    engine.RuleSet.match = timed("matching: conditions", engine.RuleSet.match)
    pipeline.Poller._assign = timed("stories: event and entity keys", pipeline.Poller._assign)
    stories.StoryDesk.assign = timed("stories: StoryDesk.assign", stories.StoryDesk.assign)
    pipeline.Poller._story = timed("stories: per-match checks", pipeline.Poller._story)
    routing.Composer.compose = timed("messages", routing.Composer.compose)
    items.Items.record_poll = timed("storage: record_poll", items.Items.record_poll)
    pipeline.Poller._process = timed("the rest of processing a feed", pipeline.Poller._process)


def warm_cache() -> None:
    """A cache folder of this checkout's own, holding its knowledge base: what a user's
    second poll reads (other checkouts' processes, running other code, would evict it from
    the shared folder, and the first stage to ask would pay for a build)."""
    tag = hashlib.sha1(str(ROOT).encode()).hexdigest()[:12]
    folder = Path(tempfile.gettempdir()) / f"alerts-stage-cpu-{tag}"
    folder.mkdir(mode=0o700, exist_ok=True)
    os.environ["XDG_CACHE_HOME"] = str(folder)
    subprocess.run([sys.executable, "-c", "from alerts.knowledge import knowledge_base; "
                    "knowledge_base()"], cwd=ROOT, check=True, timeout=600,
                   env=os.environ | {"PYTHONPATH": str(ROOT)})


def close_parse_pool() -> None:
    import alerts.parseworker as parseworker

    if parseworker._default is not None:
        parseworker._default.close()


def close_analysis_pool() -> None:
    import alerts.analysis.ahead as ahead

    if ahead._default is not None:
        ahead._default.close()


def children_cpu(close: Callable[[], None]) -> float:
    """CPU seconds of the ended child processes, after `close` ended some."""
    close()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def main() -> None:
    which = sys.argv[1] if len(sys.argv) > 1 else "shipped"
    warm_cache()
    wire = Wire()
    server = FeedServer()
    try:
        urls = serve(server, wire, ITEMS)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            folder = rules_folder(which, work, wire)
            config = write_config(work / "c.yaml", urls, folder, "s.db")
            from alerts.cli import cli

            instrument()
            os.chdir(work)
            load = os.getloadavg()
            before = resource.getrusage(resource.RUSAGE_SELF)
            earlier = children_cpu(lambda: None)  # warm_cache's process
            wall = time.perf_counter()
            started = time.thread_time()
            with contextlib.suppress(SystemExit):
                cli.main(["--config", str(config), "--log-level", "error", "poll", "--once",
                          "--no-send", "--backfill"], standalone_mode=False)
            thread = time.thread_time() - started
            wall = time.perf_counter() - wall
            after = resource.getrusage(resource.RUSAGE_SELF)
            # The worker processes are counted once they ended: the parse workers', then the
            # analysis workers' (alerts.analysis.ahead; those the idle reaper ended during
            # the run are in the parse workers' figure).
            parse = children_cpu(close_parse_pool) - earlier
            analysis = children_cpu(close_analysis_pool) - parse - earlier
            os.chdir(ROOT)
    finally:
        server.close()
    process = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    print(f"\n{which} rules: main thread {thread:.2f} s CPU, main process {process:.2f} s CPU "
          f"(all its threads, the feed server's included), parse workers {parse:.2f} s, "
          f"analysis workers {analysis:.2f} s, wall {wall:.2f} s; load average "
          f"{load[0]:.2f} before, {os.getloadavg()[0]:.2f} after")
    print(f"{'stage (own CPU time, main thread)':<40} {'s':>7} {'calls':>7}")
    for label, seconds in own.most_common():
        print(f"{label:<40} {seconds:7.2f} {calls[label]:7d}")
    print(f"{'outside these stages':<40} {thread - sum(own.values()):7.2f}")


if __name__ == "__main__":
    main()
