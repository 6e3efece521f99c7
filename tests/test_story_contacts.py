"""A phone call and a meeting in person between the same two leaders are two events (#16:
"two reports are one story only when the frames agree on who and what"). Found by the #16
audit (H9): contact reports agree on type, kind of report and people alone, so "Biden and Xi
meet in Bali" a day after "Biden and Xi speak by phone" joins the call's story and a rule on
the two leaders never alerts for the meeting (as the real Biden-Xi meeting was lost to its
previews before #16).

The fix, in alerts/stories.py: a contact's event key carries how its people met when the
report says so unmistakably ("=call" for phone or video, "=person" for a meeting or visit
said without either, among its places as the actor and mediator marks are); two reports
that both say so, differently, do not agree. A conversation ("разговор") said without a
phone or video word says no mode."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.test_story_events import NOW, _feed, _poll, _shipped_rules
from tests.test_story_rule_settings import LEADERS


def _event(title: str, day: int):
    from alerts.models import Item
    from alerts.stories import event_of

    item = Item(feed_url="f", feed_name="f", key=title, guid=title, link=None, title=title,
                summary="", language="en", content_hash=title,
                published=datetime(2023, 11, day, tzinfo=UTC))
    return event_of(item)


def test_a_call_and_a_meeting_of_the_same_leaders_do_not_agree():
    from alerts.stories import agreement

    call = _event("Biden and Xi speak by phone", 14)
    meeting = _event("Biden and Xi meet in Woodside", 15)
    assert call is not None and meeting is not None
    assert agreement(meeting, call) is None


def test_two_reports_of_one_meeting_still_agree():
    """What the fix must keep."""
    from alerts.stories import agreement

    assert agreement(_event("Biden, Xi hold talks in California", 15),
                     _event("Biden and Xi meet in Woodside", 15))


def test_a_meeting_the_day_after_a_call_alerts(tmp_path, feed_server):
    db = tmp_path / "s.db"
    feeds = [_feed(feed_server, "A", ("Biden and Xi speak by phone", "https://a.example/1",
                                      NOW - timedelta(hours=30))),
             _feed(feed_server, "B", ("Biden and Xi meet in Bali", "https://b.example/1",
                                      NOW - timedelta(hours=2)))]
    results = _poll(db, feeds, _shipped_rules(tmp_path, {"leaders.yaml": LEADERS}))
    assert [r.alerts_queued for r in results] == [1, 1]


def test_a_video_meeting_is_remote():
    """A meeting said with a video or phone word is a remote contact, not the meeting in
    person; a conversation said without either says no mode and joins either."""
    from alerts.stories import agreement

    meeting = _event("Biden and Xi meet in Woodside", 15)
    assert agreement(_event("Байден и Си Цзиньпин провели разговор", 15), meeting)
    assert agreement(meeting, _event("Biden and Xi hold a video meeting", 14)) is None
