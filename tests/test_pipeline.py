"""One poll through the real pipeline: a real HTTP server, real SQLite, real rule files."""

import sqlite3
from pathlib import Path

import pytest

from alerts.models import Feed
from alerts.rules import RuleSet, load_rules
from tests.conftest import CEASEFIRE_RULE, CORPUS, poll_once, query
from tests.feeds import rss, rss_item

LOOPBACK = ("127.0.0.0/8",)  # test servers are on loopback, refused by default

CONTACT_RULE = """\
id: contact
title: Leaders speak
match:
  all:
    - terms: [Macron]
    - terms: [Putin]
"""


@pytest.fixture
def rules(tmp_path) -> RuleSet:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "a.yaml").write_text(CEASEFIRE_RULE)
    (folder / "b.yaml").write_text(CONTACT_RULE)
    return RuleSet(load_rules([folder], {"chat", "mail"}, ("chat", "mail")), ("chat", "mail"))


def poll(db: Path, feed: Feed, rules: RuleSet, backfill: bool = False):
    return poll_once(db, feed, rules, force_backfill=backfill)


def outbox(db: Path) -> list[tuple]:
    return query(db, "SELECT o.channel, o.title, m.rule_id FROM outbox o "
                     "JOIN matches m ON m.id = o.match_id ORDER BY o.id")


def count(db: Path, table: str) -> int:
    return query(db, f"SELECT count(*) FROM {table}")[0][0]


CALL = rss_item("Macron urges ceasefire in call with Putin", guid="call",
                link="https://wire.example.org/call")
ROUTINE = rss_item("Macron and Merz hold routine call", guid="routine",
                   link="https://wire.example.org/routine")
TRUCE = rss_item("UN urges truce in Sudan", guid="sudan", link="https://wire.example.org/sudan")


def test_first_poll_records_the_backlog_without_alerting(tmp_path, feed_server, rules):
    url = feed_server.put("/f.xml", rss(CALL, ROUTINE))
    db = tmp_path / "state.db"
    result = poll(db, Feed(url, "Wire", 60), rules)
    assert (result.status, result.new_items, result.suppressed_backlog) == ("new", 2, 2)
    assert result.alerts_queued == 0 and outbox(db) == []
    assert count(db, "items") == 2

    feed_server.put("/f.xml", rss(TRUCE, CALL, ROUTINE))
    result = poll(db, Feed(url, "Wire", 60), rules)
    assert (result.new_items, result.alerts_queued) == (1, 2)  # one match, two channels
    assert [(c, r) for c, _, r in outbox(db)] == [("chat", "ceasefire-call"),
                                                   ("mail", "ceasefire-call")]


@pytest.mark.parametrize("how", ["feed-setting", "force"])
def test_backfill_alerts_on_the_backlog(tmp_path, feed_server, rules, how):
    url = feed_server.put("/f.xml", rss(CALL, ROUTINE))
    db = tmp_path / "state.db"
    feed = Feed(url, "Wire", 60, backfill=how == "feed-setting")
    result = poll(db, feed, rules, backfill=how == "force")
    assert result.alerts_queued == 4  # CALL matches both rules, on both channels
    assert sorted({r for _, _, r in outbox(db)}) == ["ceasefire-call", "contact"]


def test_unchanged_feed_gets_304_and_does_no_work(tmp_path, feed_server, rules):
    url = feed_server.put("/f.xml", rss(CALL))
    db = tmp_path / "state.db"
    poll(db, Feed(url, "Wire", 60), rules)
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT last_seen FROM items").fetchall()
    result = poll(db, Feed(url, "Wire", 60), rules)
    assert result.status == "not-modified" and result.http_status == 304
    assert result.entries == 0 and result.new_items == 0
    assert feed_server.statuses("/f.xml") == [200, 304]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT last_seen FROM items").fetchall() == before
        assert conn.execute("SELECT last_status FROM feeds").fetchone() == (304,)


def test_identical_body_without_validators_is_not_parsed_again(tmp_path, feed_server, rules):
    url = feed_server.put("/f.xml", rss(CALL), validators=False)
    db = tmp_path / "state.db"
    poll(db, Feed(url, "Wire", 60), rules)
    assert poll(db, Feed(url, "Wire", 60), rules).status == "unchanged"


