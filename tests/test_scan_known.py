"""The entry scan without the known entries (#17): scan_known cuts a document at its entry
tags and lets expat read only the document rebuilt from the entries it does not know. In
the surroundings its known entries were read in (the parse memo's context), its answer is
scan()'s, or None (the caller then scans the whole document); never another cut."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from alerts.entryscan import Scan, entry_id, scan, scan_known
from tests.conftest import CORPUS
from tests.feeds import rss, rss_item

SURROUNDINGS = ("http://127.0.0.1:9/feed.xml", "application/rss+xml", "settings", "500")


def _items(n: int, start: int = 0) -> list[str]:
    return [rss_item(f"Envoys meet, round {i}", guid=f"id-{i}",
                     link=f"https://wire.example.org/{i}",
                     summary=f"Talks <b>go on</b>, day {i}.") for i in range(start, n)]


def _atom(*entries: str) -> str:
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            "<title>Wire</title><id>urn:wire</id><updated>2025-07-03T00:00:00Z</updated>"
            + "".join(entries) + "</feed>")


def _entry(i: int) -> str:
    return (f"<entry><id>urn:e{i}</id><title>Round {i}</title><updated>2025-07-0{i % 9 + 1}"
            f"T00:00:00Z</updated><summary>Talks go on.</summary></entry>")


def _known(previous: bytes) -> tuple[dict[bytes, None], bytes]:
    """The identities of a document's entries as a scan read them, and its context."""
    found = scan(previous)
    assert found is not None
    return dict.fromkeys(entry_id(e) for e in found.entries), found.context(*SURROUNDINGS)


def _agrees(body: bytes, known: dict[bytes, None], context: bytes) -> str:
    """scan_known's answer checked against scan()'s, as alerts.parse uses it (only in the
    same surroundings): 'quick' (the same cut), or 'whole' (None: scan the whole document)."""
    quick = scan_known(body, known)
    if quick is None or quick.scan.context(*SURROUNDINGS) != context:
        return "whole"
    whole = scan(body)
    assert whole is not None, body
    assert (quick.scan.header, quick.scan.entries, quick.scan.footer) == (
        whole.header, whole.entries, whole.footer), body
    assert quick.ids == tuple(entry_id(e) for e in whole.entries)
    assert quick.fresh == tuple(k for k, e in enumerate(whole.entries)
                                if entry_id(e) not in known)
    if quick.fresh:
        rebuilt = scan(whole.rebuild(list(quick.fresh)))
        assert rebuilt is not None and quick.rebuilt is not None
        assert (quick.rebuilt.header, quick.rebuilt.entries, quick.rebuilt.footer) == (
            rebuilt.header, rebuilt.entries, rebuilt.footer)
    else:
        assert quick.rebuilt is None
    return "quick"


@pytest.mark.parametrize("make", [
    lambda: rss(*_items(6, 5), *_items(5)),  # one new entry on top
    lambda: rss(*_items(5), *_items(7, 5)),  # two at the bottom
    lambda: rss(*_items(5)[::-1]),  # the same entries, another order
    lambda: rss(*_items(5), *_items(5)[:1]),  # one twice
    lambda: rss(*_items(5)).replace("</item><item>", "</item>\n  <item>"),  # spaces between
    lambda: rss(*_items(3), *_items(7, 6), *_items(5, 3)),  # new in the middle
])
def test_a_plain_document_is_cut_as_scan_cuts_it(make):
    known, context = _known(rss(*_items(5)).encode())
    assert _agrees(make().encode(), known, context) == "quick"


def test_an_atom_document_and_the_channel_date_changed():
    previous = _atom(*[_entry(i) for i in range(4)])
    known, context = _known(previous.encode())
    body = _atom(_entry(4), *[_entry(i) for i in range(4)]).replace(
        "<updated>2025-07-03T00:00:00Z</updated><entry>", "<updated>2025-07-04T09:00:00Z"
        "</updated><entry>", 1)
    assert _agrees(body.encode(), known, context) == "quick"
    quick = scan_known(body.encode(), known)
    assert quick is not None and quick.fresh == (0,)


