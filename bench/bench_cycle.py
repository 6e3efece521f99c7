"""Whole polling cycles beside rss2email's on the same loopback feeds (issue #17), the idle
memory of `alerts run` and the state's bytes per stored item.

    .venv/bin/pip install -e '.[bench]' && .venv/bin/python bench/bench_cycle.py
    # writes bench/results/cycle.md

Feeds: BENCH_FEEDS (200) documents of BENCH_ITEMS (50) items, RSS 2.0 and Atom with xhtml
summaries, some windows-1252, French and Russian text, HTML in descriptions, the same stories
across feeds, served on loopback with ETag and Last-Modified. rss2email runs
`r2e run --no-send` on the same feeds. Rows, each the median of BENCH_RUNS (3) interleaved
runs (ours, then rss2email, within each run):

- all new, shipped rules / 1,000 rules: `alerts poll --once --no-send --backfill` on a fresh
  state (the generated rules are as broad as the shipped ones: bench_matching's
  "shipped-like"), beside rss2email on a fresh state;
- nothing changed, every feed 304, `poll --once` from cold: the same command again;
- steady state: one new item at the top of every feed (51 in each, 50 already seen),
  `poll --once` from cold, beside `r2e run` on its state;
- inside the running daemon: the same cycles in one long-lived process keeping one Poller
  (bench/daemon_cycle.py, as `alerts run` polls), after a first cycle over the feeds; its
  rss2email figure is the cold run's (rss2email has no daemon);
- idle memory of `alerts run` (shipped rules) after its first poll of the feeds: resident
  memory of the daemon and every process it started (parse workers), 3 s after the polls
  ended and again 20 s after (idle parse workers ended, caches given back);
- state bytes per stored item: the state file (checkpointed, copied with VACUUM INTO, so
  free pages do not count) over the items stored by the all-new cycle.

BENCH_FEEDS, BENCH_ITEMS, BENCH_RUNS and BENCH_RULES make it smaller or larger.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_matching import SCENARIOS, vocabulary, write_rules  # noqa: E402
from report import publish  # noqa: E402 - bench/ is on sys.path when a script runs

from tests.servers import FeedServer, wait_for  # noqa: E402

FEEDS = int(os.environ.get("BENCH_FEEDS", "200"))
ITEMS = int(os.environ.get("BENCH_ITEMS", "50"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
RULES = int(os.environ.get("BENCH_RULES", "1000"))
BIN = Path(sys.executable).parent
MIB = 1024 * 1024
FRENCH = "Le président a appelé à un cessez-le-feu immédiat lors d'un entretien à l'Élysée"
RUSSIAN = "Президент призвал к немедленному прекращению огня в ходе телефонного разговора"
TARGETS = {  # ours / rss2email, at most (issue #17)
    "steady": 0.15, "304-cold": 0.75, "304-daemon": 0.3, "new-shipped": 0.25,
    "new-1000": 0.6,
}
MEMORY_TARGET = 70 * MIB
IDLE_AFTER = 20.0  # seconds after the polls went quiet that the idle memory is read
BYTES_TARGET = {"shipped": 500, "1000": 2000}


class Wire:
    """The feeds: item i of feed n is always the same text, so a feed can grow by one."""

    def __init__(self, seed: int = 7):
        rng = random.Random(seed)
        self.words = vocabulary(rng, 20_000)
        self.shared = [" ".join(rng.choices(self.words[:2000], k=10)).capitalize()
                       for _ in range(5)]

    def item(self, n: int, i: int) -> tuple[str, str, str]:
        rng = random.Random(n * 100_003 + i)
        if i % 10 == 0:  # the same story in many feeds, worded a little differently
            title = self.shared[(i // 10) % 5] + (" - update" if n % 2 else "")
        else:
            title = " ".join(rng.choices(self.words[:3000], k=9)).capitalize()
        body = " ".join(rng.choices(self.words[:5000], k=40))
        if n % 5 == 1:
            body = f"{FRENCH}. {body}"
        elif n % 5 == 2:
            body = f"{RUSSIAN}. {body}"
        return (f"f{n}-i{i}", title, f"<p>{escape(body)} <b>more</b> &amp; "
                                     f"<a href='/x/{i}'>link</a></p>")

    def feed(self, n: int, count: int) -> bytes:
        """Feed n with its `count` first items, newest (highest i) first."""
        items = [self.item(n, i) for i in reversed(range(count))]
        if n % 3 == 0:  # Atom, xhtml summaries
            entries = "".join(
                f"<entry><id>urn:{gid}</id><title>{escape(t)}</title>"
                f"<link href='https://site{n}.example/{gid}'/>"
                f"<updated>2025-07-{1 + int(gid.split('-i')[1]) // 24:02}T"
                f"{int(gid.split('-i')[1]) % 24:02}:00:00Z</updated>"
                f"<summary type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>{b}</div>"
                f"</summary></entry>" for gid, t, b in items)
            return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/"
                    f"2005/Atom'><title>Feed {n}</title><id>urn:feed{n}</id>"
                    f"<updated>2025-07-03T00:00:00Z</updated>{entries}</feed>").encode()
        encoding = "windows-1252" if n % 7 == 0 else "utf-8"
        entries = "".join(
            f"<item><title>{escape(t)}</title><link>https://site{n}.example/{gid}</link>"
            f"<guid>{gid}</guid><pubDate>{1 + int(gid.split('-i')[1]) // 24:02} Jul 2025 "
            f"{int(gid.split('-i')[1]) % 24:02}:00:00 GMT</pubDate>"
            f"<description>{escape(b)}</description></item>" for gid, t, b in items)
        text = (f"<?xml version='1.0' encoding='{encoding}'?><rss version='2.0'><channel>"
                f"<title>Feed {n}</title><link>https://site{n}.example/</link>"
                f"<description>bench</description>{entries}</channel></rss>")
        return text.encode(encoding, "replace")


def make_feed(n: int, rng: random.Random, words: list[str], shared: list[str]) -> bytes:
    """The earlier generator (oldest item first, drawn from one shared `rng`), which
    bench_parse and bench_store read byte for byte."""
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


def wait_quiet(pid: int, each_second: Callable[[list[int]], None] | None = None) -> float:
    """Wait (at most 300 s) until no process of the tree under `pid` used CPU for a whole
    second; `each_second` sees the tree's pids once a second. Returns when it went quiet."""
    last = cpu(tree(pid))
    for _ in range(300):
        if each_second is not None:
            each_second(tree(pid))
        time.sleep(1.0)
        now = cpu(tree(pid))
        if now - last < 0.02:
            break
        last = now
    return time.monotonic()


