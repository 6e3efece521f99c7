"""A truce of parties the item names that are no state, person or body, no armed side and no
place of a war is no war's: companies, studios and factions call truces too. A stopped fire
is a war's whoever is named; a war's places, sides and conflict count as naming it; and a
sentence that names no one says nothing of whose truce it is."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2024, 6, 3)


def _flags(title: str, summary: str = "") -> list[frozenset[str]]:
    return [f.flags for f in analyse_text(title, summary, DAY).frames
            if f.type == "ceasefire" and f.status]


@pytest.mark.parametrize("title, summary", [
    ("Wildberries и Ozon объявили перемирие в войне за продавцов", ""),
    ("Studios and Cinema Chains End Their Feud",
     "After a year in which the two sides barely spoke, a group of major studios and the "
     "largest theatre chains announced a truce, calling the pact \"the reopening of embassies "
     "between Hollywood and the multiplex\"."),
])
def test_a_truce_of_no_war_is_a_metaphor(title: str, summary: str) -> None:
    found = _flags(title, summary)
    assert found and all("metaphor" in flags for flags in found)


@pytest.mark.parametrize("title, summary", [
    ("Truce takes effect in Gaza, officials say", ""),  # a place of a war
    ("Перемирие вступило в силу в секторе Газа, сообщили в Каире", ""),
    ("Rebels announce a truce, Reuters reports", ""),  # an armed side
    ("Thailand and Cambodia agree a truce", ""),  # states
    ("La banda ETA anuncia un alto el fuego permanente", ""),  # a fire stopped
    ("Обращение патриарха", "Патриарх Кирилл ранее в четверг призвал все стороны, "
     "вовлеченные в конфликт, объявить рождественское перемирие."),  # the conflict
    ("Leaders call for a truce", ""),  # no one named
    ("Перемирие вступит в силу в воскресенье", ""),
    ("Leaders Agree To A Holiday Truce", ""),  # Title Case names no one
])
def test_a_truce_of_a_war_stays_one(title: str, summary: str) -> None:
    found = _flags(title, summary)
    assert found and not any("metaphor" in flags for flags in found)
