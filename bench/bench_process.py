"""Daemon start-up time to the first poll, idle resident memory, and what start-up imports.

    .venv/bin/python bench/bench_process.py     # writes bench/results/process.md

`alerts run` is started as a subprocess on the starter configuration (`alerts init`: the
shipped rules, a console channel) plus a json:// channel, with one feed on a loopback server
that records when the first request arrives. Start-up is the time from launching the
process to that request; the baselines, in the same run, are a bare `python -c pass` and
`python -c "import feedparser, apscheduler, sqlite_utils, apprise"` (the four core
libraries). Idle memory is VmRSS about 3 s after the first poll, beside a Python process that
imports the four core libraries and sleeps, and beside one that also makes Apprise load its
plugins, as any Apprise URL does (that is the issue's "about 47 MiB"). The daemon is then
stopped with SIGTERM and must exit 0. Every process may use bytecode caches, as installed
software does (kept in a temporary PYTHONPYCACHEPREFIX, filled by a warm-up run). Last,
`python -X importtime` on `alerts run` lists the heaviest imports our modules make
(candidates for lazy imports).

Target: start-up to first poll under 0.5 s; idle resident memory under 70 MiB (the four core
libraries alone take about 47 MiB here); heavy optional libraries imported lazily.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report import publish  # noqa: E402 - bench/ is on sys.path when a script runs

from tests.servers import FeedServer, WebhookReceiver, wait_for  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
BIN = Path(sys.executable).parent
PYTHON = str(BIN / "python")
CORE = "feedparser, apscheduler, sqlite_utils, apprise"
# Any Apprise URL makes Apprise import every one of its plugins (the daemon has channels).
CORE_PLUGINS = f"{CORE}; apprise.Apprise().add('json://127.0.0.1/hook')"
CORE_MODULES = frozenset(name.strip() for name in CORE.split(","))
IDLE = 3.0  # seconds after the first poll before memory is read
TOP = 15
GROUP = 4  # sibling modules shown as one row from this many
MIB = 1024 * 1024
STARTUP_TARGET = 0.5
RSS_TARGET = 70 * MIB
ITEMS = "".join(
    f"<item><title>Envoys meet in the capital, round {n}</title>"
    f"<link>https://wire.example.org/{n}</link><guid>wire-{n}</guid>"
    f"<pubDate>Tue, 01 Jul 2025 {n % 24:02}:00:00 GMT</pubDate>"
    f"<description>Talks on the border continue.</description></item>" for n in range(20))
FEED = (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Wire"
        f"</title><link>https://wire.example.org/</link><description>bench</description>"
        f"{ITEMS}</channel></rss>")


class FirstRequestServer(FeedServer):
    """A feed server that notes when each request arrives (perf_counter, this process)."""

    def __init__(self) -> None:
        self.arrivals: list[float] = []
        super().__init__()

    def _log(self, path: str, status: int, headers: dict[str, str]) -> None:
        self.arrivals.append(time.perf_counter())
        super()._log(path, status, headers)


@dataclass
class DaemonRun:
    startup: float  # seconds from launch to the first feed request
    rss: int  # bytes, IDLE seconds after the first poll
    peak: int  # VmHWM, bytes
    exit_code: int


def env(pycache: Path) -> dict[str, str]:
    """Bytecode caches allowed, as in any installation, but kept out of the source tree."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith("ALERTS_") and k != "PYTHONDONTWRITEBYTECODE"}
    clean["PYTHONUNBUFFERED"] = "1"
    clean["PYTHONPYCACHEPREFIX"] = str(pycache)
    return clean


