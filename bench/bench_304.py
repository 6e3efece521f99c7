"""The nothing-changed rows of bench_cycle.py alone (issue #17), with CPU time beside wall
time, for a quick look at start-up and the 304 cycle on a shared machine.

    .venv/bin/python bench/bench_304.py          # BENCH_FEEDS (200), BENCH_RUNS (3)

Serves the same feeds as bench_cycle.py on loopback, polls them once with `alerts poll
--once` (shipped rules) and with `r2e run --no-send` to record them, then, BENCH_RUNS times:
`poll --once` again (every feed answers 304), `r2e run` again, and one cycle inside
bench/daemon_cycle.py. Prints wall seconds and CPU seconds (the process and its children,
from getrusage / /proc) of each, their medians and ratios, and the load average; writes
bench/results/cycle_304.md.

BENCH_TREE=DIR measures another copy of the code instead (e.g. an earlier commit unpacked
with `git archive COMMIT alerts bench | tar -x -C DIR`), with the same feeds and baseline:
its `alerts` is put first on PYTHONPATH and its own bench/daemon_cycle.py is run.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cycle import (
    BIN,
    FEEDS,
    ITEMS,
    ROOT,
    RUNS,
    Daemon,
    Wire,
    compile_ours,
    cpu,
    ours,
    run_env,
    serve,
    timed,
    write_config,
)
from report import publish

from tests.servers import FeedServer


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measured(command: list[str], cwd: Path) -> tuple[float, float]:
    before = children_cpu()
    wall = timed(command, cwd)
    return wall, children_cpu() - before


TREE = Path(os.environ["BENCH_TREE"]).resolve() if os.environ.get("BENCH_TREE") else ROOT


class TreeDaemon(Daemon):
    """bench/daemon_cycle.py of the measured copy of the code."""

    def __init__(self, config: Path):
        self.proc = subprocess.Popen([sys.executable, str(TREE / "bench" / "daemon_cycle.py"),
                                      str(config)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, cwd=config.parent,
                                     env=run_env())
        assert json.loads(self.proc.stdout.readline())["ready"]  # type: ignore[union-attr]


def main() -> None:
    from alerts.rulepack import shipped_rules_dir

    compile_ours()
    if TREE != ROOT:
        os.environ["PYTHONPATH"] = str(TREE)  # every run of ours imports that copy
        compile_ours(TREE)
    wire = Wire()
    server = FeedServer()
    rows: dict[str, list[tuple[float, float]]] = {"ours": [], "r2e": [], "daemon": []}
    loads: list[float] = []
    try:
        urls = serve(server, wire, ITEMS)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            cold = write_config(work / "shipped.yaml", urls, shipped_rules_dir(), "shipped.db")
            warm = write_config(work / "daemon.yaml", urls, shipped_rules_dir(), "daemon.db")
            (work / "r2e.cfg").write_text("[DEFAULT]\nto = desk@example.org\n\n" + "".join(
                f"[feed.f{n}]\nurl = {u}\n\n" for n, u in enumerate(urls)), "utf-8")
            r2e = [str(BIN / "r2e"), "-c", "r2e.cfg", "-d", "r2e.json", "run", "--no-send"]
            timed(ours(cold), work)  # records every feed
            timed(r2e, work)
            daemon = TreeDaemon(warm)
            try:
                daemon.cycle()  # its first poll
                for _ in range(RUNS):
                    loads.append(os.getloadavg()[0])
                    rows["ours"].append(measured(ours(cold), work))
                    rows["r2e"].append(measured(r2e, work))
                    before = cpu([daemon.proc.pid])
                    seconds, outcomes = daemon.cycle()
                    assert outcomes == {"not-modified": FEEDS}, outcomes
                    rows["daemon"].append((seconds, cpu([daemon.proc.pid]) - before))
                    print({k: tuple(round(x, 3) for x in v[-1]) for k, v in rows.items()},
                          flush=True)
            finally:
                daemon.close()
    finally:
        server.close()
    publish("cycle_304", table(rows, loads))


def table(rows: dict[str, list[tuple[float, float]]], loads: list[float]) -> str:
    def med(name: str, i: int) -> float:
        return statistics.median(r[i] for r in rows[name])

    def ratio(name: str, i: int) -> float:
        return statistics.median(o[i] / b[i] for o, b in zip(rows[name], rows["r2e"],
                                                              strict=True))

    lines = [f"Code: {TREE}. "
             f"{FEEDS} feeds, every one answering 304; median of {RUNS} interleaved runs; "
             f"load average (1 min) {min(loads):.1f}-{max(loads):.1f} on "
             f"{os.cpu_count()} cores; stamp {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
             "", "| cycle | wall | CPU | wall ratio | CPU ratio |", "|---|---:|---:|---:|---:|"]
    for name, label in (("ours", "`poll --once` from cold"), ("daemon", "inside the daemon"),
                        ("r2e", "rss2email `r2e run`")):
        lines.append(f"| {label} | {med(name, 0):.2f} s | {med(name, 1):.2f} s | "
                     f"{ratio(name, 0):.2f}x | {ratio(name, 1):.2f}x |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
