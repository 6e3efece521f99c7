"""German negates a finite verb at the end of its clause, after its objects: "Israels Kabinett
billigt die Waffenruhe nicht", "Putin stimmt der Waffenruhe nicht zu". A "nicht" before a
noun phrase, or one followed by more of the clause, negates only that part and is read as
before."""

from __future__ import annotations

from datetime import date

import pytest

from tests.contact_frames import held
from tests.shipped_rules import fired

DAY = date(2024, 4, 23)


@pytest.mark.parametrize(("title", "rules"), [
    ("Israels Kabinett billigt die Waffenruhe mit der Hamas nicht", []),
    ("Die Hamas unterzeichnete das Abkommen über eine Waffenruhe am Sonntag nicht", []),
    ("Russland und die Ukraine vereinbaren die Waffenruhe nicht mehr", []),
    # without the negation, or with one that is not the clause's end, it still fires
    ("Israels Kabinett billigt die Waffenruhe mit der Hamas", ["ceasefire-agreed"]),
    ("Israel und Hamas einigen sich auf eine Waffenruhe, die Kämpfe enden aber nicht",
     ["ceasefire-agreed"]),
])
def test_a_nicht_that_ends_the_clause_negates_its_verb(title: str, rules: list[str]) -> None:
    assert fired(title, DAY) == rules


@pytest.mark.parametrize(("title", "pairs"), [
    ("Scholz trifft Putin in Moskau nicht", set()),
    ("Scholz nimmt am Treffen mit Putin nicht teil", set()),
    ("Scholz trifft Putin in Moskau", {"olaf-scholz+vladimir-putin"}),
    # "nicht" with more of the clause after it negates that part only
    ("Scholz trifft Putin nicht in Moskau, sondern in Sotschi", {"olaf-scholz+vladimir-putin"}),
])
def test_a_meeting_negated_at_the_clause_end_is_held_by_no_one(
        title: str, pairs: set[str]) -> None:
    assert held(title, "", date(2022, 2, 15)) == pairs
