"""The outbox guarantee: an item is recorded as seen only together with its alert's outbox
rows. A poll killed anywhere between the two leaves neither, so the next poll redoes the item
and the alert is still sent; it never leaves the item seen and the alert gone.

The real CLI polls a real feed into a real SQLite file and is SIGKILLed (tests/crashpoint.py)
the moment SQLite starts a chosen statement of the poll's write: the match row, the outbox row,
or the feed's bookkeeping that comes last. Dropping the transaction around those writes, or
committing between the item and its outbox rows, makes this test fail.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, cli_env, run_cli, write_config
from tests.feeds import rss, rss_item
from tests.notify_support import HookReceiver

RULE = """\
id: ceasefire-call
title: Someone calls for a ceasefire
severity: high
match: {all: [{terms: [ceasefire]}, {terms: ["urge*"]}]}
"""

# Statements of one poll's write, in the order they run after the new item's INSERT.
KILL_POINTS = ["INSERT INTO matches", "INSERT INTO outbox", "UPDATE feeds SET etag"]


def killed_at(statement: str, config: Path) -> subprocess.CompletedProcess[str]:
    env = cli_env() | {"PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "tests.crashpoint", statement,
                           "--config", str(config), "poll", "--once"],
                          env=env, capture_output=True, text=True, timeout=60)


def stored(db: Path, guid: str) -> tuple[bool, list[tuple[str, str]]]:
    """Whether the item is recorded, and the outbox rows (alert id, status) of its matches."""
    with sqlite3.connect(db, timeout=5) as conn:
        seen = conn.execute("SELECT count(*) FROM items WHERE key = 'g:' || ?",
                            (guid,)).fetchone()[0]
        rows = conn.execute(
            "SELECT o.alert_id, o.status FROM outbox o JOIN matches m ON m.id = o.match_id "
            "JOIN items i ON i.id = m.item_id WHERE i.key = 'g:' || ? ORDER BY o.id",
            (guid,)).fetchall()
    conn.close()
    return bool(seen), rows


@pytest.mark.parametrize("statement", KILL_POINTS)
def test_a_poll_killed_between_item_and_outbox_loses_no_alert(tmp_path, feed_server,
                                                             statement):
    receiver = HookReceiver()
    try:
        url = feed_server.put("/wire.xml", rss(rss_item("Markets open higher", guid="old")))
        config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                              channels={"hook": receiver.json_url}, rules={"r.yaml": RULE})
        db = tmp_path / "state" / "alerts.db"
        first = run_cli("--config", str(config), "poll", "--once")
        assert first.returncode == 0, first.stderr  # the feed is known: new items alert

        feed_server.put("/wire.xml", rss(rss_item("Envoy urges ceasefire", guid="new"),
                                         rss_item("Markets open higher", guid="old")))
        crashed = killed_at(statement, config)
        # It really died there: a poll that never ran the statement proves nothing.
        assert crashed.returncode == -signal.SIGKILL, (crashed.returncode, crashed.stderr)
        assert receiver.received == []

        seen, rows = stored(db, "new")
        assert not seen or rows, (f"killed at {statement!r}: the item is recorded as seen "
                                  "but its alert has no outbox row, so it is never sent")

        again = run_cli("--config", str(config), "poll", "--once")
        assert again.returncode == 0, again.stderr
        seen, rows = stored(db, "new")
        assert seen and len(rows) == 1 and rows[0][1] == "sent", rows
        sent = [got.headers.get("x-alert-id") for got in receiver.received]
        assert sent == [rows[0][0]], sent
        assert "Envoy urges ceasefire" in receiver.received[0].text
    finally:
        receiver.close()
