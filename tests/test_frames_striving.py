"""Striving for a ceasefire, said by the news's own verb, is calling for one (issue #15,
held-out set class 5): "The African Union has stepped up efforts to secure ceasefires in
Sudan" (Shabelle via AllAfrica, Feb 2026) was read as an agreement not yet made; it is the
AU pressing for truces. A bare noun of striving is not enough: "follows months of fruitless
efforts to broker a cease-fire" (WSJ, Sep 2025) tells the backstory of other news.

The texts are written for these tests and run through the shipped rules and lexicon.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired as shipped_fired

DAY = date(2026, 2, 17)


def fired(title: str, summary: str = "") -> list[str]:
    return shipped_fired(title, DAY, summary)


@pytest.mark.parametrize("title", [
    "The African Union has stepped up efforts to secure ceasefires in Sudan",
    "Egypt leads bid to broker a truce in Gaza",
    "Mediators work to secure a ceasefire in Gaza",
    "La France redouble d'efforts pour obtenir un cessez-le-feu au Liban",
    "Deutschland verstärkt Bemühungen um eine Waffenruhe im Sudan",
    "España intensifica sus esfuerzos para lograr un alto el fuego en Gaza",
    "卡塔尔努力达成加沙停火",
])
def test_striving_for_a_truce_is_a_call(title: str) -> None:
    assert fired(title) == ["ceasefire-call"]


@pytest.mark.parametrize("title,summary", [
    ("Trump says Ukraine can take back all lost territory",
     "The president's sudden shift follows months of fruitless efforts to broker a "
     "cease-fire."),
    ("Efforts to secure a ceasefire collapsed", ""),
])
def test_efforts_told_as_backstory_are_no_call(title: str, summary: str) -> None:
    assert fired(title, summary) == []


def test_a_truce_secured_is_agreed() -> None:
    assert fired("Mediators secured a ceasefire in Gaza") == ["ceasefire-agreed"]
