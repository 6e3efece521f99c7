"""Parse only what is new (issue #17): the items are the ones a full parse gives.

A poll remembers its document's entries (alerts.parse.ParseMemo); the next one hands
feedparser only entries whose bytes it has not seen, in a document rebuilt from the header,
those entries and the footer, or nothing at all when nothing is new. Every feed of the shared
corpus is checked: the items the fast path gives (parsed again, or remembered) are equal to
the items of a full parse of the same document.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from alerts.config import FetchSettings
from alerts.entryscan import scan
from alerts.errors import FeedError
from alerts.fetch import Fetcher
from alerts.models import Feed
from alerts.parse import ParsedItems, ParseMemo, parse_items
from alerts.parseworker import ParsePool
from alerts.pipeline import Poller
from alerts.state import Store
from alerts.state.feedkeys import read_key
from tests.conftest import CORPUS, polling_rules
from tests.feeds import rss, rss_item

FEED = Feed("http://127.0.0.1:9/feed.xml", "Wire", 900)
URL = "http://127.0.0.1:9/feed.xml"
LOOPBACK = ("127.0.0.0/8",)


def items_of(n: int, link: str = "https://wire.example.org/{n}", guid: bool = True) -> list[str]:
    return [rss_item(f"Envoys meet, round {i}", guid=f"id-{i}" if guid else None,
                     link=link.format(n=i), summary=f"Talks go on, day {i}.")
            for i in range(n)]


def same(fast: ParsedItems, full: ParsedItems) -> None:
    """The fast answer holds exactly the full answer's items: those parsed again equal, the
    remembered ones by key and content hash; and the same feed-level fields."""
    expected = {i.key: i for i in full.items}
    got = {i.key: i for i in fast.items}
    remembered = dict(fast.unchanged)
    assert len(got) + len(remembered) == len(fast.items) + len(fast.unchanged)
    assert set(got) | set(remembered) == set(expected)
    assert len(got) + len(remembered) == len(expected)
    for key, item in got.items():
        assert item == expected[key]
    for key, digest in remembered.items():
        assert digest == expected[key].content_hash
    assert (fast.title, fast.ttl) == (full.title, full.ttl)


def primed(body: bytes, url: str = URL, content_type: str | None = None) -> ParseMemo:
    memo = ParseMemo()
    answer = parse_items(body, url, content_type, FEED, 500, memo)
    assert answer.memo is not None
    memo.keep(FEED.url, answer.memo)
    return memo


# -- the cheap pass ----------------------------------------------------------------------------

def test_scan_finds_each_entry_and_rebuilds_a_document_of_some():
    body = rss(*items_of(3)).encode()
    found = scan(body)
    assert found is not None and len(found.entries) == 3
    assert found.header + b"".join(found.entries) + found.footer == body
    assert found.rebuild([1]).count(b"<item>") == 1 and b"round 1" in found.rebuild([1])


@pytest.mark.parametrize("body", [
    # an entry element the pass would not cut at: other case, a prefix, self-closing
    rss(*items_of(2)).replace("<item>", "<Item>", 1).replace("</item>", "</Item>", 1),
    rss(*items_of(2), "<foo:item xmlns:foo='urn:x'><title>t</title></foo:item>"),
    rss(*items_of(2), "<item/>"),
    # an entry holding an element of its own name (the pass cuts an entry at its first end)
    rss(*items_of(2), "<item><title>t</title><item><title>u</title></item></item>"),
    "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>1</id></entry>"
    "<entry><id>2</id><entry><id>3</id></entry></entry></feed>",
    # something that looks like an entry inside text
    rss(*items_of(2), rss_item("x", summary="")).replace(
        "<description></description>", "<description><![CDATA[<item>]]></description>"),
    # a DTD, broken XML, another element between entries, UTF-16, an unknown root
    '<!DOCTYPE rss SYSTEM "x.dtd">' + rss(*items_of(2)),
    rss(*items_of(2)).replace("</channel>", ""),
    rss(items_of(2)[0], "<!-- ad -->", items_of(2)[1]),
    "\ufeff" + rss(*items_of(2)),
    "<rdf:RDF2><item><title>x</title></item></rdf:RDF2>",
], ids=["case", "prefix", "empty", "nested", "nested-atom", "cdata", "dtd", "broken",
        "between", "utf16", "root"])
def test_scan_leaves_what_it_cannot_read_safely_to_a_full_parse(body):
    data = body.encode("utf-16") if body.startswith("\ufeff") else body.encode()
    assert scan(data) is None


# -- parsing only what is new ------------------------------------------------------------------

def test_only_new_entries_are_parsed_and_the_items_are_a_full_parse():
    old = rss(*items_of(5)[1:]).encode()
    memo = primed(old)
    new = rss(*items_of(5)).encode()  # round 0 is new, at the top
    fast = parse_items(new, URL, None, FEED, 500, memo)
    assert fast.parsed == 1 and len(fast.items) == 1 and len(fast.unchanged) == 4
    same(fast, parse_items(new, URL, None, FEED, 500))


def test_nothing_new_needs_no_parse_even_when_the_channel_date_changed():
    def dated(day: int) -> bytes:
        return rss(*items_of(4)).replace(
            "<description>test</description>",
            f"<description>test</description><lastBuildDate>Wed, {day:02} Jul 2025 10:00:00 "
            "GMT</lastBuildDate>").encode()

    memo = primed(dated(1))
    again = dated(2)
    fast = parse_items(again, URL, None, FEED, 500, memo)
    assert fast.parsed == 0 and fast.items == [] and len(fast.unchanged) == 4
    same(fast, parse_items(again, URL, None, FEED, 500))


def test_an_edited_entry_is_parsed_again():
    memo = primed(rss(*items_of(3)).encode())
    edited = rss(*items_of(3)).replace("day 1.", "day 1, and a truce.").encode()
    fast = parse_items(edited, URL, None, FEED, 500, memo)
    assert fast.parsed == 1 and [i.summary for i in fast.items] == ["Talks go on, day 1, "
                                                                    "and a truce."]
    same(fast, parse_items(edited, URL, None, FEED, 500))


def test_other_surroundings_mean_a_full_parse():
    """Relative links without GUIDs: the items' keys hang on the document's address and on
    the channel (its language, xml:base...). Remembered entries are only reused where both
    are the same; here the address moved, so every key changes."""
    body = rss(*items_of(3, link="/news/{n}", guid=False)).encode()
    memo = primed(body, "http://127.0.0.1:9/a/feed.xml")
    fast = parse_items(body, "http://127.0.0.1:9/b/feed.xml", None, FEED, 500, memo)
    full = parse_items(body, "http://127.0.0.1:9/b/feed.xml", None, FEED, 500)
    assert fast.parsed == 3 and fast.unchanged == ()
    same(fast, full)
    assert {i.link for i in fast.items} == {f"http://127.0.0.1:9/news/{n}" for n in range(3)}


def test_a_new_guid_twin_rekeys_a_remembered_entry():
    """A GUID identifies an entry only while it is unique in the document: a new entry with
    the same GUID changes the remembered entry's key too."""
    memo = primed(rss(*items_of(3)).encode())
    twin = rss_item("Another story", guid="id-1", link="https://wire.example.org/twin")
    body = rss(twin, *items_of(3)).encode()
    fast = parse_items(body, URL, None, FEED, 500, memo)
    same(fast, parse_items(body, URL, None, FEED, 500))
    assert sum(key.startswith("h:") for key in [i.key for i in fast.items]
               + [k for k, _ in fast.unchanged]) == 2