def broad_rules(folder: Path, wire: Wire) -> Path:
    """The RULES generated rules as broad as the shipped ones, the same in every benchmark
    (seed 1000), written into `folder` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    write_rules(folder, random.Random(1000), wire.words, RULES, SCENARIOS["shipped-like"])
    return folder


def rules_folder(which: str, work: Path, wire: Wire) -> Path:
    """The rules a benchmark runs: "broad" (broad_rules, in `work`) or the shipped pack."""
    if which == "broad":
        return broad_rules(work / "rules", wire)
    from alerts.rulepack import shipped_rules_dir
    return shipped_rules_dir()


def serve(server: FeedServer, wire: Wire, count: int) -> list[str]:
    return [server.put(f"/f{n}.xml", wire.feed(n, count), content_type="application/xml")
            for n in range(FEEDS)]


def run_env() -> dict[str, str]:
    """Bytecode caches used and written, as in any installation (a shell that sets
    PYTHONDONTWRITEBYTECODE would make every cold run of ours compile our modules again,
    while rss2email's, installed by pip, are compiled once)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def compile_ours(tree: Path = ROOT) -> None:
    """The bytecode of a checkout's package written before anything is timed (pip does it
    for an installed copy)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "alerts")],
                   env=run_env(), check=True, capture_output=True, timeout=300)


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900,
                            env=run_env())
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 3):
        raise SystemExit(f"{command[0]} failed ({result.returncode}): {result.stderr[-2000:]}")
    return elapsed


def write_config(path: Path, urls: list[str], rules: Path, state: str) -> Path:
    config = {
        "state": state, "rules": [str(rules)],
        "defaults": {"interval": 3600, "channels": ["terminal"]},
        "fetch": {"timeout": 30, "allow_networks": ["127.0.0.0/8"]},
        "channels": {"terminal": "console://"},
        "feeds": [{"url": u, "name": f"Feed {n}"} for n, u in enumerate(urls)],
    }
    path.write_text(yaml.safe_dump(config), "utf-8")
    return path


def ours(config: Path, *extra: str) -> list[str]:
    return [str(BIN / "alerts"), "--config", str(config), "--log-level", "error", "poll",
            "--once", "--no-send", *extra]


def reset(work: Path, *names: str) -> None:
    for name in names:
        for suffix in ("", "-wal", "-shm", ".lock", ".parse-memo.json"):
            (work / f"{name}{suffix}").unlink(missing_ok=True)


class Daemon:
    """bench/daemon_cycle.py: cycles on demand inside one process."""

    def __init__(self, config: Path):
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "daemon_cycle.py"),
                                      str(config)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, cwd=config.parent,
                                     env=run_env())
        assert json.loads(self.proc.stdout.readline())["ready"]  # type: ignore[union-attr]

    def cycle(self) -> tuple[float, dict]:
        self.proc.stdin.write("go\n")  # type: ignore[union-attr]
        self.proc.stdin.flush()  # type: ignore[union-attr]
        answer = json.loads(self.proc.stdout.readline())  # type: ignore[union-attr]
        return answer["seconds"], answer["outcomes"]

    def close(self) -> None:
        self.proc.stdin.close()  # type: ignore[union-attr]
        self.proc.wait(timeout=60)


def tree(pid: int) -> list[int]:
    found = [pid]
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            children = Path(f"/proc/{pid}/task/{tid}/children").read_text().split()
        except OSError:
            continue
        for child in children:
            found.extend(tree(int(child)))
    return found


def resident(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def cpu(pids: list[int]) -> float:
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except OSError:
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def daemon_memory(config: Path, server: FeedServer, work: Path) -> dict[str, float]:
    """`alerts run` after its first poll of every feed: resident memory of all its processes
    3 s after the polls went quiet, and once idle parse workers have ended."""
    before = len(server.requests)
    log = (work / "run.log").open("wb")
    proc = subprocess.Popen([str(BIN / "alerts"), "--config", str(config), "--log-level",
                             "error", "run"], cwd=work, stdout=log, stderr=log,
                            env=run_env())
    try:
        if not wait_for(lambda: len(server.requests) - before >= FEEDS
                        or proc.poll() is not None, timeout=300, step=0.1):
            raise SystemExit("the daemon did not poll every feed; see run.log")
        quiet = wait_quiet(proc.pid)
        time.sleep(2.0)
        pids = tree(proc.pid)
        figures = {"processes": len(pids), "rss": resident(pids)}
        from alerts.parseworker import IDLE_SECONDS
        wait_for(lambda: len(tree(proc.pid)) == 1, timeout=IDLE_SECONDS + 20, step=0.5)
        # Idle as between two polls (minutes, usually): the workers ended, the caches and
        # the knowledge base given back (alerts.daemon TRIM_AFTER, KNOWLEDGE_AFTER).
        time.sleep(max(0.0, quiet + IDLE_AFTER - time.monotonic()))
        pids = tree(proc.pid)
        figures |= {"processes_idle": len(pids), "rss_idle": resident(pids)}
        return figures
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        log.close()


def bytes_per_item(db: Path, work: Path) -> tuple[float, int]:
    copy = work / "vacuumed.db"
    copy.unlink(missing_ok=True)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
        conn.execute("VACUUM INTO ?", [str(copy)])
    size = copy.stat().st_size
    copy.unlink()
    return size / max(items, 1), items


def main() -> None:
    if not (BIN / "r2e").exists():
        raise SystemExit("rss2email is the baseline: install it first with "
                         f"{BIN / 'pip'} install -e '.[bench]'")
    from alerts.rulepack import shipped_rules_dir

    compile_ours()
    wire = Wire()
    server = FeedServer()
    figures: dict[str, list[float]] = {}

    def note(name: str, value: float) -> None:
        figures.setdefault(name, []).append(value)

    try:
        urls = serve(server, wire, ITEMS)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            generated = broad_rules(work / "rules", wire)
            shipped = shipped_rules_dir()
            cold = write_config(work / "shipped.yaml", urls, shipped, "shipped.db")
            broad = write_config(work / "broad.yaml", urls, generated, "broad.db")
            warm = write_config(work / "daemon.yaml", urls, shipped, "daemon.db")
            (work / "r2e.cfg").write_text("[DEFAULT]\nto = desk@example.org\n\n" + "".join(
                f"[feed.f{n}]\nurl = {u}\n\n" for n, u in enumerate(urls)), "utf-8")
            r2e = [str(BIN / "r2e"), "-c", "r2e.cfg", "-d", "r2e.json", "run", "--no-send"]
            for run in range(RUNS):
                serve(server, wire, ITEMS)
                reset(work, "shipped.db", "broad.db", "daemon.db", "r2e.json")
                note("new-shipped", timed(ours(cold, "--backfill"), work))
                note("r2e-new", timed(r2e, work))
                note("new-1000", timed(ours(broad, "--backfill"), work))
                note("304-cold", timed(ours(cold), work))
                note("r2e-304", timed(r2e, work))
                if run == 0:
                    for name, db in (("shipped", "shipped.db"), ("1000", "broad.db")):
                        per_item, stored = bytes_per_item(work / db, work)
                        note(f"bytes-{name}", per_item)
                        note(f"items-{name}", stored)
                daemon = Daemon(warm)
                try:
                    daemon.cycle()  # its first poll: every item new
                    seconds, outcomes = daemon.cycle()
                    assert outcomes == {"not-modified": FEEDS}, outcomes
                    note("304-daemon", seconds)
                    serve(server, wire, ITEMS + 1)  # one new item at the top of each feed
                    seconds, outcomes = daemon.cycle()
                    assert outcomes == {"new": FEEDS}, outcomes
                    note("steady-daemon", seconds)
                finally:
                    daemon.close()
                note("steady", timed(ours(cold), work))
                note("r2e-steady", timed(r2e, work))
                print({k: round(v[-1], 2) for k, v in figures.items()}, flush=True)
            serve(server, wire, ITEMS)
            reset(work, "daemon.db")
            memory = daemon_memory(warm, server, work)
    finally:
        server.close()
    publish("cycle", table(figures, memory))


def table(figures: dict[str, list[float]], memory: dict[str, float]) -> str:
    med = {k: statistics.median(v) for k, v in figures.items()}

    def row(label: str, ours_key: str, base_key: str, target: float) -> str:
        # Each run times ours and rss2email back to back: the ratio within a run is what
        # the machine's other load changes least; the median of those is reported.
        ratio = statistics.median(o / b for o, b in zip(figures[ours_key], figures[base_key],
                                                        strict=True))
        verdict = "met" if ratio <= target else f"**missed** by {ratio / target:.1f}x"
        return (f"| {label} | {med[ours_key]:.2f} s | {med[base_key]:.2f} s | {ratio:.2f}x | "
                f"at most {target}x | {verdict} |")

    def size_row(name: str, label: str) -> str:
        value = med[f"bytes-{name}"]
        target = BYTES_TARGET[name]
        verdict = "met" if value <= target else f"**missed** by {value / target:.1f}x"
        return (f"| state bytes per stored item, {label} ({int(med[f'items-{name}']):,} "
                f"items) | {value:,.0f} | | | at most {target:,} | {verdict} |")

    rss = memory["rss"] / MIB
    idle = memory["rss_idle"] / MIB
    return "\n".join([
        f"{FEEDS} feeds x {ITEMS} items on loopback; times: median of {RUNS} interleaved runs; "
        "ratio: median of the ratios within each run.",
        "",
        "| cycle | ours | rss2email | ratio | target | verdict |",
        "|---|---:|---:|---:|---|---|",
        row("steady state: one new item in each feed, `poll --once` from cold", "steady",
            "r2e-steady", TARGETS["steady"]),
        row("steady state, inside the running daemon", "steady-daemon", "r2e-steady",
            TARGETS["steady"]),
        row("nothing changed, every feed 304, `poll --once` from cold", "304-cold", "r2e-304",
            TARGETS["304-cold"]),
        row("nothing changed, inside the running daemon", "304-daemon", "r2e-304",
            TARGETS["304-daemon"]),
        row("all new, shipped rules", "new-shipped", "r2e-new", TARGETS["new-shipped"]),
        row(f"all new, {RULES:,} rules as broad as the shipped ones", "new-1000", "r2e-new",
            TARGETS["new-1000"]),
        "",
        "| measure | ours | | | target | verdict |",
        "|---|---:|---|---|---|---|",
        f"| idle memory of `alerts run` after a first poll, all {int(memory['processes'])} "
        f"processes, 3 s after the polls | {rss:.1f} MiB | | | at most 70 MiB | "
        + ("met" if memory["rss"] <= MEMORY_TARGET
           else f"**missed** by {memory['rss'] / MEMORY_TARGET:.2f}x") + " |",
        f"| the same {IDLE_AFTER:.0f} s after the polls, idle parse workers ended "
        f"({int(memory['processes_idle'])} "
        f"process{'es' if memory['processes_idle'] > 1 else ''}) | {idle:.1f} MiB | | | "
        "at most 70 MiB | "
        + ("met" if memory["rss_idle"] <= MEMORY_TARGET
           else f"**missed** by {memory['rss_idle'] / MEMORY_TARGET:.2f}x") + " |",
        size_row("shipped", "shipped rules"),
        size_row("1000", f"{RULES:,} rules"),
    ])


if __name__ == "__main__":
    main()
