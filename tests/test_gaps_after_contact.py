"""A gap stated as the time since an earlier contact (issue #15): "20 months after their first
summit", "two years after the last meeting", in five written languages; the last contact was
that long before the report. Broken on purpose once (the reading removed): these tests fail."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from alerts.knowledge.gaps import stated_gaps
from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryView

DAY = date(2004, 5, 22)


@pytest.mark.parametrize("text", [
    "Koizumi returns to Pyongyang for talks with Kim Jong Il, 20 months after first summit",
    "Koizumi retourne à Pyongyang, 20 mois après le premier sommet",
    "Koizumi reist 20 Monate nach dem ersten Gipfel nach Pjöngjang",
    "Koizumi vuelve a Pyongyang 20 meses después de la primera cumbre",
    "Коидзуми прибыл в Пхеньян через 20 месяцев после первого саммита",
])
def test_a_duration_after_an_earlier_contact_is_when_they_last_met(text: str):
    gaps = [g for g in stated_gaps(text, DAY) if g.kind == "last-contact"]
    assert gaps and gaps[0].since == date(2002, 9, 22), gaps


@pytest.mark.parametrize("text", [
    "Trump visits Seoul after the first summit",  # no duration
    "Talks resume 20 months after the war began",  # no earlier contact
])
def test_no_duration_or_no_earlier_contact_is_no_such_gap(text: str):
    assert not [g for g in stated_gaps(text, DAY) if g.kind == "last-contact"]


def test_the_rule_alerts_on_it():
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    title = "Putin and Xi meet in Beijing, two years after their last meeting"
    when = datetime(2019, 6, 5, 12, tzinfo=UTC)
    item = Item(feed_url="test:", feed_name="test", key=title, guid=None, link=None,
                title=title, summary="", published=when)
    found = [m for m in rules.match(item, now=when, history=HistoryView(record=False))
             if m.rule_id == "first-contact-after-gap"]
    assert found and "two years after their last meeting" in found[0].explanation


@pytest.mark.parametrize("text, years", [
    ("first visit in two decades", 20),
    ("premiere visite depuis deux decennies", 20),
    ("erster Besuch seit zwei Jahrzehnten", 20),
    ("первый визит за два десятилетия", 20),
    # the first at its level
    ("Kerry and Zarif hold highest-level US-Iran talks in more than three decades", 30),
])
def test_decades_in_the_plural_and_the_highest_level_are_stated_gaps(text: str, years: int):
    gaps = stated_gaps(text, date(2013, 9, 26))
    assert gaps and abs((date(2013, 9, 26) - gaps[0].since).days - years * 365.25) < 2, gaps
