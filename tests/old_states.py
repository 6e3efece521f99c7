"""States written by older schemas (tests/data/state-before-*.sql, made by the tools in
tests/tools/state_before_*.py), restored into a real SQLite file to test an upgrade, and what
the store's readers gave on them (the .json beside each, where there is one)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

DATA = Path(__file__).parent / "data"


def restore(before: str, path: Path) -> Path:
    """The state `before` ("state-before-0020") written into the SQLite file `path`."""
    conn = sqlite3.connect(path)
    conn.executescript((DATA / f"{before}.sql").read_text("utf-8"))
    conn.close()
    return path


def recorded(before: str) -> dict[str, object]:
    """What the store's readers gave on that state, read by the code of its schema."""
    return json.loads((DATA / f"{before}.json").read_text("utf-8"))


def as_json(found: dict[str, object]) -> dict[str, object]:
    """Readers' answers as the recorded .json holds them (dates as text)."""
    return json.loads(json.dumps(found, ensure_ascii=False, sort_keys=True, default=str))
