"""What the feed really says (#18): the full text (RSS content:encoded, Atom <content>) is
matched beside the summary, and the entry's author and categories are fields rules can use.

Feeds are served by the loopback feed server and go through the real fetch, parse worker,
rules, SQLite and outbox; `replay stored` runs the real CLI.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from xml.sax.saxutils import escape

import feedparser
import pytest

from alerts.models import Feed, PollResult
from alerts.normalise import MAX_CATEGORIES, MAX_CONTENT, normalise
from alerts.parse import parse_items
from alerts.rules import RuleSet, load_rules
from alerts.rules.context import FIELDS, MatchContext
from alerts.state.compact import unpack_text
from tests.conftest import CEASEFIRE_RULE, CORPUS, outbox_messages, poll_once, query, run_cli
from tests.test_hostile_text import HOSTILE_SUMMARY, assert_clean

LOOPBACK = ("127.0.0.0/8",)
NS = ('xmlns:content="http://purl.org/rss/1.0/modules/content/" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def rss_entry(title: str, guid: str, *, teaser: str = "", body: str | None = None,
              creator: str | None = None, categories: tuple[str, ...] = ()) -> str:
    parts = [f"<title>{escape(title)}</title>",
             f"<link>https://wire.example.org/{guid}</link>",
             f'<guid isPermaLink="false">{guid}</guid>',
             f"<description>{escape(teaser)}</description>",
             "<pubDate>Tue, 01 Jul 2025 14:05:00 GMT</pubDate>"]
    if body is not None:
        parts.append(f"<content:encoded><![CDATA[{body}]]></content:encoded>")
    if creator is not None:
        parts.append(f"<dc:creator>{escape(creator)}</dc:creator>")
    parts += [f"<category>{escape(c)}</category>" for c in categories]
    return "<item>" + "".join(parts) + "</item>"


def rss_doc(*entries: str) -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" {NS}><channel>'
            "<title>Wire</title><link>https://wire.example.org/</link>"
            f"<description>test</description>{''.join(entries)}</channel></rss>")


def atom_entry(title: str, entry_id: str, *, teaser: str, body: str, author: str,
               categories: tuple[tuple[str, str | None], ...] = (), kind: str = "html") -> str:
    cats = "".join(f'<category term="{escape(term)}"'
                   + (f' label="{escape(label)}"' if label else "") + "/>"
                   for term, label in categories)
    return (f"<entry><id>urn:wire:{entry_id}</id><title>{escape(title)}</title>"
            f'<link href="https://wire.example.org/{entry_id}"/>'
            "<updated>2025-07-01T14:05:00Z</updated>"
            f"<author><name>{escape(author)}</name><email>desk@wire.example.org</email></author>"
            f"<summary>{escape(teaser)}</summary>"
            f'<content type="{kind}">{escape(body)}</content>{cats}</entry>')


def atom_doc(*entries: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Wire</title><id>urn:wire</id><updated>2025-07-01T14:05:00Z</updated>"
            + "".join(entries) + "</feed>")


AUTHOR_RULE = """\
id: by-jane
title: Jane Doe reports
match:
  terms: ["Jane Doe"]
  in: [author]
"""

CATEGORY_RULE = """\
id: middle-east-desk
title: Middle East desk
match:
  terms: ["Middle East"]
  in: [categories]
"""

CONTENT_ONLY_RULE = """\
id: body-envoy
title: An envoy is in the article body
match:
  terms: [envoy]
  in: [content]
"""

SUMMARY_ONLY_RULE = """\
id: teaser-envoy
title: An envoy is in the teaser
match:
  terms: [envoy]
  in: [summary]