def test_a_rebuilt_document_read_otherwise_falls_back_to_a_full_parse():
    """The new entry uses a namespace prefix nobody declared: expat (without namespaces)
    reads it, feedparser's XML parser refuses the document and its loose parser reads it.
    A rebuilt document read that way is not trusted: the whole document is parsed."""
    memo = primed(rss(*items_of(3)).encode())
    odd = rss_item("Envoys meet, round 9", guid="id-9", link="https://wire.example.org/9"
                   ).replace("</item>", "<undeclared:tag>x</undeclared:tag></item>")
    body = rss(odd, *items_of(3)).encode()
    fast = parse_items(body, URL, None, FEED, 500, memo)
    assert fast.parsed == 4  # everything, not the one new entry
    same(fast, parse_items(body, URL, None, FEED, 500))


# -- in the poller -----------------------------------------------------------------------------

def poll(store: Store, poller: Poller, feed: Feed):
    async def go():
        fetcher = Fetcher(FetchSettings(timeout=5, allow_networks=LOOPBACK))
        poller.fetcher = fetcher
        try:
            return await poller.poll(feed)
        finally:
            await fetcher.aclose()
    return asyncio.run(go())


def stored_keys(store: Store, url: str) -> set[str]:
    return {read_key(row[0], url) for row in store.db.execute(  # feeds numbered since 0028
        "SELECT key FROM items WHERE feed_id = (SELECT id FROM feeds WHERE url = ?)",
        [url]).fetchall()}


