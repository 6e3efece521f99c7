"""One sender per state file, true answers to the operator, and a damaged state refused (#14).

Real CLI subprocesses, real SQLite files, feeds served on 127.0.0.1."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.conftest import run_cli, write_config
from tests.feeds import rss, rss_item
from tests.servers import WebhookReceiver, wait_for
from tests.test_daemon import alerts_received, poll_marker, start_daemon, stop_daemon

RECOVERY = ".recover"


def _db(tmp_path: Path) -> Path:
    return tmp_path / "state" / "alerts.db"


def _now() -> str:
    return format_datetime(datetime.now(UTC), usegmt=True)


def _wait_for_exit(proc: subprocess.Popen[str], timeout: float = 30) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        return stop_daemon(proc, signal.SIGKILL)
    return proc.returncode, out, err


# -- one sender per state file ---------------------------------------------------------------

@pytest.mark.slow
def test_a_second_daemon_on_one_state_refuses_and_starts_once_the_first_is_killed(
        tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("Markets open higher", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url})
    db = _db(tmp_path)
    first = start_daemon(config)
    try:
        assert wait_for(lambda: poll_marker(db) != 0, timeout=30), "the daemon never polled"
        second = start_daemon(config, "--duration", "20")
        code, _, err = _wait_for_exit(second, timeout=30)
        assert code == 1, err
        assert f"is in use by process {first.pid} (`alerts run`" in err
        assert "Stop the other one first" in err and f"kill {first.pid}" in err
        assert "Traceback" not in err
        assert first.poll() is None  # the first one runs on
        # Commands that only read keep working beside the daemon.
        status = run_cli("--config", str(config), "status")
        assert status.returncode == 0, status.stderr
        assert f"Sending: process {first.pid} (`alerts run`" in status.stdout
        assert run_cli("--config", str(config), "history").returncode == 0
        assert run_cli("--config", str(config), "outbox").returncode == 0
    finally:
        stop_daemon(first, signal.SIGKILL)
    # SIGKILL leaves no chance to clean up: the kernel released the lock all the same.
    third = start_daemon(config, "--duration", "3")
    code, _, err = _wait_for_exit(third)
    assert code == 0, err
    assert "in use by" not in err and "stopped cleanly" in err


@pytest.mark.slow
def test_poll_once_beside_a_running_daemon_stores_but_leaves_sending_to_it(
        tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("Markets open higher", guid="old")))
    # The daemon polls once at start (interval one hour); its sender wakes every 3 s.
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire", "interval": 3600}],
                          channels={"hook": webhook.url},
                          notify={"interval": 3, "retry_base": 1, "retry_max": 2})
    db = _db(tmp_path)
    daemon = start_daemon(config)
    try:
        assert wait_for(lambda: poll_marker(db) != 0, timeout=30), "the daemon never polled"
        feed_server.put("/wire.xml", rss(
            rss_item("Pope urges Christmas truce in Ukraine", guid="new", pub=_now()),
            rss_item("Markets open higher", guid="old")))
        polled = run_cli("--config", str(config), "poll", "--once")
        assert polled.returncode == 0, polled.stdout + polled.stderr
        assert "1 new, 1 alerts queued" in polled.stdout
        assert f"not sending: process {daemon.pid} (`alerts run`" in polled.stdout
        assert "alerts delivered" not in polled.stdout
        # The daemon sends what the poll queued, once.
        assert wait_for(lambda: len(alerts_received(webhook)) >= 1, timeout=30)
        with sqlite3.connect(db, timeout=5) as conn:
            assert wait_for(lambda: conn.execute(
                "SELECT status, attempts FROM outbox WHERE kind = 'alert'").fetchall()
                == [("sent", 1)], timeout=10)
    finally:
        stop_daemon(daemon)
    assert len(alerts_received(webhook)) == 1


def test_poll_once_takes_the_lock_to_send_and_releases_it(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url}], channels={"hook": webhook.url})
    polled = run_cli("--config", str(config), "poll", "--once", "--backfill")
    assert polled.returncode == 0, polled.stdout + polled.stderr
    assert "alerts delivered: 1" in polled.stdout and len(webhook.received) == 1
    lock = _db(tmp_path).with_name("alerts.db.lock")
    assert lock.read_text().splitlines()[1] == "poll --once"  # it was the sender
    assert "no daemon is running" in run_cli("--config", str(config), "status").stdout


def test_a_daemon_does_not_start_while_a_poll_sends_and_says_it_ends_by_itself(tmp_path,
                                                                             webhook):
    from alerts.lock import StateLock

    config = write_config(tmp_path, feeds=[], channels={"hook": webhook.url})
    lock = StateLock(_db(tmp_path))
    lock.acquire("poll --once")  # a real flock, held by this test's process
    try:
        refused = run_cli("--config", str(config), "run", "--duration", "5")
        assert refused.returncode == 1, refused.stderr
        assert f"in use by process {os.getpid()} (`alerts poll --once`" in refused.stderr
        assert "The poll ends by itself: start the daemon again in a minute" in refused.stderr
        assert StateLock(_db(tmp_path)).holder().pid == os.getpid()
    finally:
        lock.release()
    assert StateLock(_db(tmp_path)).holder() is None


# -- poll --once says when nothing could be polled ---------------------------------------------

def test_poll_once_exits_3_with_each_reason_when_no_feed_could_be_polled(tmp_path, feed_server,
                                                                          webhook):
    broken = feed_server.put("/broken.xml", "oops", status=500)
    gone = feed_server.put("/gone.xml", "gone", status=410)
    config = write_config(tmp_path, channels={"hook": webhook.url}, feeds=[
        {"url": broken, "name": "Broken", "interval": 600},
        {"url": gone, "name": "Gone", "interval": 600}])
    first = run_cli("--config", str(config), "poll", "--once")
    assert first.returncode == 3, first.stdout + first.stderr
    assert "Broken: failed:" in first.stdout and "410 Gone" in first.stdout
    # Now every feed is skipped: one waits out its backoff, the other is disabled for good.
    second = run_cli("--config", str(config), "poll", "--once")
    assert second.returncode == 3, second.stdout + second.stderr
    assert "Broken: skipped after repeated failures; next poll after" in second.stdout
    assert "Gone: " in second.stdout and "no longer polled" in second.stdout
    assert "nothing could be polled: none of the 2 feeds was fetched" in second.stdout
    assert feed_server.statuses("/broken.xml") == [500]  # no request was made the second time
    assert "Traceback" not in second.stderr


def test_poll_once_exits_0_when_one_feed_was_polled(tmp_path, feed_server, webhook):
    ok = feed_server.put("/ok.xml", rss(rss_item("Markets open higher", guid="1")))
    gone = feed_server.put("/gone.xml", "gone", status=410)
    config = write_config(tmp_path, channels={"hook": webhook.url}, feeds=[
        {"url": ok, "name": "Ok"}, {"url": gone, "name": "Gone"}])
    run_cli("--config", str(config), "poll", "--once")
    again = run_cli("--config", str(config), "poll", "--once")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Ok: unchanged" in again.stdout and "nothing could be polled" not in again.stdout


# -- status tells the truth ------------------------------------------------------------------

def _feed_json(config: Path, name: str) -> dict:
    result = run_cli("--config", str(config), "status", "--json")
    assert result.returncode == 0, result.stderr
    return next(f for f in json.loads(result.stdout)["feeds"] if f["name"] == name)


def _backoff_over(db: Path) -> None:
    """As if the backoff had been waited out: its time is now in the past."""
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE feeds SET next_poll_after = ?", (past,))


def test_status_drops_a_backoff_time_once_the_feed_succeeds(tmp_path, feed_server, webhook):
    body = rss(rss_item("Markets open higher", guid="1"))
    url = feed_server.put("/f.xml", "down", status=500)
    config = write_config(tmp_path, channels={"hook": webhook.url},
                          feeds=[{"url": url, "name": "Wire", "interval": 600}])
    db = _db(tmp_path)
    assert run_cli("--config", str(config), "poll", "--once").returncode == 3
    assert _feed_json(config, "Wire")["next_poll_after"] is not None
    assert "next poll after" in run_cli("--config", str(config), "status").stdout

    for outcome in ("1 new", "unchanged"):  # a parsed body, then a 304
        _backoff_over(db)
        feed_server.put("/f.xml", body)
        polled = run_cli("--config", str(config), "poll", "--once")
        assert polled.returncode == 0 and outcome in polled.stdout, polled.stdout
        assert _feed_json(config, "Wire")["next_poll_after"] is None
        assert "next poll after" not in run_cli("--config", str(config), "status").stdout
        # ...and it fails again, for the next round.
        feed_server.put("/f.xml", "down", status=500)
        _backoff_over(db)
        assert run_cli("--config", str(config), "poll", "--once").returncode == 3


def test_status_counts_the_outbox_as_alerts_outbox_does(tmp_path, feed_server):
    down = WebhookReceiver(status=500)
    try:
        url = feed_server.put("/f.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
        config = write_config(tmp_path, feeds=[{"url": url}], channels={"hook": down.url})
        # One alert fails once (it waits for its retry), the next is queued but not tried.
        assert run_cli("--config", str(config), "poll", "--once", "--backfill").returncode == 3
        feed_server.put("/f.xml", rss(rss_item("Pope calls for truce in Ukraine", guid="2"),
                                      rss_item("UN urges ceasefire in Sudan", guid="1")))
        assert run_cli("--config", str(config), "poll", "--once",
                       "--no-send").returncode == 0
    finally:
        down.close()
    status = run_cli("--config", str(config), "status", "--json")
    assert json.loads(status.stdout)["outbox"] == {"failed": 1, "pending": 1}
    assert "Outbox: 1 failed, 1 pending" in run_cli("--config", str(config), "status").stdout
    listing = run_cli("--config", str(config), "outbox").stdout
    assert "1 pending, 1 failed." in listing
    only_pending = run_cli("--config", str(config), "outbox", "--status", "pending").stdout
    assert "1 pending." in only_pending and "failed  " not in only_pending


CORROBORATED_RULE = """\
id: ceasefire-call
severity: high
corroborate: 2
match:
  all:
    - terms: [ceasefire, truce]
    - terms: ["call* for", urge*]
