"""`poll --once` reads the parse memo it saved beside the state only when a document is to be
parsed (issue #17): a cycle in which every feed answers 304 never reads it, and what a run
keeps before its first read is not overwritten by the older memo on disk."""

from __future__ import annotations

import json

import pytest

from alerts import parsememo
from alerts.parse import ParseMemo, memo_path, parse_items
from tests.feeds import rss
from tests.test_parse_fast import FEED, URL, items_of, primed


def test_a_loaded_memo_is_read_at_its_first_use_only(tmp_path, monkeypatch):
    path = memo_path(tmp_path / "alerts.db")
    primed(rss(*items_of(3)).encode()).save(path)
    reads: list[str] = []
    real = json.loads
    monkeypatch.setattr(parsememo.json, "loads", lambda text: reads.append("read") or real(text))
    memo = ParseMemo.load(path)
    memo.save(path)  # a cycle of 304s: nothing used, nothing kept
    assert reads == []
    assert memo.get(FEED.url) is not None and reads == ["read"]
    memo.get(FEED.url)
    assert reads == ["read"]


def test_what_a_run_keeps_first_is_newer_than_the_saved_memo(tmp_path):
    path = memo_path(tmp_path / "alerts.db")
    old = primed(rss(*items_of(3)).encode())
    old.save(path)
    newer = primed(rss(*items_of(5)).encode()).get(FEED.url)
    assert newer != old.get(FEED.url)
    memo = ParseMemo.load(path)
    memo.keep(FEED.url, newer)  # kept before anything read the file
    assert memo.get(FEED.url) == newer
    memo.save(path)
    assert ParseMemo.load(path).get(FEED.url) == newer
    # and the saved memo's other feeds are still there
    other = ParseMemo.load(path)
    other.keep("http://127.0.0.1:9/other.xml", newer)
    assert other.get(FEED.url) == newer


@pytest.mark.parametrize("content", ['{"code": "x", "feeds": ', "not json"])
def test_a_damaged_memo_read_late_is_empty(tmp_path, content):
    path = memo_path(tmp_path / "alerts.db")
    path.write_text(content, "utf-8")
    memo = ParseMemo.load(path)
    assert memo.get(FEED.url) is None
    body = rss(*items_of(2)).encode()
    assert parse_items(body, URL, None, FEED, 500, memo).parsed == 2


def test_a_kept_memo_holds_its_entries_packed_not_as_objects():
    # A daemon keeps the memo of every feed; as ~250 small objects per feed made during the
    # first poll, they held allocator arenas the idle daemon could not give back (#17).
    import gc

    memo = primed(rss(*items_of(50)).encode())
    kept = memo.get(FEED.url)
    assert kept is not None and len(kept.entries) == 50
    held, stack, seen = 0, [kept], set()
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, type):
            continue
        seen.add(id(obj))
        held += 1
        stack.extend(gc.get_referents(obj))
    assert held < 20, held
    # and it still gives back every entry, the same
    body = rss(*items_of(50)).encode()
    assert parse_items(body, URL, None, FEED, 500, memo).parsed == 0
