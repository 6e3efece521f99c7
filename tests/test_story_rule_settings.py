"""Users steer stories per rule (#16): `story: {window, by}` and `updates:` change what the
user receives, not only what the loader accepts. Each test runs one pair of rule files, the
same apart from the setting, over the same real feeds (loopback server, the real pipeline, a
real SQLite file) and compares what the outbox would send.

`updates: true` also keeps every alert listing all outlets as copies arrive: each later
report of an alerted story is a follow-up, threaded to the first alert, naming every
source so far."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from alerts.models import Feed
from tests.test_story_events import NOW, _feed, _poll, _sent

CEASEFIRE = "ceasefire-agreed.yaml"
LEADERS = """\
id: leaders
title: Biden and Xi
match:
  all:
    - terms: [Biden]
    - terms: [Xi]
"""


def _rules(tmp_path: Path, name: str, text: str, setting: str = ""):
    """One rule file (a shipped one by name, or `text`) with `setting` appended."""
    from alerts.rulepack import shipped_rules_dir
    from alerts.rules import RuleSet, load_rules

    body = text or (shipped_rules_dir() / name).read_text("utf-8")
    folder = tmp_path / f"rules-{len(list(tmp_path.glob('rules-*')))}"
    folder.mkdir()
    (folder / "rule.yaml").write_text(body + setting, "utf-8")
    return RuleSet(load_rules([folder], {"c"}, ("c",)), ("c",))


def _kinds(db: Path) -> list[str]:
    return [kind for kind, *_ in _sent(db)]


def _two_outlets(feed_server, hours_apart: float) -> list[Feed]:
    """One ceasefire reported by two outlets in other words, `hours_apart` apart."""
    return [_feed(feed_server, "AFP", ("Israel and Lebanon agree ceasefire",
                                       "https://afp.example/1",
                                       NOW - timedelta(hours=hours_apart + 1))),
            _feed(feed_server, "Reuters", ("Lebanon and Israel reach truce deal",
                                           "https://reuters.example/1",
                                           NOW - timedelta(hours=1)))]


def test_a_rules_own_window_keeps_reports_further_apart_in_two_stories(tmp_path,
                                                                        feed_server):
    feeds = _two_outlets(feed_server, hours_apart=20)
    default = tmp_path / "default.db"
    _poll(default, feeds, _rules(tmp_path, CEASEFIRE, ""))
    assert _kinds(default) == ["alert"]  # 20 h apart, within the default 48 h: one story
    short = tmp_path / "short.db"
    _poll(short, feeds, _rules(tmp_path, CEASEFIRE, "", "story: {window: 6h}\n"))
    assert _kinds(short) == ["alert", "alert"]  # the rule's 6 h: two stories


def test_by_text_joins_only_the_same_page_text_or_wording(tmp_path, feed_server):
    feeds = _two_outlets(feed_server, hours_apart=1)
    by_event = tmp_path / "event.db"
    _poll(by_event, feeds, _rules(tmp_path, CEASEFIRE, "", "story: {by: event}\n"))
    assert _kinds(by_event) == ["alert"]  # the frames agree, whatever the words
    by_text = tmp_path / "text.db"
    _poll(by_text, feeds, _rules(tmp_path, CEASEFIRE, "", "story: {by: text}\n"))
    assert _kinds(by_text) == ["alert", "alert"]  # other words, other pages: two stories
    # The same page re-posted by another outlet still joins under `by: text`.
    again = tmp_path / "again.db"
    feeds.append(_feed(feed_server, "Mirror", ("Israel, Lebanon agree to ceasefire",
                                               "https://afp.example/1", NOW)))
    _poll(again, feeds, _rules(tmp_path, CEASEFIRE, "", "story: {by: text}\n"))
    assert _kinds(again) == ["alert", "alert"]


def test_by_people_joins_the_same_rule_on_the_same_people(tmp_path, feed_server):
    """A preview and the meeting it announces name the same two people: `by: people` (the
    earlier behaviour) makes them one story; `by: event` never does (#16)."""
    feeds = [_feed(feed_server, "Preview", ("Biden and Xi to meet in San Francisco next week",
                                            "https://p.example/1", NOW - timedelta(hours=40))),
             _feed(feed_server, "Wire", ("Biden and Xi meet in San Francisco",
                                         "https://w.example/1", NOW - timedelta(hours=1)))]
    by_event = tmp_path / "event.db"
    _poll(by_event, feeds, _rules(tmp_path, "", LEADERS))
    assert _kinds(by_event) == ["alert", "alert"]
    by_people = tmp_path / "people.db"
    _poll(by_people, feeds, _rules(tmp_path, "", LEADERS, "story: {by: people}\n"))
    assert _kinds(by_people) == ["alert"]


def test_updates_true_sends_each_later_copy_as_a_follow_up_listing_every_source(
        tmp_path, feed_server):
    feeds = [_feed(feed_server, "AFP", ("Israel and Lebanon agree ceasefire",
                                        "https://afp.example/1", NOW - timedelta(hours=4))),
             _feed(feed_server, "Reuters", ("Lebanon and Israel reach truce deal",
                                            "https://reuters.example/1",
                                            NOW - timedelta(hours=3))),
             _feed(feed_server, "AP", ("Ceasefire agreed between Israel and Lebanon",
                                       "https://ap.example/1", NOW - timedelta(hours=2)))]
    db = tmp_path / "s.db"
    _poll(db, feeds, _rules(tmp_path, CEASEFIRE, "", "updates: true\n"))
    sent = _sent(db)
    assert [kind for kind, *_ in sent] == ["alert", "update", "update"]
    first = sent[0][1]
    assert [thread for _, _, thread, _ in sent[1:]] == [first, first]
    # Each follow-up names every outlet that reported the story so far.
    assert all(link in sent[1][3] for link in ("https://afp.example/1",
                                                "https://reuters.example/1"))
    assert all(link in sent[2][3] for link in ("https://afp.example/1",
                                                "https://reuters.example/1",
                                                "https://ap.example/1"))
    # The default (unset) sends the first alert only: the copies are listed in history.
    quiet = tmp_path / "quiet.db"
    _poll(quiet, feeds, _rules(tmp_path, CEASEFIRE, "", "\n"))
    assert _kinds(quiet) == ["alert"]


def test_on_a_digest_channel_the_story_is_one_entry_listing_every_outlet(tmp_path,
                                                                          feed_server):
    """`updates: true` with a channel that gathers a digest: the first alert and the
    follow-ups of later copies are one story in the digest, with every outlet once."""
    from datetime import UTC, datetime

    from alerts.deliver import make_digest
    from alerts.routing import ChannelStyle
    from alerts.state import Store

    links = ("https://afp.example/1", "https://reuters.example/1", "https://ap.example/1")
    feeds = [_feed(feed_server, "AFP", ("Israel and Lebanon agree ceasefire", links[0],
                                        NOW - timedelta(hours=4))),
             _feed(feed_server, "Reuters", ("Lebanon and Israel reach truce deal", links[1],
                                            NOW - timedelta(hours=3))),
             _feed(feed_server, "AP", ("Ceasefire agreed between Israel and Lebanon", links[2],
                                       NOW - timedelta(hours=2)))]
    db = tmp_path / "s.db"
    _poll(db, feeds, _rules(tmp_path, CEASEFIRE, "", "updates: true\n"))
    store = Store(db)
    try:
        later = datetime.now(UTC) + timedelta(days=1)
        rows = store.outbox_due(later)
        assert [row.kind for row in rows] == ["alert", "update", "update"]
        digest = make_digest(store, ChannelStyle(), "c", "digest", rows, later)
        assert digest is not None
        assert digest.title.startswith("Digest: 3 alerts")
        assert [digest.body.count(link) for link in links] == [1, 1, 1]
        # One entry for the story, naming the first alert and its two follow-ups.
        ids = [line for line in digest.body.splitlines() if line.strip().startswith("alert ")]
        assert len(ids) == 1 and ids[0].count(", ") == 2, digest.body
    finally:
        store.close()
