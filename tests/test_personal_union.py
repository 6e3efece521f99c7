"""One person, several states' offices on the same day (issue #15): the office that says who
the person is wins. A President of France is ex officio Co-Prince of Andorra and a King of
the United Kingdom heads fourteen other realms; the generated Wikidata roles list those
first, so explanations called Macron 'French Co-Prince of Andorra' and his state Andorra."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge.base import Entity, Role, knowledge_base, merge_people

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("person", "day", "title", "country"), [
    ("emmanuel-macron", date(2022, 3, 1), "President of France", "FR"),
    ("charles-iii", date(2023, 5, 6), "King of the United Kingdom", "GB"),
    # after the reign, the office that said who she was, not the last realm listed
    ("elizabeth-ii", date(2023, 1, 1), "Queen of the United Kingdom", "GB"),
])
def test_the_home_office_wins(person: str, day: date, title: str, country: str) -> None:
    role = knowledge_base(None).entities[person].role_at(day)
    assert role is not None
    assert (role.title, role.country) == (title, country)


def test_the_hand_written_source_sets_the_home() -> None:
    generated = [{"id": "x", "name": "X", "roles": [
        {"office": "head-of-state", "title": "Co-Prince of Andorra", "country": "AD",
         "from": "2017-05-01"},
        {"office": "head-of-state", "title": "President of France", "country": "FR",
         "from": "2017-05-14"}]}]
    (alone,) = merge_people(generated, [])
    assert "home" not in alone  # no hand-written word: the first office, as before
    curated = [{"id": "x", "roles": [{"office": "head-of-state", "title": "President of France",
                                      "country": "FR", "from": "2017-05-14"}]}]
    (merged,) = merge_people(generated, curated)
    assert merged["home"] == "FR"


def test_without_a_home_the_first_current_office_is_kept() -> None:
    roles = (Role("head-of-state", "A", "AD", date(2017, 5, 1), None),
             Role("head-of-state", "B", "FR", date(2017, 5, 14), None))
    assert Entity("x", "person", "X", roles).role_at(date(2020, 1, 1)) == roles[0]
    assert Entity("x", "person", "X", roles, "FR").role_at(date(2020, 1, 1)) == roles[1]
