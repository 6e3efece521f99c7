"""A truce that holds is no truce taking effect: "Le cessez-le-feu tient toujours au Liban",
"Waffenruhe hält weiter", "se mantiene", "соблюдается", "صامدة" had each raised "a
ceasefire is agreed or takes effect", their verbs listed as taking effect (English "holds"
never was). Entering into force, "gilt seit Mitternacht" included, still is.

Written for these tests in the constructions of wire copy, found by probing the shipped
rules in eight languages.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2025, 7, 1)


@pytest.mark.parametrize("title", [
    "Le cessez-le-feu tient toujours au Liban",
    "Waffenruhe im Gazastreifen hält weiter",
    "El alto el fuego se mantiene en el Líbano",
    "Перемирие в Газе соблюдается",
    "Перемир'я в Газі дотримується",
    "الهدنة صامدة في غزة",
    "Ceasefire holds in Gaza for a third day",
])
def test_a_truce_that_holds_is_no_news_of_one(title: str) -> None:
    assert "ceasefire-agreed" not in fired(title, DAY)


@pytest.mark.parametrize("title", [
    "Le cessez-le-feu est entré en vigueur à minuit",
    "Waffenruhe gilt seit Mitternacht",
    "Перемирие вступило в силу",
    "دخلت الهدنة حيز التنفيذ في غزة",
])
def test_a_truce_that_takes_effect_is(title: str) -> None:
    assert "ceasefire-agreed" in fired(title, DAY)