"""


def ruleset(tmp_path: Path, *texts: str) -> RuleSet:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    for number, text in enumerate(texts):
        (folder / f"r{number}.yaml").write_text(text, encoding="utf-8")
    return RuleSet(load_rules([folder], {"chat"}, ("chat",)), ("chat",))


def poll(db: Path, url: str, rules: RuleSet, *, backfill: bool = True) -> PollResult:
    return poll_once(db, Feed(url, "Wire", 60), rules, force_backfill=backfill)


def fired(result: PollResult) -> set[tuple[str, str]]:
    """(rule, item guid) of every match of a poll."""
    return {(match.rule_id, item.guid or "") for item, match in result.matches}


def rows(db: Path, sql: str) -> list[tuple]:
    return query(db, sql)


# -- the full text -------------------------------------------------------------------------

TEASER = "Diplomats met in Geneva on Tuesday."
BODY = ("<p>Diplomats met in Geneva on Tuesday.</p>"
        "<p>Later the UN secretary-general <b>urged</b> an immediate ceasefire.</p>")


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_words_only_in_the_full_text_fire_a_rule_without_in(tmp_path, feed_server, kind):
    # The teaser says nothing a rule looks for; the article body asks for a ceasefire.
    if kind == "rss":
        doc = rss_doc(rss_entry("Talks in Geneva", "g1", teaser=TEASER, body=BODY),
                      rss_entry("Talks in Vienna", "g2", teaser="Diplomats met in Vienna.",
                                body="<p>Diplomats met in Vienna. Nothing was agreed.</p>"))
    else:
        doc = atom_doc(atom_entry("Talks in Geneva", "g1", teaser=TEASER, body=BODY,
                                  author="Jane Doe"),
                       atom_entry("Talks in Vienna", "g2", teaser="Diplomats met in Vienna.",
                                  body="<p>Diplomats met in Vienna. Nothing was agreed.</p>",
                                  author="Jane Doe"))
    url = feed_server.put("/f.xml", doc)
    db = tmp_path / "state.db"
    result = poll(db, url, ruleset(tmp_path, CEASEFIRE_RULE))
    guid = "g1" if kind == "rss" else "urn:wire:g1"
    assert fired(result) == {("ceasefire-call", guid)}
    ((_, match),) = result.matches
    assert "(content)" in match.explanation and "'ceasefire' (content)" in match.explanation
    # What was matched is stored: the teaser as the summary, the body as the content.
    stored = {key: unpack_text(content)  # key: 'g:' GUID; texts compressed since 0023
              for key, content in rows(db, "SELECT substr(key, 3), content FROM items")}
    assert stored[guid] == (TEASER + " Later the UN secretary-general urged an immediate "
                            "ceasefire.")
    assert [unpack_text(s) for (s,) in rows(db, f"SELECT summary FROM items WHERE key = "
                                                f"'g:{guid}'")] == [TEASER]


def test_in_content_and_in_summary_are_different_texts(tmp_path, feed_server):
    doc = rss_doc(
        rss_entry("Talks", "body", teaser="Diplomats met.", body="<p>The envoy spoke.</p>"),
        rss_entry("Talks", "teaser", teaser="The envoy spoke.", body="<p>Diplomats met.</p>"),
        # No full text: `content` is the summary, so both rules see the teaser.
        rss_entry("Talks", "none", teaser="The envoy arrived."))
    url = feed_server.put("/f.xml", doc)
    result = poll(tmp_path / "state.db", url,
                  ruleset(tmp_path, CONTENT_ONLY_RULE, SUMMARY_ONLY_RULE))
    assert fired(result) == {("body-envoy", "body"), ("teaser-envoy", "teaser"),
                             ("body-envoy", "none"), ("teaser-envoy", "none")}


def test_lead_stays_the_headline_and_first_sentence_of_the_summary(tmp_path, feed_server):
    lead_rule = ("id: lead-truce\ntitle: t\nmatch:\n  terms: [ceasefire]\n  in: [lead]\n")
    doc = rss_doc(rss_entry("Talks", "g1", teaser=TEASER, body=BODY))
    url = feed_server.put("/f.xml", doc)
    assert poll(tmp_path / "state.db", url, ruleset(tmp_path, lead_rule)).matches == []


# -- author and categories -----------------------------------------------------------------

def test_author_and_categories_rules_fire_only_on_their_own_field(tmp_path, feed_server):
    doc = rss_doc(
        rss_entry("Summit opens", "jane", teaser="Leaders arrive.", creator="Jane Doe",
                  categories=("Middle East", "Diplomacy")),
        rss_entry("Summit opens", "john", teaser="Leaders arrive.", creator="John Roe",
                  categories=("Europe",)),
        # The words are in the text, not in the author or category fields.
        rss_entry("Jane Doe on the Middle East", "words", teaser="Jane Doe writes about the "
                  "Middle East.", creator="Staff", categories=("Opinion",)))
    url = feed_server.put("/f.xml", doc)
    db = tmp_path / "state.db"
    result = poll(db, url, ruleset(tmp_path, AUTHOR_RULE, CATEGORY_RULE))
    assert fired(result) == {("by-jane", "jane"), ("middle-east-desk", "jane")}
    explanations = {m.rule_id: m.explanation for _, m in result.matches}
    assert explanations["by-jane"] == "matched because: 'Jane Doe' (author)"
    assert explanations["middle-east-desk"] == "matched because: 'Middle East' (categories)"
    assert rows(db, "SELECT author, categories FROM items WHERE key = 'g:jane'") == [
        ("Jane Doe", '["Middle East", "Diplomacy"]')]


def test_atom_authors_and_category_labels(tmp_path, feed_server):
    doc = atom_doc(
        atom_entry("Summit", "a1", teaser="Leaders arrive.", body="<p>Leaders arrive.</p>",
                   author="Jane Doe",
                   categories=(("https://wire.example.org/cat/me", "Middle East"),)),
        atom_entry("Summit", "a2", teaser="Leaders arrive.", body="<p>Leaders arrive.</p>",
                   author="John Roe", categories=(("europe", None),)))
    url = feed_server.put("/f.xml", doc)
    db = tmp_path / "state.db"
    result = poll(db, url, ruleset(tmp_path, AUTHOR_RULE, CATEGORY_RULE))
    assert fired(result) == {("by-jane", "urn:wire:a1"), ("middle-east-desk", "urn:wire:a1")}
    # The e-mail address is not part of the author; the label stands for a URI term.
    assert rows(db, "SELECT author, categories FROM items ORDER BY key") == [
        ("Jane Doe", '["Middle East"]'), ("John Roe", '["europe"]')]


def test_terms_without_in_do_not_search_author_or_categories(tmp_path, feed_server):
    rule = "id: jane\ntitle: t\nmatch:\n  terms: [Jane]\n"
    doc = rss_doc(rss_entry("Summit opens", "g1", teaser="Leaders arrive.", creator="Jane Doe",
                            categories=("Jane",)))
    url = feed_server.put("/f.xml", doc)
    assert poll(tmp_path / "state.db", url, ruleset(tmp_path, rule)).matches == []


# -- hostile text --------------------------------------------------------------------------

def test_hostile_markup_in_the_full_text_never_reaches_a_notification(tmp_path, feed_server):
    body = (HOSTILE_SUMMARY.replace("UN <b>urges</b> a ceasefire.", "The body.")
            + "<p>The UN \u202eurges\u202c a cease\u00adfire\x07 now.</p>")
    creator = "<b>Jane</b> \u202eDoe\u202c<script>alert(1)</script>"
    doc = rss_doc(rss_entry("Talks in Geneva", "h1", teaser=TEASER, body=body,
                            creator=creator, categories=("<i>Middle\u2066 East</i>",)))
    url = feed_server.put("/f.xml", doc)
    db = tmp_path / "state.db"
    result = poll(db, url, ruleset(tmp_path, CEASEFIRE_RULE, AUTHOR_RULE, CATEGORY_RULE))
    assert {rule for rule, _ in fired(result)} == {"ceasefire-call", "by-jane",
                                                    "middle-east-desk"}
    messages = [(m.title, m.body) for m in outbox_messages(db)]  # as they are sent
    assert len(messages) == 3
    for title, message in messages:
        assert_clean(title, newlines=False)
        assert_clean(message, newlines=True)
    assert any("'ceasefire' (content)" in message for _, message in messages)
    ((content, author, categories),) = rows(db, "SELECT content, author, categories FROM items")
    for text in (content, author, *json.loads(categories)):
        assert_clean(text, newlines=False)
    assert author == "Jane Doe"
    assert json.loads(categories) == ["Middle East"]
    assert "urges a ceasefire now." in content


# -- edits ---------------------------------------------------------------------------------

def test_an_edit_of_the_full_text_alone_is_an_edit(tmp_path, feed_server):
    quiet = rss_entry("Talks in Geneva", "g1", teaser=TEASER,
                      body="<p>Diplomats met in Geneva on Tuesday. Talks go on.</p>")
    url = feed_server.put("/f.xml", rss_doc(quiet))
    db = tmp_path / "state.db"
    rules = ruleset(tmp_path, CEASEFIRE_RULE)
    first = poll(db, url, rules)
    assert (first.new_items, first.matches) == (1, [])
    # The same title and teaser; the body now reports a call for a ceasefire.
    feed_server.put("/f.xml", rss_doc(rss_entry("Talks in Geneva", "g1", teaser=TEASER,
                                                body=BODY)))
    second = poll(db, url, rules)
    assert (second.new_items, second.edited_items) == (0, 1)
    assert fired(second) == {("ceasefire-call", "g1")}
    assert rows(db, "SELECT edits FROM items") == [(1,)]
    assert "ceasefire" in unpack_text(rows(db, "SELECT content FROM items")[0][0])


def _as_stored_before_content(db: Path) -> None:
    """The database as the previous version left it: no content columns, hashes of title and
    summary only, migration 0015 not applied."""
    with sqlite3.connect(db) as conn:
        for column in ("content", "author", "categories"):
            conn.execute(f"ALTER TABLE items DROP COLUMN {column}")
        # The first 16 hex digits (stored as their 8 bytes since migration 0017).
        conn.execute("UPDATE items SET content_hash = substr(content_hash, 1, 8)")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0015_item_content'")


def test_items_stored_before_the_upgrade_are_not_edits_of_their_full_text(tmp_path,
                                                                           feed_server):
    updates_rule = CEASEFIRE_RULE + "updates: true\n"
    entry = rss_entry("UN urges ceasefire in Gaza", "g1", teaser=TEASER, body=BODY)
    url = feed_server.put("/f.xml", rss_doc(entry))
    db = tmp_path / "state.db"
    rules = ruleset(tmp_path, updates_rule)
    assert fired(poll(db, url, rules)) == {("ceasefire-call", "g1")}
    _as_stored_before_content(db)
    # The feed changes (a new item), so the document is parsed again; the old entry is the
    # same text it was: reading its full text now must not make it an edit (a follow-up).
    feed_server.put("/f.xml", rss_doc(rss_entry("Markets open", "g2", teaser="Stocks rose."),
                                      entry))
    second = poll(db, url, rules)
    assert (second.new_items, second.edited_items, second.alerts_queued) == (1, 0, 0)
    assert rows(db, "SELECT content IS NULL FROM items WHERE key = 'g:g1'") == [(1,)]
    # A real edit afterwards is one, and stores the full text.
    feed_server.put("/f.xml", rss_doc(rss_entry("UN urges ceasefire in Gaza and Lebanon", "g1",
                                                teaser=TEASER, body=BODY)))
    third = poll(db, url, rules)
    assert third.edited_items == 1
    assert rows(db, "SELECT content IS NOT NULL FROM items WHERE key = 'g:g1'") == [(1,)]


# -- replay of stored items ----------------------------------------------------------------

def test_replay_of_stored_items_matches_their_full_text_author_and_categories(tmp_path,
                                                                              feed_server):
    doc = rss_doc(rss_entry("Talks in Geneva", "g1", teaser=TEASER, body=BODY,
                            creator="Jane Doe", categories=("Middle East",)),
                  rss_entry("Markets open", "g2", teaser="Stocks rose.", creator="John Roe"))
    url = feed_server.put("/f.xml", doc)
    db = tmp_path / "state.db"
    # Recorded without alerting (the first poll of a feed is its backlog).
    assert poll(db, url, ruleset(tmp_path, CEASEFIRE_RULE), backfill=False).alerts_queued == 0
    rules = tmp_path / "replay-rules"
    rules.mkdir()
    for name, text in (("a", CEASEFIRE_RULE), ("b", AUTHOR_RULE), ("c", CATEGORY_RULE),
                       ("d", CONTENT_ONLY_RULE)):
        (rules / f"{name}.yaml").write_text(text, encoding="utf-8")
    proc = run_cli("replay", f"stored:{db}", "--rules", str(rules), "--fresh")
    assert proc.returncode == 0, proc.stderr
    alerts = [json.loads(line) for line in proc.stdout.splitlines()]
    assert sorted(a["rule"] for a in alerts) == ["by-jane", "ceasefire-call",
                                                 "middle-east-desk"]


# -- normalising ---------------------------------------------------------------------------

FEED = Feed(url="https://wire.example.org/rss", name="Wire", interval=60)


def items_of(xml: str):
    parsed = feedparser.parse(xml.encode(), response_headers={
        "content-location": "https://wire.example.org/rss"})
    return normalise(parsed.entries, FEED, "https://wire.example.org/rss")


def test_full_text_that_is_the_summary_again_is_not_kept_twice():
    (lone, same, more) = items_of(rss_doc(
        rss_entry("A", "lone", body="<p>Only the body.</p>"),  # feedparser copies it
        rss_entry("B", "same", teaser="The same words.", body="<p>The same <b>words.</b></p>"),
        rss_entry("C", "more", teaser="Teaser.", body="<p>Teaser.</p><p>More.</p>")))
    assert (lone.summary, lone.content) == ("Only the body.", "")
    assert (same.summary, same.content) == ("The same words.", "")
    assert (more.summary, more.content) == ("Teaser.", "Teaser. More.")
    assert lone.content_hash != more.content_hash


def test_the_full_text_is_capped_and_its_hash_tells_an_edit():
    long_body = "<p>" + "word " * (MAX_CONTENT // 2) + "</p>"
    (item,) = items_of(rss_doc(rss_entry("A", "g", teaser="Teaser.", body=long_body)))
    assert len(item.content) == MAX_CONTENT
    (plain,) = items_of(rss_doc(rss_entry("A", "g", teaser="Teaser.")))
    (edited,) = items_of(rss_doc(rss_entry("A", "g", teaser="Teaser.", body="<p>Other</p>")))
    # Title and summary hash as they always did; the full text adds to it.
    assert item.content_hash[:16] == plain.content_hash == edited.content_hash[:16]
    assert len({item.content_hash, plain.content_hash, edited.content_hash}) == 3


def test_authors_without_e_mail_and_categories_once_each_and_capped():
    entry = ("<item><title>A</title><guid>g</guid><description>d</description>"
             "<author>desk@wire.example.org</author>"
             + "".join(f"<category>Topic {i % 80}</category><category>topic {i % 80}"
                       "</category>" for i in range(100)) + "</item>")
    (item,) = items_of(rss_doc(entry))
    assert item.author == ""  # an address alone is not a name (and not ours to pass on)
    assert len(item.categories) == MAX_CATEGORIES
    assert len({c.casefold() for c in item.categories}) == MAX_CATEGORIES
    (named,) = items_of(rss_doc("<item><title>A</title><guid>g</guid><description>d"
                                "</description><author>desk@wire.example.org (Jane Doe)"
                                "</author></item>"))
    assert named.author == "Jane Doe"


def test_every_field_is_in_the_rule_schema_and_reads_its_own_text():
    from alerts.rules.schema import rule_schema

    schema = rule_schema()
    assert schema["$defs"]["field"]["enum"] == list(FIELDS)
    (item,) = items_of(rss_doc(rss_entry("Headline.", "g", teaser="Teaser. Second.",
                                         body="<p>Body text.</p>", creator="Jane Doe",
                                         categories=("A b", "C"))))
    ctx = MatchContext(item)
    assert {name: ctx.field(name).original for name in
            ("title", "summary", "content", "lead", "author", "categories")} == {
        "title": "Headline.", "summary": "Teaser. Second.", "content": "Body text.",
        "lead": "Headline.. Teaser.", "author": "Jane Doe", "categories": "A b; C"}


def test_a_photo_caption_is_not_the_full_text_an_atom_text_content_is(tmp_path):
    # feedparser files <media:description> (after the <description>) as a plain-text
    # content; the article is the content:encoded.
    caption = ("<media:content url='https://img.example.org/1.jpg'><media:description>"
               "Envoys arrive in Doha.</media:description></media:content>")
    rss = rss_doc(
        rss_entry("Talks", "both", teaser="Teaser.", body="<p>The ceasefire was agreed.</p>")
        .replace("<content:encoded>", caption + "<content:encoded>"),
        rss_entry("Talks", "caption", teaser="Teaser.").replace("</item>", caption + "</item>"),
        # A caption marked as HTML is a text/html content too: the longer text is the article.
        rss_entry("Talks", "html", teaser="Teaser.", body="<p>The ceasefire was agreed.</p>")
        .replace("<content:encoded>", caption.replace("<media:description>",
                                                      '<media:description type="html">')
                 + "<content:encoded>"))
    rss = rss.replace("<rss ", '<rss xmlns:media="http://search.yahoo.com/mrss/" ')
    feed = Feed("https://wire.example.org/rss", "Wire", 60)
    both, only_caption, html = parse_items(rss.encode(), feed.url, None, feed, 500).items
    assert both.content == html.content == "The ceasefire was agreed."
    assert only_caption.content == ""
    atom = atom_doc(atom_entry("Talks", "t", teaser="Teaser.", body="Plain article text.",
                               author="Jane Doe", kind="text"))
    (item,) = parse_items(atom.encode(), feed.url, None, feed, 500).items
    assert item.content == "Plain article text."


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_real_news_feeds_full_text_is_the_article_not_a_caption():
    news = CORPUS / "fastfeedparser-realworld" / "news"
    feed = Feed("https://feeds.example.org/", "Wire", 60)

    def items(name: str):
        return parse_items((news / name).read_bytes(), feed.url, None, feed, 500).items

    # El País English: a photo caption, then the article in content:encoded.
    first = items("elpais-english.rss.xml")[0]
    assert first.content.startswith("Some say they were simply unlucky")
    assert "Little Havana" not in first.content  # the caption
    assert first.author == "Abel Fernández" and "Cuba" in first.categories
    # ABC Australia and the New York Times: captions only, no article text in the feed.
    assert not any(i.content for i in items("abc-au-topstories.rss.xml"))
    assert not any(i.content for i in items("nytimes-world.rss.xml"))
    # TIME: whole articles, capped.
    time_items = items("time-world.rss.xml")
    assert all(0 < len(i.content) <= MAX_CONTENT for i in time_items)
    assert max(len(i.content) for i in time_items) > 5 * max(len(i.summary) for i in time_items)
