"""Defending a truce made before tells of it as the backdrop of the news, not as the news
("Netanyahu defends ceasefire deal with Hamas"; the blind set of contacts told by their
parties, probe87, showed the same of a contact: "Scholz defends Putin call as campaign
attacks mount", two months after the call, which stays read as held: see CHANGELOG). The
texts are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2025, 1, 10)


def flags_of(title: str, etype: str) -> list[set[str]]:
    return [set(f.flags) for f in analyse_text(title, "", DAY).frames
            if f.type == etype and f.modality == "happened"]


@pytest.mark.parametrize("title", [
    "Netanyahu defends ceasefire deal with Hamas",
    "Netanyahu défend l'accord de cessez-le-feu avec le Hamas",
    "Netanyahu verteidigt die Waffenruhe mit der Hamas",
    "Netanyahu defiende el alto el fuego con Hamás",
    "Netanyahu defendió el alto el fuego con Hamás",
    "Нетаньяху защищает перемирие с ХАМАС",
    "Нетаньяху захищає перемир'я з ХАМАС",
])
def test_a_defended_truce_is_backdrop(title: str) -> None:
    found = flags_of(title, "ceasefire")
    assert found and all("backdrop" in f for f in found), (title, found)


def test_a_truce_agreed_is_still_news() -> None:
    found = flags_of("Israel and Hamas agree ceasefire deal", "ceasefire")
    assert found and not any("backdrop" in f for f in found)
