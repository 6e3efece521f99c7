"""An act a verb of discussing governs is talked about, not done (issue #15): "Syria and
Ukraine discuss restoring diplomatic relations" alerted as ties restored, in all eight
languages. Written for this test; the real-news form is common ("the two ministers discussed
the resumption of diplomatic ties").
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.contact_frames import paired
from tests.shipped_rules import fired as shipped_fired

DAY = date(2025, 6, 1)


def fired(title: str) -> list[str]:
    return shipped_fired(title, DAY)


@pytest.mark.parametrize("title", [
    "Syria and Ukraine discuss restoring diplomatic relations",
    "Syria and Ukraine discussed the restoration of diplomatic relations",
    "La Syrie et l'Ukraine discutent du rétablissement des relations diplomatiques",
    "Syrien und die Ukraine beraten über die Wiederherstellung diplomatischer Beziehungen",
    "Siria y Ucrania discuten restablecer relaciones diplomáticas",
    "Сирия и Украина обсудили восстановление дипломатических отношений",
    "Сирія та Україна обговорили відновлення дипломатичних відносин",
    "سوريا وأوكرانيا تبحثان استئناف العلاقات الدبلوماسية",
    "叙利亚与乌克兰讨论恢复外交关系",
])
def test_ties_discussed_are_not_restored(title: str) -> None:
    assert fired(title) == []


@pytest.mark.parametrize("title,rule", [
    ("Syria and Ukraine restore diplomatic relations", "diplomatic-relations"),
    ("Сирия и Украина восстановили дипломатические отношения", "diplomatic-relations"),
])
def test_ties_restored_still_are(title: str, rule: str) -> None:
    assert fired(title) == [rule]


@pytest.mark.parametrize("title", [
    "Путин обсудил предложение Трампа с Совбезом",
    "Зеленський обговорив заяву Трампа з командуванням",
])
def test_a_person_whose_words_are_discussed_is_no_counterpart(title: str) -> None:
    # "discussed Trump's proposal with the Security Council": Trump is the topic's, and
    # the counterpart only someone after "with".
    assert not any("donald-trump" in pair for pair in paired(title))


@pytest.mark.parametrize(("title", "pair"), [
    ("Путин обсудил с Лукашенко ситуацию на Украине", "alexander-lukashenko+vladimir-putin"),
    ("Путин обсудил с президентом Белоруссии Александром Лукашенко ситуацию",
     "alexander-lukashenko+vladimir-putin"),
    ("Путин обсудил с белорусским коллегой Лукашенко ситуацию",
     "alexander-lukashenko+vladimir-putin"),
    ("Зеленський обговорив із Макроном гарантії безпеки", "emmanuel-macron+volodymyr-zelensky"),
    ("Путин и Трамп обсудили Украину", "donald-trump+vladimir-putin"),
])
def test_whom_one_discusses_with_is_the_counterpart(title: str, pair: str) -> None:
    assert pair in paired(title)
