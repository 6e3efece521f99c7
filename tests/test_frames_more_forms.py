"""Forms and domains the third blind set found missing (issue #15), each tested with texts
written for this test (not the set's items): a truce that "takes hold"; peace talks said to
be "dead"; a peace declaration and a deal "aimed at ending" a war as peace accords; Russian
and Ukrainian "persona non grata"; truces in wars of commerce (fares, gas, currencies) as
metaphors.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired as shipped_fired

DAY = date(2024, 11, 27)


def fired(title: str) -> list[str]:
    return shipped_fired(title, DAY)


@pytest.mark.parametrize("title,rule", [
    ("Truce between Israel and Hezbollah takes hold as families return south", "ceasefire-agreed"),
    ("Envoy says Sudan peace talks are dead after army walks out", "peace-talks"),
    ("Serbia and Kosovo sign peace declaration in Washington", "peace-talks"),
    ("Colombia and FARC sign deal aimed at ending five decades of war", "peace-talks"),
    ("Россия объявила персонами нон грата пятерых дипломатов Польши", "diplomatic-relations"),
    ("Україна оголосила персоною нон грата посла Білорусі", "diplomatic-relations"),
])
def test_the_forms_are_read(title: str, rule: str) -> None:
    assert fired(title) == [rule]


@pytest.mark.parametrize("title", [
    "Rival airlines agree truce in transatlantic fare war",
    "Газпром и Нафтогаз заключили перемирие в газовой войне",
    "Central banks call for a truce in the currency war",
])
def test_truces_in_wars_of_commerce_are_metaphors(title: str) -> None:
    assert fired(title) == []


@pytest.mark.parametrize("title", [
    "Russia and Israel mark 30 years of the restoration of diplomatic relations",
    "Россия и Израиль отмечают 30 лет со дня восстановления дипломатических отношений",
    "Казахстан и Китай отмечают 30 лет установления дипломатических отношений",
    "Україна та Ізраїль відзначають 30 років встановлення дипломатичних відносин",
])
def test_a_span_of_years_of_an_act_is_an_anniversary(title: str) -> None:
    assert fired(title) == []
