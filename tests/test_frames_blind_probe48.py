"""What the blind set of calls for truces of 7 Dec 2026 (probe48: 140 items in eight
languages, written by a helper who saw neither the code nor the tests) found, each as the
mechanism behind it:

- a name of a body hides the word of modality inside it: the "without" of "Doctors Without
  Borders" negates nothing (`places`);
- a short aside in brackets opens no clause ("Médicos Sin Fronteras (MSF) ha exigido ...":
  the verb has its subject);
- "such as" and "as well as" open no clause ("aid groups such as Oxfam have demanded").

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2023, 11, 7)


@pytest.mark.parametrize(("title", "rules"), [
    ("Doctors Without Borders calls for immediate ceasefire in Gaza", ["ceasefire-call"]),
    ("Médicos Sin Fronteras reclama un alto el fuego inmediato en Gaza", ["ceasefire-call"]),
    ("Médecins sans frontières réclame un cessez-le-feu immédiat à Gaza", ["ceasefire-call"]),
    ("Ärzte ohne Grenzen fordert sofortige Waffenruhe in Gaza", ["ceasefire-call"]),
    ("Врачи без границ призвали к немедленному прекращению огня в Газе", ["ceasefire-call"]),
    # a negation outside a name still negates
    ("Summit ends without call for immediate ceasefire in Gaza", []),
    ("La cumbre termina sin reclamar un alto el fuego en Gaza", []),
])
def test_a_name_hides_the_negation_inside_it(title: str, rules: list[str]) -> None:
    assert [r for r in fired(title, DAY) if r.startswith("ceasefire")] == rules


@pytest.mark.parametrize(("summary", "rules"), [
    ("La organización Médicos del Mundo (MDM) ha exigido este martes un alto el fuego "
     "inmediato en la Franja de Gaza.", ["ceasefire-call"]),
    ("The aid group Oxfam (OXF) has demanded an immediate ceasefire in the Gaza Strip.",
     ["ceasefire-call"]),
    ("Thousands of protesters in Paris (and in Lyon) called for a ceasefire in Gaza on "
     "Saturday.", ["ceasefire-call"]),
    # a longer bracket is no short aside
    ("Calls for a ceasefire (a demand the cabinet rejected) grew louder in the Gaza Strip.",
     []),
])
def test_a_short_aside_in_brackets_opens_no_clause(summary: str, rules: list[str]) -> None:
    assert fired("Gaza", DAY, summary) == rules


@pytest.mark.parametrize(("summary", "rules"), [
    ("Aid groups such as Oxfam have demanded an immediate ceasefire in the Gaza Strip.",
     ["ceasefire-call"]),
    ("France as well as Germany called for an immediate ceasefire in the Gaza Strip.",
     ["ceasefire-call"]),
    # "as" alone still opens a clause: what happens as something else is said is background
    ("Israel pressed its offensive as aid groups demanded an immediate ceasefire in Gaza.",
     []),
])
def test_such_as_opens_no_clause(summary: str, rules: list[str]) -> None:
    assert fired("Gaza", DAY, summary) == rules
