"""A headline's short label before a colon names the parties of the talks after it (issue
#15): "Ukraine et Russie : premières négociations directes depuis 2022 à Istanbul" are talks
between the two sides of a war, so peace talks begun; "premières … directes" and "erste
direkte" are the first direct talks beginning, as "first direct" was. Talks of other states
("Chine et États-Unis : premières négociations commerciales") or on another topic are not.
The texts are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired as shipped_fired

DAY = date(2025, 5, 16)


def fired(title: str) -> list[str]:
    return shipped_fired(title, DAY)


@pytest.mark.parametrize("title", [
    "Ukraine et Russie : premières négociations directes depuis 2022 à Istanbul",
    "Ukraine and Russia: first direct negotiations since 2022 in Istanbul",
    "Ukraine und Russland: erste direkte Verhandlungen seit 2022 in Istanbul",
])
def test_the_label_names_the_talks_parties(title: str) -> None:
    assert fired(title) == ["peace-talks"]


@pytest.mark.parametrize("title", [
    "Ukraine et Russie : pas de négociations avant l'été",
    "Chine et États-Unis : premières négociations commerciales directes depuis 2022",
    "France et Allemagne : premières négociations directes sur le budget européen",
])
def test_other_talks_under_a_label_are_not_peace_talks(title: str) -> None:
    assert fired(title) == []