def test_the_poller_parses_only_new_entries_and_stores_the_same(tmp_path, feed_server):
    url = feed_server.put("/f.xml", rss(*items_of(6)[1:]))
    feed = Feed(url, "Wire", 60)
    store = Store(tmp_path / "a.db")
    try:
        poller = Poller(store, None, polling_rules(tmp_path))
        first = poll(store, poller, feed)
        assert (first.status, first.new_items, first.entries) == ("new", 5, 5)
        assert poller.parse_memo.get(url) is not None
        feed_server.put("/f.xml", rss(*items_of(6)))
        second = poll(store, poller, feed)
        assert (second.status, second.new_items, second.entries) == ("new", 1, 6)
        assert stored_keys(store, url) == {f"g:id-{n}" for n in range(6)}
    finally:
        store.close()


def test_a_store_without_the_remembered_items_gets_a_full_parse(tmp_path, feed_server):
    """The memo says what the last stored poll held; a store that lacks it (another state
    file, pruned rows) must still receive every item."""
    url = feed_server.put("/f.xml", rss(*items_of(4)[1:]))
    feed = Feed(url, "Wire", 60)
    first_store, other_store = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    try:
        poller = Poller(first_store, None, polling_rules(tmp_path))
        poll(first_store, poller, feed)
        feed_server.put("/f.xml", rss(*items_of(4)))
        other = Poller(other_store, None, polling_rules(tmp_path))
        other.parse_memo = poller.parse_memo  # remembers what the other store holds
        result = poll(other_store, other, feed)
        assert (result.new_items, result.entries) == (4, 4)
        assert stored_keys(other_store, url) == {f"g:id-{n}" for n in range(4)}
    finally:
        first_store.close()
        other_store.close()


# -- parse workers end when idle ---------------------------------------------------------------

def test_parse_workers_end_when_idle():
    pool = ParsePool(workers=1, idle_seconds=0.3)
    try:
        parsed = pool.parse(rss(*items_of(2)).encode(), URL)
        assert len(parsed["entries"]) == 2
        worker = pool._idle[0]
        deadline = time.monotonic() + 15
        while (pool.running or worker.proc.poll() is None) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pool.running == 0 and worker.proc.poll() is not None
        # and one starts again when a document needs it
        assert len(pool.parse(rss(*items_of(1)).encode(), URL)["entries"]) == 1
    finally:
        pool.close()


# -- every feed of the shared corpus -----------------------------------------------------------

def corpus_files() -> list[Path]:
    from tests.test_sweep import corpus_feeds
    return corpus_feeds()


