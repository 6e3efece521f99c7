"""A letter or a telegram is no phone call: Egyptian and Gulf state media's "السيسي يتلقى
رسالة من أردوغان" (Sisi receives a letter from Erdogan) and Xinhua's "习近平致电祝贺" (Xi
sends a congratulatory telegram) had been read as calls between the two leaders, "تلقى"
(received) and "致电" each taken for a call whatever followed. Receiving a call ("يتلقى
اتصالا") and 致电 without congratulations or condolences stay calls.

Written for these tests in the constructions of MENA and Xinhua headlines.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.contact_frames import paired

DAY = date(2025, 7, 1)


@pytest.mark.parametrize("title", [
    "السيسي يتلقى رسالة من أردوغان",
    "习近平致电祝贺李在明当选韩国总统",
    "习近平向特朗普致电表示慰问",
])
def test_a_message_is_no_call(title: str) -> None:
    assert paired(title, day=DAY) == set()


@pytest.mark.parametrize(("title", "pair"), [
    ("السيسي يتلقى اتصالا هاتفيا من أردوغان", "abdel-fattah-el-sisi+recep-tayyip-erdogan"),
    ("السيسي تلقى اتصالا من ماكرون", "abdel-fattah-el-sisi+emmanuel-macron"),
    ("普京致电习近平", "vladimir-putin+xi-jinping"),
])
def test_a_call_received_or_made_stays_one(title: str, pair: str) -> None:
    assert pair in paired(title, day=DAY)
