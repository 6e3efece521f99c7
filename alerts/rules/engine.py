"""A loaded set of rules, matched against items, each match explained in words.

Rules are not tried one by one: every rule names words one of which must occur for it to
hold (its anchors), all anchors go into one Aho-Corasick automaton, and one pass over an
item's text selects the few candidate rules worth evaluating.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import ahocorasick

from alerts.errors import Problem
from alerts.models import Item, Match
from alerts.rules.conditions import Trace
from alerts.rules.context import Evidence, MatchContext
from alerts.rules.history import HistoryEntry, HistoryView
from alerts.rules.model import Rule
from alerts.rules.text import fold


def explain(evidence: list[Evidence]) -> str:
    if not evidence:
        return "matched because: the rule's conditions hold"
    return "matched because: " + ", ".join(str(e) for e in evidence)


def example_item(text: str) -> Item:
    return Item(feed_url="example:", feed_name="example", key="example", guid=None, link=None,
                title=text, summary="", published=None)


def verify_examples(rules: list[Rule]) -> list[Problem]:
    """Each rule's own examples must behave as its author says (history is not consulted)."""
    problems: list[Problem] = []
    for rule in rules:
        for text, line in rule.examples_match:
            ctx = MatchContext(example_item(text), record=False, rule_id=rule.id)
            if rule.condition.evaluate(ctx) is None:
                problems.append(Problem(rule.file, line, f"rule '{rule.id}' should match this "
                                        f"example but does not: {text!r}; adjust the terms "
                                        "or the example"))
        for text, line in rule.examples_no_match:
            ctx = MatchContext(example_item(text), record=False, rule_id=rule.id)
            if rule.condition.evaluate(ctx) is not None:
                problems.append(Problem(rule.file, line, f"rule '{rule.id}' matches this "
                                        f"example but should not: {text!r}; add a 'not' "
                                        "condition or move the example"))
    return problems


def searchable_text(item: Item) -> str:
    return fold("\n".join((item.title, item.summary, item.link or "", item.feed_name,
                           " ".join(item.feed_tags), item.language or "")))


class RuleSet:
    def __init__(self, rules: list[Rule], default_channels: tuple[str, ...] = ()):
        self.rules = rules
        self.enabled = [r for r in rules if r.enabled]
        self.default_channels = default_channels
        self.by_id = {r.id: r for r in rules}
        self._always: list[int] = []
        self._automaton = ahocorasick.Automaton()
        anchored: dict[str, list[int]] = {}
        for index, rule in enumerate(self.enabled):
            anchors = rule.condition.anchors()
            if not anchors or not all(anchors):
                self._always.append(index)
                continue
            for anchor in anchors:
                anchored.setdefault(anchor, []).append(index)
        for anchor, indices in anchored.items():
            self._automaton.add_word(anchor, indices)
        if anchored:
            self._automaton.make_automaton()
        self._anchored = bool(anchored)

    def __len__(self) -> int:
        return len(self.rules)

    def candidates(self, item: Item) -> list[Rule]:
        """Rules whose anchors occur in the item (plus rules without anchors), in file order."""
        chosen = set(self._always)
        if self._anchored:
            for _, indices in self._automaton.iter(searchable_text(item)):
                chosen.update(indices)
        return [self.enabled[i] for i in sorted(chosen)]

    def match(self, item: Item, *, now: datetime | None = None, history: HistoryView | None = None,
              record: bool = True, knowledge: Callable | None = None) -> list[Match]:
        ctx = MatchContext(item, now=now or datetime.now(UTC), history=history, record=record,
                           knowledge=knowledge)
        matches: list[Match] = []
        for rule in self.candidates(item):
            ctx.rule_id = rule.id
            evidence = rule.condition.evaluate(ctx)
            if evidence is None:
                continue
            matches.append(Match(
                rule_id=rule.id,
                rule_title=rule.title,
                severity=rule.severity,
                channels=rule.channels or self.default_channels,
                explanation=explain(evidence),
                suppressed=self._throttled(rule, ctx),
            ))
        return matches

    def _throttled(self, rule: Rule, ctx: MatchContext) -> str | None:
        if rule.throttle_seconds is None or ctx.history is None:
            return None
        keys = ctx.keys(rule.throttle_key) or [("*", "this rule")]
        scope = f"throttle:{rule.id}"
        period = timedelta(seconds=rule.throttle_seconds)
        for key, spoken in keys:
            last = ctx.history.last(scope, key, ctx.now)
            if last is not None and ctx.now - last.at < period:
                return (f"throttled: already alerted for {spoken} at "
                        f"{last.at.strftime('%Y-%m-%d %H:%M')} UTC ({last.title!r})")
        if ctx.record:
            for key, _ in keys:
                ctx.history.add(HistoryEntry(scope, key, ctx.now, ctx.item.feed_url,
                                             ctx.item.title))
        return None

    def trace(self, rule: Rule, item: Item, *, now: datetime | None = None,
              history: HistoryView | None = None) -> Trace:
        """How each condition of one rule fared on one item; never changes history."""
        ctx = MatchContext(item, now=now or datetime.now(UTC), history=history, record=False,
                           rule_id=rule.id)
        return rule.condition.trace(ctx)
