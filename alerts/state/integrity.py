"""Integrity and backups (`alerts doctor`, and the check every command makes first)."""

from __future__ import annotations

import sqlite3
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
