"""The migrations are applied through sqlite-utils only when one is pending (#17): a state
whose every step is recorded opens with one query and without loading sqlite-utils; a step
not recorded (a new release, a record removed) is applied as before. Real SQLite files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from alerts.state.db import Database
from alerts.state.schema import Steps, migrate, migrations
from tests.conftest import ROOT


def _steps(ran: list[str], *names: str) -> Steps:
    steps = Steps("probe")
    for name in names:
        @steps(name=name)
        def step(db, name: str = name) -> None:  # type: ignore[no-untyped-def]
            ran.append(name)
            db.execute(f"CREATE TABLE t_{name} (x)")
    return steps


def test_only_the_steps_not_recorded_are_applied(tmp_path):
    ran: list[str] = []
    database = Database(tmp_path / "s.db")
    try:
        assert not _steps(ran, "a").none_pending(database.conn)  # no record table yet
        migrate(database, _steps(ran, "a"))
        assert ran == ["a"]
        assert _steps(ran, "a").none_pending(database.conn)
        migrate(database, _steps(ran, "a"))  # nothing pending: nothing runs
        assert ran == ["a"]
        later = _steps(ran, "a", "b")  # a new release with one more step
        assert not later.none_pending(database.conn)
        migrate(database, later)
        assert ran == ["a", "b"]
        database.conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'b'")
        database.conn.execute("DROP TABLE t_b")
        migrate(database, later)  # a record removed: that step again
        assert ran == ["a", "b", "b"]
    finally:
        database.close()


def test_the_steps_are_the_shipped_migrations_in_order_and_hand_them_to_sqlite_utils():
    names = migrations.names
    assert names == sorted(names) and names[0] == "0001_initial" and len(set(names)) == len(names)
    assert [m.name for m in migrations.built()._migrations] == names


def test_opening_a_current_state_loads_no_sqlite_utils(tmp_path):
    db = tmp_path / "s.db"
    code = ("import sys; from alerts.state import Store; Store(sys.argv[1]).close(); "
            "print('sqlite_utils' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True,
                           text=True, timeout=60, cwd=ROOT)
    assert first.stdout.strip() == "True", first.stderr  # a new state: the migrations ran
    again = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True,
                           text=True, timeout=60, cwd=ROOT)
    assert again.stdout.strip() == "False", again.stderr
    with sqlite3.connect(db) as conn:
        assert {n for (n,) in conn.execute("SELECT name FROM _sqlite_migrations")} == \
            set(migrations.names)
    conn.close()