"""


def test_publisher_is_the_feeds_own_title_so_two_local_feeds_corroborate(tmp_path, feed_server,
                                                                         webhook):
    now = _now()
    one = feed_server.put("/one.xml", rss(rss_item(
        "UN urges ceasefire in Sudan", guid="a", link="https://one.org/1", pub=now),
        title="Agence Une"))
    two = feed_server.put("/two.xml", rss(rss_item(
        "UN urges ceasefire in Sudan", guid="b", link="https://two.org/2", pub=now),
        title="Second Wire"))
    three = feed_server.put("/three.xml", rss(rss_item("Markets open higher", guid="c"),
                                              title="Agence Une"))
    config = write_config(
        tmp_path, channels={"hook": webhook.url}, rules={"r.yaml": CORROBORATED_RULE},
        feeds=[{"url": one, "name": "One"}, {"url": two, "name": "Two"},
               {"url": three, "name": "Three", "publisher": "Desk"}],
        defaults={"backfill": True, "channels": ["hook"]})
    polled = run_cli("--config", str(config), "poll", "--once")
    assert polled.returncode == 0, polled.stdout + polled.stderr
    # Both feeds are served by 127.0.0.1, but they are two outlets: corroborated, one alert.
    assert len(webhook.received) == 1, polled.stdout
    history = run_cli("--config", str(config), "history").stdout
    assert "[2 sources; alerted: ceasefire-call]" in history
    assert "Agence Une: UN urges ceasefire in Sudan" in history
    assert "Second Wire: UN urges ceasefire in Sudan" in history
    assert _feed_json(config, "One")["publisher"] == "Agence Une"
    assert _feed_json(config, "Three")["publisher"] == "Desk"  # the configuration wins
    assert "publisher: Second Wire" in run_cli("--config", str(config), "status").stdout


# -- a damaged state file is refused, with how to recover ---------------------------------------

def _damage(db: Path, where: str) -> None:
    """Random bytes over pages, as a failing disk leaves them: the middle half of the file, or
    only the first page of each table the commands read (the schema stays readable, so the
    file opens and the damage shows at the first query)."""
    rng = random.Random(14)
    with sqlite3.connect(db) as conn:
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        roots = [r for (r,) in conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name IN "
            "('feeds', 'items', 'stories', 'story_members', 'outbox')")]
    conn.close()
    size = db.stat().st_size
    spans = [(size // 4, size // 2)] if where == "middle" else \
        [((root - 1) * page, page) for root in roots]
    with db.open("r+b") as handle:
        for offset, length in spans:
            handle.seek(offset)
            handle.write(bytes(rng.randrange(256) for _ in range(length)))


def _damaged_state(tmp_path: Path, feed_server, webhook,  # type: ignore[no-untyped-def]
                   where: str) -> Path:
    items = [rss_item(f"Report number {i} on the talks", guid=str(i), summary="x " * 200)
             for i in range(60)]
    url = feed_server.put("/f.xml", rss(*items))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url})
    assert run_cli("--config", str(config), "poll", "--once").returncode == 0
    db = _db(tmp_path)
    assert not db.with_name("alerts.db-wal").exists()  # all of it is in the file
    _damage(db, where)
    return config


@pytest.mark.parametrize("where", ["middle", "tables"])
def test_a_damaged_state_file_is_refused_with_how_to_recover(tmp_path, feed_server, webhook,
                                                             where):
    config = _damaged_state(tmp_path, feed_server, webhook, where)
    db = str(_db(tmp_path))
    feed_file = tmp_path / "wire.xml"
    feed_file.write_text(rss(rss_item("UN urges ceasefire in Sudan", guid="1")), "utf-8")
    for command in (["poll", "--once"], ["status"], ["status", "--json"], ["history"],
                    ["outbox"], ["run", "--duration", "5"],
                    ["explain", "ceasefire-call", "--text", "UN urges ceasefire", "--state", db],
                    ["replay", str(feed_file), "--state", db]):
        result = run_cli("--config", str(config), *command)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, (command, result.stderr)
        assert "is damaged (SQLite says:" in result.stderr, (command, result.stderr)
        assert RECOVERY in result.stderr and "latest backup" in result.stderr
    doctor = run_cli("--config", str(config), "doctor", "--backup", str(tmp_path / "b.db"))
    assert doctor.returncode == 2
    assert "integrity: DAMAGED" in doctor.stdout and RECOVERY in doctor.stderr
    assert "No backup was written" in doctor.stderr and not (tmp_path / "b.db").exists()


def test_a_daemon_whose_state_proves_damaged_while_running_stops_with_exit_2(
        tmp_path, feed_server, webhook):
    """Damage that comes after the start check (the disk fails under a running daemon)."""
    import asyncio
    import logging

    from alerts.cli import _load
    from alerts.daemon import Daemon

    config = _damaged_state(tmp_path, feed_server, webhook, "tables")
    settings, rules = _load(str(config), channels=False)
    logged: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            logged.append(record)

    handler = Collect(level=logging.WARNING)
    logging.getLogger("alerts").addHandler(handler)
    try:
        # Started directly: the CLI's start check would have refused this file.
        code = asyncio.run(Daemon(settings, rules, duration=20).run())  # type: ignore[arg-type]
    finally:
        logging.getLogger("alerts").removeHandler(handler)
    assert code == 2  # not restarted by systemd (RestartPreventExitStatus=2)
    errors = [r.getMessage() for r in logged if r.levelno >= logging.ERROR]
    damaged = [m for m in errors if "is damaged (SQLite says:" in m]
    assert len(damaged) == 1 and RECOVERY in damaged[0] and "so alerts stops" in damaged[0]
    assert not any(r.exc_info for r in logged), "a traceback was logged"


def test_doctor_on_a_sound_state(tmp_path, feed_server, webhook):
    url = feed_server.put("/f.xml", rss(rss_item("Markets open higher", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url}], channels={"hook": webhook.url})
    missing = run_cli("--config", str(config), "doctor")
    assert missing.returncode == 0 and "does not exist yet" in missing.stdout
    run_cli("--config", str(config), "poll", "--once")
    doctor = run_cli("--config", str(config), "doctor")
    assert doctor.returncode == 0, doctor.stderr
    assert "integrity: ok" in doctor.stdout and "daemon: none is running" in doctor.stdout


@pytest.mark.slow
def test_doctor_backup_while_the_daemon_runs_is_a_sound_copy_with_the_items(
        tmp_path, feed_server, webhook):
    items = [rss_item(f"Report number {i} on the talks", guid=str(i)) for i in range(40)]
    url = feed_server.put("/f.xml", rss(*items))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url})
    db = _db(tmp_path)
    daemon = start_daemon(config)
    copy = tmp_path / "backups" / "alerts-copy.db"
    try:
        assert wait_for(lambda: poll_marker(db) != 0, timeout=30), "the daemon never polled"
        # While it runs, its latest writes are still in the WAL, not yet in the file.
        assert db.with_name("alerts.db-wal").stat().st_size > 0
        result = run_cli("--config", str(config), "doctor", "--backup", str(copy))
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"daemon: process {daemon.pid} (`alerts run`" in result.stdout
        assert "integrity: ok" in result.stdout and "40 items" in result.stdout
        assert daemon.poll() is None
    finally:
        stop_daemon(daemon)
    assert not copy.with_name(copy.name + "-wal").exists()  # one self-contained file
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM items").fetchone() == (40,)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert os.access(copy, os.R_OK)
