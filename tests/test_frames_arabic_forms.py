"""Arabic forms the fourth blind set (tests/data/blind4) found missing, each an existing
pattern carried to its siblings (issue #15): the adjectives a truce takes before "لإطلاق النار"
before its other nouns ("بوقف فوري للأعمال العدائية", an immediate cessation of hostilities);
the imperfect and dual of "raising the level" of relations, and "to ambassador level" after
its noun as English "ambassador level"; "diplomatic representation" as relations. Written for
this test (not the blind set's items); the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2024, 3, 8)


@pytest.mark.parametrize("title", [
    "الأمين العام يدعو إلى وقف فوري للأعمال العدائية في غزة",
    "المجلس يطالب بوقف شامل للقتال في الفاشر",
])
def test_a_truce_with_its_adjective_before_hostilities_is_called_for(title: str) -> None:
    assert fired(title, DAY) == ["ceasefire-call"]


@pytest.mark.parametrize("title", [
    "السعودية وإيران ترفعان العلاقات الدبلوماسية إلى مستوى السفراء",
    "قطر ترفع مستوى تمثيلها الدبلوماسي في مصر إلى درجة سفير",
    "الأردن يرفع مستوى العلاقات الدبلوماسية مع سوريا",
])
def test_relations_raised_to_ambassador_level_are_upgraded(title: str) -> None:
    assert fired(title, DAY) == ["diplomatic-relations"]


@pytest.mark.parametrize("title", [
    "الجيش يرفع مستوى التأهب في الشمال",  # the alert level, no relations
    "الوزير يبحث رفع مستوى العلاقات الدبلوماسية مع البرازيل",  # under discussion
    "مجلس الأمن يرفض وقف فوري للأعمال العدائية",  # refused
])
def test_what_must_not_fire(title: str) -> None:
    assert fired(title, DAY) == []
