"""The real daemon against outages and SIGKILL: no alert lost, duplicates bounded.

Outage: the SMTP server is down while three alerts are produced, then comes back: each
arrives exactly once. Crash: the daemon is killed while it sends, at least 20 times, at random
moments around a delivery (before the receiver answers, or just after); every alert arrives.
Delivery is at least once, and the duplicates are counted against the honest bound: a kill can
repeat only the message that was sent but not yet recorded (the last one its daemon sent), so
at most one duplicate per kill, and every copy of an alert carries the same alert id.
"""

from __future__ import annotations

import os
import random
import re
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
    state = {"proc": None, "kills": 0, "round": 0}
    lock = threading.Lock()
    arrivals: list[tuple[int, str, str]] = []  # (daemon round, alert id, message text)

    def kill(proc: subprocess.Popen[str]) -> None:
        with lock:
            if proc.poll() is None and state["kills"] < KILLS:
                try:
                    os.kill(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    return
                state["kills"] += 1

    def on_request(got: Received) -> None:
        with lock:
            arrivals.append((state["round"], got.headers.get("x-alert-id", ""), got.text))
        proc = state["proc"]
        if proc is None or state["kills"] >= KILLS or rng.random() > 0.6:
            return
        if rng.random() < 0.5:
            kill(proc)  # sent, and the receiver has it, but the daemon never hears back
        else:
            threading.Timer(rng.uniform(0, 0.03), kill, args=(proc,)).start()

    receiver.on_request = on_request
    # A bound, not a speed target: 20 kills take about 30 s on an idle machine, and several
    # times that when the suite runs in parallel beside other work.
    deadline = time.monotonic() + 300
    rounds = 0
    try:
        while time.monotonic() < deadline:
            rounds += 1
            with lock:
                state["round"] = rounds
            proc = start(config)
            state["proc"] = proc
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
    received = [alert_id for _, alert_id, _ in arrivals]
    assert len(received) == len(receiver.received)

    # Every copy of one item's alert carries the same alert id, so a receiver can drop repeats.
    ids_by_item: dict[str, set[str]] = {}
    for _, alert_id, text in arrivals:
        found = re.search(r"Envoy (\d+) urges ceasefire", text)
        assert found, text
        ids_by_item.setdefault(found.group(1), set()).add(alert_id)
    assert sorted(ids_by_item, key=int) == [str(n) for n in range(ALERTS)]
    assert all(len(ids) == 1 for ids in ids_by_item.values()), ids_by_item

    assert set(received) == {alert_id for alert_id, _, _ in rows}, "an alert was lost"

    # A duplicate is a copy its daemon sent and died before recording: each round (one daemon
    # process) leaves at most one such copy, its last send, and only a killed round does.
    repeated_from: dict[int, list[str]] = {}
    for index, (round_, alert_id, _) in enumerate(arrivals):
        if any(a == alert_id for _, a, _ in arrivals[index + 1:]):
            repeated_from.setdefault(round_, []).append(alert_id)
    for round_, repeated in repeated_from.items():
        in_round = [a for r, a, _ in arrivals if r == round_]
        assert round_ < rounds and repeated == [in_round[-1]], (round_, repeated, in_round)
    duplicates = len(received) - len(set(received))
    assert duplicates == sum(len(r) for r in repeated_from.values())
    assert duplicates <= kills, (duplicates, kills)
    print(f"{kills} kills, {duplicates} duplicates, {len(received)} messages for {ALERTS} "
          "alerts")
