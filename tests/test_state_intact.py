"""The start check of `poll --once` (#17): SQLite's quick_check reads every page of the state,
so a file exactly as the last run that found it intact left it is not checked again; any
change since (another process's writes, a run left unfinished, damage written to the file)
and a day's age bring the check back. Real SQLite files; the check itself is the real one,
counted (tests/test_state_guard.py refuses damaged files through the real CLI)."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from alerts.errors import StateDamaged
from alerts.state import Store
from alerts.state import integrity as integrity_module
from alerts.state.integrity import (
    RECHECK_AFTER,
    ensure_intact_since_clean_run,
    note_clean_run,
)
from tests.conftest import run_cli, write_config
from tests.feeds import rss, rss_item


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every run of the real check, recorded."""
    made: list[Path] = []
    real = integrity_module.ensure_intact

    def counted(path: Path) -> None:
        made.append(path)
        real(path)

    monkeypatch.setattr(integrity_module, "ensure_intact", counted)
    return made


def _state(tmp_path: Path) -> Path:
    path = tmp_path / "alerts.db"
    Store(path).close()  # the schema, written and closed: no -wal left
    assert not path.with_name("alerts.db-wal").exists()
    return path


def _clean_run(path: Path) -> None:
    """What `poll --once` does: the start check, a run, the note at its end."""
    checked = ensure_intact_since_clean_run(path)
    store = Store(path)
    store.close()
    note_clean_run(path, checked)


def test_a_state_as_the_last_clean_run_left_it_is_not_checked_again(tmp_path, checks):
    path = _state(tmp_path)
    _clean_run(path)
    assert len(checks) == 1  # no note yet: checked
    for _ in range(3):
        _clean_run(path)
    assert len(checks) == 1


def test_a_state_written_by_another_process_since_is_checked(tmp_path, checks):
    path = _state(tmp_path)
    _clean_run(path)
    with sqlite3.connect(path) as conn:  # another command, a daemon, a hand edit
        conn.execute("CREATE TABLE notes (x)")
    conn.close()
    ensure_intact_since_clean_run(path)
    assert len(checks) == 2


def test_a_state_left_with_its_wal_is_checked(tmp_path, checks):
    path = _state(tmp_path)
    _clean_run(path)
    other = Store(path)  # a daemon running on it, or a run that ended without closing
    try:
        with other.write() as conn:
            conn.execute("UPDATE feeds SET title = 'x'")
        assert path.with_name("alerts.db-wal").exists()
        ensure_intact_since_clean_run(path)
        assert len(checks) == 2
        note_clean_run(path, time.time())  # a run ending beside it notes nothing
        ensure_intact_since_clean_run(path)
        assert len(checks) == 3
    finally:
        other.close()


def test_a_state_is_checked_again_after_a_day_even_unchanged(tmp_path, checks):
    path = _state(tmp_path)
    _clean_run(path)
    marker = path.with_name("alerts.db.intact")
    noted = json.loads(marker.read_text("utf-8"))
    noted["checked"] -= RECHECK_AFTER + 1  # a failing disk changes no size nor time
    marker.write_text(json.dumps(noted), "utf-8")
    ensure_intact_since_clean_run(path)
    assert len(checks) == 2


@pytest.mark.parametrize("content", ["", "not json", '{"file": 3}', '{"checked": "x"}', "[]"])
def test_a_marker_not_as_written_means_a_check(tmp_path, checks, content):
    path = _state(tmp_path)
    path.with_name("alerts.db.intact").write_text(content, "utf-8")
    ensure_intact_since_clean_run(path)
    assert len(checks) == 1


def test_a_damaged_state_found_by_the_check_loses_its_note(tmp_path, checks):
    path = _state(tmp_path)
    _clean_run(path)
    with path.open("r+b") as handle:  # the header and first page overwritten
        handle.write(b"\x00" * 4096)
    with pytest.raises(StateDamaged):
        ensure_intact_since_clean_run(path)
    assert not path.with_name("alerts.db.intact").exists()
    with pytest.raises(StateDamaged):
        ensure_intact_since_clean_run(path)
    assert len(checks) == 3  # the clean run's, then each time after the damage


def test_poll_once_notes_its_clean_end_and_refuses_damage_written_after_it(
        tmp_path, feed_server, webhook):
    url = feed_server.put("/f.xml", rss(rss_item("Markets open higher", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url})
    assert run_cli("--config", str(config), "poll", "--once").returncode == 0
    db = tmp_path / "state" / "alerts.db"
    assert db.with_name("alerts.db.intact").exists()
    assert run_cli("--config", str(config), "poll", "--once").returncode == 0
    size = db.stat().st_size
    with db.open("r+b") as handle:  # the second half of the file, the size unchanged
        handle.seek(size // 2)
        handle.write(b"\xa5" * (size - size // 2))
    result = run_cli("--config", str(config), "poll", "--once")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "is damaged (SQLite says:" in result.stderr
