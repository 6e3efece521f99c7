"""An embrace or a handshake is a meeting; "встретил" (met on arrival) too.

"Putin hugs Modi at his residence outside Moscow", "Modi embraces Zelensky in Kyiv", "Merz
umarmt Selenskyj", "Си Цзиньпин встретил Путина в Пекине" made no contact (a fresh probe of
contact pairs, 322 headlines). An embrace of a thing names no one met ("embraces Putin's
narrative": a possessive names whose it is).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.contact_frames import paired

DAY = date(2024, 7, 8)


@pytest.mark.parametrize(("title", "pair"), [
    ("Putin hugs Modi at his residence outside Moscow", "narendra-modi+vladimir-putin"),
    ("Modi embraces Zelensky in Kyiv, urges dialogue to end war",
     "narendra-modi+volodymyr-zelensky"),
    ("Biden shakes hands with Xi in Bali", "joe-biden+xi-jinping"),
    ("Merz umarmt Selenskyj in Kiew", "friedrich-merz+volodymyr-zelensky"),
    ("Си Цзиньпин встретил Путина в Пекине", "vladimir-putin+xi-jinping"),
    ("Путин обнял Ким Чен Ына в аэропорту Пхеньяна", "kim-jong-un+vladimir-putin"),
])
def test_an_embrace_is_a_meeting(title: str, pair: str) -> None:
    day = date(2025, 6, 1) if "Merz" in title else DAY
    assert paired(title, day=day) == {pair}


@pytest.mark.parametrize("title", [
    "Trump embraces Putin's narrative on Ukraine",
    "Путин встретил критику Запада",
])
def test_an_embrace_of_a_thing_is_none(title: str) -> None:
    assert paired(title, day=DAY) == set()
