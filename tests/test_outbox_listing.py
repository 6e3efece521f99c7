"""`alerts outbox` on a long outbox: the rows asked for, and a word when not all are listed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from alerts.messages import Outgoing
from alerts.outbox import outbox_lines
from alerts.state import Store
from tests.conftest import run_cli, write_config


def fill(store: Store, failed: int, untried: int) -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    store.queue([Outgoing("ops", f"tried {n}", "b", alert_id=f"f{n}") for n in range(failed)],
                now)
    for row in store.outbox_list(["pending"]):
        store.mark_failed(row.id, "HTTP 500", now + timedelta(hours=1))
    store.queue([Outgoing("ops", f"untried {n}", "b", alert_id=f"u{n}")
                 for n in range(untried)], now)


def test_pending_means_not_yet_tried_before_the_limit_is_spent(tmp_path):
    store = Store(tmp_path / "alerts.db")
    fill(store, failed=5, untried=3)
    shown = store.outbox_list(["pending"], limit=3, as_shown=True)
    assert [row.title for row in shown] == ["untried 0", "untried 1", "untried 2"]
    failed = store.outbox_list(["failed"], limit=10, as_shown=True)
    assert len(failed) == 5 and all(row.attempts == 1 for row in failed)
    # Callers that mean every pending row (the sender, notices) still get them all.
    assert len(store.outbox_list(["pending"])) == 8
    store.close()


def test_a_table_cut_short_says_so_and_how_to_see_the_rest(tmp_path):
    store = Store(tmp_path / "alerts.db")
    fill(store, failed=4, untried=0)
    rows = store.outbox_list(["failed"], limit=2, as_shown=True)
    lines = outbox_lines(rows, {"failed": 4})
    assert "Listed: the oldest 2 of 4 messages" in "\n".join(lines)
    assert not any("Listed:" in line for line in outbox_lines(rows, {"failed": 2}))
    store.close()


def test_the_cli_lists_untried_rows_behind_a_thousand_failed_ones(tmp_path):
    config = write_config(tmp_path, feeds=[], channels={"ops": "json://127.0.0.1:9/"})
    store = Store(tmp_path / "state" / "alerts.db")
    fill(store, failed=1001, untried=2)
    store.close()
    listing = run_cli("-c", str(config), "outbox", "--status", "pending")
    assert listing.returncode == 0, listing.stderr
    assert "untried 0" in listing.stdout and "untried 1" in listing.stdout
    assert "tried 0" not in listing.stdout.replace("untried", "")
    everything = run_cli("-c", str(config), "outbox")
    assert "Listed: the oldest 1,000 of 1,003 messages" in everything.stdout
    rows = json.loads(run_cli("-c", str(config), "outbox", "--json").stdout)
    assert len(rows) == 1003  # --json lists every row
