"""`alerts explain`: for each item, whether one rule matched and why, condition by condition."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from alerts.models import Item
from alerts.rules import Rule, RuleSet
from alerts.rules.engine import explain
from alerts.rules.history import HistoryView


def explain_items(rules: RuleSet, rule: Rule, items: list[Item],
                  history: HistoryView | None) -> Iterator[str]:
    for item in items:
        now = item.published or datetime.now(UTC)
        when = item.published.strftime("%Y-%m-%d %H:%M UTC") if item.published else "undated"
        yield f"Item: {item.title or '(untitled)'}  [{item.feed_name}, {when}]"
        trace = rules.trace(rule, item, now=now, history=history)
        candidate = rule in rules.candidates(item) if rule.enabled else False
        verdict = "MATCH" if trace.ok else "no match"
        yield f"  {rule.id}: {verdict}" + ("" if rule.enabled else " (rule is disabled)")
        yield from ("    " + line for line in trace.lines())
        if trace.ok:
            from alerts.rules.context import MatchContext

            ctx = MatchContext(item, now=now, history=history, record=False, rule_id=rule.id)
            evidence = rule.condition.evaluate(ctx) or []
            yield f"  {explain(evidence)}"
            if not candidate:
                yield ("  note: the prefilter would not have selected this rule; report this "
                       "as a bug")
        yield ""
