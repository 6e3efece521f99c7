"""A state's own embassy staff sent home or cut is no expulsion.

"US orders most embassy staff to leave Kyiv" and "US cuts Havana embassy staff by more than
half" raised "diplomatic relations change" as diplomats expelled: "cut" and "order ... to
leave" are said of a state's own staff too. They expel only another state's staff, named in
the noun ("Russia cuts US embassy staff", "orders 23 British diplomats to leave",
"diplomats of Russia", "штат посольства США"); a capital names where the embassy is, not
whose it is. "expels" needs no owner.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2022, 2, 12)


@pytest.mark.parametrize("title", [
    "US orders most embassy staff to leave Kyiv",
    "US cuts Havana embassy staff by more than half over mysterious attacks",
    "Россия сократила штат своего посольства в Киеве",
    "Biden orders US embassy staff to leave Kyiv",
])
def test_own_staff_withdrawn_is_no_expulsion(title: str) -> None:
    assert fired(title, DAY) == []


@pytest.mark.parametrize("title", [
    "Russia cuts US embassy staff by 755",
    "Russia orders 23 British diplomats to leave",
    "Ukraine orders diplomats of Russia to leave",
    "Россия сократила штат посольства США",
    "Russia expels diplomats",
])
def test_another_states_staff_is_expelled(title: str) -> None:
    assert fired(title, DAY) == ["diplomatic-relations"]
