"""What the blind set of contacts told by their parties and spokespeople of 7 Dec 2026
(probe77: 160 items in eight languages, written by a helper who saw neither the code nor the
tests) found, each as the mechanism behind it:

- the Chinese "将" (will) alone governs its clause however long the time between, as "将于"
  does ("鲁比奥将在出席东盟系列外长会期间同中国外长王毅会面"), unless it puts the object before its
  verb;
- the Ukrainian "має" (is to) plans: whom a visitor who came is to meet he has not met yet
  ("прибув до Вашингтона, де в понеділок має зустрітися з Трампом");
- who sent a message is no party, with the message's kind between ("نقل إليه رسالة تضامن من
  الرئيس عبد الفتاح السيسي").

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.contact_frames import held


@pytest.mark.parametrize(("title", "summary", "day", "pairs"), [
    ("王毅将会见鲁比奥",
     "据美国国务院消息，美国国务卿鲁比奥将在出席东盟系列外长会期间同中国外长王毅会面。",
     date(2025, 7, 10), set()),
    ("王毅会见鲁比奥", "美国国务卿鲁比奥在出席东盟系列外长会期间同中国外长王毅会面。",
     date(2025, 7, 11), {"marco-rubio+wang-yi"}),
    ("Зеленський прибув до Вашингтона напередодні зустрічі з Трампом", "Президент України "
     "Володимир Зеленський прибув до Вашингтона, де в понеділок має зустрітися з Президентом "
     "США Дональдом Трампом.",
     date(2025, 8, 17), set()),
    ("الرئيس الأسد يستقبل وزير الخارجية المصري سامح شكري", "استقبل السيد الرئيس بشار الأسد اليوم "
     "وزير الخارجية المصري سامح شكري، حيث نقل إليه رسالة تضامن من الرئيس عبد الفتاح السيسي.",
     date(2023, 2, 27), {"bashar-al-assad+sameh-shoukry"}),
])
def test_probe77(title: str, summary: str, day: date, pairs: set[str]) -> None:
    assert held(title, summary, day) == pairs