def test_an_edit_alerts_only_for_rules_it_newly_matches(tmp_path, feed_server, rules):
    url = feed_server.put("/f.xml", rss(rss_item("Macron to speak with Putin", guid="e")))
    db = tmp_path / "state.db"
    poll(db, Feed(url, "Wire", 60), rules, backfill=True)
    assert {r for _, _, r in outbox(db)} == {"contact"}
    # Same GUID, new headline: the ceasefire rule now matches; contact already alerted.
    feed_server.put("/f.xml", rss(rss_item("Macron urges Putin to accept a ceasefire", guid="e")))
    result = poll(db, Feed(url, "Wire", 60), rules)
    assert (result.new_items, result.edited_items, result.alerts_queued) == (0, 1, 2)
    assert [r for _, _, r in outbox(db)].count("contact") == 2  # two channels, once each
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT title, edits FROM items").fetchone() == (
            "Macron urges Putin to accept a ceasefire", 1)


def test_feed_error_is_recorded_and_nothing_is_lost(tmp_path, feed_server, rules):
    url = feed_server.put("/f.xml", rss(CALL))
    db = tmp_path / "state.db"
    poll(db, Feed(url, "Wire", 60), rules, backfill=True)
    queued = outbox(db)
    feed_server.put("/f.xml", b"<html><body>Please log in</body></html>",
                    content_type="text/html")
    result = poll(db, Feed(url, "Wire", 60), rules)
    assert result.status == "error" and "HTML page" in result.error
    assert outbox(db) == queued and count(db, "items") == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT error_count, error_kind FROM feeds").fetchone() == (1, "html")


RSS2EMAIL = CORPUS / "rss2email-testdata" / "nodejs"


@pytest.mark.skipif(not RSS2EMAIL.is_dir(), reason="shared corpus not present")
def test_rss2email_evolving_feed_alerts_only_for_genuinely_new_items(tmp_path, feed_server):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "sec.yaml").write_text("id: security\nmatch: {terms: [security, vulnerab*]}\n")
    rules = RuleSet(load_rules([folder], {"mail"}, ("mail",)), ("mail",))
    db = tmp_path / "state.db"
    feed = Feed(feed_server.base + "/nodejs.xml", "Node.js", 60, backfill=True)
    queued = []
    for name in ("feed1.xml", "feed2.xml", "feed3.xml"):
        feed_server.put("/nodejs.xml", (RSS2EMAIL / name).read_bytes())
        result = poll(db, feed, rules)
        assert result.status == "new"
        queued.append(result.alerts_queued)
    # The one item is edited twice under the same GUID: it alerts once, on the first poll.
    assert queued == [1, 0, 0]
    assert count(db, "items") == 1
    # A genuinely new item on a fourth poll alerts.
    body = (RSS2EMAIL / "feed3.xml").read_text()
    extra = rss_item("March 2020 Security Releases", guid="https://nodejs.org/march",
                     link="https://nodejs.org/march")
    feed_server.put("/nodejs.xml", body.replace("<item>", extra + "<item>", 1))
    assert poll(db, feed, rules).alerts_queued == 1


def test_guid_churn_is_one_warning_not_a_burst_of_alerts(tmp_path, feed_server, rules, caplog):
    old = "Mon, 02 Jun 2025 10:00:00 GMT"
    items = [rss_item(f"UN urges ceasefire in region {n}", guid=f"a{n}", pub=old)
             for n in range(12)]
    url = feed_server.put("/f.xml", rss(*items))
    db = tmp_path / "state.db"
    poll(db, Feed(url, "Wire", 60), rules)
    # A CMS migration: the same old stories under new GUIDs.
    churned = [rss_item(f"UN urges ceasefire in region {n}", guid=f"b{n}", pub=old)
               for n in range(12)]
    feed_server.put("/f.xml", rss(*churned))
    result = poll(db, Feed(url, "Wire", 60), rules)
    assert result.flood and result.alerts_queued == 0 and result.new_items == 12
    assert "came back as new" in caplog.text
    # A busy feed with genuinely fresh items still alerts.
    from datetime import UTC, datetime
    from email.utils import format_datetime

    now = format_datetime(datetime.now(UTC), usegmt=True)
    fresh = [rss_item(f"Envoy urges truce in zone {n}", guid=f"c{n}", pub=now)
             for n in range(12)]
    feed_server.put("/f.xml", rss(*fresh))
    result = poll(db, Feed(url, "Wire", 60), rules)
    assert not result.flood