def check_file(path: Path) -> str:
    """One corpus document, remembered in part and parsed again: 'rebuilt' (only the entries
    not remembered were parsed), 'remembered' (none), or why the fast path did not apply."""
    body = path.read_bytes()
    found = scan(body)
    if found is None:
        return "not scanned"
    url = "http://127.0.0.1:9/corpus/" + path.name
    content_type = {".atom": "application/atom+xml", ".rss": "application/rss+xml"}.get(
        path.suffix.lower())
    try:
        full = parse_items(body, url, content_type, FEED, 500)
    except FeedError:
        return "refused"
    count = len(found.entries)
    # Remember every other entry (or the whole document, when it has one), then parse it all.
    part = found.rebuild(list(range(1, count, 2))) if count > 1 else body
    memo = ParseMemo()
    try:
        first = parse_items(part, url, content_type, FEED, 500, memo)
    except FeedError:
        return "refused"
    if first.memo is None:
        return "not remembered"
    memo.keep(FEED.url, first.memo)
    fast = parse_items(body, url, content_type, FEED, 500, memo)
    try:
        same(fast, full)
    except AssertionError as exc:
        raise AssertionError(f"{path.relative_to(CORPUS)}: the fast path differs") from exc
    return "rebuilt" if fast.parsed > 0 and fast.unchanged else (
        "remembered" if fast.parsed == 0 else "whole")


@pytest.mark.sweep
@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus (../shared) not present")
def test_every_corpus_feed_gives_the_same_items_on_the_fast_path():
    with ThreadPoolExecutor(3) as pool:
        outcomes = Counter(pool.map(check_file, corpus_files()))
    # The fast path really ran on a good share of the corpus (not always falling back).
    assert outcomes["rebuilt"] > 300 and outcomes["remembered"] > 1000, outcomes


# -- the memo kept on disk for `poll --once` ---------------------------------------------------

def test_the_memo_saved_on_disk_reads_back_and_skips_the_same_entries(tmp_path):
    from alerts.parse import memo_path

    memo = primed(rss(*items_of(5)[1:]).encode())
    path = memo_path(tmp_path / "alerts.db")
    memo.save(path)
    loaded = ParseMemo.load(path)
    assert loaded.get(FEED.url) == memo.get(FEED.url)
    body = rss(*items_of(5)).encode()
    fast = parse_items(body, URL, None, FEED, 500, loaded)
    assert fast.parsed == 1 and len(fast.unchanged) == 4
    same(fast, parse_items(body, URL, None, FEED, 500))


def test_a_memo_from_other_code_or_damaged_is_read_as_empty(tmp_path):
    import json

    from alerts.parse import memo_path

    path = memo_path(tmp_path / "alerts.db")
    primed(rss(*items_of(3)).encode()).save(path)
    saved = json.loads(path.read_text())
    saved["code"] = "another version"
    path.write_text(json.dumps(saved))
    assert ParseMemo.load(path).get(FEED.url) is None
    path.write_text('{"code": "x", "feeds": ')
    assert ParseMemo.load(path).get(FEED.url) is None
    assert ParseMemo.load(tmp_path / "missing.json").get(FEED.url) is None


def test_a_memo_whose_saved_entries_are_damaged_is_read_as_empty(tmp_path):
    import json

    from alerts.parse import memo_path

    path = memo_path(tmp_path / "alerts.db")
    primed(rss(*items_of(3)).encode()).save(path)
    assert ParseMemo.load(path).get(FEED.url) is not None
    saved = json.loads(path.read_text())
    packed = saved["feeds"][FEED.url][5]  # the feed's entries, packed, in base64
    damaged = packed[:-8] + ("A" if packed[-8] != "A" else "B") + packed[-7:]
    saved["feeds"][FEED.url][5] = damaged
    path.write_text(json.dumps(saved))
    memo = ParseMemo.load(path)
    assert memo.get(FEED.url) is None
    body = rss(*items_of(3)).encode()
    assert parse_items(body, URL, None, FEED, 500, memo).parsed == 3  # parsed whole


