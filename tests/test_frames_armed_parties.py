"""Non-state armed sides count as parties (issue #15): a verb that does not tell one party
from two ("accept", "同意") makes an agreement when two sides stand before it, and Hamas, the
Houthis or rebels are sides as states are: "Israel and Hamas accept ceasefire deal" and
"以色列和哈马斯同意停火" are truces agreed, while "Hamas accepts truce", "Houthi rebels accept
UN truce proposal" (one side named by two words) and "Sudanese rebels accept truce" (the
rebels of a state the text names) are one side accepting. Also ceasefires said with a
quantifier before the verb's object ("agree to halt all military action").

The texts are written for these tests and run through the shipped rules, lexicon and
knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired as shipped_fired

DAY = date(2025, 6, 1)


def fired(title: str) -> list[str]:
    return shipped_fired(title, DAY)


@pytest.mark.parametrize("title", [
    "Israel and Hamas accept ceasefire deal brokered by Qatar",
    "Saudi-led coalition and Houthis accept UN truce",
    "Colombia and ELN rebels accept bilateral truce",
    "以色列和哈马斯同意停火",
    "الحكومة السودانية والدعم السريع تقبلان الهدنة",
])
def test_two_sides_accepting_agree(title: str) -> None:
    assert fired(title) == ["ceasefire-agreed"]


@pytest.mark.parametrize("title", [
    "Hamas accepts truce, Israel says",
    "Houthi rebels accept UN truce proposal",
    "ELN rebels accept bilateral truce",
    "Sudanese rebels accept truce",
    "哈马斯同意停火",
])
def test_one_side_accepting_is_no_truce(title: str) -> None:
    assert "ceasefire-agreed" not in fired(title)


@pytest.mark.parametrize("title,rule", [
    ("India and Pakistan agree to halt all military action, India says", "ceasefire-agreed"),
    ("India and Pakistan agree to stop all firing and military action", "ceasefire-agreed"),
    ("UN urges India and Pakistan to halt military action", "ceasefire-call"),
    ("Россия и Украина договорились прекратить все военные действия", "ceasefire-agreed"),
])
def test_a_quantifier_before_the_object(title: str, rule: str) -> None:
    assert fired(title) == [rule]


def test_military_action_threatened_is_no_ceasefire() -> None:
    assert fired("India threatens military action against Pakistan") == []


@pytest.mark.parametrize("title", [
    "Sudan's warring parties resume talks in Jeddah",
    "Sudan's army and RSF begin talks in Jeddah",
    "Les belligérants soudanais reprennent les pourparlers à Djeddah",
    "Sudans Kriegsparteien nehmen Gespräche in Dschidda wieder auf",
    "苏丹冲突双方在吉达重启谈判",
])
def test_talks_with_an_armed_side_are_about_its_war(title: str) -> None:
    assert fired(title) == ["peace-talks"]


@pytest.mark.parametrize("title", [
    "Sudan's army chief rules out talks with RSF",
    "Houthis attack ships as US and China hold trade talks",
])
def test_an_armed_side_named_is_not_talks_held(title: str) -> None:
    assert fired(title) == []
