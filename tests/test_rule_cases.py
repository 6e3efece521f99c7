"""Runs tests/data/rule_cases.yaml: every leaf, nesting, accents, scripts, fields, entities."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from alerts.models import Item
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryView

CASES = yaml.safe_load((Path(__file__).parent / "data" / "rule_cases.yaml").read_text("utf-8"))


def make_item(case: dict) -> Item:
    published = case.get("published")
    return Item(
        feed_url="https://wire.example.org/rss", feed_name=case.get("feed", "Wire"), key="k",
        guid=None, link=case.get("link", "https://wire.example.org/1"), title=case["text"],
        summary=case.get("summary", ""),
        published=datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None,
        language=case.get("language"), feed_tags=tuple(case.get("tags", ())))


@pytest.mark.parametrize("entry", CASES, ids=[c["name"] for c in CASES])
def test_rule_case(entry, tmp_path):
    docs = entry["rule"] if isinstance(entry["rule"], list) else [entry["rule"]]
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump_all(docs, allow_unicode=True), "utf-8")
    rules = RuleSet(load_rules([tmp_path], None), ("c",))
    for case in entry["cases"]:
        item = make_item(case)
        matches = rules.match(item, now=item.published, history=HistoryView())
        assert bool(matches) is case["expect"], f"{entry['name']}: {case['text']!r}"
        if "explains" in case:
            assert case["explains"] in matches[0].explanation, matches[0].explanation
