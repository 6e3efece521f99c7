"""Every "first ... since/in <time>" of a text is read, also one that starts inside an earlier
one's reach (issue #15): in "Saudi crown prince receives Iranian foreign minister, first such
visit since ties were restored. It was the first visit by an Iranian foreign minister to
Riyadh in seven years." the headline's gap has no date, and the lead's second "first" lay in
the 60 characters the first match took for its time, so the dated gap was never seen.

The texts are written for these tests.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from alerts.knowledge.gaps import stated_gaps, undated_gaps
from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryView

DAY = date(2023, 8, 17)
SAUDI = ("Saudi crown prince receives Iranian foreign minister, first such visit since ties "
         "were restored. It was the first visit by an Iranian foreign minister to Riyadh in "
         "seven years.")


@pytest.mark.parametrize("text,years", [
    (SAUDI, 7),
    ("Première visite depuis la reprise des relations. C'est la première visite d'un ministre "
     "iranien à Riyad depuis sept ans.", 7),
    ("Erster Besuch seit der Annäherung. Es ist der erste Besuch eines iranischen Ministers in "
     "Riad seit sieben Jahren.", 7),
])
def test_a_later_first_is_read(text: str, years: int) -> None:
    gaps = [g for g in stated_gaps(text, DAY) if g.kind == "first-since"]
    assert [DAY.year - g.since.year for g in gaps] == [years], gaps


def test_one_time_said_is_one_gap() -> None:
    gaps = stated_gaps("Macron and Putin spoke for the first time since September 2022.",
                       date(2025, 7, 1))
    assert len([g for g in gaps if g.kind == "first-since"]) == 1


def test_the_undated_gap_is_still_told() -> None:
    assert undated_gaps(SAUDI, DAY) == ["first such visit since ties were restored"]


def test_the_rule_fires_on_the_dated_gap() -> None:
    title, _, summary = SAUDI.partition(". ")
    item = Item("http://example.test/feed", "test", "k", None, None, title, summary,
                datetime(2023, 8, 17, tzinfo=UTC))
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    fired = [m.rule_id for m in rules.match(item, now=item.published, history=HistoryView(),
                                            record=False)]
    assert fired == ["first-contact-after-gap"]
