"""The nothing-changed rows (issue #17) for two copies of the code in the same run: each run
polls from cold with the earlier copy, with this one and with rss2email, then makes one
cycle in each copy's daemon (bench/daemon_cycle.py), all interleaved, so that both copies
meet the same load.

    git archive COMMIT alerts bench | tar -x -C /tmp/before
    BENCH_BEFORE=/tmp/before .venv/bin/python bench/compare_304.py   # BENCH_RUNS (5)

CPU time is getrusage's user + system of each `poll --once` and its children, and of the
daemon process over one cycle (/proc); wall time beside it. Prints each run and the medians
with their ratios to rss2email's, and the load average; writes bench/results/compare_304.md.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_304 import children_cpu
from bench_cycle import (
    BIN,
    FEEDS,
    ITEMS,
    ROOT,
    Wire,
    compile_ours,
    cpu,
    ours,
    run_env,
    serve,
    write_config,
)
from report import publish

from tests.servers import FeedServer

RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def env_for(tree: Path) -> dict[str, str]:
    env = run_env()
    if tree != ROOT:
        env["PYTHONPATH"] = str(tree)  # its `alerts` is imported first
    return env


def measured(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    before = children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900,
                          env=env)
    wall = time.perf_counter() - started
    if done.returncode not in (0, 3):
        raise SystemExit(f"{command[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return wall, children_cpu() - before


class TreeDaemon:
    """bench/daemon_cycle.py of one copy of the code, cycling on demand."""

    def __init__(self, tree: Path, config: Path):
        self.proc = subprocess.Popen([sys.executable, str(tree / "bench" / "daemon_cycle.py"),
                                      str(config)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, cwd=config.parent,
                                     env=env_for(tree))
        assert json.loads(self.proc.stdout.readline())["ready"]  # type: ignore[union-attr]

    def cycle(self, expected: str = "not-modified") -> tuple[float, float]:
        before = cpu([self.proc.pid])
        self.proc.stdin.write("go\n")  # type: ignore[union-attr]
        self.proc.stdin.flush()  # type: ignore[union-attr]
        answer = json.loads(self.proc.stdout.readline())  # type: ignore[union-attr]
        assert answer["outcomes"] == {expected: FEEDS}, answer["outcomes"]
        return answer["seconds"], cpu([self.proc.pid]) - before

    def close(self) -> None:
        self.proc.stdin.close()  # type: ignore[union-attr]
        self.proc.wait(timeout=60)


def main() -> None:
    from alerts.rulepack import shipped_rules_dir

    before_tree = Path(os.environ["BENCH_BEFORE"]).resolve()
    trees = {"before": before_tree, "after": ROOT}
    compile_ours()
    compile_ours(before_tree)
    wire = Wire()
    server = FeedServer()
    rows: dict[str, list[tuple[float, float]]] = {}
    loads: list[float] = []
    try:
        urls = serve(server, wire, ITEMS)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            configs = {}
            for name in trees:
                configs[name] = write_config(work / f"{name}.yaml", urls, shipped_rules_dir(),
                                             f"{name}.db")
                configs[f"{name}-daemon"] = write_config(work / f"{name}-daemon.yaml", urls,
                                                         shipped_rules_dir(),
                                                         f"{name}-daemon.db")
            (work / "r2e.cfg").write_text("[DEFAULT]\nto = desk@example.org\n\n" + "".join(
                f"[feed.f{n}]\nurl = {u}\n\n" for n, u in enumerate(urls)), "utf-8")
            r2e = [str(BIN / "r2e"), "-c", "r2e.cfg", "-d", "r2e.json", "run", "--no-send"]
            for name, tree in trees.items():  # each records every feed, then polls once
                for _ in range(2):
                    measured(ours(configs[name]), work, env_for(tree))
            measured(r2e, work, run_env())
            daemons = {name: TreeDaemon(tree, configs[f"{name}-daemon"])
                       for name, tree in trees.items()}
            try:
                for daemon in daemons.values():
                    daemon.cycle("new")  # its first poll
                for _ in range(RUNS):
                    loads.append(os.getloadavg()[0])
                    for name, tree in trees.items():
                        rows.setdefault(f"{name} cold", []).append(
                            measured(ours(configs[name]), work, env_for(tree)))
                    rows.setdefault("r2e", []).append(measured(r2e, work, run_env()))
                    for name, daemon in daemons.items():
                        rows.setdefault(f"{name} daemon", []).append(daemon.cycle())
                    print({k: tuple(round(x, 3) for x in v[-1]) for k, v in rows.items()},
                          f"load {loads[-1]:.1f}", flush=True)
            finally:
                for daemon in daemons.values():
                    daemon.close()
    finally:
        server.close()
    publish("compare_304", table(rows, loads, before_tree))


def table(rows: dict[str, list[tuple[float, float]]], loads: list[float],
          before: Path) -> str:
    def med(name: str, i: int) -> float:
        return statistics.median(r[i] for r in rows[name])

    def ratio(name: str, i: int) -> float:
        return statistics.median(o[i] / b[i] for o, b in zip(rows[name], rows["r2e"],
                                                              strict=True))

    lines = [f"Before: {before}; after: {ROOT}. {FEEDS} feeds, every one answering 304; "
             f"median of {RUNS} interleaved runs; load average (1 min) {min(loads):.1f}-"
             f"{max(loads):.1f} on {os.cpu_count()} cores; stamp "
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
             "", "| cycle | wall | CPU | wall ratio | CPU ratio |", "|---|---:|---:|---:|---:|"]
    for name in ("before cold", "after cold", "before daemon", "after daemon", "r2e"):
        label = {"r2e": "rss2email `r2e run`"}.get(name, name.replace(
            "cold", "`poll --once` from cold").replace("daemon", "inside the daemon"))
        lines.append(f"| {label} | {med(name, 0):.2f} s | {med(name, 1):.3f} s | "
                     f"{ratio(name, 0):.2f}x | {ratio(name, 1):.2f}x |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
