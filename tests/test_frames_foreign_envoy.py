"""Another state's ambassador is summoned, not recalled (issue #15): Arabic says both with one
verb, so "الجزائر استدعت السفير الفرنسي" (Algeria summoned the French ambassador) alerted as a
recall. An envoy the actor's own ("سفيرها", "its Havana ambassador", "son ambassadeur") or
posted somewhere ("中国召回驻立陶宛大使") is recalled as before. Written for this test.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryView

RULES = RuleSet(load_rules([shipped_rules_dir()], None))


def fired(title: str) -> list[str]:
    item = Item("http://example.test/feed", "test", "k", None, None, title, "",
                datetime(2024, 6, 1, tzinfo=UTC))
    return sorted(m.rule_id for m in RULES.match(item, now=item.published,
                                                  history=HistoryView(), record=False))


@pytest.mark.parametrize("title", [
    "الجزائر استدعت السفير الفرنسي",
    "الجزائر تستدعي السفير الفرنسي",
])
def test_another_states_envoy_is_summoned(title: str) -> None:
    assert fired(title) == []


@pytest.mark.parametrize("title", [
    "الجزائر استدعت سفيرها لدى فرنسا",
    "الجزائر تستدعي سفيرها لدى فرنسا",
    "Panama recalls its Havana ambassador after Cuba threatened to cut ties",
    "中国召回驻立陶宛大使",
    "L'Algérie rappelle son ambassadeur en France",
    "Russia expels the French ambassador",
])
def test_own_or_expelled_envoys_still_alert(title: str) -> None:
    assert fired(title) == ["diplomatic-relations"]
