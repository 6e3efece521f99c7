import pytest

from alerts.errors import FeedError
from alerts.parse import parse_feed
from tests.feeds import rss, rss_item


def test_a_feed_parses():
    parsed = parse_feed(rss(rss_item("A", guid="1")).encode(), "https://x.org/rss")
    assert len(parsed.entries) == 1


def test_an_html_page_is_a_feed_error_not_an_empty_feed():
    with pytest.raises(FeedError) as info:
        parse_feed(b"<!DOCTYPE html><html><body><form>Login</form></body></html>",
                   "https://x.org/rss")
    assert info.value.kind == "html" and "HTML page" in str(info.value)


def test_an_empty_body_is_a_feed_error():
    with pytest.raises(FeedError) as info:
        parse_feed(b"  \n", "https://x.org/rss")
    assert info.value.kind == "empty"


def test_a_valid_feed_with_no_entries_is_not_an_error():
    assert parse_feed(rss().encode(), "https://x.org/rss").entries == []


def test_entity_declarations_are_refused_before_parsing():
    body = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "' + b"x" * 10_000 + b'">]>'
            b'<rss version="2.0"><channel><title>&big;&big;&big;</title></channel></rss>')
    with pytest.raises(FeedError) as info:
        parse_feed(body, "https://x.org/rss")
    assert info.value.kind == "entities"


def test_a_string_path_is_never_read_as_a_file(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_text(rss(rss_item("secret", guid="s")))
    with pytest.raises(FeedError):
        parse_feed(str(secret).encode(), "https://x.org/rss")


def test_items_parsed_and_normalised_in_a_worker_equal_those_made_here():
    from alerts.models import Feed
    from alerts.normalise import normalise
    from alerts.parse import parse_items

    body = rss(rss_item("Talks <b>resume</b> in Geneva", guid="1", link="/world/1",
                        summary="<p>Envoys met &amp; talked.</p>"),
               rss_item("Élysée: appel à un cessez-le-feu", guid="2",
                        link="https://x.org/world/2?utm_source=rss")).encode()
    feed = Feed("https://x.org/rss", "Wire", 900.0, language="fr", tags=("europe",))
    here = normalise(list(parse_feed(body, "https://x.org/rss").entries), feed,
                     "https://x.org/rss")
    there = parse_items(body, "https://x.org/rss", "application/rss+xml", feed, 500)
    assert there.items == here
    assert [i.link for i in there.items] == ["https://x.org/world/1", "https://x.org/world/2"]
    assert there.items[0].feed_tags == ("europe",) and there.items[1].language == "fr"
