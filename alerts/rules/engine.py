"""A loaded set of rules, matched against items, each match explained in words."""

from __future__ import annotations

from alerts.models import Item, Match
from alerts.rules.conditions import MatchContext
from alerts.rules.model import Rule


def explain(evidence: list) -> str:
    if not evidence:
        return "matched because: the rule's conditions hold"
    return "matched because: " + ", ".join(str(e) for e in evidence)


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
