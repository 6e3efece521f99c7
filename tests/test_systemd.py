"""systemd: the unit files pass systemd-analyze, and the daemon speaks sd_notify (READY,
STATUS, WATCHDOG only while polling makes progress) over a real unix datagram socket."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from alerts.systemd import ProgressWatch, SystemdNotifier, socket_address, watchdog_interval
from tests.conftest import ROOT, cli_env, write_config
from tests.feeds import rss, rss_item
from tests.servers import wait_for

UNITS = sorted((ROOT / "systemd").glob("alerts*.[st]*"))
ANALYZE = shutil.which("systemd-analyze")
ALERTS = Path(sys.executable).parent / "alerts"


def test_unit_files_are_all_there():
    names = {p.name for p in UNITS}
    assert {"alerts.service", "alerts-user.service", "alerts-poll.service",
            "alerts-poll.timer"} <= names


@pytest.fixture
def unit_dir(tmp_path) -> Path:
    """The units with ExecStart pointing at this venv's `alerts`, which verify requires."""
    assert ALERTS.exists()
    for unit in UNITS:
        text = re.sub(r"^ExecStart=\S+/alerts ", f"ExecStart={ALERTS} ", unit.read_text(),
                      flags=re.M)
        (tmp_path / unit.name).write_text(text)
    return tmp_path


@pytest.mark.skipif(ANALYZE is None, reason="systemd-analyze is not installed")
@pytest.mark.parametrize("name", [p.name for p in UNITS])
def test_systemd_analyze_verify_prints_nothing(unit_dir, name):
    # verify exits 0 on misspelled keys: any output at all is a failure.
    done = subprocess.run([ANALYZE, "verify", str(unit_dir / name)], cwd=unit_dir,
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


@pytest.mark.skipif(ANALYZE is None, reason="systemd-analyze is not installed")
@pytest.mark.parametrize("name", [p.name for p in UNITS if p.suffix == ".service"])
def test_systemd_analyze_security(unit_dir, name):
    done = subprocess.run([ANALYZE, "security", "--offline=true", str(unit_dir / name)],
                          capture_output=True, text=True, timeout=60)
    found = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", done.stdout)
    assert found, done.stdout + done.stderr
    if name in ("alerts.service", "alerts-poll.service"):  # the system units
        assert float(found.group(1)) <= 2.0, done.stdout


def test_notify_socket_addresses():
    assert socket_address(None) is None and socket_address("") is None
    assert socket_address("/run/systemd/notify") == "/run/systemd/notify"
    assert socket_address("@abstract/name") == b"\0abstract/name"
    assert socket_address("vsock:2:1234") is None


def test_watchdog_interval_only_for_the_named_process():
    assert watchdog_interval({}) is None
    assert watchdog_interval({"WATCHDOG_USEC": "2000000"}) == 2.0
    assert watchdog_interval({"WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "7"}, pid=7) == 2.0
    assert watchdog_interval({"WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "7"}, pid=8) is None
    assert watchdog_interval({"WATCHDOG_USEC": "0"}) is None


def test_progress_watch_with_an_injected_clock():
    now = [100.0]
    watch = ProgressWatch(10.0, monotonic=lambda: now[0])
    now[0] = 109.0
    assert watch.healthy()  # the start counts until the first success
    now[0] = 111.0
    assert not watch.healthy()
    watch.success()
    assert watch.healthy()
    now[0] = 121.5
    assert not watch.healthy() and watch.since_success() == 10.5


def _bind(address: str | bytes) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(address)
    sock.settimeout(5)
    return sock


def test_notifier_sends_to_a_path_socket_and_an_abstract_one():
    folder = tempfile.mkdtemp(prefix="sdn", dir="/tmp")  # short: unix paths max ~107 bytes
    try:
        path = os.path.join(folder, "notify")
        with _bind(path) as sock:
            assert SystemdNotifier({"NOTIFY_SOCKET": path}).ready("3 feeds")
            assert sock.recv(4096) == b"READY=1\nSTATUS=3 feeds"
    finally:
        shutil.rmtree(folder)
    name = f"alerts-test-{os.getpid()}-{time.monotonic_ns()}"
    with _bind(b"\0" + name.encode()) as sock:
        assert SystemdNotifier({"NOTIFY_SOCKET": "@" + name}).ping()
        assert sock.recv(4096) == b"WATCHDOG=1"
    assert not SystemdNotifier({}).ping()  # outside systemd: nothing, no error
    assert not SystemdNotifier({"NOTIFY_SOCKET": "@nobody-listens-" + name}).ping()


class Listener:
    """Collects sd_notify datagrams with their arrival time, in a thread."""

    def __init__(self) -> None:
        self.name = f"alerts-test-{os.getpid()}-{time.monotonic_ns()}"
        self.sock = _bind(b"\0" + self.name.encode())
        self.sock.settimeout(0.2)
        self.messages: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while self.running:
            try:
                data = self.sock.recv(4096)
            except (TimeoutError, OSError):
                continue
            with self.lock:
                self.messages.append((time.monotonic(), data.decode()))

    def lines(self, prefix: str) -> list[tuple[float, str]]:
        with self.lock:
            return [(t, line) for t, m in self.messages for line in m.splitlines()
                    if line.startswith(prefix)]

    def close(self) -> None:
        self.running = False
        self.thread.join(timeout=5)
        self.sock.close()


@pytest.mark.slow
def test_daemon_notifies_ready_and_feeds_the_watchdog_only_while_polling_works(tmp_path,
                                                                              feed_server):
    url = feed_server.put("/f.xml", rss(rss_item("quiet day", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"out": "json://127.0.0.1:9/"},
                          fetch={"timeout": 1, "allow_networks": ["127.0.0.0/8"]})
    listener = Listener()
    env = cli_env() | {"NOTIFY_SOCKET": "@" + listener.name, "WATCHDOG_USEC": "400000"}
    proc = subprocess.Popen([sys.executable, "-m", "alerts", "--config", str(config), "run"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_for(lambda: listener.lines("READY=1"), timeout=30), proc.stderr
        # The feed answers: pings keep coming after a successful poll.
        assert wait_for(lambda: feed_server.statuses("/f.xml")
                        and len(listener.lines("WATCHDOG=1")) >= 3, timeout=30)
        assert wait_for(lambda: any("last successful poll" in s
                                    for _, s in listener.lines("STATUS=")), timeout=30)

        # The server hangs: every poll times out, so polling makes no progress; once the
        # stall window (3 intervals + the fetch deadline) has passed, pings stop.
        feed_server.put("/f.xml", rss(rss_item("quiet day", guid="1")), delay=60)

        def pings_stopped() -> bool:
            pings = listener.lines("WATCHDOG=1")
            return bool(pings) and time.monotonic() - pings[-1][0] > 2.0

        assert wait_for(pings_stopped, timeout=40)
        assert any("polling stalled" in s for _, s in listener.lines("STATUS="))
        assert proc.poll() is None  # still running: systemd, not the daemon, decides
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        listener.close()
    assert proc.returncode == 0, err
    assert listener.lines("STOPPING=1")
    assert "no feed was polled successfully" in err
