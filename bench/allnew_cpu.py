"""The all-new rows of bench_cycle.py (issue #17) with CPU time beside wall time, for one or
more checkouts of alerts side by side in the same runs.

    .venv/bin/python bench/allnew_cpu.py [CHECKOUT ...]   # default: this one

Each run serves bench_cycle's 200 feeds x 50 items on loopback and times, back to back:
rss2email (`r2e run --no-send`), then for each checkout `alerts poll --once --no-send
--backfill` with the shipped rules and with 1,000 generated rules as broad as the shipped
ones, fresh state each time (the knowledge base read from a warm cache folder of each
checkout's own, as a user's second poll reads it). CPU time is getrusage's user + system
time of the finished command and every process it started (parse workers included): on a
machine shared with other work it moves much less than wall time. Several checkouts (a `git
worktree` of an older commit, say) show what a change did under the same load. BENCH_FEEDS,
BENCH_ITEMS, BENCH_RUNS (3) and BENCH_RULES as in bench_cycle.py. Prints a table; writes
nothing.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_cycle import (  # noqa: E402
    BIN,
    ITEMS,
    RUNS,
    Wire,
    broad_rules,
    compile_ours,
    reset,
    run_env,
    serve,
    write_config,
)

from tests.servers import FeedServer  # noqa: E402


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def measured(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its children)."""
    cpu = children_cpu()
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=1800,
                            env=env)
    wall = time.perf_counter() - started
    if result.returncode not in (0, 3):
        raise SystemExit(f"{command[0]} failed ({result.returncode}): {result.stderr[-2000:]}")
    return wall, children_cpu() - cpu


def main() -> None:
    checkouts = [Path(p).resolve() for p in sys.argv[1:]] or [ROOT]
    if not (BIN / "r2e").exists():
        raise SystemExit("rss2email is the baseline: install it first with "
                         f"{BIN / 'pip'} install -e '.[bench]'")
    for checkout in checkouts:  # bytecode written first, as an installed copy has it
        compile_ours(checkout)
    wire = Wire()
    server = FeedServer()
    figures: dict[str, list[tuple[float, float]]] = {}
    loads: list[float] = []
    try:
        urls = serve(server, wire, ITEMS)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            generated = broad_rules(work / "rules", wire)
            (work / "r2e.cfg").write_text("[DEFAULT]\nto = desk@example.org\n\n" + "".join(
                f"[feed.f{n}]\nurl = {u}\n\n" for n, u in enumerate(urls)), "utf-8")
            r2e = [str(BIN / "r2e"), "-c", "r2e.cfg", "-d", "r2e.json", "run", "--no-send"]
            # Each checkout its own cache folder, its knowledge base built there before
            # anything is timed: what a user's next poll reads (in the shared folder, other
            # versions of the code evict it, and a run would pay for a build).
            envs = []
            for number, checkout in enumerate(checkouts):
                cache = work / f"cache-{number}"
                cache.mkdir(mode=0o700)
                envs.append(run_env() | {"PYTHONPATH": str(checkout),
                                         "XDG_CACHE_HOME": str(cache)})
                subprocess.run([sys.executable, "-c", "from alerts.knowledge import "
                                "knowledge_base; knowledge_base()"], cwd=work, check=True,
                               env=envs[-1], timeout=600)
            for _run in range(RUNS):
                loads.append(os.getloadavg()[0])
                reset(work, "r2e.json")
                figures.setdefault("rss2email", []).append(measured(r2e, work, run_env()))
                for number, checkout in enumerate(checkouts):
                    env = envs[number]
                    shipped = (checkout / "rules") if (checkout / "rules").is_dir() else None
                    for name, rules in (("shipped", shipped), ("1000", generated)):
                        if rules is None:
                            continue
                        config = write_config(work / f"{number}-{name}.yaml", urls, rules,
                                              f"{number}-{name}.db")
                        reset(work, f"{number}-{name}.db")
                        command = [sys.executable, "-m", "alerts", "--config", str(config),
                                   "--log-level", "error", "poll", "--once", "--no-send",
                                   "--backfill"]
                        figures.setdefault(f"{number} {name}", []).append(
                            measured(command, work, env))
                print({k: tuple(round(x, 2) for x in v[-1]) for k, v in figures.items()},
                      f"load {loads[-1]:.1f}", flush=True)
    finally:
        server.close()
    base = figures["rss2email"]
    print(f"\n{len(base)} runs; load average (1 min) at the start of each: "
          + ", ".join(f"{x:.1f}" for x in loads))
    for number, checkout in enumerate(checkouts):
        print(f"checkout {number}: {checkout}")
    print("| cycle | wall (median) | CPU (median) | wall / rss2email | CPU / rss2email |")
    print("|---|---:|---:|---:|---:|")
    for key, values in figures.items():
        wall = statistics.median(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        # The ratio within each run (the same load for both), then the median of those.
        ratio_wall = statistics.median(w / b[0] for (w, _), b in zip(values, base, strict=True))
        ratio_cpu = statistics.median(c / b[1] for (_, c), b in zip(values, base, strict=True))
        print(f"| {key} | {wall:.2f} s | {cpu:.2f} s | {ratio_wall:.2f}x | {ratio_cpu:.2f}x |")


if __name__ == "__main__":
    main()
