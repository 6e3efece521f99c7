"""An upgrade is not made under a running daemon (#17 review).

Migrations 0017-0019 change how items and the outbox are stored (times as microseconds,
content hashes as bytes, a GUID not stored twice). A daemon of the previous release that is
still running when a command of the new one upgrades its state keeps its old code: it reads
every content hash as changed (each known item edited again, story members rewritten), fails
on every outbox read, and the alerts it queues keep ISO-text times the new code never finds
due (never sent). So a command that would upgrade a state whose lock a running process holds
refuses, says who and what to do, and changes nothing; the daemon that holds the lock itself
(a new `alerts run`) upgrades as before."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from alerts.lock import StateLock
from alerts.state import Store
from tests.conftest import ROOT, cli_env, run_cli, write_config

BEFORE = Path(__file__).parent / "data" / "state-before-0017.sql"

# The previous release's daemon, as far as the state is concerned: it holds the state's lock
# (alerts.lock is unchanged since that release) until told to stop.
HOLDER = """
import sys
from alerts.lock import StateLock
lock = StateLock(sys.argv[1])
lock.acquire("run")
print("held", flush=True)
sys.stdin.readline()
"""


def _old_state(tmp_path: Path) -> tuple[Path, Path]:
    config = write_config(tmp_path, feeds=[{"url": "http://127.0.0.1:9/f.xml", "name": "F"}],
                          channels={"desk": "json://127.0.0.1:9/"})
    (tmp_path / "state").mkdir()
    db = tmp_path / "state" / "alerts.db"
    conn = sqlite3.connect(db)
    conn.executescript(BEFORE.read_text("utf-8"))
    conn.close()
    return config, db


def _dump(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


def test_a_state_is_not_upgraded_while_another_process_runs_on_it(tmp_path):
    config, db = _old_state(tmp_path)
    before = _dump(db)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=ROOT,
                              env=cli_env() | {"PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        refused = run_cli("--config", str(config), "status", cwd=tmp_path)
        assert refused.returncode != 0
        assert f"process {holder.pid}" in refused.stderr
        assert "not upgraded" in refused.stderr and "Stop it" in refused.stderr
        assert _dump(db) == before  # nothing changed, to the byte of every row
    finally:
        assert holder.stdin is not None
        holder.stdin.write("stop\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    upgraded = run_cli("--config", str(config), "status", cwd=tmp_path)
    assert upgraded.returncode == 0, upgraded.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM _sqlite_migrations WHERE name = "
                            "'0019_item_guid_in_key'").fetchone() == (1,)


def test_the_daemon_holding_the_lock_itself_upgrades(tmp_path):
    _, db = _old_state(tmp_path)
    lock = StateLock(db)
    lock.acquire("run")  # as `alerts run` does before it opens the store
    try:
        store = Store(db)
        store.close()
    finally:
        lock.release()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT typeof(created) FROM outbox LIMIT 1").fetchone() == \
            ("integer",)
