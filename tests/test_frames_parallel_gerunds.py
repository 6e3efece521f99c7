"""A gerund after "or" or "and" coordinated with an earlier gerund of its clause shares what
governs both (issue #15, from the fourth blind set, e-en-037): in "Turkey was considering
suspending diplomatic relations with the UAE or withdrawing its ambassador" the recall is
considered, not done. A gerund with nothing before it that governs it stays what it says.
Written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2020, 8, 14)


@pytest.mark.parametrize("title", [
    "Erdogan said Turkey was considering suspending diplomatic relations with the United Arab "
    "Emirates or withdrawing its ambassador",
    "Ecuador said it was weighing cutting diplomatic ties with Mexico and recalling its "
    "ambassador",
])
def test_a_considered_recall_is_no_recall(title: str) -> None:
    assert fired(title, DAY) == []


@pytest.mark.parametrize("title", [
    "Bolivia is severing diplomatic ties with Israel and expelling its ambassador",
    "Turkey suspends diplomatic ties with UAE and is withdrawing its ambassador",
])
def test_a_recall_under_way_still_fires(title: str) -> None:
    assert fired(title, DAY) == ["diplomatic-relations"]
