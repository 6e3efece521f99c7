"""Writes tests/data/state-before-0020.sql and tests/data/state-before-0020.json: a state made
by real polls with the schema before migration 0020 (one story member row per report and
rule), and what the store's readers returned from it then, for tests/test_state_members.py
to compare after the upgrade.

It was run at commit bcee3b4 (the last with that schema), in a worktree of that commit:

    git worktree add --detach /tmp/old bcee3b4
    cd /tmp/old && PYTHONPATH=/tmp/old /work/main/.venv/bin/python \\
        /work/main/tests/tools/state_before_0020.py /work/main/tests/data/state-before-0020

The polls are those of tests/tools/state_before_0016.py (two wires, close words, an edited
entry, a rule keyed by words and one by event: the ceasefire report matches both, so it has
two member rows), then, as the desk and time would leave them: a member that joined before
its item was edited (its title is not the item's), a report that joined its story twice
(a third rule, another way and reason), a mute of a story and one of a rule.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from tests.tools.state_before_0016 import main as make_state
from tests.tools.state_before_0017 import readings

SINCE = datetime(2000, 1, 1, tzinfo=UTC)
NOW = datetime(2025, 7, 2, tzinfo=UTC)


def more_readings(db: Path) -> dict[str, object]:
    """Beyond state_before_0017.readings: the desk's readers of stories and mutes."""
    from alerts.state import Store

    found = readings(db)
    store = Store(db)
    try:
        stories = [sid for (sid,) in store.conn.execute("SELECT id FROM stories ORDER BY id")]
        rules = sorted({r for (r,) in store.conn.execute("SELECT rule_id FROM matches")})
        found["story_timeline"] = {str(sid): store.story_timeline(sid) for sid in stories}
        found["stories_with_outlets"] = [list(row) for row in store.stories_with_outlets()]
        found["mutes"] = store.mutes(NOW)
        found["muted"] = {f"{sid} {rule}": store.muted(rule, sid, NOW)
                          for sid in stories for rule in rules}
        found["counts"] = {table: store.count(table)
                           for table in ("items", "matches", "stories", "outbox")}
        return found
    finally:
        store.close()


def main(stem: Path) -> None:
    sql = stem.with_suffix(".sql")
    make_state(sql)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "state.db"
        conn = sqlite3.connect(db)
        conn.executescript(sql.read_text("utf-8"))
        # A member that joined before its item was edited: its title is not the item's.
        conn.execute("UPDATE story_members SET as_item = 0, title = 'As it joined', "
                     "link = 'https://wire-a.example/as-joined' "
                     "WHERE id = (SELECT min(id) FROM story_members)")
        # A report that joined its story again, for another rule, another way.
        conn.execute(
            "INSERT INTO story_members (story_id, feed_url, item_key, rule_id, publisher, "
            "title, link, joined_by, at, status, why, as_item) SELECT story_id, feed_url, "
            "item_key, 'talks-again', publisher, title, link, 'link', at, status, "
            "'the same page', as_item FROM story_members WHERE id = (SELECT max(id) FROM "
            "story_members)")
        conn.commit()
        conn.close()
        from alerts.state import Store

        store = Store(db)
        store.mute("story-1", "story", None, NOW)
        store.mute("talks-words", "rule", datetime(2025, 7, 9, tzinfo=UTC), NOW)
        store.close()
        conn = sqlite3.connect(db)
        sql.write_text("\n".join(conn.iterdump()) + "\n", "utf-8")
        conn.close()
        found = more_readings(db)
    stem.with_suffix(".json").write_text(
        json.dumps(found, indent=1, ensure_ascii=False, sort_keys=True, default=str) + "\n",
        "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
