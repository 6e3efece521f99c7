"""An office named for someone who does not hold it yet is not its holder of the day (issue
#15): "the US president-elect" on 2024-12-07 is Trump, not the incumbent Biden; read as
Biden, it gave a Biden-Zelensky 'first contact after a gap' for a meeting Biden was not at."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge.base import knowledge_base
from alerts.knowledge.phrases import token_text

pytestmark = pytest.mark.unit

DAY = date(2024, 12, 7)


def people(text: str) -> list[str]:
    kb = knowledge_base(None)
    return [m.entity.id for m in kb._mentions(token_text(text), DAY)
            if m.entity.kind == "person"]


@pytest.mark.parametrize("text", [
    "Macron hosts the US president-elect and Ukraine's leader",
    "Le président américain élu rencontre Zelensky",
    "El presidente estadounidense electo viaja a París",
    "the incoming US president will meet",
    "der designierte US-Präsident trifft Selenskyj",
    "избранный президент США встретился",
])
def test_an_office_not_yet_held_names_no_holder(text: str) -> None:
    assert "joe-biden" not in people(text)


@pytest.mark.parametrize("text", [
    "the US president met Zelensky",
    "the US president elected to stay away",  # a verb, not '-elect'
    "Le président américain a rencontré Zelensky",
])
def test_the_office_of_the_day_still_names_its_holder(text: str) -> None:
    assert "joe-biden" in people(text)
