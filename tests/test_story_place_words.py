"""Calls by one actor are told apart by the place they name (#16: "an event with one named
actor joins by actor, event and place"). A place the knowledge base does not know is read
from the words after a preposition; found by the #16 audit (H9): only the FIRST capitalised
word is kept, so "North Kivu" and "North Darfur", "West Bank" and "West Darfur", "El Fasher"
and "El Obeid" are one place, and the second call is swallowed as a copy of the first (a
false merge, which costs more than a duplicate).

The fix, in alerts/stories.py `_named_places`: the whole run of capitalised words is kept as
well as its first word ("@north", "@north-kivu"), so that "Gaza City" still joins "Gaza" (one
set within the other) while "North Kivu" and "North Darfur" part."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.test_story_events import NOW, _feed, _poll, _shipped_rules


def _event(title: str):
    from alerts.models import Item
    from alerts.stories import event_of

    item = Item(feed_url="f", feed_name="f", key=title, guid=title, link=None, title=title,
                summary="", language="en", content_hash=title,
                published=datetime(2025, 11, 20, tzinfo=UTC))
    return event_of(item)


TWO_PLACES = [("Guterres calls for ceasefire in North Kivu",
               "Guterres calls for ceasefire in North Darfur"),
              ("UN chief urges truce in West Bank", "UN chief urges truce in West Darfur"),
              ("Guterres calls for truce in El Fasher", "Guterres calls for truce in El Obeid")]


@pytest.mark.parametrize(("one", "other"), TWO_PLACES)
def test_calls_for_two_places_sharing_a_first_word_do_not_agree(one, other):
    from alerts.stories import agreement

    first, second = _event(one), _event(other)
    assert first is not None and second is not None
    assert agreement(second, first) is None


def test_a_city_and_its_place_are_one_call():
    """What the fix must keep: the longer name of the same place still agrees."""
    from alerts.stories import agreement

    assert agreement(_event("UN chief urges truce in Gaza City"),
                     _event("Guterres calls for ceasefire in Gaza"))


def test_a_call_for_north_darfur_is_not_swallowed_by_one_for_north_kivu(tmp_path,
                                                                        feed_server):
    db = tmp_path / "s.db"
    feeds = [_feed(feed_server, "UN", ("Guterres calls for ceasefire in North Kivu",
                                       "https://un.example/1", NOW - timedelta(hours=6))),
             _feed(feed_server, "AP", ("Guterres calls for ceasefire in North Darfur",
                                       "https://ap.example/1", NOW - timedelta(hours=2)))]
    results = _poll(db, feeds, _shipped_rules(tmp_path))
    assert [r.alerts_queued for r in results] == [1, 1]
