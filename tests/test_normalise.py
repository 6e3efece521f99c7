from datetime import UTC, datetime

import feedparser
import pytest

from alerts.models import Feed
from alerts.normalise import canonical_link, html_to_text, normalise
from tests.feeds import rss, rss_item

FEED = Feed(url="https://wire.example.org/rss", name="Wire", interval=60, language="en")


def items_of(xml: str, base: str = "https://wire.example.org/rss"):
    parsed = feedparser.parse(xml.encode(), response_headers={"content-location": base})
    return normalise(parsed.entries, FEED, base)


def test_html_is_stripped_entities_decoded_whitespace_folded():
    text = html_to_text("<p>Macron &amp; Putin\n\n<b>spoke</b></p><script>alert(1)</script>"
                        "<p>&eacute;lys&#233;e&nbsp;said</p><img src=x>")
    assert text == "Macron & Putin spoke élysée said"


def test_control_characters_never_survive():
    assert html_to_text("a\x00b\x07c\u202ed") == "a b c d"


@pytest.mark.parametrize(("link", "expected"), [
    ("https://News.Example.org:443/a/b?utm_source=rss&id=7&fbclid=x#top",
     "https://news.example.org/a/b?id=7"),
    ("http://example.org", "http://example.org/"),
    ("http://example.org:8080/x?ocid=1", "http://example.org:8080/x"),
    ("javascript:alert(1)", None),
    ("data:text/html,hi", None),
    ("", None),
    ("http://[::1", None),
])
def test_canonical_links(link, expected):
    assert canonical_link(link) == expected


def test_relative_links_resolve_against_the_feed_url():
    (item,) = items_of(rss(rss_item("T", guid="1", link="/world/story-1")))
    assert item.link == "https://wire.example.org/world/story-1"


def test_guid_is_the_key_when_unique():
    items = items_of(rss(rss_item("A", guid="id-1", link="https://x.org/a"),
                         rss_item("B", guid="id-2", link="https://x.org/b")))
    assert [i.key for i in items] == ["g:id-1", "g:id-2"]
    assert [i.guid for i in items] == ["id-1", "id-2"]


def test_duplicate_and_blank_guids_never_merge_different_items():
    items = items_of(rss(rss_item("A", guid="same", link="https://x.org/a"),
                         rss_item("B", guid="same", link="https://x.org/b"),
                         rss_item("C", guid="", link="https://x.org/c"),
                         rss_item("D", link="https://x.org/d")))
    assert len({i.key for i in items}) == 4
    assert all(i.key.startswith("h:") for i in items)


def test_keys_are_stable_across_polls():
    xml = rss(rss_item("A", link="https://x.org/a?utm_medium=rss"))
    assert items_of(xml)[0].key == items_of(xml)[0].key
    # A tracking parameter added later does not make it a new item.
    assert items_of(rss(rss_item("A", link="https://x.org/a")))[0].key == items_of(xml)[0].key


def test_publication_time_in_utc_and_absurd_dates_dropped():
    good, absurd = items_of(rss(
        rss_item("A", guid="1", pub="Tue, 01 Jul 2025 16:05:00 +0200"),
        rss_item("B", guid="2", pub="Sat, 01 Jan 9999 00:00:00 GMT")))
    assert good.published == datetime(2025, 7, 1, 14, 5, tzinfo=UTC)
    assert absurd.published is None


def test_summary_falls_back_to_content_and_title_markup_is_text():
    atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            '<entry><id>urn:1</id><title type="html">Talks &lt;b&gt;resume&lt;/b&gt;</title>'
            '<link href="https://x.org/1"/><content type="html">&lt;p&gt;Body '
            'text&lt;/p&gt;</content><updated>2025-07-01T00:00:00Z</updated></entry></feed>')
    (item,) = items_of(atom)
    assert item.title == "Talks resume"
    assert item.summary == "Body text"


def test_content_hash_changes_with_text_only():
    (a,) = items_of(rss(rss_item("A", guid="1", summary="one")))
    (b,) = items_of(rss(rss_item("A", guid="1", summary="two")))
    assert a.key == b.key and a.content_hash != b.content_hash
