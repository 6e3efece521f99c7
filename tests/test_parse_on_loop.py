"""Where a fetched document is parsed (#17): a small one the fast reader reads, on the event
loop (the polling process is CPU-bound while it digests, and parse threads only added their
switching with the loop for the GIL); one only a parse worker reads, or a large one, in a
thread, so that the loop never waits for a worker nor reads for long. The items are the same
either way."""

from __future__ import annotations

import threading

import pytest

import alerts.parse as parse
import alerts.pipeline as pipeline
from alerts.models import Feed
from alerts.parseworker import ParsePool
from alerts.state import Store
from tests.feeds import rss, rss_item
from tests.test_analysis_ahead import _digest_alerts

PLAIN = rss(*(rss_item(f"Talks resume in Geneva, round {n}", guid=f"p{n}",
                       link=f"https://wire.example.org/p{n}",
                       summary=f"<p>Delegations met for the <b>{n}th</b> time.</p>")
              for n in range(5))).encode()
# A script element in a summary: only html.parser (in a parse worker) takes it apart.
WORKER_ONLY = rss(*(rss_item(f"Talks resume in Geneva, round {n}", guid=f"w{n}",
                             link=f"https://wire.example.org/w{n}",
                             summary=f"<script>x({n})</script><p>Delegations met again.</p>")
                    for n in range(5))).encode()


@pytest.fixture
def calls(monkeypatch):
    """Each parse_items call: (on the loop's thread, here_only), and each parse worker call:
    whether it came from the loop's thread."""
    seen: dict[str, list] = {"parse": [], "worker": []}
    real = parse.parse_items

    def parse_items(*args, **kwargs):
        seen["parse"].append((threading.current_thread() is threading.main_thread(),
                              kwargs.get("here_only", False)))
        return real(*args, **kwargs)
    monkeypatch.setattr(parse, "parse_items", parse_items)
    for name in ("parse_facts", "parse_items"):
        method = getattr(ParsePool, name)

        def wrapped(self, *args, _method=method, **kwargs):
            seen["worker"].append(threading.current_thread() is threading.main_thread())
            return _method(self, *args, **kwargs)
        monkeypatch.setattr(ParsePool, name, wrapped)
    return seen


def _poll(tmp_path, feed_server, document: bytes, name: str) -> list[tuple]:
    """`document` polled once by a real poller on a fresh state: the items it stored."""
    _digest_alerts(tmp_path, name, document, None, 0, feed_server)
    store = Store(tmp_path / f"{name}.db")
    try:
        return store.conn.execute("SELECT key, alerts_text(title), alerts_text(summary) "
                                  "FROM items ORDER BY id").fetchall()
    finally:
        store.close()


def test_a_small_plain_document_is_parsed_on_the_loop(tmp_path, feed_server, calls):
    items = _poll(tmp_path, feed_server, PLAIN, "plain")
    assert len(items) == 5 and items[0][2] == "Delegations met for the 0th time."
    assert calls["parse"] == [(True, True)]  # once, on the loop, never waiting for a worker
    assert calls["worker"] == []


def test_a_document_only_a_worker_reads_is_parsed_from_a_thread(tmp_path, feed_server,
                                                               calls):
    items = _poll(tmp_path, feed_server, WORKER_ONLY, "worker")
    assert [summary for _, _, summary in items] == ["Delegations met again."] * 5
    assert calls["parse"] == [(True, True), (False, False)]  # tried on the loop, then a thread
    assert calls["worker"] and not any(calls["worker"])  # the loop never waited for it


def test_a_large_document_is_parsed_in_a_thread(tmp_path, feed_server, calls, monkeypatch):
    monkeypatch.setattr(pipeline, "INLINE_PARSE_BYTES", len(PLAIN) - 1)
    items = _poll(tmp_path, feed_server, PLAIN, "large")
    assert calls["parse"] == [(False, False)]
    assert items == _poll(tmp_path, feed_server, PLAIN, "small")  # the same items


def test_here_only_never_waits_for_a_worker(calls):
    """Without a memo (a feed with credentials is parsed whole), with more entries than the
    cap, or with markup only html.parser takes apart, parse_items(here_only=True) raises
    instead of calling a parse worker; a plain document it reads."""
    feed = Feed("https://wire.example.org/feed", "Wire", 900)
    for body, memo, cap in ((PLAIN, None, 500), (PLAIN, parse.ParseMemo(), 2),
                            (WORKER_ONLY, parse.ParseMemo(), 500)):
        with pytest.raises(parse.NeedsWorker):
            parse.parse_items(body, feed.url, "application/rss+xml", feed, cap, memo,
                              here_only=True)
    assert calls["worker"] == []
    read = parse.parse_items(PLAIN, feed.url, "application/rss+xml", feed, 500,
                             parse.ParseMemo(), here_only=True)
    assert len(read.items) == 5
