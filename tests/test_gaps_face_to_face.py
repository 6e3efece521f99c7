"""A Chinese gap stated about face-to-face talks ("六年来首次面对面会谈") is a gap in
in-person contact, as English "face-to-face" is (issue #15, from the fourth blind set,
e-zh-012): with the leaders' call six weeks before on record it is no gap in contact."""

from __future__ import annotations

from datetime import date

from alerts.knowledge.gaps import stated_gaps
from tests.shipped_rules import fired

DAY = date(2025, 10, 30)
TITLE = "习近平与特朗普在釜山举行会谈，为六年来首次面对面会谈"


def test_a_face_to_face_gap_is_about_in_person_contact():
    [gap] = stated_gaps(TITLE, DAY)
    assert gap.contact == "in-person"
    assert gap.since.year == 2019


def test_the_call_on_record_weeks_before_makes_it_no_first_contact():
    # The public record holds their call of 19 September 2025.
    assert fired(TITLE, DAY) == []


def test_meets_makes_a_gap_about_meetings_as_meet_and_met_do():
    # "meet" and "met" were in-person words, "meets" (the headline's tense) was not.
    [gap] = stated_gaps("Modi meets Xi for the first time since 2019", date(2023, 8, 24))
    assert gap.contact == "in-person"
