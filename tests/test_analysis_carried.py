"""One analysis per item through a real poll (issue #17: "the item's analysis is computed
once"): matching reads it for its `event:` conditions, then the item's story (its event and
who it is about) reads the same one, carried from matching, not asked for again.

Real parts: a feed served on loopback, the real Fetcher and Poller, a real SQLite state,
the shipped rules. The analysis entry point is wrapped to count how often each item's
text is asked for (its remembered copy would hide a second computation, not a second
request)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from alerts.models import Feed
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.state import Store
from alerts.state.feedkeys import read_key
from tests.conftest import poll_feeds, polling_rules, query
from tests.feeds import rss, rss_item
from tests.servers import FeedServer

CALL = "Macron urges Putin to agree an immediate ceasefire in Ukraine"
TRUCE = "Pope appeals for a Christmas truce in Ukraine"
OTHER = "Airline profits rise as fuel prices fall"
CALL_TERMS = "UN chief calls for ceasefire in Sudan as fighting spreads"


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each headline's analysis was asked for."""
    import alerts.analysis as analysis

    counts: Counter[str] = Counter()
    real = analysis.analyse_text

    def counted(title, summary, day, kb=None):  # type: ignore[no-untyped-def]
        counts[title] += 1
        return real(title, summary, day, kb)

    monkeypatch.setattr(analysis, "analyse_text", counted)
    return counts


def poll(tmp_path: Path, feed_server: FeedServer, rules: RuleSet, *titles: str) -> Path:
    url = feed_server.put("/wire.xml", rss(*(
        rss_item(t, guid=f"g{n}", link=f"https://wire.example.org/{n}",
                 summary=f"{t}. Reported on Tuesday.") for n, t in enumerate(titles))))
    db = tmp_path / "s.db"
    [result] = poll_feeds(db, [Feed(url, "Wire", 3600)], rules, force_backfill=True)
    assert result.status == "new", result.error
    return db


def test_an_event_rule_and_the_story_share_one_analysis(tmp_path: Path,
                                                        feed_server: FeedServer,
                                                        asked: Counter[str]):
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    db = poll(tmp_path, feed_server, rules, CALL, TRUCE, OTHER)
    matched = {t for (t,) in query(db, "SELECT i.title FROM matches m JOIN items i "
                                       "ON i.id = m.item_id")}
    assert matched == {CALL, TRUCE}
    # Matching read each matched item's analysis for its event condition; its story read
    # the same one: one request each.
    assert {t: asked[t] for t in matched} == {CALL: 1, TRUCE: 1}
    assert asked[OTHER] <= 1
    # The carried analysis is the one the story used: the call's event is its story's.
    [(url, stored)] = query(db, "SELECT f.url, i.key FROM items i JOIN feeds f "
                                "ON f.id = i.feed_id WHERE i.title = ?", CALL)
    key = read_key(stored, url)  # kept after its feed's origin since 0028
    store = Store(db)
    try:
        member = store.story_member(url, key)
    finally:
        store.close()
    assert member is not None and (member["event"] or "").startswith("ceasefire")


def test_a_story_s_reports_are_read_once_per_alert(tmp_path: Path, feed_server: FeedServer,
                                                   monkeypatch: pytest.MonkeyPatch):
    # Whether the story has enough sources to alert, and the message's other reports: one
    # read of the story's reports, carried from the first to the second (since H3's
    # story_sources_for, one for all the rules an item matched: asked rule by rule, or
    # both ways, they are counted apiece).
    reads: list[int] = []
    real, real_for = Store.story_sources, Store.story_sources_for

    def counted(self, story_id, rule_id=None):  # type: ignore[no-untyped-def]
        reads.append(story_id)
        return real(self, story_id, rule_id)

    def counted_for(self, story, rule_ids):  # type: ignore[no-untyped-def]
        reads.append(story.id)
        return real_for(self, story, rule_ids)

    monkeypatch.setattr(Store, "story_sources", counted)
    monkeypatch.setattr(Store, "story_sources_for", counted_for)
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    db = poll(tmp_path, feed_server, rules, CALL, TRUCE, OTHER)
    alerted = query(db, "SELECT count(*) FROM matches WHERE alerted = 1")[0][0]
    assert alerted == 2
    assert len(reads) == alerted


def test_a_terms_rule_leaves_the_analysis_to_the_story_once(tmp_path: Path,
                                                            feed_server: FeedServer,
                                                            asked: Counter[str]):
    # The polling rule has terms only: matching reads no analysis, the story reads it once,
    # and an item that matched nothing is never analysed.
    db = poll(tmp_path, feed_server, polling_rules(tmp_path), CALL_TERMS, OTHER)
    assert query(db, "SELECT count(*) FROM matches") == [(1,)]
    assert asked[CALL_TERMS] == 1
    assert asked[OTHER] == 0