def test_poll_once_keeps_its_memo_beside_the_state(tmp_path, feed_server):
    """`poll --once` saves what it parsed beside the state, reads it at the next run, and
    leaves the file alone after a cycle in which nothing was parsed (every feed 304)."""
    from tests.conftest import query, run_cli, write_config

    url = feed_server.put("/f.xml", rss(*items_of(4)[1:]))
    other = feed_server.put("/g.xml", rss(*items_of(2)))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"},
                                           {"url": other, "name": "Other"}],
                          channels={"terminal": "console://"})
    memo_file = tmp_path / "state" / "alerts.db.parse-memo.json"

    def saved(feed: str) -> int:  # entries remembered for the feed in the file
        memo = ParseMemo.load(memo_file).get(feed)
        return len(memo.entries) if memo else 0

    assert run_cli("-c", str(config), "poll", "--once", "--no-send").returncode == 0
    assert (saved(url), saved(other)) == (3, 2)
    feed_server.put("/f.xml", rss(*items_of(4)))
    # Only the first feed is polled: the other's entries come from the file read at start.
    assert run_cli("-c", str(config), "poll", "--once", "--no-send", "--feed", "Wire"
                   ).returncode == 0
    assert (saved(url), saved(other)) == (4, 2)
    assert {read_key(k, url) for (k,) in query(
        tmp_path / "state" / "alerts.db", "SELECT key FROM items WHERE feed_id = "
        "(SELECT id FROM feeds WHERE url = ?)", url)} == {f"g:id-{n}" for n in range(4)}
    written = memo_file.stat().st_mtime_ns
    time.sleep(0.05)
    result = run_cli("-c", str(config), "poll", "--once", "--no-send")
    assert result.returncode == 0, result.stderr
    assert memo_file.stat().st_mtime_ns == written  # a cycle of 304s writes nothing


# -- the fast reader (alerts.fastparse): feedparser's entries without feedparser -------------

FULL_RSS = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" '
    'xmlns:x="urn:example:own"><channel><title>Wire &amp; Co</title><ttl>15</ttl>'
    '<link>https://wire.example.org/</link><description>d</description>'
    # guid as link (relative, joined with the address), an author with an address, an
    # empty title then a real one, escaped markup, a category with a domain, C1 characters
    # and UTF-8 read as Latin-1 (feedparser's repairs), a source, media and an unknown
    # element of the feed's own namespace
    '<item><title></title><title>Envoys meet in Doha</title><title>second</title>'
    '<guid>story/1</guid><author>desk@wire.example.org (Jane Doe)</author>'
    '<description>&lt;p&gt;Talks &lt;b&gt;resume&lt;/b&gt; &amp;amp; go on&lt;/p&gt;'
    '</description><category domain="https://wire.example.org/c">Diplomacy</category>'
    '<category>Qatar</category><pubDate>Tue, 01 Jul 2025 14:05:00 GMT</pubDate>'
    '<source url="https://other.example/rss">Other</source><title>after the source</title>'
    '<media:thumbnail url="https://img.example/1.jpg"/><x:score>7</x:score>'
    '<enclosure url="https://img.example/1.mp3" type="audio/mpeg" length="1"/></item>'
    '<item><title>Caf\u00c3\u00a9 talks</title>'
    '<link>https://wire.example.org/2?a=1&amp;b=2</link>'
    '<guid isPermaLink="false">id-2</guid><dc:creator>Ivan Petrov</dc:creator>'
    '<dc:date>2025-07-02T10:00:00Z</dc:date><dc:subject>Russia</dc:subject>'
    '<title>a later title, not read</title>'
    '<content:encoded><![CDATA[<p>Full <i>text</i> of the article.</p>]]></content:encoded>'
    '<description>Short \u0093text\u0094.</description>'
    '<atom:link rel="alternate" type="text/html" href="/alt/2"/></item>'
    '</channel></rss>')

FULL_ATOM = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr_FR"><title>Fil</title>'
    '<id>urn:feed</id><updated>2025-07-03T00:00:00Z</updated>'
    '<entry><id>urn:e1</id><title type="html">Accord &lt;em&gt;sign\u00e9&lt;/em&gt;</title>'
    '<link rel="self" href="https://fil.example/self/1"/>'
    '<link href="https://fil.example/1"/><updated>2025-07-01T09:00:00Z</updated>'
    '<published>2025-07-01T08:00:00+02:00</published>'
    '<author><name>Marie Curie</name><email>marie@fil.example</email>'
    '<uri>/marie</uri></author><author><name>Paul</name></author>'
    '<category term="diplomatie" label="Diplomatie"/><category term="urn:x"/>'
    '<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Le '
    '<b>texte</b> &amp; plus</p><p>deux</p></div></summary>'
    '<content type="html">&lt;p&gt;Le texte complet&lt;/p&gt;</content></entry>'
    '<entry xml:lang="de"><id>urn:e2</id><title>Ohne Link</title>'
    '<content type="text">Nur Text</content></entry>'
    '</feed>')


