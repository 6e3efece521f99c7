"""Turning down a ceasefire is no call for one: "Hamas turns down ceasefire proposal", "ХАМАС
отклонил предложение о прекращении огня", "Hamás desestima la propuesta de alto el fuego"
had each raised "someone calls for a ceasefire", the proposal read as the call and the verb
of refusal unknown in its language.

The headlines are written for these tests in the constructions of wire copy, beside a call
each language must still report.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text


def calls(title: str) -> list[str]:
    """The modality of every ceasefire called for in the headline."""
    return [f.modality for f in analyse_text(title, "", date(2025, 7, 1)).frames
            if f.type == "ceasefire" and f.status == "called-for"]


@pytest.mark.parametrize("title", [
    "Hamas turns down ceasefire proposal",
    "Netanyahu spurns calls for a ceasefire",
    "Le Hamas repousse l'appel au cessez-le-feu",
    "Hamás desestima la propuesta de alto el fuego",
    "ХАМАС отклонил предложение о прекращении огня",
    "Израиль отклоняет призыв к прекращению огня",
])
def test_a_refused_ceasefire_is_not_called_for(title: str) -> None:
    assert "happened" not in calls(title)


@pytest.mark.parametrize("title", [
    "Guterres calls for an immediate ceasefire in Sudan",
    "L'ONU réclame un cessez-le-feu immédiat au Soudan",
    "La ONU exige un alto el fuego inmediato en Sudán",
    "ООН призвала к немедленному прекращению огня в Судане",
])
def test_a_call_stays_a_call(title: str) -> None:
    assert "happened" in calls(title)
