"""A changed document is scanned for its entries once (#17): the scan the parse memo made is
the one the fast reader reads, not a second pass over the same bytes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from alerts import entryscan, fastparse
from alerts import parse as parse_module
from alerts.models import Feed
from alerts.parse import ParseMemo, parse_items
from tests.feeds import rss, rss_item

URL = "http://127.0.0.1:9/feed.xml"
FEED = Feed(URL, "Wire", 900)


def _items(n: int) -> list[str]:
    return [rss_item(f"Envoys meet, round {i}", guid=f"id-{i}",
                     link=f"https://wire.example.org/{i}",
                     summary=f"Talks <b>go on</b>, day {i}.") for i in range(n)]


@pytest.fixture()
def scans(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every document scanned, wherever alerts scans it."""
    seen: list[bytes] = []

    def counted(function: Callable[[bytes], Any]) -> Callable[[bytes], Any]:
        def scan(body: bytes) -> Any:
            seen.append(body)
            return function(body)
        return scan

    monkeypatch.setattr(parse_module, "scan", counted(entryscan.scan))
    monkeypatch.setattr(fastparse, "scan", counted(entryscan.scan))
    return seen


def test_an_all_new_document_is_scanned_once(scans: list[bytes]):
    body = rss(*_items(5)).encode()
    parsed = parse_items(body, URL, "application/rss+xml", FEED, 100, ParseMemo())
    assert [i.title for i in parsed.items] == [f"Envoys meet, round {i}" for i in range(5)]
    assert parsed.parsed == 5
    assert scans == [body]


def test_the_same_items_with_and_without_the_memo_s_scan(scans: list[bytes]):
    body = rss(*_items(5)).encode()
    remembered = parse_items(body, URL, "application/rss+xml", FEED, 100, ParseMemo())
    alone = parse_items(body, URL, "application/rss+xml", FEED, 100, None)
    assert remembered.items == alone.items


@pytest.fixture()
def expat_reads(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every document expat reads for its entries (scan and scan_known both read so)."""
    seen: list[bytes] = []
    real = entryscan._spans

    def spans(body: bytes) -> Any:
        seen.append(body)
        return real(body)

    monkeypatch.setattr(entryscan, "_spans", spans)
    return seen


def test_only_new_entries_are_read_and_known_ones_are_not_scanned_again(
        scans: list[bytes], expat_reads: list[bytes]):
    """The entries the memo knows are cut at their tags, not read by expat again: only the
    document rebuilt from the new entry is, once, and the reader reads that same scan."""
    memo = ParseMemo()
    first = parse_items(rss(*_items(3)).encode(), URL, "application/rss+xml", FEED, 100, memo)
    memo.keep(URL, first.memo)
    scans.clear()
    expat_reads.clear()
    body = rss(*_items(4)[3:], *_items(3)).encode()
    second = parse_items(body, URL, "application/rss+xml", FEED, 100, memo)
    assert [i.title for i in second.items] == ["Envoys meet, round 3"]
    assert scans == []
    assert len(expat_reads) == 1
    assert b"round 3" in expat_reads[0] and b"round 0" not in expat_reads[0]


def test_known_entries_in_other_surroundings_are_scanned_whole(
        scans: list[bytes], expat_reads: list[bytes]):
    """Another channel title: the known entries were read in other surroundings, so the
    document is scanned whole (and parsed whole)."""
    memo = ParseMemo()
    first = parse_items(rss(*_items(3)).encode(), URL, "application/rss+xml", FEED, 100, memo)
    memo.keep(URL, first.memo)
    scans.clear()
    body = rss(*_items(4)[3:], *_items(3), title="Another Wire").encode()
    second = parse_items(body, URL, "application/rss+xml", FEED, 100, memo)
    assert len(second.items) == 4 and second.unchanged == ()
    assert body in scans
