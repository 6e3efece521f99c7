"""Who counts as a leader for first contact (alerts.knowledge.contacts.leader_office): the
rulers the knowledge base lists by hand hold an office that says so."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge import knowledge_base
from alerts.knowledge.contacts import leader_office


@pytest.mark.parametrize(("name", "day", "office"), [
    # Crown princes who ruled before they held a state office.
    ("Mohammed bin Salman", date(2019, 6, 1), {"crown-prince"}),
    ("Mohammed bin Salman", date(2023, 6, 1), {"crown-prince", "head-of-government"}),
    ("Mohamed bin Zayed", date(2019, 6, 1), {"crown-prince"}),
    ("Mohamed bin Zayed", date(2023, 6, 1), {"head-of-state"}),
])
def test_a_ruling_crown_prince_is_a_leader(name, day, office):
    entity = knowledge_base().resolve(name)
    role = leader_office(entity, day)
    assert role is not None and role.office in office


@pytest.mark.parametrize(("name", "day", "office"), [
    # Gaddafi held no office of state from 1979, but led Libya until Tripoli fell.
    ("Muammar Gaddafi", date(2008, 8, 30), "head-of-state"),
    ("Moammar Gadhafi", date(2004, 3, 25), "head-of-state"),
    ("Muammar Gaddafi", date(2011, 10, 1), None),
    ("Abdel Rahman Shalgham", date(2005, 6, 1), "foreign-minister"),
    ("Moussa Koussa", date(2010, 6, 1), "foreign-minister"),
    ("Moussa Koussa", date(2011, 6, 1), None),  # defected in March 2011
    ("Saud al-Faisal", date(2007, 1, 15), "foreign-minister"),
    ("سعود الفيصل", date(2007, 1, 15), "foreign-minister"),
    ("Saif al-Islam Gaddafi", date(2008, 8, 30), None),  # his son, no leader
])
def test_leaders_of_libya_and_saudi_arabias_foreign_minister(name, day, office):
    entity = knowledge_base().resolve(name)
    assert entity is not None
    role = leader_office(entity, day)
    assert (role.office if role else None) == office
