"""Store less (#17, migration 0022): a match's time as microseconds, as items' and the
outbox's since 0017 and 0018. A state made before keeps every instant (and any value that
is not one, as it was); new matches store integers; the web view's pages by day still
count each alert on its day and within the days asked."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alerts.models import Fetched, Item, Match
from alerts.routing import Composer
from alerts.state import QueuedAlert, Store
from alerts.state.compact import iso, moment
from tests.test_state_members import old_state


def test_a_state_made_before_keeps_every_match_time(tmp_path):
    db = old_state(tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE matches SET matched_at = 'not a time' WHERE id = (SELECT max(id) "
                     "FROM matches)")
        before = conn.execute("SELECT id, matched_at FROM matches ORDER BY id").fetchall()
        links = conn.execute("SELECT id, match_id FROM outbox ORDER BY id").fetchall()
    assert len(before) >= 3
    Store(db).close()
    with sqlite3.connect(db) as conn:
        after = conn.execute("SELECT id, matched_at FROM matches ORDER BY id").fetchall()
        assert conn.execute("SELECT id, match_id FROM outbox ORDER BY id").fetchall() == links
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert "matches_story_alerted" in {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE tbl_name = 'matches'")}
    assert [i for i, _ in after] == [i for i, _ in before]
    assert after[-1] == before[-1]  # not a time: kept as it was
    for (_, old), (_, new) in zip(before[:-1], after[:-1], strict=True):
        assert isinstance(new, int) and iso(new) == old


def _queue(store: Store, key: str, now: datetime) -> None:
    item = Item(feed_url="https://a.example/rss", feed_name="A", key=key, guid=key[2:],
                link=f"https://a.example/{key[2:]}", title=f"Envoy arrives ({key})",
                summary="The envoy spoke.", published=now)
    match = Match(rule_id="envoys", rule_title="Envoys", severity="high", channels=("desk",),
                  explanation="matched because: 'envoy'")
    message = Composer().compose(item, match, later=True)[0]
    store.record_poll(feed_url=item.feed_url, feed_name="A", now=now,
                      fetched=Fetched(item.feed_url, item.feed_url, 200, b""), body_hash=key,
                      new_items=[item], edited_items=[], seen_keys=[],
                      alerts=[QueuedAlert(item.key, match, (message,))])


def _page(db: Path, sql: str, **params: object) -> list[tuple]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute(sql, params).fetchall()


def test_new_matches_store_microseconds_and_the_pages_by_day_count_them(tmp_path):
    web = pytest.importorskip("alerts.web")
    now = datetime.now(UTC).replace(microsecond=123456)
    db = tmp_path / "s.db"
    store = Store(db)
    try:
        _queue(store, "g:1", now)
        _queue(store, "g:2", now - timedelta(days=20))
    finally:
        store.close()
    stored = _page(db, "SELECT matched_at FROM matches ORDER BY id")
    assert stored == [(moment(now),), (moment(now - timedelta(days=20)),)]
    pages = web.metadata()
    by_rule = pages["databases"]["state"]["queries"]["alerts_by_rule"]["sql"]
    today = now.date().isoformat()
    assert _page(db, by_rule, days="") == [(today, "envoys", "high", 1)]  # 7 days
    assert sorted(_page(db, by_rule, days=30)) == sorted([
        (today, "envoys", "high", 1),
        ((now - timedelta(days=20)).date().isoformat(), "envoys", "high", 1)])
    chart = pages["plugins"]["datasette-dashboards"]["overview"]["charts"]["alerts-per-day"]
    assert _page(db, chart["query"], days=7) == [(today, "envoys", 1)]
    links = pytest.importorskip("alerts.web.links")
    assert links.render_cell(value=stored[0][0], column="matched_at", table="matches",
                             database="state") == now.isoformat()
