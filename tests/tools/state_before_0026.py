"""Writes tests/data/state-before-0026.sql and .json: a state made with the schema before
migration 0026 (items' summaries and full texts packed with raw deflate, no dictionary),
holding more items than a text dictionary is trained on (alerts.state.textdict.TRAIN_AFTER),
for tests/test_state_text_dictionary.py to upgrade, and what the store's readers returned
from it then (tests.tools.state_before_0020.more_readings).

It was run at commit 6334897 (the last with that schema), in a worktree of that commit:

    git worktree add --detach /tmp/old 6334897
    cd /tmp/old && PYTHONPATH=/tmp/old /work/main/.venv/bin/python \\
        /work/main/tests/tools/state_before_0026.py /work/main/tests/data/state-before-0026

The state of tests/data/state-before-0023.sql (real polls: stories, matches, queued alerts,
texts packed and plain), upgraded by that commit's code, then 1,010 reports of a fourth wire
stored by that commit's `Store.record_poll` in polls of 20: sentences of a vocabulary of 400
words (so that a dictionary has words to learn), some with a full text, some short enough to
stay plain text, and one edited after it was stored.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

WIRE = "https://wire-d.example/rss"
T0 = datetime(2025, 7, 4, 8, 0, tzinfo=UTC)


def reports(count: int = 1010) -> list[object]:
    from alerts.models import Item

    rng = random.Random(26)
    words = ["".join(rng.choices("abcdefghijklmnoprstuvwy", k=rng.randint(2, 9)))
             for _ in range(400)]
    made = []
    for n in range(count):
        title = " ".join(rng.choices(words, k=7)).capitalize()
        summary = " ".join(rng.choices(words, k=rng.randint(10, 20))).capitalize() + "."
        if n % 9 == 0:
            summary = "Talks resume."  # too short to pack: stays text
        content = (" ".join(rng.choices(words, k=40)) + ".") if n % 8 == 0 else ""
        made.append(Item(feed_url=WIRE, feed_name="Wire D", key=f"g:wire-d-{n}",
                         guid=f"wire-d-{n}", link=f"https://wire-d.example/{n}", title=title,
                         summary=summary, published=T0 + timedelta(minutes=n),
                         content=content))
    return made


def main(stem: Path) -> None:
    from alerts.models import Fetched
    from alerts.state import Store

    sql = stem.with_suffix(".sql")
    before_0023 = Path(__file__).resolve().parents[1] / "data" / "state-before-0023.sql"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "state.db"
        conn = sqlite3.connect(db)
        conn.executescript(before_0023.read_text("utf-8"))
        conn.close()
        store = Store(db)
        try:
            items = reports()
            for start in range(0, len(items), 20):
                now = T0 + timedelta(hours=start // 20)
                store.record_poll(feed_url=WIRE, feed_name="Wire D", now=now,
                                  fetched=Fetched(WIRE, WIRE, 200, b""), body_hash=f"h{start}",
                                  new_items=items[start:start + 20], edited_items=[],
                                  seen_keys=[], alerts=[])
            edited = replace(items[5], summary=items[5].summary + " Updated.")  # type: ignore
            store.record_poll(feed_url=WIRE, feed_name="Wire D", now=T0 + timedelta(days=3),
                              fetched=Fetched(WIRE, WIRE, 200, b""), body_hash="edited",
                              new_items=[], edited_items=[edited], seen_keys=[], alerts=[])
        finally:
            store.close()
        conn = sqlite3.connect(db)
        sql.write_text("\n".join(conn.iterdump()) + "\n", "utf-8")
        conn.close()
        from tests.old_states import as_json
        from tests.tools.state_before_0020 import more_readings

        stem.with_suffix(".json").write_text(
            json.dumps(as_json(more_readings(db)), ensure_ascii=False, sort_keys=True, indent=1,
                       default=str) + "\n", "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
