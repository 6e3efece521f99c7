"""Studying or answering a ceasefire proposal is not making one: "Hamas studies ceasefire
proposal", "Israel estudia la propuesta de tregua", "Киев изучает предложение о перемирии",
"以色列研究停火提议" had raised "someone calls for a ceasefire", the proposal read as the call
while "weighs" and "mulls" already made it hypothetical. Proposing one still is a call.

Written for these tests in the constructions of wire copy, found by probing the shipped
rules in eight languages.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2025, 7, 1)


@pytest.mark.parametrize("title", [
    "Hamas studies ceasefire proposal",
    "Hamas reviewing new ceasefire proposal, official says",
    "Hamas responds to ceasefire proposal",
    "Le Hamas étudie la proposition de cessez-le-feu",
    "Israel prüft Vorschlag für Waffenruhe",
    "Israel estudia la propuesta de tregua de Egipto",
    "Киев изучает предложение о перемирии",
    "Київ вивчає пропозицію про перемир'я",
    "إسرائيل تدرس مقترح الهدنة المصري",
    "以色列研究停火提议",
])
def test_a_studied_proposal_is_no_call(title: str) -> None:
    assert "ceasefire-call" not in fired(title, DAY)


@pytest.mark.parametrize("title", [
    "Egypt proposes a two-month truce in Gaza",
    "Guterres calls for an immediate ceasefire in Sudan",
])
def test_a_proposal_made_is_a_call(title: str) -> None:
    assert "ceasefire-call" in fired(title, DAY)
