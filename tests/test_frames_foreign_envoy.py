"""Another state's ambassador is summoned, not recalled (issue #15): Arabic says both with one
verb, so "الجزائر استدعت السفير الفرنسي" (Algeria summoned the French ambassador) alerted as a
recall. An envoy the actor's own ("سفيرها", "its Havana ambassador", "son ambassadeur") or
posted somewhere ("中国召回驻立陶宛大使") is recalled as before. Written for this test.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired as shipped_fired

DAY = date(2024, 6, 1)


def fired(title: str) -> list[str]:
    return shipped_fired(title, DAY)


@pytest.mark.parametrize("title", [
    "الجزائر استدعت السفير الفرنسي",
    "الجزائر تستدعي السفير الفرنسي",
])
def test_another_states_envoy_is_summoned(title: str) -> None:
    assert fired(title) == []


@pytest.mark.parametrize("title", [
    "الجزائر استدعت سفيرها لدى فرنسا",
    "الجزائر تستدعي سفيرها لدى فرنسا",
    "Panama recalls its Havana ambassador after Cuba threatened to cut ties",
    "中国召回驻立陶宛大使",
    "L'Algérie rappelle son ambassadeur en France",
    "Russia expels the French ambassador",
])
def test_own_or_expelled_envoys_still_alert(title: str) -> None:
    assert fired(title) == ["diplomatic-relations"]
