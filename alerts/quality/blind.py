"""The blind set (tests/data/blind, issue #15): real-style items from outlets, years and
wordings the project had not used, written and labelled before any rule was run on them
(the folder's README says how; the git history shows the order).

The items use the labelled set's format (`expect` = every rule that should fire, any other
must not) plus `outlet` and `kind` (event, or the class of hard negative). Precision and
recall per rule are computed by the labelled set's own code (alerts.quality.labelled); the
breakdowns by language and kind and the explanation of every failure by the contrast set's
(alerts.quality.contrast): each item is a written contrast case whose `fire` is its
`expect` and whose `silent` is every other shipped rule, matched on its own, on its date,
with an empty history.

`python -m alerts.quality.blind [--folder DIR] [--explain]` prints the table, the breakdowns
and every failure (with the rule's trace and the frames the reader found when --explain is
given); --folder scores another set of the same format (tests/data/blind2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

from alerts.quality.contrast import Case, Outcome, Tally, explain_failure, overall, per_key, run
from alerts.quality.labelled import Report, evaluate_labelled
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules

BLIND = Path(__file__).resolve().parents[2] / "tests" / "data" / "blind"
LANGUAGES = ("en", "fr", "de", "es", "ru", "uk", "ar", "zh")
NEGATIVE_KINDS = (
    "planned", "denied", "refused", "conditional", "hypothetical", "anniversary", "analysis",
    "opinion", "question", "metaphor", "trade", "sports", "corporate", "history", "rumour",
    "talks-about-talks", "preview", "background", "collapse", "negated", "summoned", "threat",
    "first-ever", "short-gap", "no-gap", "not-leaders", "no-aim", "other-event",
    # added with the second blind set (tests/data/blind2)
    "obituary", "named-entity", "other-talks", "readiness")
KINDS = ("event", *NEGATIVE_KINDS)
FIELDS = ("id", "outlet", "published", "kind", "title", "expect")


class BlindError(Exception):
    """An item of the blind set is malformed."""


@dataclass(frozen=True)
class Blind:
    """The set: one contrast case per item, and the outlet each item imitates."""

    cases: list[Case]
    outlets: dict[str, str]


def _fail(path: Path, number: int, item_id: str, message: str) -> BlindError:
    return BlindError(f"{path}: item {number} ({item_id}): {message}")


def load_blind(folder: Path = BLIND, rule_ids: set[str] | None = None) -> Blind:
    """Every item of the folder's <lang>.yaml files, checked: the fields present, ids
    `<set>-<lang>-NNN` with one set prefix for the whole folder ('b' in tests/data/blind, 'c'
    in tests/data/blind2: taken from the first item), a known language, kind and rules,
    `kind: event` exactly when some rule is expected, and no id used twice."""
    known = rule_ids if rule_ids is not None else {
        r.id for r in load_rules([shipped_rules_dir()], None)}
    cases: list[Case] = []
    outlets: dict[str, str] = {}
    prefix: str | None = None  # the set's id prefix, from its first item
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise BlindError(f"{folder}: no <lang>.yaml file; the blind set lives in {BLIND}")
    for path in paths:
        lang = path.stem
        if lang not in LANGUAGES:
            raise BlindError(f"{path}: the file name must be a language of {LANGUAGES}")
        rows = yaml.safe_load(path.read_text("utf-8")) or []
        if not isinstance(rows, list):
            raise BlindError(f"{path}: the file must be a YAML list of items")
        for number, row in enumerate(rows, 1):
            item_id = str(row.get("id", "?")) if isinstance(row, dict) else "?"
            if not isinstance(row, dict):
                raise _fail(path, number, item_id, "each item is a mapping of "
                                                   + ", ".join(FIELDS))
            missing = [f for f in FIELDS if row.get(f) is None or row.get(f) == ""]
            if missing:
                raise _fail(path, number, item_id, f"missing {', '.join(missing)}")
            if prefix is None:
                head = item_id.split("-", 1)[0]
                prefix = head if head.isalpha() and head.islower() else "b"
            if not item_id.startswith(f"{prefix}-{lang}-"):
                raise _fail(path, number, item_id, f"ids in {path.name} start with "
                                                   f"'{prefix}-{lang}-' (one set prefix for "
                                                   "the whole folder, then the file's "
                                                   "language)")
            if item_id in outlets:
                raise _fail(path, number, item_id, "the id is used twice; give each item its "
                                                   "own id")
            kind = row["kind"]
            if kind not in KINDS:
                raise _fail(path, number, item_id, f"kind {kind!r} is not one of "
                                                   f"{', '.join(KINDS)}")
            expect = row["expect"]
            if not isinstance(expect, list):
                raise _fail(path, number, item_id, "'expect' must be a list of rule ids "
                                                   "([] for none)")
            unknown = sorted(set(map(str, expect)) - known)
            if unknown:
                raise _fail(path, number, item_id, f"'expect' names unknown rules {unknown}; "
                                                   f"use the ids of rules/*.yaml: "
                                                   f"{sorted(known)}")
            if (kind == "event") != bool(expect):
                raise _fail(path, number, item_id, "an item of kind 'event' expects some "
                                                   "rule, a hard negative (any other kind) "
                                                   "expects none")
            try:
                published = datetime.fromisoformat(str(row["published"]).replace("Z",
                                                                                 "+00:00"))
            except ValueError:
                raise _fail(path, number, item_id, f"published {row['published']!r} is not "
                                                   "an ISO time such as "
                                                   "'2016-01-03T21:00:00Z'") from None
            fire = frozenset(map(str, expect))
            cases.append(Case(item_id, kind, str(row.get("note") or ""), fire,
                              frozenset(known - fire), lang=lang, title=str(row["title"]),
                              summary=str(row.get("summary") or ""),
                              published=published.astimezone(UTC)))
            outlets[item_id] = str(row["outlet"])
    return Blind(cases, outlets)


@dataclass
class Result:
    scores: Report  # precision and recall per rule (the labelled set's scoring)
    outcomes: list[Outcome]  # per item (the contrast set's)


def evaluate(folder: Path = BLIND, rules: RuleSet | None = None) -> Result:
    rules = rules or RuleSet(load_rules([shipped_rules_dir()], None))
    blind = load_blind(folder, {r.id for r in rules.enabled})
    return Result(evaluate_labelled(folder, rules), run(blind.cases, {}, rules))


def _table(title: str, tallies: dict[str, Tally]) -> list[str]:
    return ["", f"| {title} | items right |", "|---|---:|",
            *(f"| {k} | {t} |" for k, t in tallies.items())]


def report(result: Result, rules: RuleSet, explain: bool = False) -> list[str]:
    outcomes = result.outcomes
    lines = [f"Blind set: {len(outcomes)} items, {overall(outcomes)} with every expectation "
             "met", "", result.scores.table()]
    lines += _table("language", per_key(outcomes, "lang"))
    events = [o for o in outcomes if o.case.kind == "event"]
    negatives = [o for o in outcomes if o.case.kind != "event"]
    lines += ["", f"Events (some rule expected): {overall(events)}; hard negatives (no rule "
                  f"expected): {overall(negatives)}"]
    lines += _table("kind", per_key(outcomes, "kind"))
    lines += ["", "Failures:", ""]
    for o in outcomes:
        if o.ok:
            continue
        if explain:
            lines += list(explain_failure(o, rules))
        else:
            wrong = ", ".join(f"{r} {w}" for r, w in o.wrong.items())
            text = o.item.title + (f" | {o.item.summary}" if o.item.summary else "")
            lines.append(f"- {o.case.id} [{o.case.kind}] {wrong}: {text}")
    return lines


def main(argv: list[str] | None = None) -> int:
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m alerts.quality.blind")
    parser.add_argument("--folder", type=Path, default=BLIND,
                        help=f"the set to score (default {BLIND}; the second blind set is "
                             "tests/data/blind2)")
    parser.add_argument("--explain", action="store_true",
                        help="show each failing rule's trace and the frames read")
    args = parser.parse_args(argv)
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    try:
        result = evaluate(args.folder, rules)
    except BlindError as exc:
        print(exc, file=sys.stderr)
        return 2
    print("\n".join(report(result, rules, args.explain)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
