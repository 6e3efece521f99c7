"""`alerts explain`: for each item, whether one rule matched and why, condition by condition."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from alerts.models import Item
from alerts.rules import Rule, RuleSet
from alerts.rules.engine import explain
from alerts.rules.history import HistoryView


def frame_lines(item: Item) -> Iterator[str]:
    """The events the item's analysis found, part by part, with the words for each."""
    from alerts.analysis import analyse

    analysis = analyse(item, datetime.now(UTC).date())
    if not analysis.frames:
        yield "  events found: none"
        return
    yield "  events found:"
    for frame in analysis.frames:
        sentence = analysis.sentences[frame.sentence]
        status = frame.status or "no act said"
        pairs = "; ".join(f"{a.name} ({a.role}) with {b.name} ({b.role})" for a, b in frame.pairs)
        named = pairs or ", ".join(f"{p.name} ({p.role})" for p in frame.participants)
        flags = ", ".join(sorted(frame.flags)) or "none"
        yield (f"    - {frame.type} / {status} / {frame.modality}, in {sentence.where()}"
               + (f"; who: {named}" if named else "") + f"; flags: {flags}")
        words = "; ".join(str(e) for e in frame.evidence)
        yield f"      evidence: {words}"


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
        yield from frame_lines(item)
        if trace.ok:
            from alerts.rules.context import MatchContext

            ctx = MatchContext(item, now=now, history=history, record=False, rule_id=rule.id)
            evidence = rule.condition.evaluate(ctx) or []
            yield f"  {explain(evidence)}"
            if not candidate:
                yield ("  note: the prefilter would not have selected this rule; report this "
                       "as a bug")
        yield ""
