"""Replay a labelled set through the real pipeline and score every rule id."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import yaml

from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryView


@dataclass
class Labelled:
    id: str
    item: Item
    expect: set[str]
    note: str = ""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    scores: dict[str, Score]
    items: int

    def table(self) -> str:
        lines = [f"{self.items} labelled items", "",
                 "| rule | precision | recall | true pos. | false pos. | missed |",
                 "|---|---:|---:|---:|---:|---:|"]
        for rule_id, s in sorted(self.scores.items()):
            lines.append(f"| `{rule_id}` | {s.precision:.2f} | {s.recall:.2f} | {s.tp} | {s.fp} "
                         f"| {s.fn} |")
        return "\n".join(lines)

    def mistakes(self) -> list[str]:
        out = []
        for rule_id, s in sorted(self.scores.items()):
            out += [f"FP {rule_id}: {x}" for x in s.false_positives]
            out += [f"FN {rule_id}: {x}" for x in s.misses]
        return out


def load_labelled(folder: Path) -> list[Labelled]:
    rows: list[Labelled] = []
    for path in sorted(folder.glob("*.yaml")):
        for row in yaml.safe_load(path.read_text("utf-8")):
            published = datetime.fromisoformat(row["published"].replace("Z", "+00:00"))
            item = Item(feed_url=f"labelled:{path.stem}", feed_name=f"labelled {path.stem}",
                        key=row["id"], guid=row["id"], link=None, title=row["title"],
                        summary=row.get("summary", ""), published=published.astimezone(UTC),
                        language=path.stem, content_hash=row["id"])
            rows.append(Labelled(row["id"], item, set(row.get("expect") or []),
                                 row.get("note", "")))
    return rows


def evaluate_labelled(folder: Path, rules: RuleSet | None = None) -> Report:
    """Each item on its own, with an empty history: the set is a sample across four years,
    not a continuous watch, so a gap in it says nothing about real gaps. Labels judge what
    the text says; history-based gaps are tested in tests/test_rule_state.py."""
    rules = rules or RuleSet(load_rules([shipped_rules_dir()], None))
    rows = load_labelled(folder)
    fired: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        matches = rules.match(row.item, now=row.item.published, history=HistoryView())
        fired[row.id] = {m.rule_id for m in matches if m.suppressed is None}
    rule_ids = {r.id for r in rules.enabled}
    scores = {rule_id: Score() for rule_id in rule_ids}
    for row in rows:
        for rule_id in rule_ids:
            got, want = rule_id in fired[row.id], rule_id in row.expect
            s = scores[rule_id]
            text = f"{row.id} {row.item.title} | {row.note}"
            if got and want:
                s.tp += 1
            elif got:
                s.fp += 1
                s.false_positives.append(text)
            elif want:
                s.fn += 1
                s.misses.append(text)
    return Report(scores, len(rows))