def answers(body: bytes, url: str = URL, content_type: str | None = None) -> tuple[dict, dict]:
    """parse_facts as feedparser answers it, and with the fast reader."""
    from alerts import parseworker

    settings = (FEED.url, FEED.name, FEED.interval)
    try:
        parseworker.FAST_PATH = False
        slow = parseworker.parse_facts(body, url, content_type, settings, 500)
    finally:
        parseworker.FAST_PATH = True
    return slow, parseworker.parse_facts(body, url, content_type, settings, 500)


@pytest.mark.parametrize("body, content_type", [
    (FULL_RSS.encode(), None), (FULL_ATOM.encode(), "application/atom+xml"),
    (FULL_RSS.replace('encoding="utf-8"', 'encoding="windows-1252"')
     .replace("\u00c3\u00a9", "\u00e9").replace("\u0093", "\u201c")
     .replace("\u0094", "\u201d")
     .encode("windows-1252"), "application/xml"),
])
def test_the_fast_reader_gives_feedparsers_entries(body, content_type):
    from alerts import fastparse
    from alerts.parseworker import parse_bytes

    assert fastparse.read(body, URL, content_type, parse_bytes) is not None  # it applies
    slow, fast = answers(body, content_type=content_type)
    assert fast == slow
    assert len(fast["facts"]) == 2 and fast["title"]


def test_the_fast_reader_repeats_feedparsers_quirks():
    """What feedparser does that a plain reading would not: checked on its own answer."""
    _, fast = answers(FULL_RSS.encode())
    first, second = (fields for _, _, fields in fast["facts"])
    assert first[0] == "http://127.0.0.1:9/story/1"  # a permalink guid joined with the address
    assert first[1] == "http://127.0.0.1:9/story/1"  # ...and taken as the link
    # the first title that is not empty, unless a <source> comes between (feedparser resets
    # its title depth there, so a later title replaces it)
    assert first[2] == "after the source"
    assert first[8] == "Jane Doe" and first[9] == ("Diplomacy", "Qatar")
    assert second[2] == "Café talks"  # UTF-8 read as Latin-1 is repaired
    assert second[3] == "Short \u201ctext\u201d."  # C1 characters read as cp1252
    assert second[1] == "http://127.0.0.1:9/alt/2"  # the later atom:link wins
    assert second[7] == "Full text of the article."
    _, atom = answers(FULL_ATOM.encode(), content_type="application/atom+xml")
    first, second = (fields for _, _, fields in atom["facts"])
    assert first[3] == "Le texte & plus deux" and first[5] == "fr"
    assert first[8] == "Marie Curie, Paul" and first[9] == ("Diplomatie", "urn:x")
    assert second[1] is None  # its id, urn:e2, is taken as the link, and is no web link
    assert second[5] == "de"