def memory(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process, in bytes."""
    values: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) * 1024
    return values["VmRSS"], values["VmHWM"]


def make_config(directory: Path, feed_url: str, hook_url: str, environ: dict[str, str]
                ) -> Path:
    """The starter configuration, as `alerts init` writes it, with a loopback feed."""
    subprocess.run([str(BIN / "alerts"), "init", str(directory)], check=True,
                   capture_output=True, env=environ, timeout=60)
    path = directory / "alerts.yaml"
    config = yaml.safe_load(path.read_text("utf-8"))
    config["feeds"] = [{"url": feed_url, "name": "Loopback wire", "interval": "10m"}]
    config["fetch"]["allow_networks"] = ["127.0.0.0/8"]  # loopback is refused unless allowed
    config["channels"]["hook"] = hook_url
    path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return path


def run_daemon(config: Path, server: FirstRequestServer, log: Path,
               environ: dict[str, str]) -> DaemonRun:
    before = len(server.arrivals)
    with log.open("ab") as out:
        started = time.perf_counter()
        proc = subprocess.Popen([str(BIN / "alerts"), "--config", str(config), "run"],
                                cwd=config.parent, env=environ, stdout=out, stderr=out)
        try:
            if not wait_for(lambda: len(server.arrivals) > before or proc.poll() is not None,
                            timeout=30, step=0.002) or proc.poll() is not None:
                raise SystemExit(f"the daemon never polled the feed; see {log}:\n"
                                 + log.read_text("utf-8", "replace")[-2000:])
            startup = server.arrivals[before] - started
            time.sleep(IDLE)
            rss, peak = memory(proc.pid)
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return DaemonRun(startup, rss, peak, code)


def wall(code: str, environ: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([PYTHON, "-c", code], check=True, env=environ, timeout=60)
    return time.perf_counter() - started


def resting_rss(imports: str, environ: dict[str, str]) -> int:
    """VmRSS of a Python process that imports `imports` and then sleeps."""
    code = (f"import {imports}\n" if imports else "") + (
        "import sys, time\nprint('ready', flush=True)\ntime.sleep(60)\n")
    proc = subprocess.Popen([PYTHON, "-c", code], stdout=subprocess.PIPE, env=environ)
    try:
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != b"ready":
            raise SystemExit(f"python -c 'import {imports}' failed")
        time.sleep(0.2)
        return memory(proc.pid)[0]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@dataclass
class Imported:
    name: str
    cumulative: float  # seconds, this module and what it imported
    importer: str


def import_times(config: Path, log: Path, environ: dict[str, str]) -> list[Imported]:
    """Modules that our code imports (or that are imported at run time), with their cost."""
    with log.open("ab") as out:
        done = subprocess.run([PYTHON, "-X", "importtime", "-m", "alerts", "--config",
                               str(config), "run", "--duration", str(IDLE)],
                              cwd=config.parent, env=environ, stdout=out,
                              stderr=subprocess.PIPE, timeout=60)
    rows: list[tuple[int, str, float]] = []
    for line in done.stderr.decode("utf-8", "replace").splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line[len("import time:"):].split("|")
        depth = (len(name) - len(name.lstrip(" "))) // 2
        rows.append((depth, name.strip(), int(cumulative) / 1e6))
    # Children are printed before their parent: walk backwards to know each one's importer.
    found: list[Imported] = []
    parents: list[str] = []
    for depth, name, cumulative in reversed(rows):
        del parents[depth:]
        importer = parents[depth - 1] if depth else "(top level, or at run time)"
        parents.append(name)
        ours = name == "alerts" or name.startswith("alerts.")
        if not ours and (not depth or importer.startswith("alerts")):
            found.append(Imported(name, cumulative, importer))
    # Many siblings of one package imported by one module (Apprise's plugins): one row.
    groups: dict[tuple[str, str], list[Imported]] = {}
    for entry in found:
        groups.setdefault((entry.importer, entry.name.rpartition(".")[0]), []).append(entry)
    merged: list[Imported] = []
    for (importer, package), members in groups.items():
        if package and len(members) >= GROUP:
            merged.append(Imported(f"{package}.* ({len(members)} modules)",
                                   sum(m.cumulative for m in members), importer))
        else:
            merged.extend(members)
    return sorted(merged, key=lambda i: i.cumulative, reverse=True)


def main() -> None:
    server = FirstRequestServer()
    hook = WebhookReceiver()
    try:
        feed_url = server.put("/wire.xml", FEED)
        with tempfile.TemporaryDirectory() as tmp:
            environ = env(Path(tmp) / "pycache")
            config = make_config(Path(tmp) / "desk", feed_url, hook.url, environ)
            log = Path(tmp) / "daemon.log"
            # Warm-up, not measured: bytecode caches, the page cache, an existing state
            # database (a restarted daemon has one; the first poll records the feed).
            run_daemon(config, server, log, environ)
            wall(CORE_PLUGINS.replace(CORE, f"import {CORE}"), environ)
            daemons, bare, core, rss_core, rss_plugins, rss_bare = [], [], [], [], [], []
            for run in range(RUNS):
                daemons.append(run_daemon(config, server, log, environ))
                bare.append(wall("pass", environ))
                core.append(wall(f"import {CORE}", environ))
                rss_core.append(resting_rss(CORE, environ))
                rss_plugins.append(resting_rss(CORE_PLUGINS, environ))
                rss_bare.append(resting_rss("", environ))
                print(f"run {run + 1}: start-up {daemons[-1].startup:.3f} s, "
                      f"RSS {daemons[-1].rss / MIB:.1f} MiB, exit {daemons[-1].exit_code}",
                      flush=True)
            imports = import_times(config, log, environ)
    finally:
        hook.close()
        server.close()

    startup = statistics.median(d.startup for d in daemons)
    rss = statistics.median(d.rss for d in daemons)
    peak = statistics.median(d.peak for d in daemons)
    t_bare, t_core = statistics.median(bare), statistics.median(core)
    m_core, m_bare = statistics.median(rss_core), statistics.median(rss_bare)
    m_plugins = statistics.median(rss_plugins)
    codes = sorted({d.exit_code for d in daemons})
    startup_ok, rss_ok = startup < STARTUP_TARGET, rss < RSS_TARGET
    table = "\n".join([
        f"`alerts run`, starter configuration (shipped rules), one loopback feed; median of "
        f"{RUNS}.",
        "",
        "| measure | ours | baseline: four core libraries | ours / baseline | "
        "bare `python -c pass` | ours / bare | target |",
        "|---|---:|---:|---:|---:|---:|---|",
        f"| start-up to first poll (s) | {startup:.3f} | {t_core:.3f} | "
        f"{startup / t_core:.2f}x | {t_bare:.3f} | {startup / t_bare:.1f}x | under "
        f"{STARTUP_TARGET} s: **{'met' if startup_ok else 'missed'}** |",
        f"| idle resident memory, VmRSS (MiB) | {rss / MIB:.1f} | {m_core / MIB:.1f} | "
        f"{rss / m_core:.2f}x | {m_bare / MIB:.1f} | {rss / m_bare:.1f}x | under "
        f"{RSS_TARGET // MIB} MiB: **{'met' if rss_ok else 'missed'}** |",
        f"| idle resident memory, against the four core libraries with Apprise's plugins "
        f"loaded (MiB) | {rss / MIB:.1f} | {m_plugins / MIB:.1f} | {rss / m_plugins:.2f}x | | | |",
        f"| peak resident memory, VmHWM (MiB) | {peak / MIB:.1f} | | | | | |",
        "",
        f"Stopped with SIGTERM: exit code {', '.join(map(str, codes))} "
        f"({'clean' if codes == [0] else '**not clean**'}).",
        "",
        f"Heaviest imports at start-up (`python -X importtime`, `alerts run`): the {TOP} "
        "costliest modules that our code imports directly or that are imported at run time, "
        "with everything they import in turn (cumulative; nested entries overlap).",
        "",
        "| module | cumulative (ms) | imported by | core library |",
        "|---|---:|---|---|",
        *(f"| `{i.name}` | {i.cumulative * 1000:.1f} | `{i.importer}` | "
          f"{'yes' if i.name.split('.')[0] in CORE_MODULES else ''} |"
          for i in imports[:TOP]),
    ])
    publish("process", table)


if __name__ == "__main__":
    main()
