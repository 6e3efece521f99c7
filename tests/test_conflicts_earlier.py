"""Wars of earlier years in the shipped conflicts (states.yaml, issue #15): talks between the
sides of a war going on that day are peace talks, for news of other years too; not once the
war is over. Broken on purpose once (the entries removed): the first test fails."""
from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from alerts.knowledge import knowledge_base


def _talks(title: str, day: date) -> list[tuple[str, str]]:
    analysis = analyse_text(title, "", day, knowledge_base())
    return [(f.status, f.words("purpose")) for f in analysis.frames if f.type == "peace-talks"]


@pytest.mark.parametrize("title, day, war", [
    ("Ethiopia and Eritrea hold talks in Algiers", date(2000, 5, 30), "Eritrean–Ethiopian"),
    ("Russia and Georgia hold talks in Moscow", date(2008, 8, 12), "Russia–Georgia war"),
])
def test_talks_of_the_sides_of_an_earlier_war_are_peace_talks(title: str, day: date, war: str):
    found = _talks(title, day)
    assert found and any(war in purpose for _, purpose in found), found


def test_once_the_war_is_over_their_talks_are_not_peace_talks_by_that():
    found = _talks("Ethiopia and Eritrea hold talks in Algiers", date(2005, 5, 30))
    assert not any("Eritrean–Ethiopian" in purpose for _, purpose in found)
