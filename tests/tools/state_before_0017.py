"""Writes tests/data/state-before-0017.sql and tests/data/state-before-0017.json: a state
made by real polls with the schema before migration 0017 (items' times as ISO text, content
hashes as hex, story members copying their item's title and link), and what the store's
readers returned from it then, for tests/test_state_items.py to compare after the upgrade.

It was run at commit 4c48c38 (the last with that schema), in a worktree of that commit:

    git worktree add --detach /tmp/old 4c48c38
    cd /tmp/old && PYTHONPATH=/tmp/old /work/main/.venv/bin/python \\
        /work/main/tests/tools/state_before_0017.py /work/main/tests/data/state-before-0017

The polls are those of tests/tools/state_before_0016.py (two wires, close words, an edited
entry, a rule keyed by words and one by event), plus a story member whose item was edited
after it joined (its title differs from the item's) so both forms of member are present.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from pathlib import Path

from tests.tools.state_before_0016 import main as make_state


def member_rules(conn: sqlite3.Connection) -> str:
    """The query of the rules story members joined for: in story_members before migration
    0020, in story_member_rules since."""
    since_0020 = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'story_member_rules'"
                              ).fetchone()
    return ("SELECT rule_id FROM story_member_rules" if since_0020
            else "SELECT rule_id FROM story_members")


def item_keys(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every item's (feed URL, key) in the order stored: items named their feed by its URL
    before migration 0028, by its number since (their keys then read by feedkeys.read_key)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(items)")}
    if "feed_url" in columns:
        return conn.execute("SELECT feed_url, key FROM items ORDER BY id").fetchall()
    from alerts.state.feedkeys import read_key

    return [(url, read_key(key, url)) for url, key in conn.execute(
        "SELECT f.url, i.key FROM items i JOIN feeds f ON f.id = i.feed_id ORDER BY i.id")]


def readings(db: Path) -> dict[str, object]:
    """What the store's readers give for every item, story, alert and outbox row."""
    from alerts.state import Store

    store = Store(db)
    try:
        out: dict[str, object] = {}
        out["stored_items"] = [[url, name, [{k: (list(v) if isinstance(v, tuple) else v)
                                             for k, v in row.items()} for row in rows]]
                               for url, name, rows in store.stored_items()]
        feeds = [url for (url,) in store.conn.execute("SELECT url FROM feeds ORDER BY url")]
        out["arrivals"] = {url: [t.isoformat() for t in store.item_arrivals(url)]
                           for url in feeds}
        stories = [sid for (sid,) in store.conn.execute("SELECT id FROM stories ORDER BY id")]
        out["story_sources"] = {str(sid): store.story_sources(sid) for sid in stories}
        rules = sorted({r for (r,) in store.conn.execute(member_rules(store.conn))})
        out["story_sources_by_rule"] = {f"{sid} {rule}": store.story_sources(sid, rule)
                                        for sid in stories for rule in rules}
        keys = item_keys(store.conn)
        out["story_member"] = [store.story_member(url, key) for url, key in keys]
        out["match_outcome"] = [store.match_outcome(url, key, rule) for url, key in keys
                                for rule in rules]
        alert_ids = [a for (a,) in store.conn.execute(
            "SELECT DISTINCT alert_id FROM outbox WHERE alert_id IS NOT NULL ORDER BY id")]
        out["alert_facts"] = {a: store.alert_facts(a) for a in alert_ids}
        ids = [i for (i,) in store.conn.execute("SELECT id FROM outbox ORDER BY id")]
        out["alert_texts"] = {str(k): list(v) for k, v in store.alert_texts(ids).items()}
        out["outbox"] = [repr(row) for row in store.outbox_rows(ids)]
        out["recent_stories"] = store.recent_stories(
            __import__("datetime").datetime(2000, 1, 1, tzinfo=__import__("datetime").UTC))
        return out
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
        conn.execute("UPDATE story_members SET title = title || ' (as it joined)' "
                     "WHERE id = (SELECT min(id) FROM story_members)")
        conn.commit()
        sql.write_text("\n".join(conn.iterdump()) + "\n", "utf-8")
        conn.close()
        found = readings(db)
    stem.with_suffix(".json").write_text(
        json.dumps(found, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
