"""States written by older schemas (tests/data/state-before-*.sql, made by the tools in
tests/tools/state_before_*.py), restored into a real SQLite file to test an upgrade, and what
the store's readers gave on them (the .json beside each, where there is one)."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
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


def killed_upgrade(db: Path, statement: str, folder: Path) -> None:
    """Start `alerts status` on the old state `db` (its config written in `folder`), killed
    by SIGKILL as the upgrade runs `statement` (tests/crashpoint.py); the file must be as it
    was, to the byte of every row, and sound."""
    from tests.conftest import ROOT, cli_env, write_config

    with sqlite3.connect(db) as conn:
        dump = list(conn.iterdump())
    config = write_config(folder, feeds=[{"url": "http://127.0.0.1:9/f.xml", "name": "F"}],
                          channels={"desk": "json://127.0.0.1:9/"})
    killed = subprocess.run(
        [sys.executable, "-m", "tests.crashpoint", statement, "--config", str(config), "status"],
        env=cli_env() | {"PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=60)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with sqlite3.connect(db) as conn:
        assert list(conn.iterdump()) == dump
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _named_by_number(conn: sqlite3.Connection, table: str) -> bool:
    """Whether the table names feeds by number (migration 0028) rather than by URL."""
    return "feed_id" in {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def _readable_keys(conn: sqlite3.Connection) -> None:
    from alerts.state.feedkeys import read_key, read_link

    conn.create_function("alerts_read_key", 2, read_key, deterministic=True)
    conn.create_function("alerts_read_link", 2, read_link, deterministic=True)


def items_as_before_0028(conn: sqlite3.Connection) -> str:
    """What to read `items` from with its columns as they were before migration 0028 (the
    feed's URL as feed_url, each key whole): the table itself on an older state, else a
    query of the same columns (for `SELECT ... FROM {items_as_before_0028(conn)} items`)."""
    if not _named_by_number(conn, "items"):
        return "items"
    _readable_keys(conn)
    from alerts.state.compact import read_texts_in_sql

    read_texts_in_sql(conn)  # titles packed since 0033: read as the text they were
    link = "i.link"
    if "link_base" in {row[1] for row in conn.execute("PRAGMA table_info(feeds)")}:
        link = "alerts_read_link(i.link, f.link_base)"  # after the feed's link base (0029)
    return ("(SELECT i.id, f.url AS feed_url, alerts_read_key(i.key, f.url) AS key, i.guid, "
            f"{link} AS link, alerts_text(i.title) AS title, i.summary, i.published, i.language, "
            "i.content_hash, "
            "i.first_seen, i.last_seen, i.edits, i.content, i.author, i.categories "
            "FROM items i JOIN feeds f ON f.id = i.feed_id)")


def members_as_before_0028(conn: sqlite3.Connection) -> str:
    """`story_members` with its columns as they were before migration 0028, as above."""
    if not _named_by_number(conn, "story_members"):
        return "story_members"
    _readable_keys(conn)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(story_members)")]
    chosen = ", ".join("f.url AS feed_url" if c == "feed_id" else
                       "alerts_read_key(m.item_key, f.url) AS item_key" if c == "item_key" else
                       f"m.{c}" for c in columns)
    return f"(SELECT {chosen} FROM story_members m JOIN feeds f ON f.id = m.feed_id)"
