"""The max_entries cap keeps the newest entries, whichever order a feed lists them in."""

from __future__ import annotations

import logging
import time
from email.utils import formatdate

from alerts.normalise import newest_entries
from tests.feeds import rss, rss_item
from tests.test_hostile_text import poll_feed, rows

BASE = 1_750_000_000  # 2025-06-15, a second per entry


def _item(i: int, *, dated: bool = True) -> str:
    pub = formatdate(BASE + 3600 * i, usegmt=True) if dated else ""
    item = rss_item(f"Minister calls for a ceasefire, report {i}", guid=f"wire-{i}",
                    link=f"https://wire.example.org/{i}", pub=pub)
    return item if dated else item.replace("<pubDate></pubDate>", "")


def _keys(db) -> set[str]:
    return {key for (key,) in rows(db, "SELECT key FROM items")}


def test_oldest_first_feed_keeps_its_new_items_past_the_cap(tmp_path, feed_server, caplog):
    db = tmp_path / "state.db"
    url = feed_server.put("/f.xml", rss(*[_item(i) for i in range(500)]))  # oldest first
    first = poll_feed(db, url, backfill=False)
    assert first.new_items == 500
    feed_server.put("/f.xml", rss(*[_item(i) for i in range(600)]))  # 100 newer at the end
    with caplog.at_level(logging.WARNING, logger="alerts.pipeline"):
        second = poll_feed(db, url, backfill=False)
    assert second.entries == 500 and second.new_items == 100
    assert {f"g:wire-{i}" for i in range(500, 600)} <= _keys(db)
    dropped = [r.getMessage() for r in caplog.records if "max_entries" in r.getMessage()]
    assert dropped == ["Wire: the document has 600 entries, more than fetch.max_entries (500); "
                       "the 100 oldest were left out (it lists its entries oldest first). "
                       "Raise fetch.max_entries if this feed really carries that many new "
                       "items."]


def test_undated_oldest_first_feed_is_read_by_its_ids(tmp_path, feed_server):
    db = tmp_path / "state.db"
    url = feed_server.put("/f.xml", rss(*[_item(i, dated=False) for i in range(150)]))
    assert poll_feed(db, url, backfill=False, max_entries=100).new_items == 100
    assert f"g:wire-{149}" in _keys(db) and "g:wire-0" not in _keys(db)


def test_newest_first_feed_keeps_its_first_entries(tmp_path, feed_server, caplog):
    db = tmp_path / "state.db"
    url = feed_server.put("/f.xml", rss(*[_item(i) for i in reversed(range(600))]))
    with caplog.at_level(logging.WARNING, logger="alerts.pipeline"):
        result = poll_feed(db, url, backfill=False)
    assert result.new_items == 500
    assert _keys(db) == {f"g:wire-{i}" for i in range(100, 600)}
    assert any("the 100 oldest were left out (it lists its entries newest first)"
               in r.getMessage() for r in caplog.records)


def test_dates_decide_when_the_order_is_mixed():
    def entry(i: int, day: int | None) -> dict:
        parsed = time.gmtime(BASE + 86400 * day) if day is not None else None
        return {"id": "abcdef"[i], "published_parsed": parsed}

    # Shuffled dates (as many rising as falling) and ids without numbers: no order to find.
    # An undated entry right after the newest one counts as that recent.
    entries = [entry(0, 3), entry(1, 9), entry(2, None), entry(3, 1), entry(4, 7), entry(5, 2)]
    kept, _ = newest_entries(entries, 3)
    assert [e["id"] for e in kept] == ["b", "c", "e"]  # in document order
    assert newest_entries(entries, 6) == (entries, False)  # under the cap: all, untouched
