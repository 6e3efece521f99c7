"""A steady-state document (a few new entries in surroundings the feed's last document had)
is read without feedparser reading its header again (issue #17): what that reading gave
(version, encoding, complaint, ttl, title) is remembered with the feed's entries
(FeedMemo.header) and the fast reader checks the new document's own encoding and complaint
against it. The items are the same as a full parse's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from alerts import parseworker
from alerts.entryscan import scan
from alerts.parse import ParseMemo, memo_path, parse_items
from tests.test_parse_fast import FEED, URL, items_of, primed, same

CHANNEL = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
           "<title>Wire &amp; Co</title><link>https://wire.example.org/</link>"
           "<description>news</description><ttl>15</ttl>"
           "<lastBuildDate>{built}</lastBuildDate>{items}</channel></rss>")


XML = "application/rss+xml"


def document(n: int, built: str = "Mon, 01 Dec 2025 10:00:00 GMT") -> bytes:
    return CHANNEL.format(built=built, items="".join(reversed(items_of(n)))).encode()


@pytest.fixture
def header_reads(monkeypatch) -> list[bytes]:
    """The documents feedparser reads in this process (the fast reader's header reads)."""
    reads: list[bytes] = []
    real = parseworker.parse_bytes

    def counted(body, *args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(body)
        return real(body, *args, **kwargs)

    monkeypatch.setattr(parseworker, "parse_bytes", counted)
    return reads


@pytest.mark.parametrize("built", ["Mon, 01 Dec 2025 10:00:00 GMT",
                                   "Tue, 02 Dec 2025 08:30:00 GMT"])
def test_a_new_entry_in_the_same_surroundings_is_read_without_feedparser(header_reads,
                                                                         built):
    memo = primed(document(3), content_type=XML)
    assert memo.get(FEED.url).header == ("rss20", "utf-8", "", "15", "Wire & Co")
    header_reads.clear()
    fast = parse_items(document(4, built), URL, XML, FEED, 500, memo)
    assert header_reads == []  # the channel date alone changed, or nothing
    assert fast.parsed == 1 and len(fast.unchanged) == 3
    same(fast, parse_items(document(4, built), URL, XML, FEED, 500))
    assert fast.memo is not None and fast.memo.header == memo.get(FEED.url).header


def test_a_memo_without_the_headers_reading_has_feedparser_read_it(header_reads):
    memo = primed(document(3), content_type=XML)
    memo.keep(FEED.url, replace(memo.get(FEED.url), encoding=""))  # read another way
    header_reads.clear()
    fast = parse_items(document(4), URL, XML, FEED, 500, memo)
    assert len(header_reads) == 1 and b"<item>" not in header_reads[0]
    assert fast.parsed == 1
    same(fast, parse_items(document(4), URL, XML, FEED, 500))
    assert fast.memo is not None and fast.memo.header is not None  # known from now on


@pytest.mark.parametrize("wrong", [1, 2])  # the encoding, the complaint
def test_a_header_that_does_not_fit_the_new_document_is_not_used(wrong):
    header = ["rss20", "utf-8", "", "15", "Wire & Co"]
    header[wrong] = "iso-8859-2" if wrong == 1 else "CharacterEncodingOverride"
    body = document(2)
    found = scan(body)
    assert found is not None
    right = parseworker.facts_and_header_here(body, URL, XML, (FEED.url, FEED.name,
                                                                FEED.interval), 500, found)
    assert right is not None and list(right[1]) == ["rss20", "utf-8", "", "15", "Wire & Co"]
    assert parseworker.facts_and_header_here(body, URL, XML, (FEED.url, FEED.name,
                                                               FEED.interval), 500, found,
                                             tuple(header)) is None  # type: ignore[arg-type]


def test_the_headers_reading_is_kept_on_disk(tmp_path):
    memo = primed(document(3), content_type=XML)
    path = memo_path(tmp_path / "alerts.db")
    memo.save(path)
    assert ParseMemo.load(path).get(FEED.url).header == memo.get(FEED.url).header


def test_a_document_with_nothing_new_keeps_the_headers_reading():
    memo = primed(document(3), content_type=XML)
    again = parse_items(document(3), URL, XML, FEED, 500, memo)
    assert again.parsed == 0
    assert again.memo is not None and again.memo.header == memo.get(FEED.url).header
