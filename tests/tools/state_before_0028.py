"""Writes tests/data/state-before-0028.sql and .json: a state made with the schema before
migration 0028 (items, story members and developments naming their feed by its URL, every
key whole), for tests/test_state_feed_numbers.py to upgrade, and what the store's readers
returned from it then (tests.tools.state_before_0020.more_readings).

It was run at commit 3030f1e (the last with that schema), in a worktree of that commit:

    git worktree add --detach /tmp/old 3030f1e
    cd /tmp/old && PYTHONPATH=/tmp/old /work/main/.venv/bin/python \\
        /work/main/tests/tools/state_before_0028.py /work/main/tests/data/state-before-0028

The state of tests/data/state-before-0026.sql (real polls: stories, matches, queued alerts;
1,020 reports of a fourth wire, texts packed with the state's dictionary once upgraded),
upgraded by that commit's code, then a fifth wire stored by its `Store`: reports whose GUIDs
are pages of the feed's own site (keys 0028 keeps relative), one the feed's origin itself,
one on a host that only begins like it, keys that begin with '~' and '\\' (kept escaped) and
one that does not begin with 'g:'; two of them matched, queued alerts, joined one story (one
as its item, one with the title it joined with before its item was edited) and alerted a
development of it; and a story member and a development whose feed has no row (none is made
so, but nothing refers to nothing after the upgrade either).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

WIRE = "https://wire-f.example/rss"
T0 = datetime(2025, 7, 6, 8, 0, tzinfo=UTC)
KEYS = ["g:https://wire-f.example/news/1", "g:https://wire-f.example/news/2?x=1",
        "g:https://wire-f.example", "g:https://wire-f.example.org/news/3", "~tilde",
        "\\backslash", "h:0123456789abcdef", "g:https://wire-f.example/news/4"]


def reports() -> list[object]:
    from alerts.models import Item

    made = []
    for n, key in enumerate(KEYS):
        guid = key[2:] if key.startswith("g:") else None
        made.append(Item(feed_url=WIRE, feed_name="Wire F", key=key, guid=guid,
                         link=f"https://wire-f.example/news/{n}",
                         title=f"Truce talks resume in Geneva, round {n}",
                         summary=f"Delegations met in Geneva for round {n} of the talks on a "
                                 "ceasefire, officials said.",
                         published=T0 + timedelta(minutes=n),
                         content_hash=f"{n:016x}"))
    return made


def main(stem: Path) -> None:
    from alerts.messages import Outgoing
    from alerts.models import Fetched, Match
    from alerts.state import QueuedAlert, Store
    from alerts.stories import StoryRef

    sql = stem.with_suffix(".sql")
    before_0026 = Path(__file__).resolve().parents[1] / "data" / "state-before-0026.sql"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "state.db"
        conn = sqlite3.connect(db)
        conn.executescript(before_0026.read_text("utf-8"))
        conn.close()
        store = Store(db)
        try:
            items = reports()
            match = Match(rule_id="talks-f", rule_title="Talks (wire F)", severity="high",
                          channels=("desk",), explanation="matched 'talks' and 'ceasefire'")

            def alert(item: object) -> QueuedAlert:
                return QueuedAlert(item.key, match, (Outgoing(  # type: ignore[attr-defined]
                    "desk", f"[high] {item.title}", "body", severity="high",  # type: ignore
                    rule_id="talks-f", alert_id=f"f-{item.key[-1]}"),))  # type: ignore
            story = store.add_to_story(None, items[0], T0, rule_ids=["talks-f"],
                                       entity_keys=[], link=items[0].link, text="t-f0",
                                       sig=None, band_keys=[], publisher="Wire F")
            store.add_to_story(StoryRef(story.id, story.title, "event", "the same event"),
                               items[1], T0, rule_ids=["talks-f"], entity_keys=[],
                               link=items[1].link, text="t-f1", sig=None, band_keys=[],
                               publisher="Wire F")
            store.record_development(story.id, "talks-f", "resumed", items[1], T0)
            store.record_poll(feed_url=WIRE, feed_name="Wire F", now=T0,
                              fetched=Fetched(WIRE, WIRE, 200, b""), body_hash="f0",
                              new_items=items, edited_items=[], seen_keys=[],
                              alerts=[alert(items[0]), alert(items[1])])
            edited = replace(items[1], title=items[1].title + " (updated)",  # type: ignore
                             content_hash="ffffffffffffffff")
            store.record_poll(feed_url=WIRE, feed_name="Wire F", now=T0 + timedelta(hours=1),
                              fetched=Fetched(WIRE, WIRE, 200, b""), body_hash="f1",
                              new_items=[], edited_items=[edited], seen_keys=KEYS[2:],
                              alerts=[])
        finally:
            store.close()
        conn = sqlite3.connect(db)
        # A member and a development of a feed without a row.
        conn.execute("INSERT INTO story_members (story_id, feed_url, item_key, publisher, "
                     "title, link, joined_by, at, status, why_id, as_item) SELECT story_id, "
                     "'https://gone.example/rss', 'g:https://gone.example/1', 'Gone', "
                     "'A report of a feed since removed', NULL, 'event', at, status, why_id, 0 "
                     "FROM story_members WHERE id = (SELECT max(id) FROM story_members)")
        conn.execute("INSERT INTO story_member_rules (member_id, rule_id) SELECT max(id), "
                     "'talks-f' FROM story_members")
        conn.execute("INSERT INTO story_developments (story_id, rule_id, status, item_key, "
                     "feed_url, at) SELECT story_id, rule_id, 'agreed', "
                     "'g:https://gone.example/1', 'https://gone.example/rss', at + 1 "
                     "FROM story_developments WHERE status = 'resumed'")
        conn.commit()
        sql.write_text("\n".join(conn.iterdump()) + "\n", "utf-8")
        conn.close()
        from tests.old_states import as_json
        from tests.tools.state_before_0020 import more_readings

        stem.with_suffix(".json").write_text(
            json.dumps(as_json(more_readings(db)), ensure_ascii=False, sort_keys=True, indent=1,
                       default=str) + "\n", "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
