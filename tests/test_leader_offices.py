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
