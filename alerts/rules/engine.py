"""A loaded set of rules, matched against items, each match explained in words."""

from __future__ import annotations

from alerts.errors import Problem
from alerts.models import Item, Match
from alerts.rules.conditions import MatchContext
from alerts.rules.model import Rule


def explain(evidence: list) -> str:
    if not evidence:
        return "matched because: the rule's conditions hold"
    return "matched because: " + ", ".join(str(e) for e in evidence)


def example_item(text: str) -> Item:
    return Item(feed_url="example:", feed_name="example", key="example", guid=None, link=None,
                title=text, summary="", published=None)


def verify_examples(rules: list[Rule]) -> list[Problem]:
    """Each rule's own examples must behave as its author says."""
    problems: list[Problem] = []
    for rule in rules:
        for text, line in rule.examples_match:
            if rule.condition.evaluate(MatchContext(example_item(text))) is None:
                problems.append(Problem(rule.file, line, f"rule '{rule.id}' should match this "
                                        f"example but does not: {text!r}; adjust the terms "
                                        "or the example"))
        for text, line in rule.examples_no_match:
            if rule.condition.evaluate(MatchContext(example_item(text))) is not None:
                problems.append(Problem(rule.file, line, f"rule '{rule.id}' matches this "
                                        f"example but should not: {text!r}; add a 'not' "
                                        "condition or move the example"))
    return problems


class RuleSet:
    def __init__(self, rules: list[Rule], default_channels: tuple[str, ...] = ()):
        self.rules = rules
        self.enabled = [r for r in rules if r.enabled]
        self.default_channels = default_channels

    def __len__(self) -> int:
        return len(self.rules)

    def match(self, item: Item) -> list[Match]:
        ctx = MatchContext(item)
        matches: list[Match] = []
        for rule in self.enabled:
            evidence = rule.condition.evaluate(ctx)
            if evidence is None:
                continue
            matches.append(Match(
                rule_id=rule.id,
                rule_title=rule.title,
                severity=rule.severity,
                channels=rule.channels or self.default_channels,
                explanation=explain(evidence),
            ))
        return matches
