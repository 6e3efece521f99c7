"""The desk's judgements of its alerts: precision per rule over time, and the wrong ones as
`examples: no_match` entries a rule author pastes, so `alerts check` keeps them fixed."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from alerts.rules.engine import example_item


@dataclass(frozen=True)
class RuleQuality:
    rule_id: str
    right: int
    wrong: int
    by_month: tuple[tuple[str, int, int], ...]  # (YYYY-MM, right, wrong)

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0


def quality(rows: list[dict]) -> list[RuleQuality]:
    per: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in rows:
        per[row["rule_id"]][row["at"][:7]][row["verdict"] == "wrong"] += 1
    out = []
    for rule_id, months in sorted(per.items()):
        right = sum(m[0] for m in months.values())
        wrong = sum(m[1] for m in months.values())
        out.append(RuleQuality(rule_id, right, wrong,
                               tuple((month, r, w) for month, (r, w) in sorted(months.items()))))
    return out


def quality_table(report: list[RuleQuality]) -> str:
    if not report:
        return ("no judgements yet: after an alert, run `alerts feedback ALERT_ID right` or "
                "`wrong` (the id is in every message)")
    lines = ["rule                          judged  right  wrong  precision   by month"]
    for q in report:
        months = "  ".join(f"{m}: {r / (r + w):.2f} ({r + w})" for m, r, w in q.by_month)
        lines.append(f"{q.rule_id:<29} {q.right + q.wrong:>6} {q.right:>6} {q.wrong:>6} "
                     f"{q.precision:>10.2f}   {months}")
    return "\n".join(lines)


def export_no_match(rows: list[dict], rules_by_id: dict) -> str:
    """YAML to paste under each rule's `examples:`: the headlines judged wrong. A headline
    that does not reproduce the match alone (the summary made it) is marked as such."""
    wrong: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row["verdict"] == "wrong":
            wrong[row["rule_id"]].append(row)
    if not wrong:
        return "# no alert has been judged wrong yet\n"
    parts = []
    for rule_id, judged in sorted(wrong.items()):
        rule = rules_by_id.get(rule_id)
        where = f" ({rule.file})" if rule is not None else " (not loaded now)"
        parts.append(f"# {rule_id}{where}: paste under examples: no_match:")
        for row in judged:
            note = f"  # {row['note']}" if row.get("note") else ""
            if rule is not None and rule.condition.evaluate(
                    _context(row["title"], rule_id)) is None:
                note += ("  # the headline alone does not match: the summary did; "
                         "`alerts explain` on the item shows which words")
            parts.append(f"- {json.dumps(row['title'], ensure_ascii=False)}{note}")
    return "\n".join(parts) + "\n"


def _context(text: str, rule_id: str):  # type: ignore[no-untyped-def]
    from alerts.rules.context import MatchContext

    return MatchContext(example_item(text), record=False, rule_id=rule_id)
