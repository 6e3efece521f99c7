"""A "counterpart" of a state the sentence names is the holder of the same office there
(issue #15): "Xi meets his American counterpart", "الرئيس الصيني يلتقي نظيره الأمريكي",
"Macron reçoit son homologue américain", "mit seinem US-Amtskollegen", "с американским
коллегой" pair the leader with the US president of the day; "Lavrov met his Turkish
counterpart" pairs two foreign ministers. Wire copy names the second leader this way all the
time. The texts are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2023, 11, 15)


def pairs(title: str, day: date = DAY) -> set[frozenset[str]]:
    return {frozenset((a.entity_id, b.entity_id))
            for f in analyse_text(title, "", day).frames if f.type == "contact"
            for a, b in f.pairs}


@pytest.mark.parametrize("title", [
    "Xi meets his American counterpart in San Francisco",
    "الرئيس الصيني يلتقي نظيره الأمريكي في سان فرانسيسكو",
    "Xi Jinping reçoit son homologue américain à Pékin",
    "Xi Jinping telefoniert mit seinem US-Amtskollegen",
    "Си Цзиньпин провел переговоры с американским коллегой",
    "Xi Jinping se reúne con su homólogo estadounidense",
])
def test_a_counterpart_is_the_same_office_abroad(title: str) -> None:
    assert frozenset(("xi-jinping", "joe-biden")) in pairs(title)


def test_foreign_ministers_counterparts() -> None:
    found = pairs("Lavrov met his Turkish counterpart in Antalya", date(2024, 3, 2))
    assert any("sergey-lavrov" in p and len(p) == 2 for p in found), found


@pytest.mark.parametrize("title", [
    "Xi meets his counterpart in San Francisco",   # no state: no one named
    "Biden praises counterparts at summit",       # no person before it
])
def test_no_state_or_no_person_names_no_one(title: str) -> None:
    assert not any("joe-biden" in p and "xi-jinping" in p for p in pairs(title))
