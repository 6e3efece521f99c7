"""Parse workers only when a document needs feedparser (issue #17, memory).

The fast reader (alerts.fastparse) and the entries' facts run in the daemon's own process
for a plain document whose reading is bounded (alerts.parseworker.parse_facts_here); every
other document goes to a parse worker, under its memory and time budget, as before. A worker
ends soon after the last document it was given. The answers are the same either way.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from alerts import parseworker
from alerts.models import Feed
from alerts.parse import ParseMemo, parse_items
from alerts.parseworker import (
    HERE_MAX_BYTES,
    HERE_MAX_FIELD,
    HERE_MAX_META,
    ParsePool,
    default_pool,
    parse_bytes,
    parse_facts,
    parse_facts_here,
)
from alerts.pipeline import Poller
from alerts.state import Store
from tests.conftest import CORPUS, polling_rules
from tests.feeds import rss, rss_item
from tests.servers import wait_for
from tests.test_parse_fast import FULL_ATOM, FULL_RSS, poll

URL = "http://127.0.0.1:9/feed.xml"
FEED = Feed(URL, "Wire", 900)
SETTINGS = (FEED.url, FEED.name, FEED.interval)


def items_of(n: int) -> list[str]:
    return [rss_item(f"Envoys meet, round {i}", guid=f"id-{i}",
                     link=f"https://wire.example.org/{i}",
                     summary=f"Talks <b>go on</b>, day {i}.") for i in range(n)]


def by_feedparser(body: bytes, content_type: str | None = None) -> dict:
    """What a worker answers when feedparser reads the whole document."""
    try:
        parseworker.FAST_PATH = False
        return parse_facts(body, URL, content_type, SETTINGS, 500)
    finally:
        parseworker.FAST_PATH = True


# -- no worker for a plain feed --------------------------------------------------------------

def test_a_poll_of_plain_feeds_starts_no_parse_worker(tmp_path, feed_server):
    pool = default_pool()
    store = Store(tmp_path / "a.db")
    try:
        poller = Poller(store, None, polling_rules(tmp_path))
        # A worker another test of this process left idle would take the RSS 1.0 document
        # below without a start: wait for it to end (they end 1 s after their last job).
        assert wait_for(lambda: pool.running == 0, timeout=10)
        before = pool.starts
        feeds = [Feed(feed_server.put(f"/plain{n}.xml", rss(*items_of(4 + n))), f"Wire {n}",
                      60) for n in range(3)]
        for n, feed in enumerate(feeds):
            result = poll(store, poller, feed)
            assert (result.status, result.new_items) == ("new", 4 + n)
        # and a changed document, parsed in part through the memo
        feed_server.put("/plain0.xml", rss(*items_of(6)))
        assert poll(store, poller, feeds[0]).new_items == 2
        assert pool.starts == before
        # A document the fast reader leaves to feedparser (RSS 1.0) still gets a worker.
        rdf = ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
               'syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>'
               'W</title></channel><item rdf:about="https://w.example/1"><title>Envoys meet'
               '</title><link>https://w.example/1</link></item></rdf:RDF>')
        url = feed_server.put("/rdf.xml", rdf)
        assert poll(store, poller, Feed(url, "RDF", 60)).new_items == 1
        assert pool.starts == before + 1 or not pool.using_workers
    finally:
        store.close()


@pytest.mark.parametrize(("body", "content_type"), [
    (FULL_RSS.encode(), None), (FULL_ATOM.encode(), "application/atom+xml"),
    (rss(*items_of(5)).encode(), None),
])
def test_a_document_read_here_gives_what_a_worker_gives(body, content_type):
    here = parse_facts_here(body, URL, content_type, SETTINGS, 500)
    assert here is not None  # read in this process
    assert here == by_feedparser(body, content_type)


def test_the_parse_memo_works_the_same_read_here(tmp_path):
    memo = ParseMemo()
    first = parse_items(rss(*items_of(5)[1:]).encode(), URL, None, FEED, 500, memo)
    memo.keep(FEED.url, first.memo)
    body = rss(*items_of(5)).encode()
    again = parse_items(body, URL, None, FEED, 500, memo)
    assert again.parsed == 1 and len(again.unchanged) == 4
    assert [i.key for i in again.items] == ["g:id-0"]


# -- what is not read here: each bound ---------------------------------------------------------

def test_a_document_over_the_size_bound_goes_to_a_worker():
    body = rss(rss_item("Envoys meet", guid="1", summary="x" * HERE_MAX_BYTES)).encode()
    assert parse_facts_here(body, URL, None, SETTINGS, 500) is None
    small = rss(rss_item("Envoys meet", guid="1", summary="x" * 1000)).encode()
    assert parse_facts_here(small, URL, None, SETTINGS, 500) is not None


def test_a_long_channel_around_the_entries_goes_to_a_worker():
    # feedparser reads the channel here; its e-mail pattern is quadratic in an author's length
    body = rss(*items_of(2)).replace(
        "<description>test</description>",
        f"<managingEditor>{'a' * HERE_MAX_META}</managingEditor>").encode()
    assert parse_facts_here(body, URL, None, SETTINGS, 500) is None
    assert parse_items(body, URL, None, FEED, 500, ParseMemo()).items == parse_items(
        body, URL, None, FEED, 500).items


@pytest.mark.parametrize("element", ["author", "pubDate", "dc:creator"])
def test_a_long_date_or_author_goes_to_a_worker(element):
    long = "a" * (HERE_MAX_FIELD + 1)
    item = ('<item><title>Envoys meet</title><link>https://w.example/1</link>'
            f'<guid isPermaLink="false">1</guid><{element}>{long}</{element}></item>')
    body = rss(item).replace('<rss version="2.0">', '<rss version="2.0" xmlns:dc='
                             '"http://purl.org/dc/elements/1.1/">').encode()
    assert parse_facts_here(body, URL, None, SETTINGS, 500) is None
    fitting = body.replace(long.encode(), b"a" * HERE_MAX_FIELD)
    assert parse_facts_here(fitting, URL, None, SETTINGS, 500) == by_feedparser(fitting)


@pytest.mark.parametrize("markup", [
    "<p>Talks <!-- a comment", "<script>x</script> talks", "<p title='a>b'>talks</p>",
])
def test_markup_that_needs_html_parser_goes_to_a_worker(markup):
    body = rss(rss_item("Envoys meet", guid="1", summary=markup)).encode()
    assert parse_facts_here(body, URL, None, SETTINGS, 500) is None
    simple = rss(rss_item("Envoys meet", guid="1", summary="<p>Talks <b>go</b> on</p>"))
    assert parse_facts_here(simple.encode(), URL, None, SETTINGS, 500) is not None
    assert parse_items(body, URL, None, FEED, 500, ParseMemo()).items == parse_items(
        body, URL, None, FEED, 500).items


def test_feedparsers_loose_parser_is_refused_here_only():
    broken = b'<?xml version="1.0"?><rss version="2.0"><channel><title>a &nbsp; b</title>'
    parseworker._refuse_loose_parser_here()
    parseworker._strict_only.on = True
    try:
        with pytest.raises(parseworker._LooseRefused):
            parse_bytes(broken, URL, None)
    finally:
        parseworker._strict_only.on = False
    elsewhere: list = []
    thread = threading.Thread(target=lambda: elsewhere.append(parse_bytes(broken, URL, None)))
    thread.start()
    thread.join(30)
    assert elsewhere and elsewhere[0].bozo  # read by the loose parser, as before
    assert parse_bytes(broken, URL, None).bozo  # and in this thread once the mark is off


def test_nothing_is_read_here_when_switched_off(monkeypatch):
    monkeypatch.setattr(parseworker, "IN_PROCESS", False)
    assert parse_facts_here(rss(*items_of(2)).encode(), URL, None, SETTINGS, 500) is None


# -- workers end soon after the last document ------------------------------------------------

def test_a_worker_ends_soon_after_its_last_document():
    pool = ParsePool(workers=1)  # the default idle time
    try:
        parsed = pool.parse(rss(*items_of(2)).encode(), URL)
        assert len(parsed["entries"]) == 2
        if not pool.using_workers:
            pytest.skip("parse workers cannot start here")
        (worker,) = pool._idle
        deadline = time.monotonic() + 6  # a bound for a loaded machine, not a speed
        while worker.proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert worker.proc.poll() is not None and pool.running == 0
    finally:
        pool.close()


# -- every feed of the shared corpus -----------------------------------------------------------

def corpus_outcome(path: Path) -> str:
    body = path.read_bytes()
    content_type = {".atom": "application/atom+xml", ".rss": "application/rss+xml"}.get(
        path.suffix.lower())
    try:
        here = parse_facts_here(body, URL, content_type, SETTINGS, 500)
    except Exception as exc:  # the worker would report it as a parse error: here, a fault
        raise AssertionError(f"{path}: read here raised {exc!r}") from exc
    if here is None:
        return "worker"
    if here != by_feedparser(body, content_type):
        raise AssertionError(f"{path.relative_to(CORPUS)}: read here differs from feedparser")
    return "here"


@pytest.mark.sweep
@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus (../shared) not present")
def test_every_corpus_feed_read_here_gives_feedparsers_facts():
    from tests.test_sweep import corpus_feeds

    outcomes = Counter(corpus_outcome(path) for path in corpus_feeds())
    assert outcomes["here"] > 1500, outcomes  # most plain documents need no worker
