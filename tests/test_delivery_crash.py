"""The real daemon against outages and SIGKILL: no alert lost, duplicates bounded.

Outage: the SMTP server is down while three alerts are produced, then comes back: each
arrives exactly once. Crash: the daemon is killed while it sends, at least 20 times, at random
moments around a delivery (before the receiver answers, or just after); every alert arrives,
and the only duplicates are messages that were sent but not yet recorded, never more than the
number of kills.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import cli_env, write_config
from tests.feeds import rss, rss_item
from tests.notify_support import HookReceiver, Received
from tests.servers import wait_for

pytestmark = pytest.mark.slow

RULE = """\
id: ceasefire-call
title: Someone calls for a ceasefire
severity: high
match: {all: [{terms: [ceasefire]}, {terms: ["urge*"]}]}
"""


def start(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "alerts", "--config", str(config), "run"],
                            env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)


def stop(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err


def outbox(db: Path) -> list[tuple[str, str, int]]:
    if not db.exists():
        return []
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT alert_id, status, attempts FROM outbox "
                                "ORDER BY id").fetchall()
    except sqlite3.OperationalError:
        return []


def test_smtp_outage_three_alerts_each_arrive_exactly_once(tmp_path, feed_server, smtp):
    url = feed_server.put("/wire.xml", rss(rss_item("Markets open higher", guid="old")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "interval": 1}],
                          channels={"mail": smtp.url}, rules={"r.yaml": RULE})
    db = tmp_path / "state" / "alerts.db"
    proc = start(config)
    try:
        assert wait_for(lambda: feed_server.statuses("/wire.xml"), timeout=30)
        smtp.stop()
        feed_server.put("/wire.xml", rss(*(rss_item(f"Envoy {n} urges ceasefire", guid=str(n))
                                           for n in range(3)), rss_item("Markets", guid="old")))
        # All three queued, and the sender has tried and failed at least once.
        assert wait_for(lambda: len(outbox(db)) == 3 and any(a for *_, a in outbox(db)),
                        timeout=30), outbox(db)
        assert smtp.messages == []
        smtp.start()
        assert wait_for(lambda: all(s == "sent" for _, s, _ in outbox(db)), timeout=30), \
            outbox(db)
        time.sleep(1.5)  # a few more sender rounds: nothing is sent again
    finally:
        err = stop(proc)
    assert "stopped cleanly" in err
    subjects = sorted(m["Subject"] for m in smtp.messages)
    assert subjects == [f"[high] Someone calls for a ceasefire: Envoy {n} urges ceasefire"
                        for n in range(3)]
    assert len({m["Message-ID"] for m in smtp.messages}) == 3


ALERTS = 60
KILLS = 20


def test_sigkill_while_sending_never_loses_an_alert(tmp_path, feed_server):
    receiver = HookReceiver()
    rng = random.Random(20250701)
    items = [rss_item(f"Envoy {n} urges ceasefire", guid=f"g{n}") for n in range(ALERTS)]
    url = feed_server.put("/wire.xml", rss(*items))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "interval": 3600,
                                            "backfill": True}],
                          channels={"hook": receiver.json_url}, rules={"r.yaml": RULE},
                          notify={"interval": 0.2, "retry_base": 0.2, "retry_max": 0.5,
                                  "max_attempts": 1000})
    db = tmp_path / "state" / "alerts.db"
    state = {"proc": None, "kills": 0}
    lock = threading.Lock()

    def kill(proc: subprocess.Popen[str]) -> None:
        with lock:
            if proc.poll() is None and state["kills"] < KILLS:
                try:
                    os.kill(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    return
                state["kills"] += 1

    def on_request(got: Received) -> None:
        proc = state["proc"]
        if proc is None or state["kills"] >= KILLS or rng.random() > 0.6:
            return
        if rng.random() < 0.5:
            kill(proc)  # sent, and the receiver has it, but the daemon never hears back
        else:
            threading.Timer(rng.uniform(0, 0.03), kill, args=(proc,)).start()

    receiver.on_request = on_request
    deadline = time.monotonic() + 90
    rounds = 0
    try:
        while time.monotonic() < deadline:
            proc = start(config)
            state["proc"] = proc
            rounds += 1
            done = wait_for(lambda p=proc: p.poll() is not None or (
                len(outbox(db)) == ALERTS and all(s == "sent" for _, s, _ in outbox(db))),
                timeout=30)
            assert done, "the daemon neither finished nor was killed"
            if proc.poll() is None:  # everything sent
                err = stop(proc)
                assert "stopped cleanly" in err
                break
            proc.wait()
        else:
            pytest.fail(f"not finished in time: {state['kills']} kills, {rounds} rounds")
    finally:
        if state["proc"] is not None and state["proc"].poll() is None:
            state["proc"].kill()
            state["proc"].wait()
        receiver.close()

    kills = state["kills"]
    assert kills >= KILLS, f"only {kills} kills happened while sending"
    rows = outbox(db)
    assert len(rows) == ALERTS and all(s == "sent" for _, s, _ in rows)
    received = [got.headers["x-alert-id"] for got in receiver.received]
    assert set(received) == {alert_id for alert_id, _, _ in rows}, "an alert was lost"
    duplicates = len(received) - len(set(received))
    assert duplicates <= kills, (duplicates, kills)
