"""Integrity and backups (`alerts doctor`, and the check every command makes first)."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

from alerts.errors import StateDamaged, StateError
from alerts.state.db import BUSY_TIMEOUT_MS


def integrity_problems(path: Path, *, full: bool = False) -> list[str]:
    """What SQLite finds wrong with the database file: `PRAGMA quick_check` (a few seconds per
    gigabyte), or with `full` the complete integrity_check that also compares every index
    with its table. [] when the file is sound, or does not exist yet."""
    path = Path(path)
    if not path.exists():
        return []
    check = "integrity_check(20)" if full else "quick_check(20)"
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        found = [str(row[0]) for row in conn.execute(f"PRAGMA {check}").fetchall()]
    except sqlite3.DatabaseError as exc:  # "file is not a database", "disk image is malformed"
        return [str(exc)]
    finally:
        conn.close()
    return [] if found == ["ok"] else found


def recovery_advice(path: Path) -> str:
    """What to do with a damaged state database, as sentences."""
    return (f"Stop alerts, then put back your latest backup of it (`alerts doctor --backup "
            f"PATH` makes one), or save what is still readable with `sqlite3 {path} .recover "
            f"| sqlite3 {path}.recovered`; move the file you keep to {path}, delete "
            f"{path.name}-wal and {path.name}-shm beside it if present, and run `alerts doctor` "
            "to check it")


def is_damage(exc: BaseException) -> bool:
    """The error is SQLite finding the file damaged (SQLITE_CORRUPT, SQLITE_NOTADB), not a
    lock, a full disk or a bug: retrying cannot help."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.DatabaseError) and code is not None and \
        code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def ensure_intact(path: Path) -> None:
    """Refuse a state database that fails quick_check, before anything reads or writes it:
    polling into it would fail at every poll, and writing could spread the damage."""
    problems = integrity_problems(path)
    if problems:
        shown = "; ".join(problems[:3]) + ("; ..." if len(problems) > 3 else "")
        raise StateDamaged(f"the state database {path} is damaged (SQLite says: {shown}), so "
                           f"alerts does not use it. {recovery_advice(path)}.", problems)


# `poll --once` from a timer (#17): SQLite's quick_check reads every page of the state (62 ms
# of a 304 cycle's 0.85 s of CPU for 21 MB, and growing with the state). A file exactly as
# the last run that checked it left it, when that run ended cleanly, is not checked again,
# except once a day (damage that leaves the file's size and times as they were: a failing
# disk). A file another process wrote since (a daemon, another command, an editor, damage
# written through the file system) or that a run left unfinished (a -wal beside it) is.
RECHECK_AFTER = 24 * 3600.0  # seconds


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".intact")


def _as_left(path: Path) -> list[int] | None:
    """What tells a file changed: its size, times and identity; None when it has a -wal
    beside it (a process has it open, or one ended without closing it)."""
    try:
        if path.with_name(path.name + "-wal").exists():
            return None
        found = path.stat()
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev]


def ensure_intact_since_clean_run(path: Path) -> float:
    """ensure_intact, skipped when the file is as a run that found it intact left it (see
    note_clean_run), less than RECHECK_AFTER ago. Returns when the file was last checked,
    for note_clean_run."""
    path = Path(path)
    try:
        noted = json.loads(_marker(path).read_text("utf-8"))
        checked = float(noted["checked"])
        found = _as_left(path)
        if found is not None and noted["file"] == found and \
                0 <= time.time() - checked < RECHECK_AFTER:
            return checked
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no marker, or not one this code wrote: check
    _marker(path).unlink(missing_ok=True)
    ensure_intact(path)
    return time.time()


def note_clean_run(path: Path, checked: float) -> None:
    """Record the state file as a run leaves it, every connection closed, after it was found
    intact at `checked`: the next run checks it only if it changed since. Nothing is noted
    when a -wal is left (another process has the file open)."""
    path = Path(path)
    found = _as_left(path)
    marker = _marker(path)
    try:
        if found is None:
            marker.unlink(missing_ok=True)
            return
        partial = marker.with_name(marker.name + ".partial")
        partial.write_text(json.dumps({"file": found, "checked": checked}), "utf-8")
        os.replace(partial, marker)
    except OSError:
        pass  # not noted: the next run checks the file, as it always did


def backup(path: Path, target: Path) -> dict[str, int]:
    """Write a consistent copy of the database to `target` with SQLite's backup API, safe
    while the daemon writes (the copy is one snapshot, what is still in the WAL included),
    and check it. The copy is a single file (no -wal). Returns row counts of the copy."""
    path, target = Path(path), Path(target)
    if not path.exists():
        raise StateError(f"there is no state database at {path} yet; nothing to back up")
    if target.resolve() == path.resolve():
        raise StateError(f"the backup must go to another file than {path} itself")
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        source = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)  # every page in one step: one read transaction, one snapshot
            copy.execute("PRAGMA journal_mode = DELETE")
            problems = [str(r[0]) for r in copy.execute("PRAGMA integrity_check(20)")]
            counts = {table: copy.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                      for table in ("feeds", "items", "matches", "outbox", "stories")}
        finally:
            copy.close()
            source.close()
        if problems != ["ok"]:
            partial.unlink(missing_ok=True)
            raise StateError(f"the copy of {path} fails SQLite's integrity check "
                             f"({'; '.join(problems[:3])}); it was not kept. "
                             f"{recovery_advice(path)}")
        partial.replace(target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StateError(f"the backup of {path} to {target} failed: {exc}") from None
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StateError(f"cannot write the backup {target}: {exc}; check that its folder "
                         "exists, is writable and has space") from None
    return counts