@pytest.mark.parametrize("body", [
    # a comment among the entries (ElementTree drops it, and the text after it)
    FULL_RSS.replace("<category>Qatar</category>", "<category>Qa<!-- x -->tar</category>"),
    FULL_RSS.replace("<channel>", '<channel xml:base="https://elsewhere.example/">'),
    FULL_RSS.replace("<x:score>7</x:score>", "<x:score><x:n>7</x:n></x:score>"),
    FULL_RSS.replace("<description>Short \u0093text\u0094.</description>",
                     "<description>Short <b>raw</b> markup.</description>"),
    FULL_RSS.replace("</channel>", "<title>Late title</title></channel>"),
    FULL_RSS.replace("<category>Qatar</category>", "<description>second</description>"),
    FULL_ATOM.replace('<content type="text">', '<content type="image/png">'),
    FULL_ATOM.replace("<entry>", '<entry xml:base="/base/">', 1),
    FULL_RSS.replace("<x:score>7</x:score>", "<media:title>Photo</media:title>"),
    FULL_RSS.replace('xmlns:x="urn:example:own"', 'xmlns:x="urn:example:own" '
                     'xmlns:dc2="http://purl.org/dc/elements/1.1/"')
    .replace("<x:score>7</x:score>", "<x:score>7</x:score><dc2:creator>X</dc2:creator>")
    .replace('xmlns:dc2=', 'xmlns:media2="urn:other" xmlns:dcx=').replace("dc2:", "dcx:"),
    FULL_RSS.replace("<item><title></title>", '<item rdf:about="x"><title></title>', 1)
    .replace("<rss ", '<rss xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '),
    FULL_ATOM.replace("<summary type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">",
                      "<summary type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                      "<title>inside</title>"),
    FULL_RSS.replace('xmlns:x="urn:example:own"', 'xmlns:dc="urn:example:own"', 1)
    .replace('xmlns:dc="http://purl.org/dc/elements/1.1/"', 'xmlns:x="urn:example:own"', 1),
])
def test_what_the_fast_reader_is_unsure_of_goes_to_feedparser(body):
    from alerts import fastparse
    from alerts.parseworker import parse_bytes

    data = body.encode()
    if b"dcx:" not in data and b"xmlns:dc=\"urn" not in data:  # (two prefix bindings it reads)
        assert fastparse.read(data, URL, None, parse_bytes) is None
    slow, fast = answers(data)
    assert fast == slow


def fast_outcome(path: Path) -> str:
    from alerts import fastparse, parseworker

    body = path.read_bytes()
    url = "http://127.0.0.1:9/corpus/" + path.name
    content_type = {".atom": "application/atom+xml", ".rss": "application/rss+xml"}.get(
        path.suffix.lower())
    parseworker._remember_joins()
    if fastparse.read(body, url, content_type, parseworker.parse_bytes) is None:
        return "feedparser"
    try:
        slow, fast = answers(body, url, content_type)
    except FeedError:
        return "refused"
    if fast != slow:
        raise AssertionError(f"{path.relative_to(CORPUS)}: the fast reader differs "
                             "from feedparser")
    return "same"


@pytest.mark.sweep
@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus (../shared) not present")
def test_every_corpus_feed_the_fast_reader_reads_gives_feedparsers_items():
    outcomes = Counter(fast_outcome(path) for path in corpus_files())
    # It really reads a good share of the corpus (about 1,900 of 4,900 documents).
    assert outcomes["same"] > 1500, outcomes


def test_a_plain_absolute_link_is_joined_as_feedparser_joins_it():
    """The fast reader's short way for absolute links gives what feedparser's join gives."""
    import feedparser.mixin as mixin

    from alerts import fastparse

    join = fastparse._feedparser().urljoin
    links = ["https://h.example/a", "http://h.example", "https://H.Example:8080/a/../b",
             "https://h//a", "https://h/./a", "http://h/a%20b", "https://h/a?b=1", "https://h/#x",
             "https://u@h/", "https:///h/a", "HTTP://h/a", "https://h/a b", " https://h/a",
             "https://h/" + "a" * 2000, "https://1.2.3.4/x/", "https://h.example/a;p"]
    if CORPUS.is_dir():
        import re
        for path in sorted(CORPUS.rglob("*.xml"))[:400]:
            links += re.findall(r"""https?://[^\s<>"'\]\[)(]+""",
                                path.read_text("utf-8", "ignore"))
    for link in links:
        for base in ("http://127.0.0.1:9/corpus/x.xml", "https://feeds.example.org/a/b.rss",
                     "http://h/"):
            assert join(base, link) == mixin._urljoin(base, link), (base, link)


def test_markup_nested_deeper_than_the_reader_recurses_goes_to_feedparser():
    from alerts import fastparse
    from alerts.parseworker import parse_bytes

    deep = "<div>" * 3000 + "x" + "</div>" * 3000
    body = FULL_ATOM.replace("<p>deux</p>", "<p>deux</p>" + deep).encode()
    assert fastparse.read(body, URL, "application/atom+xml", parse_bytes) is None
    slow, fast = answers(body, content_type="application/atom+xml")
    assert fast == slow
