"""A "call" after a preposition is a phone call, not a call for the truce (issue #15): "Biden,
Netanyahu discuss Gaza ceasefire in call" alerted as a ceasefire call. A call for one after
its noun keeps its reading ("Calls grow for a ceasefire": the demand is before the noun;
"ceasefire call" as a noun is backdrop as before). Written for this test.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired as shipped_fired

DAY = date(2024, 6, 1)


def fired(title: str) -> list[str]:
    return shipped_fired(title, DAY)


@pytest.mark.parametrize("title", [
    "Biden, Netanyahu discuss Gaza ceasefire in call",
    "Macron and Erdogan discuss Ukraine truce during call",
])
def test_a_phone_call_is_no_call_for_a_truce(title: str) -> None:
    assert "ceasefire-call" not in fired(title)


@pytest.mark.parametrize("title", [
    "UN chief calls for immediate ceasefire in Sudan",
    "Blinken urges Netanyahu to accept ceasefire in Tel Aviv meeting",
])
def test_calls_for_a_truce_still_are(title: str) -> None:
    assert fired(title) == ["ceasefire-call"]
