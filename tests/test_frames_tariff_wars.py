"""A truce in a war of tariffs is a metaphor in Russian and Ukrainian too (issue #15, from the
fourth blind set): the metaphor list held the adjective ("тарифное перемирие") but not the
noun after the war ("в войне тарифов", "у війні тарифів"), as English has "tariff{|s}".
Written for this test; a real truce beside them still fires."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2025, 5, 12)


@pytest.mark.parametrize("title", [
    "Операторы связи заключили перемирие в войне тарифов",
    "Оператори зв'язку уклали перемир'я у війні тарифів",
])
def test_a_truce_in_a_war_of_tariffs_is_no_ceasefire(title: str) -> None:
    assert fired(title, DAY) == []


@pytest.mark.parametrize("title", [
    "Россия и Украина заключили перемирие на Пасху",
    "Росія та Україна уклали перемир'я на Великдень",
])
def test_a_truce_between_states_still_fires(title: str) -> None:
    assert fired(title, DAY) == ["ceasefire-agreed"]
