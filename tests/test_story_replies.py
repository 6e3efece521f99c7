"""A reply in kind is another event (issue #15/#16): "Paris expels twelve Algerian agents in
turn" is not a copy of Algeria's expulsion of twelve French agents the day before, though both
name Algeria and France. The event key of an act one state does to another says who did it
(alerts/stories.py, ACTOR); two reports join only when they do not name different doers."""

from __future__ import annotations

from alerts.stories import ACTOR, EventKey, agreement, conflict


def _expulsion(doer: str | None, *others: str) -> EventKey:
    places = frozenset({ACTOR + doer}) if doer else frozenset()
    return EventKey("relations", "a", frozenset({"DZ", "FR", *others}), places,
                    "diplomats-expelled")


def test_a_reply_by_the_other_state_is_another_event():
    algeria, france = _expulsion("DZ"), _expulsion("FR")
    assert agreement(france, algeria) is None
    assert conflict(france, algeria)


def test_reports_of_one_act_agree_whether_or_not_they_say_who_did_it():
    algeria = _expulsion("DZ")
    assert agreement(_expulsion("DZ"), algeria) is not None
    # "Twelve French agents expelled from Algeria" read without a doer joins either side.
    assert agreement(_expulsion(None), algeria) is not None
    assert not conflict(_expulsion(None), algeria)
    # "Russia expels ten diplomats" / "Ten diplomats expelled, Russia says": one state named.
    said = EventKey("relations", "a", frozenset({"RU"}), frozenset({ACTOR + "RU"}))
    assert agreement(EventKey("relations", "a", frozenset({"RU"}), frozenset()), said)


def test_the_doer_is_said_but_is_no_place():
    key = _expulsion("DZ")
    assert key.describe() == "relations: DZ, FR (done by DZ)"
    stored = EventKey.decode(key.encode())  # as the story keeps it
    assert stored is not None and (stored.actors, stored.places) == (key.actors, key.places)
    assert agreement(_expulsion("FR"), stored) is None
