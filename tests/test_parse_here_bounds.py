"""Documents the in-process reading (alerts.parseworker.parse_facts_here) must leave to a
worker: within 1 MiB they cost the daemon's own thread seconds of CPU, with the GIL held.

Measured before these bounds (reviewer R2, 2-core machine): one item with 1,000 `<author>`
elements of 1,000 letters each took 5.4 s in the daemon (feedparser's e-mail pattern, 5 ms
each); one item with 40,000 distinct `<category>` elements took 34 s (feedparser's tag
de-duplication compares each new tag with every earlier one). A worker answers both under
its time budget; the daemon must not spend that time itself."""

from __future__ import annotations

import pytest

from alerts import parseworker
from alerts.models import Feed
from alerts.parse import ParseMemo, parse_items
from alerts.parseworker import HERE_MAX_FIELD, HERE_MAX_TAGS, default_pool, parse_facts_here
from alerts.pipeline import Poller
from alerts.state import Store
from tests.conftest import polling_rules
from tests.servers import wait_for
from tests.test_parse_fast import poll
from tests.test_parse_here import by_feedparser

URL = "http://127.0.0.1:9/feed.xml"
SETTINGS = (URL, "Wire", 900)
HEAD = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc='
        '"http://purl.org/dc/elements/1.1/"><channel><title>Wire</title>'
        '<link>https://wire.example.org/</link><description>test</description>')
TAIL = "</channel></rss>"


def one_item(inside: str, guid: str = "1") -> str:
    return (f'<item><title>Envoys meet</title><link>https://wire.example.org/{guid}</link>'
            f'<guid isPermaLink="false">{guid}</guid>{inside}</item>')


def doc(*items: str) -> bytes:
    return (HEAD + "".join(items) + TAIL).encode()


@pytest.mark.parametrize("element", ["author", "dc:creator"])
def test_many_long_authors_go_to_a_worker(element):
    # each within HERE_MAX_FIELD; 1,000 of them cost the daemon 5 s
    field = f"<{element}>{'a' * HERE_MAX_FIELD}</{element}>"
    body = doc(one_item(field * 300))
    assert len(body) < parseworker.HERE_MAX_BYTES
    assert parse_facts_here(body, URL, None, SETTINGS, 500) is None
    # a few of them, as real feeds have, are still read here, as a worker reads them
    few = doc(one_item(field * 3))
    assert parse_facts_here(few, URL, None, SETTINGS, 500) == by_feedparser(few)


def test_the_long_fields_of_the_whole_document_count_together():
    field = f"<author>{'a' * HERE_MAX_FIELD}</author>"
    body = doc(*(one_item(field * 2, guid=str(n)) for n in range(150)))
    assert parse_facts_here(body, URL, None, SETTINGS, 500) is None


def test_an_entry_with_many_categories_goes_to_a_worker():
    tags = "".join(f"<category>topic {n}</category>" for n in range(HERE_MAX_TAGS + 1))
    body = doc(one_item(tags))
    assert parse_facts_here(body, URL, None, SETTINGS, 500) is None
    fitting = doc(one_item(
        "".join(f"<category>topic {n}</category>" for n in range(HERE_MAX_TAGS))))
    assert parse_facts_here(fitting, URL, None, SETTINGS, 500) == by_feedparser(fitting)


def test_the_poller_gives_such_a_feed_to_a_worker_with_the_same_items(tmp_path, feed_server):
    tags = "".join(f"<category>topic {n}</category>" for n in range(HERE_MAX_TAGS + 1))
    text = (HEAD + one_item(tags) + one_item("", guid="2") + TAIL)
    pool = default_pool()
    store = Store(tmp_path / "a.db")
    try:
        poller = Poller(store, None, polling_rules(tmp_path))
        # A worker another test left idle would take the document without a start: wait for
        # it to end (they end 1 s after their last document).
        assert wait_for(lambda: pool.running == 0, timeout=10)
        before = pool.starts
        url = feed_server.put("/tags.xml", text)
        result = poll(store, poller, Feed(url, "Wire", 60))
        assert (result.status, result.new_items) == ("new", 2)
        # read by a worker, as the whole-document parse reads it
        assert pool.starts == before + 1 or not pool.using_workers
        assert parse_items(text.encode(), url, None, Feed(url, "Wire", 60), 500,
                           ParseMemo()).items == parse_items(
            text.encode(), url, None, Feed(url, "Wire", 60), 500).items
    finally:
        store.close()


# -- memory: a tag with very many attributes ---------------------------------------------------

def traced_peak(function, *args):
    import tracemalloc

    tracemalloc.start()
    try:
        function(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("closed", [True, False])
def test_a_tag_with_very_many_attributes_costs_no_memory_beyond_its_size(closed):
    from xml.sax.saxutils import escape

    from alerts.normalise import plain_or_simple

    # Measured before the bound: 400 bytes per attribute in the regular expression's
    # backtracking stack, 200 MiB for a 1 MiB summary, spent in the daemon's own process
    # (where the document was then read, when the tag is closed).
    value = "<a" + " b" * 100_000 + (">Envoys meet" if closed else "")
    assert traced_peak(plain_or_simple, value) < 10 * len(value)
    body = doc(one_item(f"<description>{escape(value)}</description>"))
    assert traced_peak(parse_facts_here, body, URL, None, SETTINGS, 500) < 10 * len(body)
    # html.parser reads such a tag, in a worker, as before
    assert parse_facts_here(body, URL, None, SETTINGS, 500) is None


# -- memory: very many elements ----------------------------------------------------------------

@pytest.mark.parametrize("filler", ["<x/>", "<x>", "<dc:x/>"])
def test_a_document_of_very_many_elements_goes_to_a_worker_early(filler):
    from alerts.parseworker import HERE_MAX_ELEMENTS

    # Measured before the bound: 1 MiB of empty elements in one item was read here with a
    # 61 MiB peak and 1.1 s of the daemon's CPU (an element tree of 260,000 elements); 1 MiB
    # of nested ones took 43 MiB before going to a worker.
    count = 4 * HERE_MAX_ELEMENTS
    inside = filler * count + ("</x>" * count if filler == "<x>" else "")
    body = doc(one_item(inside))
    assert len(body) < parseworker.HERE_MAX_BYTES
    assert parse_facts_here(body, URL, None, SETTINGS, 500) is None
    # given up while the tree holds HERE_MAX_ELEMENTS (12 MiB when they are nested)
    assert traced_peak(parse_facts_here, body, URL, None, SETTINGS, 500) < 20 * 2**20
    # a document of fewer is read here, as a worker reads it
    fitting = doc(one_item("<x/>" * (HERE_MAX_ELEMENTS - 100)))
    assert parse_facts_here(fitting, URL, None, SETTINGS, 500) == by_feedparser(fitting)
