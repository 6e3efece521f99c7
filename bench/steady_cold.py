"""The steady-state row from cold (issue #17): one new item at the top of each of
BENCH_FEEDS (200) feeds of BENCH_ITEMS (50) already seen, `poll --once` in a new process,
for one or two copies of the code (and rss2email) in the same run.

    .venv/bin/python bench/steady_cold.py                  # this checkout, BENCH_RUNS (5)
    git archive COMMIT alerts bench | tar -x -C /tmp/before
    BENCH_BEFORE=/tmp/before .venv/bin/python bench/steady_cold.py   # both, interleaved
    BENCH_R2E=1 ...                                        # rss2email beside them
    BENCH_MODE=profile .venv/bin/python bench/steady_cold.py   # cProfile of one run
    BENCH_MODE=importtime .venv/bin/python bench/steady_cold.py  # python -X importtime
    BENCH_MODE=stages .venv/bin/python bench/steady_cold.py     # CPU per stage, no profiler
    BENCH_MODE=hold ... < FIFO     # prepares the state again for each line read (runs by hand)
    BENCH_AFTER=DIR ...            # another copy of the code as "after" (default: this one)

Each copy gets the state bench_cycle.py's steady row polls: every feed recorded with
`poll --once --backfill` (shipped rules), then once more (every feed 304), kept as a
snapshot. Before each measured run the snapshot is restored, polled once unchanged (so the
state is exactly as a clean `poll --once` left it, as in bench_cycle), and the feeds grow
by one item. One unmeasured run per copy first builds what its code caches (the knowledge
base, the lexicon: other checkouts' processes may have evicted them from the shared cache
folder). CPU time is getrusage's user + system of the run and its children; wall time
beside it; medians; the load average with each run. bench/README.md has the figures.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_304 import children_cpu
from bench_cycle import BIN, ITEMS, ROOT, Wire, compile_ours, ours, serve, write_config
from compare_304 import env_for
from stages_304 import CHILD

from tests.servers import FeedServer

# Before stages_304's CHILD: the wall clock beside the CPU, and the time the event loop
# waited in select (for the server's answers and the parse threads).
WALL = r'''
import atexit, selectors, time
_wall0 = time.perf_counter()
_waited = [0.0, 0]
_select = selectors.EpollSelector.select

def _timed_select(self, timeout=None):
    t = time.perf_counter()
    try:
        return _select(self, timeout)
    finally:
        _waited[0] += time.perf_counter() - t
        _waited[1] += 1

selectors.EpollSelector.select = _timed_select

@atexit.register
def _said():
    print(f"{(time.perf_counter() - _wall0) * 1000:7.1f} ms  wall in all; the event loop "
          f"waited {_waited[0] * 1000:.1f} ms in {_waited[1]} selects")
'''
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
MODE = os.environ.get("BENCH_MODE", "compare")
OUT = Path(os.environ.get("BENCH_PROFILE_DIR", "/tmp/alerts-profile"))
STATE_FILES = ("-wal", "-shm", ".parse-memo.json", ".intact", "")


def run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, str]:
    before = children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900,
                          env=env)
    wall = time.perf_counter() - started
    if done.returncode not in (0, 3):
        raise SystemExit(f"{command[0]} failed ({done.returncode}): {done.stderr[-3000:]}")
    return wall, children_cpu() - before, done.stdout + done.stderr


class Copy:
    """One copy of the code with its own state and snapshot in `work`."""

    def __init__(self, name: str, tree: Path, work: Path, urls: list[str]):
        from alerts.rulepack import shipped_rules_dir

        self.name, self.tree, self.work = name, tree, work
        self.env = env_for(tree)
        self.config = write_config(work / f"{name}.yaml", urls, shipped_rules_dir(),
                                   f"{name}.db")
        self.snap = work / f"{name}-snapshot"

    def files(self, folder: Path) -> list[Path]:
        return [folder / f"{self.name}.db{suffix}" for suffix in STATE_FILES]

    def record(self) -> None:
        run(ours(self.config, "--backfill"), self.work, self.env)
        run(ours(self.config), self.work, self.env)
        self.snap.mkdir()
        for path in self.files(self.work):
            if path.exists():
                shutil.copy2(path, self.snap / path.name)

    def restore(self) -> None:
        for path in self.files(self.work):
            path.unlink(missing_ok=True)
        for path in self.files(self.snap):
            if path.exists():
                shutil.copy2(path, self.work / path.name)

    def command(self) -> list[str]:
        return ours(self.config)


def prepare(copy: Copy, server: FeedServer, wire: Wire) -> None:
    serve(server, wire, ITEMS)
    copy.restore()
    run(copy.command(), copy.work, copy.env)  # unchanged: the state as a clean run left it
    serve(server, wire, ITEMS + 1)


def main() -> None:
    after = Path(os.environ.get("BENCH_AFTER", ROOT)).resolve()  # default: this checkout
    compile_ours(after)
    trees = {"after": after}
    if os.environ.get("BENCH_BEFORE"):
        trees = {"before": Path(os.environ["BENCH_BEFORE"]).resolve(), "after": after}
        compile_ours(trees["before"])
    wire = Wire()
    server = FeedServer()
    rows: dict[str, list[tuple[float, float]]] = {}
    try:
        urls = serve(server, wire, ITEMS)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            copies = [Copy(name, tree, work, urls) for name, tree in trees.items()]
            for copy in copies:
                copy.record()
            r2e = None
            if os.environ.get("BENCH_R2E"):
                (work / "r2e.cfg").write_text("[DEFAULT]\nto = desk@example.org\n\n" + "".join(
                    f"[feed.f{n}]\nurl = {u}\n\n" for n, u in enumerate(urls)), "utf-8")
                r2e = [str(BIN / "r2e"), "-c", "r2e.cfg", "-d", "r2e.json", "run",
                       "--no-send"]
                run(r2e, work, env_for(ROOT))
                shutil.copy2(work / "r2e.json", work / "r2e-snapshot.json")
            if MODE != "compare":
                single(copies[-1], server, wire)
                return
            for copy in copies:  # caches this code builds once (knowledge base, lexicon)
                prepare(copy, server, wire)
                run(copy.command(), work, copy.env)
            for n in range(RUNS):
                load = os.getloadavg()[0]
                for copy in copies:
                    prepare(copy, server, wire)
                    wall, cpu, _ = run(copy.command(), work, copy.env)
                    rows.setdefault(copy.name, []).append((wall, cpu))
                if r2e is not None:
                    shutil.copy2(work / "r2e-snapshot.json", work / "r2e.json")
                    rows.setdefault("r2e", []).append(run(r2e, work, env_for(ROOT))[:2])
                print(f"run {n + 1} load {load:.1f}:",
                      {k: (round(v[-1][0], 3), round(v[-1][1], 3)) for k, v in rows.items()},
                      flush=True)
    finally:
        server.close()
    for name, values in rows.items():
        print(f"{name}: wall {statistics.median(v[0] for v in values):.3f} s, "
              f"CPU {statistics.median(v[1] for v in values):.3f} s "
              f"(min {min(v[1] for v in values):.3f})")
    if "r2e" in rows:
        for name in trees:
            ratios = [o[0] / r[0] for o, r in zip(rows[name], rows["r2e"], strict=True)]
            print(f"{name}/r2e wall ratio median {statistics.median(ratios):.3f}")


def single(copy: Copy, server: FeedServer, wire: Wire) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    prepare(copy, server, wire)
    command = copy.command()
    if MODE == "profile":
        target = OUT / "steady.prof"
        run([sys.executable, "-m", "cProfile", "-o", str(target), "-m", "alerts",
             *command[1:]], copy.work, copy.env)
        print(f"profile in {target}")
    elif MODE == "importtime":
        *_, text = run([sys.executable, "-X", "importtime", "-m", "alerts", *command[1:]],
                       copy.work, copy.env)
        target = OUT / "steady-importtime.txt"
        target.write_text(text, "utf-8")
        print(f"import times in {target}")
    elif MODE == "stages":
        wall, cpu, text = run([sys.executable, "-c", WALL + CHILD, *command[1:]],
                              copy.work, copy.env)
        print("\n".join(line for line in text.splitlines() if " ms  " in line))
        print(f"seen from outside: wall {wall * 1000:.1f} ms, CPU with children "
              f"{cpu * 1000:.1f} ms (load average {os.getloadavg()[0]:.1f})")
    elif MODE == "hold":  # for runs by hand: each line read prepares the state again
        print(" ".join(command), f"(in {copy.work}; PYTHONPATH={copy.env.get('PYTHONPATH')})",
              flush=True)
        for _ in sys.stdin:
            prepare(copy, server, wire)
            print("ready", flush=True)
    else:
        raise SystemExit(f"BENCH_MODE={MODE!r}: compare, profile, importtime or stages")


if __name__ == "__main__":
    main()
