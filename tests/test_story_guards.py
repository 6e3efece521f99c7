"""What may silence an alert (#16): only a story that already alerted for the same rule,
with the same participants. A preview never absorbs the event it announces (see
tests/test_story_events.py); here: another rule's alert in the story silences nothing, and
a report that shares a page address with a story (a live page, one address for the day)
but reports another event is not silenced by it.

Real feeds from the loopback server, the real pipeline and shipped rules, a real SQLite
file; what the outbox holds is what would be sent."""

from __future__ import annotations

from datetime import timedelta

from alerts.models import Feed
from tests.feeds import rss, rss_item
from tests.test_story_events import NOW, _feed, _poll, _pub, _sent, _shipped_rules

BEIRUT = """\
id: beirut
title: Beirut named
match:
  terms: [Beirut]
"""


def test_another_rules_alert_in_the_story_silences_nothing(tmp_path, feed_server):
    db = tmp_path / "s.db"
    feeds = [_feed(feed_server, "AFP", ("Israel and Lebanon agree ceasefire",
                                        "https://afp.example/1", NOW - timedelta(hours=3))),
             _feed(feed_server, "NNA", ("Lebanon and Israel reach truce deal, Beirut says",
                                        "https://nna.example/1", NOW - timedelta(hours=2)))]
    results = _poll(db, feeds, _shipped_rules(tmp_path, {"beirut.yaml": BEIRUT}))
    # One story: the second report is a copy for ceasefire-agreed, and the first for beirut.
    stories = {m.story_id for r in results for _, m in r.matches}
    assert len(stories) == 1
    assert len(_sent(db, "ceasefire-agreed")) == 1
    assert len(_sent(db, "beirut")) == 1
    second = {m.rule_id: m.suppressed for _, m in results[1].matches}
    assert second["beirut"] is None
    assert "a copy of 'agreed'" in (second["ceasefire-agreed"] or "")


def test_a_shared_page_with_another_event_does_not_silence_it(tmp_path, feed_server):
    """One live page for the day (entries differ only by the #anchor): its entries are
    reports of different events, and "the same page" is no reason to join them."""
    db = tmp_path / "s.db"
    url = feed_server.put("/live.xml", rss(
        rss_item("Israel and Lebanon agree ceasefire", guid="live-1",
                 link="https://live.example/world#entry-1", pub=_pub(NOW - timedelta(hours=3))),
        rss_item("Pakistan and Afghanistan agree to immediate ceasefire", guid="live-2",
                 link="https://live.example/world#entry-2", pub=_pub(NOW - timedelta(hours=2))),
        rss_item("Lebanon and Israel reach truce deal", guid="live-3",
                 link="https://live.example/world#entry-3", pub=_pub(NOW - timedelta(hours=1)))))
    (result,) = _poll(db, [Feed(url, "Live", 60, publisher="Live")], _shipped_rules(tmp_path))
    assert len(_sent(db, "ceasefire-agreed")) == 2
    by_title = {item.title: m for item, m in result.matches}
    assert by_title["Israel and Lebanon agree ceasefire"].suppressed is None
    other = by_title["Pakistan and Afghanistan agree to immediate ceasefire"]
    assert other.suppressed is None
    assert other.story_id != by_title["Israel and Lebanon agree ceasefire"].story_id
    copy = by_title["Lebanon and Israel reach truce deal"]
    # The page joins the third to the first: the same event, a copy.
    assert copy.story_id == by_title["Israel and Lebanon agree ceasefire"].story_id
    assert "a copy of 'agreed'" in (copy.suppressed or "")


def test_a_preview_and_the_event_it_announces_never_agree():
    """Two guards, each enough alone: a preview's keys never find the event's story, and
    were they to meet, their frames do not agree (the kind of report differs)."""
    from dataclasses import replace
    from datetime import UTC, datetime

    from alerts.models import Item
    from alerts.stories import agreement, event_of

    def event(title: str):
        item = Item(feed_url="f", feed_name="f", key=title, guid=title, link=None, title=title,
                    summary="", language="en", content_hash=title,
                    published=datetime(2023, 11, 14, tzinfo=UTC))
        return event_of(item)

    preview = event("Biden and Xi to meet in San Francisco next week")
    meeting = event("Biden and Xi meet in San Francisco")
    assert preview is not None and meeting is not None
    assert (preview.kind, meeting.kind) == ("p", "a")
    assert preview.actors == meeting.actors
    assert agreement(meeting, preview) is None and agreement(preview, meeting) is None
    assert not set(meeting.lookup_keys()) & set(preview.stored_keys())
    assert not set(preview.lookup_keys()) & set(meeting.stored_keys())
    # The same two frames as one kind of report do agree: the kind alone keeps them apart.
    assert agreement(replace(meeting, kind="p"), preview)


def test_the_reason_of_a_join_names_who_and_where():
    from alerts.stories import EventKey, agreement

    one = EventKey("ceasefire", "a", frozenset({"QA"}), frozenset({"IL", "@gaza"}), "agreed")
    same = EventKey("ceasefire", "a", frozenset({"QA"}), frozenset({"IL"}), "agreed")
    # One actor each: the places decide (one set within the other), and are named.
    assert agreement(same, one) == "the same ceasefire event by QA, in IL"
    assert agreement(one, one) == "the same ceasefire event by QA, in IL, gaza"
    bare = EventKey("ceasefire", "a", frozenset({"RU"}), frozenset(), "agreed")
    assert agreement(bare, bare) == "the same ceasefire event by RU, naming no place"
    elsewhere = EventKey("ceasefire", "a", frozenset({"RU"}), frozenset({"SY"}), "agreed")
    assert agreement(bare, elsewhere) is None


def test_a_shared_page_parts_reports_only_on_a_plain_conflict():
    """The page test asks for no agreement, only for no conflict: an edited entry at one
    address ("UN urges ceasefire D, updated") whose frames are too thin to agree stays."""
    from dataclasses import replace

    from alerts.stories import EventKey, agreement, conflict

    thin = EventKey("ceasefire", "a", frozenset(), frozenset(), "called-for")
    assert agreement(thin, thin) is None  # no one named: too thin to join by frames alone
    assert not conflict(thin, thin)
    call = EventKey("ceasefire", "a", frozenset({"UN"}), frozenset(), "called-for", demand=True)
    assert not conflict(call, call) and not conflict(thin, replace(call, demand=False))
    other_caller = EventKey("ceasefire", "a", frozenset({"QA"}), frozenset(), "called-for",
                            demand=True)
    elsewhere = EventKey("ceasefire", "a", frozenset({"UN"}), frozenset({"SD"}), "called-for",
                         demand=True)
    gaza = EventKey("ceasefire", "a", frozenset({"UN"}), frozenset({"IL"}), "called-for",
                    demand=True)
    preview = EventKey("ceasefire", "p", frozenset({"UN"}), frozenset(), "called-for",
                       demand=True)
    assert conflict(call, other_caller) and conflict(elsewhere, gaza)
    assert conflict(preview, call)
    assert not conflict(call, gaza)  # one names no place: no conflict
