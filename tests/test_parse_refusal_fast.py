"""The cheap checks before a parse, made cheaper (#17): an entity declaration is still found
anywhere in a document, in any case in ASCII-compatible text, in UTF-16, UTF-32 and EBCDIC
as XML writes it; and the feed's
settings the parse is keyed by are dataclasses.astuple's, without its deep copy."""

from __future__ import annotations

from dataclasses import astuple

import pytest

from alerts.errors import FeedError
from alerts.models import Feed
from alerts.parse import feed_settings, parse_feed

# Past the first 4 KB, where only the search of the whole body finds it.
LATE = ('<?xml version="1.0" encoding="{encoding}"?>\n<!-- ' + "x" * 5000 + ' -->\n'
        '<!DOCTYPE rss [<!{keyword} big "' + "y" * 100 + '">]>\n'
        '<rss version="2.0"><channel><title>&big;&big;</title></channel></rss>')


@pytest.mark.parametrize(("encoding", "keyword"), [
    ("utf-8", "ENTITY"), ("utf-8", "entity"), ("utf-8", "EnTiTy"),
    # (in these only as XML writes it, as before)
    ("utf-16", "ENTITY"), ("utf-16-le", "ENTITY"), ("utf-32", "ENTITY"), ("cp037", "ENTITY")])
def test_a_late_entity_declaration_is_refused(encoding, keyword):
    body = LATE.format(encoding=encoding, keyword=keyword).encode(encoding)
    with pytest.raises(FeedError) as info:
        parse_feed(body, "https://x.org/rss", f"application/xml; charset={encoding}")
    assert info.value.kind == "entities"


def test_the_feed_settings_are_astuples():
    feed = Feed("https://x.org/rss", "X", 900.0, "fr", ("a", "b"), True, "X Media",
                "https://x.org/rss?key=1", (("Authorization", "Bearer 1"), ("X-A", "b")),
                ("1",))
    assert feed_settings(feed) == astuple(feed)
    assert feed_settings(Feed("https://x.org/rss", "X", 60)) == astuple(
        Feed("https://x.org/rss", "X", 60))
