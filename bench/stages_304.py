"""Where the CPU of a cold `poll --once` in which nothing changed goes (issue #17): timers
around its stages, no profiler.

    .venv/bin/python bench/stages_304.py          # BENCH_FEEDS (200), BENCH_RUNS (4)

Serves bench_cycle.py's feeds on loopback, records them with one `poll --once`, then runs
`poll --once` BENCH_RUNS times more (every feed answers 304) in a child process that wraps
the real CLI and reads its own CPU time (getrusage) between stages: importing the command
line, importing the poll's modules, reading the settings and rules, the state's integrity
check, the poll itself. Prints each run's stages in milliseconds and the load average.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cycle import (
    FEEDS,
    ITEMS,
    ROOT,
    Wire,
    compile_ours,
    ours,
    run_env,
    serve,
    timed,
    write_config,
)

from tests.servers import FeedServer

RUNS = int(os.environ.get("BENCH_RUNS", "4"))

CHILD = r'''
import resource, sys

def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

marks = [("start", cpu())]

def mark(name):
    marks.append((name, cpu()))

import alerts.cli as cli
mark("Python and alerts.cli")
import alerts.once as once
mark("importing the poll (httpx, the state, the pipeline...)")
real_load = cli._load

def load(*a, **k):
    answer = real_load(*a, **k)
    mark("reading the settings and rules")
    return answer

cli._load = load
import alerts.state.integrity as integrity
real_check = integrity.ensure_intact_since_clean_run

def check(path):
    answer = real_check(path)
    mark("the state's integrity check")
    return answer

integrity.ensure_intact_since_clean_run = check
real_poll = once.poll_once

async def poll(*a, **k):
    answer = await real_poll(*a, **k)
    mark("the polls (state, requests, health, writes)")
    return answer

once.poll_once = poll
sys.argv = ["alerts", *sys.argv[1:]]
try:
    cli.cli.main(prog_name="alerts")  # cli.main() would end the process (alerts.quickexit)
except SystemExit:
    pass
mark("the rest (marker, exit)")
previous = marks[0][1]
for name, at in marks[1:]:
    print(f"{(at - previous) * 1000:7.1f} ms  {name}")
    previous = at
print(f"{marks[-1][1] * 1000:7.1f} ms  in all")
'''


def main() -> None:
    from alerts.rulepack import shipped_rules_dir

    compile_ours()
    wire = Wire()
    server = FeedServer()
    try:
        urls = serve(server, wire, ITEMS)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            config = write_config(work / "c.yaml", urls, shipped_rules_dir(), "s.db")
            timed(ours(config), work)  # records every feed
            for run in range(RUNS):
                load = os.getloadavg()[0]
                done = subprocess.run([sys.executable, "-c", CHILD, *ours(config)[1:]],
                                      cwd=work, capture_output=True, text=True, timeout=600,
                                      env=run_env())
                lines = [line for line in done.stdout.splitlines() if " ms  " in line]
                print(f"run {run + 1} (load average {load:.1f}, {FEEDS} feeds, code {ROOT}):")
                print("\n".join(lines) or done.stderr[-2000:], flush=True)
    finally:
        server.close()


if __name__ == "__main__":
    main()
