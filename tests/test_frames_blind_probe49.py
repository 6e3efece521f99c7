"""What the blind set of diplomatic relations of 7 Dec 2026 (probe49: 140 items in eight
languages, written by a helper who saw neither the code nor the tests) found, each as the
mechanism behind it or the words it lacked:

- readiness said with a noun is no act ("заявил о готовности восстановить отношения");
- a span of years of an act is an anniversary in Spanish and French ("celebran 40 años del
  restablecimiento");
- a conditional in Chinese ("倘若"; not "若" alone, which "若开军" holds), the German "holt
  ... zurück", a decree on a recognition ("подписал указы о признании"), an Arabic
  diplomatic mission resuming its work.

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2023, 4, 20)


@pytest.mark.parametrize(("title", "rules"), [
    ("Эрдоган заявил о готовности восстановить отношения с Сирией", []),
    ("Ердоган заявив про готовність відновити відносини з Сирією", []),
    ("Турция восстановила отношения с Сирией", ["diplomatic-relations"]),
    ("España y México celebran 40 años del restablecimiento de sus relaciones diplomáticas",
     []),
    ("La France et le Vietnam fêtent 50 ans du rétablissement de leurs relations", []),
    ("España y México restablecen sus relaciones diplomáticas", ["diplomatic-relations"]),
    ("巴拉圭倘若同中国建交", []),
    ("巴拉圭同中国建交", ["diplomatic-relations"]),
])
def test_readiness_anniversaries_and_conditions_are_no_act(title: str,
                                                           rules: list[str]) -> None:
    assert fired(title, DAY) == rules


@pytest.mark.parametrize(("title", "day"), [
    ("Deutschland holt Botschafter Lambsdorff aus Moskau zurück", date(2020, 5, 28)),
    ("Медведев подписал указы о признании независимости Абхазии и Южной Осетии",
     date(2008, 8, 26)),
    ("Медведєв підписав указ про визнання незалежності Абхазії", date(2008, 8, 26)),
    ("السعودية تعلن استئناف عمل بعثتها الدبلوماسية في دمشق", date(2024, 5, 21)),
])
def test_acts_of_relations_in_more_forms(title: str, day: date) -> None:
    assert fired(title, day) == ["diplomatic-relations"]