@pytest.mark.parametrize("body", [
    # an entry-like tag inside a new entry's text: scan refuses the document
    rss(rss_item("<![CDATA[ a <item> inside ]]>"), *_items(5)).replace(
        "&lt;![CDATA[ a &lt;item&gt; inside ]]&gt;", "<![CDATA[ a <item> inside ]]>"),
    # a form feed between two known entries (not XML white space: expat refuses it)
    rss(*_items(5)).replace("</item><item>", "</item>\x0c<item>", 1),
    # a comment between two entries
    rss(*_items(5)).replace("</item><item>", "</item><!-- ad --><item>", 1),
    # a closing tag in a comment after the last entry
    rss(*_items(5)).replace("</channel>", "<!-- </item> --></channel>"),
    # a self-closing new entry, an entry of another case, one with a prefix
    rss("<item/>", *_items(5)),
    rss("<ITEM><title>x</title></ITEM>", *_items(5)),
    rss("<x:item xmlns:x='urn:x'><title>x</title></x:item>", *_items(5)),
    # a new entry that is not well-formed
    rss("<item><title>x</item>", *_items(5)),
    # an entry-like tag in a known entry's place, glued to it
    rss(*_items(5)).replace("</item><item>", "</item><item></item><item>", 1),
    # a new entry of the other kind
    rss("<entry><title>x</title></entry>", *_items(5)),
])
def test_what_scan_would_not_cut_so_is_never_cut(body):
    known, context = _known(rss(*_items(5)).encode())
    assert _agrees(body.encode(), known, context) in ("quick", "whole")


def test_a_cut_the_rebuilt_document_does_not_give_back_is_refused():
    """A closing tag in a CDATA section after the last (new) entry, and a footer that
    closes that section: the cut after it leaves the footer the known entries were read
    with, and the rebuilt document is well-formed, but its scan ends the entry earlier."""
    footer = "<![CDATA[ about ]]></channel>"
    known, context = _known(rss(*_items(5)).replace("</channel>", footer).encode())
    body = rss(*_items(6)).replace("</channel>", "<![CDATA[</item>" + footer).encode()
    whole = scan(body)
    assert whole is not None and whole.footer.startswith(b"<![CDATA[</item>")
    assert _agrees(body, known, context) == "whole"
    assert scan_known(body, known) is None


def test_random_damage_never_gives_another_cut():
    """Bytes put anywhere in a document whose other entries are known: scan_known gives
    scan()'s cut or None, never a third answer (2,000 seeded cases)."""
    rng = random.Random(17)
    pieces = ["<", ">", "</item>", "<item>", "<item/>", "]]>", "<![CDATA[", "<!--", "-->",
              "\x0c", " ", "\n", "&", "&amp;", "<b>", "</b>", "</channel>", "<Item>", "\"",
              "<!DOCTYPE x>", "</item >", "<item >"]
    previous = rss(*_items(5)).encode()
    known, context = _known(previous)
    outcomes = {"quick": 0, "whole": 0}
    for _ in range(2000):
        body = rss(*_items(6, 5), *_items(5))
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(body) + 1)
            body = body[:at] + rng.choice(pieces) + body[at:]
        outcomes[_agrees(body.encode(), known, context)] += 1
    assert outcomes["quick"] > 100 and outcomes["whole"] > 100, outcomes


def _corpus_documents() -> list[Path]:
    from tests.test_sweep import corpus_feeds
    return corpus_feeds()


@pytest.mark.sweep
@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus (../shared) not present")
def test_every_corpus_document_is_cut_as_scan_cuts_it():
    """Each corpus document scan reads, with all its entries but the first known (as after
    a poll of the document without it), and with all of them known."""
    quick = 0
    for path in _corpus_documents():
        body = path.read_bytes()
        found = scan(body)
        if found is None:
            continue
        several = len(found.entries) > 1
        before = found.rebuild(list(range(1, len(found.entries)))) if several else body
        whole: Scan | None = scan(before) if several else found
        if whole is None:
            continue
        known = dict.fromkeys(entry_id(e) for e in whole.entries)
        context = whole.context(*SURROUNDINGS)
        for document in (body, before):
            if _agrees(document, known, context) == "quick":
                quick += 1
            elif document is before:
                raise AssertionError(f"{path}: a document of known entries only was not cut")
    assert quick > 1000, quick
