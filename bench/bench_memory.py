"""Idle memory of `alerts run` after a first poll of the bench's feeds, every process counted
(issue #17), alone: bench_cycle.py's memory rows without its rss2email cycles (2-3 min).

    .venv/bin/python bench/bench_memory.py            # writes bench/results/memory.md
    BENCH_TRACE=1 .venv/bin/python bench/bench_memory.py   # and tracemalloc's top lines

The daemon runs the shipped rules on BENCH_FEEDS (200) loopback feeds of BENCH_ITEMS (50)
items (bench_cycle.Wire: RSS 2.0 and Atom, three languages, some windows-1252). Resident
memory (VmRSS from /proc) of the daemon and every process it started, 3 s after its polls
went quiet and again 20 s after; each process is listed, and how many parse workers were
seen (the process tree, sampled once a second while the daemon was busy). The run has a
cache folder of its own, filled first by one `poll --once` (an installed daemon finds its
knowledge base and lexicon built); BENCH_COLD_CACHE=1 leaves it empty. With BENCH_TRACE
the daemon runs under tracemalloc (slower: use BENCH_FEEDS=50) and a thread of it writes
its largest allocation sites 20 s after the polls (see _TRACE below).
"""

from __future__ import annotations

import os
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
    FEEDS,
    IDLE_AFTER,
    MEMORY_TARGET,
    MIB,
    Wire,
    compile_ours,
    resident,
    run_env,
    serve,
    tree,
    wait_quiet,
    write_config,
)
from report import publish  # noqa: E402

from tests.servers import FeedServer, wait_for  # noqa: E402

ITEMS = int(os.environ.get("BENCH_ITEMS", "50"))
RUNS = int(os.environ.get("BENCH_RUNS", "1"))
TRACE = os.environ.get("BENCH_TRACE", "") not in ("", "0")
# BENCH_COLD_CACHE=1: the daemon builds the knowledge base and lexicon itself (the first start
# after an upgrade) instead of reading them from its cache folder.
COLD_CACHE = os.environ.get("BENCH_COLD_CACHE", "") not in ("", "0")
# Run as `python -c _TRACE SECONDS OUT CONFIG`: `alerts run` under tracemalloc, with a thread
# that writes the top allocation sites once the file named by OUT+".go" appears.
_TRACE = """
import sys, threading, time, tracemalloc, os
tracemalloc.start(1)
seconds, out, config = float(sys.argv[1]), sys.argv[2], sys.argv[3]
def watch():
    while not os.path.exists(out + '.go'):
        time.sleep(0.2)
    snap = tracemalloc.take_snapshot().filter_traces(
        [tracemalloc.Filter(False, tracemalloc.__file__)])
    with open(out + '.tmp', 'w') as f:
        total = sum(s.size for s in snap.statistics('filename'))
        f.write(f'total traced {total / 2**20:.1f} MiB\\n')
        for stat in snap.statistics('filename')[:25]:
            f.write(f'{stat.size / 2**20:8.2f} MiB {stat.count:8d}  {stat.traceback}\\n')
        f.write('\\n')
        for stat in snap.statistics('lineno')[:40]:
            f.write(f'{stat.size / 2**20:8.2f} MiB {stat.count:8d}  {stat.traceback}\\n')
    os.replace(out + '.tmp', out)
threading.Thread(target=watch, daemon=True).start()
from alerts.cli import main
sys.argv = ['alerts', '--config', config, '--log-level', 'info', 'run']
main()
"""


def proc_status(pid: int) -> tuple[str, int]:
    """(command line, VmRSS bytes) of one process, ('', 0) once it is gone."""
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return cmd, int(line.split()[1]) * 1024
    except OSError:
        pass
    return "", 0


