"""Calls for a ceasefire (issue #15): a plan whose core is a ceasefire proposes one, and a
headline's call that its lead tells is an order to the caller's own fighters is a ceasefire
declared, not a call on the other side.

The texts are written for these tests in the constructions seen on real wire copy.
"""

from __future__ import annotations

from datetime import date

from alerts.analysis import analyse_text

DAY = date(2025, 9, 29)


def ceasefires(title: str, summary: str = "", day: date = DAY) -> list[tuple[str, str, str]]:
    """(status, modality, position) of every ceasefire frame."""
    return [(f.status, f.modality, f.position) for f in analyse_text(title, summary, day).frames
            if f.type == "ceasefire"]


def test_a_ceasefire_plan_proposes_a_ceasefire():
    assert ("called-for", "happened", "headline") in ceasefires(
        "Egypt's Gaza ceasefire plan meets resistance in Israel")
    assert ("called-for", "happened", "headline") in ceasefires(
        "Le plan de cessez-le-feu de l'Égypte divise Israël")
    # A plan named as the complement of another noun is not put forward.
    assert not [s for s, _, _ in ceasefires("Gaza enters the second stage of the ceasefire plan")
                if s == "called-for"]
    assert not [s for s, _, _ in ceasefires("Gaza entre dans la deuxième phase du plan de "
                                            "cessez-le-feu") if s == "called-for"]
    # What became of the plan wins over the plan itself.
    assert ("accepted", "happened", "headline") in ceasefires("Hamas accepts the ceasefire plan")
    assert ("collapsed", "happened", "headline") in ceasefires(
        "The ceasefire plan collapsed after a day")


def test_the_lead_tells_a_headline_call_is_an_order_to_ones_own_fighters():
    statuses = ceasefires("Cleric calls on militia to stop fighting",
                          "The cleric called on his followers to end fighting against the "
                          "army.", date(2004, 8, 30))
    assert [s for s, _, position in statuses if position == "headline"] == ["agreed"]
    frame = next(f for f in analyse_text("Cleric calls on militia to stop fighting",
                                         "The cleric called on his followers to end fighting "
                                         "against the army.", date(2004, 8, 30)).frames
                 if f.type == "ceasefire" and f.position == "headline")
    assert any("the lead: his followers" in e.words for e in frame.evidence)


def test_a_headline_call_by_someone_the_lead_does_not_name_stays_a_call():
    statuses = ceasefires("Iraqi government calls on militia to stop fighting",
                          "The cleric called on his followers to end fighting against the "
                          "army.", date(2004, 8, 30))
    assert ("called-for", "happened", "headline") in statuses
    # Without an order in the lead, a call on a militia is a call.
    assert ("called-for", "happened", "headline") in ceasefires(
        "Cleric calls on militia to stop fighting", "Fighting went on in the city.",
        date(2004, 8, 30))
