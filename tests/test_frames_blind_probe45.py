"""What the blind set of 7 Dec 2026 held out at first (probe45: 150 items in eight
languages, 1991-2025, written by a helper who saw neither the code nor the tests; measured
on the session's first tree and on a later one before it was read) found, each as the
mechanism behind it:

- a German participle before the truce describes it with adjectives between too ("der in
  Moskau vereinbarten humanitären Waffenruhe");
- a length said in words keeps a metaphor near the truce ("une trêve de cinq ans dans le
  conflit commercial"), and so do years;
- "to reach" in Arabic is an aim ("للتوصل إلى اتفاق لوقف إطلاق النار"); a mediator's part
  suspended stalls the talks ("قطر تعلّق وساطتها في مفاوضات");
- a Chinese truce that lapses ("停火协议正式失效") has ended.

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired


@pytest.mark.parametrize(("summary", "rules"), [
    ("Ungeachtet der in Moskau vereinbarten humanitären Waffenruhe haben sich Truppen erneut "
     "Gefechte geliefert.", []),
    ("Armenien und Aserbaidschan vereinbarten humanitäre Waffenruhe in Moskau.",
     ["ceasefire-agreed"]),
])
def test_a_participle_with_adjectives_before_the_truce(summary: str, rules: list[str]) -> None:
    assert fired("Bergkarabach", date(2020, 10, 12), summary) == rules


@pytest.mark.parametrize(("summary", "rules"), [
    ("L'Union européenne et les États-Unis ont conclu mardi une trêve de cinq ans dans le "
     "conflit commercial qui les oppose.", []),
    ("The EU and the US agreed a truce of five years in the trade dispute.", []),
    ("Armenia and Azerbaijan agreed a truce of five years in Karabakh.", ["ceasefire-agreed"]),
])
def test_a_length_in_words_keeps_a_metaphor_near(summary: str, rules: list[str]) -> None:
    assert fired("Truce", date(2021, 6, 15), summary) == rules


@pytest.mark.parametrize(("title", "summary", "rules"), [
    ("قطر تعلّق وساطتها في مفاوضات وقف إطلاق النار في غزة",
     "أعلنت قطر تعليق جهود الوساطة التي تبذلها مع مصر للتوصل إلى اتفاق لوقف إطلاق النار.",
     ["peace-talks"]),
    ("斯里兰卡停火协议", "斯里兰卡政府与猛虎组织2002年签署的停火协议16日零时正式失效。", []),
])
def test_aims_suspensions_and_lapses(title: str, summary: str, rules: list[str]) -> None:
    assert fired(title, date(2024, 11, 9), summary) == rules