def mappings(pid: int, top: int = 8) -> str:
    """The daemon's resident memory by kind (RssAnon, RssFile) and its largest mappings:
    heap and anonymous memory (Python's arenas, malloc's) against mapped files (libraries,
    the state database)."""
    try:
        status = dict(line.split(":", 1) for line in
                      Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
        sizes: dict[str, int] = {}
        name = ""
        for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
            fields = line.split()
            if "-" in fields[0] and not fields[0].endswith(":"):
                name = fields[5] if len(fields) > 5 else "[anonymous]"
            elif fields[0] == "Rss:":
                sizes[name] = sizes.get(name, 0) + int(fields[1])
    except OSError:
        return ""
    largest = sorted(sizes.items(), key=lambda kv: -kv[1])[:top]
    return (f"RssAnon {status['RssAnon'].strip()}, RssFile {status['RssFile'].strip()}; "
            + ", ".join(f"{Path(n).name or n} {kb / 1024:.1f} MiB" for n, kb in largest))


def label(command: str) -> str:
    if "alerts.pollworker" in command:
        return "poll worker"  # a first poll's digest (alerts.pollworker)
    return "parse worker" if "alerts.parseworker" in command else "daemon"


def bench_env(work: Path) -> dict[str, str]:
    """run_env with a cache folder of the run's own (alerts.buildcache): other checkouts'
    code and data, sharing ~/.cache, must not decide whether the daemon builds the knowledge
    base or reads it back."""
    return run_env() | {"XDG_CACHE_HOME": str(work / "cache")}


def warm_up(work: Path, urls: list[str]) -> None:
    """The caches an installed daemon finds (the knowledge base, the event lexicon, the
    rules' vocabulary), made by one `poll --once` of the same feeds into another state."""
    from alerts.rulepack import shipped_rules_dir

    config = write_config(work / "warm.yaml", urls, shipped_rules_dir(), "warm.db")
    subprocess.run([str(BIN / "alerts"), "--config", str(config), "--log-level", "error",
                    "poll", "--once", "--no-send"], cwd=work, env=bench_env(work),
                   check=False, capture_output=True, timeout=900)


def one_run(config: Path, server: FeedServer, work: Path) -> dict:
    before = len(server.requests)
    log_path = work / "run.log"
    trace_out = work / "trace.txt"
    with log_path.open("wb") as log:
        if TRACE:
            command = [sys.executable, "-c", _TRACE, "20", str(trace_out), str(config)]
        else:
            command = [str(BIN / "alerts"), "--config", str(config), "--log-level", "info",
                       "run"]
        proc = subprocess.Popen(command, cwd=work, stdout=log, stderr=log,
                                env=bench_env(work))
        try:
            if not wait_for(lambda: len(server.requests) - before >= FEEDS
                            or proc.poll() is not None, timeout=300, step=0.1):
                raise SystemExit(f"the daemon did not poll every feed; see {log_path}")
            seen_workers: set[int] = set()
            quiet = wait_quiet(proc.pid, lambda pids: seen_workers.update(pids[1:]))
            time.sleep(3.0)
            pids = tree(proc.pid)
            seen_workers |= set(pids[1:])
            early = [(label(c), r) for c, r in map(proc_status, pids)]
            figures = {"rss": resident(pids), "early": early}
            time.sleep(max(0.0, quiet + IDLE_AFTER - time.monotonic()))
            pids = tree(proc.pid)
            figures |= {"rss_idle": resident(pids), "maps": mappings(proc.pid),
                        "idle": [(label(c), r) for c, r in map(proc_status, pids)],
                        "workers_seen": len(seen_workers)}
            if TRACE:
                Path(str(trace_out) + ".go").touch()
                wait_for(trace_out.exists, timeout=120, step=0.5)
                time.sleep(1.0)
                figures["trace"] = trace_out.read_text("utf-8")
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    return figures


def main() -> None:
    compile_ours()
    wire = Wire()
    server = FeedServer()
    from alerts.rulepack import shipped_rules_dir

    runs = []
    try:
        urls = serve(server, wire, ITEMS)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            config = write_config(work / "daemon.yaml", urls, shipped_rules_dir(), "daemon.db")
            if not COLD_CACHE:
                warm_up(work, urls)
            for run in range(RUNS):
                for suffix in ("", "-wal", "-shm", ".lock"):
                    (work / f"daemon.db{suffix}").unlink(missing_ok=True)
                runs.append(one_run(config, server, work))
                r = runs[-1]
                print(f"run {run + 1}: {r['rss'] / MIB:.1f} MiB 3 s after "
                      f"({len(r['early'])} processes), {r['rss_idle'] / MIB:.1f} MiB "
                      f"{IDLE_AFTER:.0f} s after ({len(r['idle'])})", flush=True)
    finally:
        server.close()
    rss = statistics.median(r["rss"] for r in runs)
    idle = statistics.median(r["rss_idle"] for r in runs)
    load = os.getloadavg()
    last = runs[-1]
    lines = [
        f"`alerts run`, shipped rules, first poll of {FEEDS} loopback feeds x {ITEMS} items, "
        f"{'built' if COLD_CACHE else 'cached'} knowledge base and lexicon; "
        f"median of {len(runs)} run(s); load average {load[0]:.2f} {load[1]:.2f} "
        f"{load[2]:.2f} at the end.",
        "",
        "| measure | ours | target | verdict |",
        "|---|---:|---|---|",
        f"| 3 s after the polls, all {len(last['early'])} process(es) | {rss / MIB:.1f} MiB "
        f"| at most {MEMORY_TARGET // MIB} MiB | "
        + ("met" if rss <= MEMORY_TARGET else f"**missed** by {rss / MEMORY_TARGET:.2f}x")
        + " |",
        f"| {IDLE_AFTER:.0f} s after the polls, all {len(last['idle'])} process(es) | "
        f"{idle / MIB:.1f} MiB | at most {MEMORY_TARGET // MIB} MiB | "
        + ("met" if idle <= MEMORY_TARGET else f"**missed** by {idle / MEMORY_TARGET:.2f}x")
        + " |",
        "",
        "Processes in the last run (VmRSS, MiB): 3 s after: "
        + ", ".join(f"{n} {r / MIB:.1f}" for n, r in last["early"])
        + f"; {IDLE_AFTER:.0f} s after: "
        + ", ".join(f"{n} {r / MIB:.1f}" for n, r in last["idle"])
        + f". Worker processes (poll and parse workers) seen during the poll: "
        f"{last['workers_seen']}.",
        "",
        f"The daemon {IDLE_AFTER:.0f} s after, by mapping: {last['maps']}.",
    ]
    if TRACE:
        lines += ["", "```", last["trace"].rstrip(), "```"]
    publish("memory", "\n".join(lines))


if __name__ == "__main__":
    main()
