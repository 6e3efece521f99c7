"""The contrast set (tests/data/contrast, issue #15): minimal edits of real items and short
written sentences in eight languages that flip an event's label (happened -> planned, denied,
refused, hypothetical, anniversary, opinion, background) or keep it while changing the
wording (other verbs, passive voice, headline style, reported speech, titles and metonyms
for names), after Gardner et al. 2020, "Evaluating Models' Local Decision Boundaries via
Contrast Sets".

A real case stores only the item's id and its edit strings; the item is read in place from
../shared/corpus by the readers of alerts/quality/real.py and edited in memory. Each case is
matched on its own, on the item's date, with an empty history (as the written labelled set
is): the set tests reading, not the history of contacts.

`python -m alerts.quality.contrast [CORPUS]` prints the accuracy per rule, per edit kind and
per language, then every failure with the rule's trace and the frames the reader found.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import yaml

from alerts.models import Item
from alerts.quality.real import DEFAULT_CORPUS, READERS, RealSetError, load_set
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryView

CASES = Path(__file__).resolve().parents[2] / "tests" / "data" / "contrast" / "cases.yaml"
UNDATED = datetime(2005, 1, 1, tzinfo=UTC)  # as alerts.quality.real replays AG News
FLIPS = ("planned", "denied", "refused", "hypothetical", "anniversary", "opinion", "background",
         "act-change")
KEEPS = ("paraphrase", "passive", "headline", "reported", "names")
KINDS = FLIPS + KEEPS
FIELDS = ("title", "summary")
LANGUAGES = ("fr", "de", "es", "ru", "uk", "ar", "zh")


class ContrastError(Exception):
    """A case of the contrast set is malformed or does not fit its item."""


@dataclass(frozen=True)
class Edit:
    field: str
    find: str
    replace: str


@dataclass
class Case:
    id: str
    kind: str
    why: str
    fire: frozenset[str]
    silent: frozenset[str]
    item_id: str | None = None  # a real item (edited), or None for a written sentence
    edits: tuple[Edit, ...] = ()
    drop_summary: bool = False
    lang: str = "en"
    title: str = ""
    summary: str = ""
    published: datetime | None = None

    @property
    def group(self) -> str:
        """Where the case comes from: the real item's source, or the written language."""
        return self.item_id.split(":", 1)[0] if self.item_id else f"written-{self.lang}"


def _fail(path: Path, case_id: str, message: str) -> ContrastError:
    return ContrastError(f"{path}: case {case_id}: {message}")


def _rules(row: dict, key: str, path: Path, case_id: str, known: set[str]) -> frozenset[str]:
    value = row.get(key) or []
    if not isinstance(value, list):
        raise _fail(path, case_id, f"'{key}' must be a list of rule ids")
    unknown = sorted(set(value) - known)
    if unknown:
        raise _fail(path, case_id, f"'{key}' names unknown rules {unknown}; use the ids of "
                                   f"rules/*.yaml: {sorted(known)}")
    return frozenset(value)


def load_cases(path: Path = CASES, rule_ids: set[str] | None = None) -> list[Case]:
    """Every case of the file, checked: known kind, field and rules, at least one
    expectation, an edit or a text, and no id used twice."""
    known = rule_ids if rule_ids is not None else {
        r.id for r in load_rules([shipped_rules_dir()], None)}
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    cases: list[Case] = []
    seen: set[str] = set()
    for section in ("real", "written"):
        for row in data.get(section) or []:
            case_id = str(row.get("id", "?"))
            if case_id in seen:
                raise _fail(path, case_id, "the id is used twice; give each case its own id")
            seen.add(case_id)
            kind = row.get("kind")
            if kind not in KINDS:
                raise _fail(path, case_id, f"kind {kind!r} is not one of {', '.join(KINDS)}")
            fire = _rules(row, "fire", path, case_id, known)
            silent = _rules(row, "silent", path, case_id, known)
            if not fire and not silent:
                raise _fail(path, case_id, "say which rules must fire ('fire') or stay "
                                           "silent ('silent')")
            if fire & silent:
                raise _fail(path, case_id, f"{sorted(fire & silent)} both fire and stay silent")
            why = str(row.get("why") or "")
            if section == "real":
                edits = []
                for raw in row.get("edits") or []:
                    if not (isinstance(raw, list) and len(raw) == 3 and raw[0] in FIELDS):
                        raise _fail(path, case_id, "each edit is [title|summary, find, "
                                                   "replace]")
                    edits.append(Edit(*(str(x) for x in raw)))
                if not edits:
                    raise _fail(path, case_id, "a real case needs at least one edit")
                cases.append(Case(case_id, kind, why, fire, silent, item_id=str(row["item"]),
                                  edits=tuple(edits),
                                  drop_summary=bool(row.get("drop_summary"))))
            else:
                lang = row.get("lang")
                if lang not in LANGUAGES:
                    raise _fail(path, case_id, f"lang {lang!r} is not one of {LANGUAGES}")
                if not row.get("title"):
                    raise _fail(path, case_id, "a written case needs a title")
                published = datetime.fromisoformat(str(row["published"])).replace(tzinfo=UTC)
                cases.append(Case(case_id, kind, why, fire, silent, lang=lang,
                                  title=str(row["title"]), summary=str(row.get("summary", "")),
                                  published=published))
    return cases


def load_items_for(cases: list[Case], corpus: Path) -> dict[str, Item]:
    """The real items the cases name, read in place by the real set's readers (only the
    sources some case needs are read)."""
    wanted = {c.item_id for c in cases if c.item_id}
    needed = {i.split(":", 1)[0] for i in wanted}
    items: dict[str, Item] = {}
    for source in load_set().sources:
        if source["name"] not in needed:
            continue
        path = corpus / source["path"]
        if not path.exists():
            raise RealSetError(f"{path} is missing. The contrast set edits real items read in "
                               f"place from {corpus}; put ../shared/corpus beside the "
                               "checkout or give the corpus folder as the argument.")
        items.update((k, v) for k, v in READERS[source["name"]](path) if k in wanted)
    missing = sorted(wanted - set(items))
    if missing:
        raise RealSetError(f"{CASES}: no corpus item has the ids {missing}; correct the "
                           "cases or the corpus path.")
    return items


def edited(case: Case, items: dict[str, Item]) -> Item:
    """The case's item: a real item with its edits applied, or the written sentence."""
    if case.item_id is None:
        return Item(feed_url=f"contrast:{case.lang}", feed_name=f"contrast {case.lang}",
                    key=case.id, guid=case.id, link=None, title=case.title,
                    summary=case.summary, published=case.published, language=case.lang,
                    content_hash=case.id)
    item = original(case, items)
    text = {"title": item.title, "summary": item.summary}
    for edit in case.edits:
        count = text[edit.field].count(edit.find)
        if count != 1:
            raise ContrastError(f"{CASES}: case {case.id}: {edit.find!r} occurs {count} times "
                                f"in the {edit.field} of {case.item_id} (it must occur once); "
                                "quote a longer or an exact part of the text")
        text[edit.field] = text[edit.field].replace(edit.find, edit.replace)
    if case.drop_summary:
        text["summary"] = ""
    return replace(item, title=text["title"], summary=text["summary"])


def original(case: Case, items: dict[str, Item]) -> Item:
    item = items[case.item_id] if case.item_id else edited(case, items)
    return item if item.published else replace(item, published=UNDATED)


def fired(rules: RuleSet, item: Item) -> set[str]:
    matches = rules.match(item, now=item.published, history=HistoryView())
    return {m.rule_id for m in matches if m.suppressed is None}


@dataclass
class Outcome:
    case: Case
    item: Item
    got: set[str]
    base: set[str] | None  # what the unedited real item raised (None: a written case)
    wrong: dict[str, str] = field(default_factory=dict)  # rule -> "should fire" / "..."

    @property
    def ok(self) -> bool:
        return not self.wrong


def run(cases: list[Case], items: dict[str, Item], rules: RuleSet | None = None
        ) -> list[Outcome]:
    rules = rules or RuleSet(load_rules([shipped_rules_dir()], None))
    outcomes = []
    for case in cases:
        item = edited(case, items)
        if not item.published:
            item = replace(item, published=UNDATED)
        got = fired(rules, item)
        base = fired(rules, original(case, items)) if case.item_id else None
        wrong = {r: "should fire" for r in sorted(case.fire - got)}
        wrong.update({r: "should stay silent" for r in sorted(case.silent & got)})
        outcomes.append(Outcome(case, item, got, base, wrong))
    return outcomes


@dataclass
class Tally:
    passed: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.passed / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.accuracy:.2f} ({self.passed}/{self.total})"


def per_rule(outcomes: list[Outcome]) -> dict[str, Tally]:
    """Each (case, rule) expectation is one judgement."""
    out: dict[str, Tally] = {}
    for o in outcomes:
        for rule in o.case.fire | o.case.silent:
            t = out.setdefault(rule, Tally())
            t.total += 1
            t.passed += rule not in o.wrong
    return dict(sorted(out.items()))


def per_key(outcomes: list[Outcome], key: str) -> dict[str, Tally]:
    """Cases passed (all their expectations met) by edit kind or by group."""
    out: dict[str, Tally] = {}
    for o in outcomes:
        t = out.setdefault(getattr(o.case, key), Tally())
        t.total += 1
        t.passed += o.ok
    return dict(sorted(out.items()))


def overall(outcomes: list[Outcome]) -> Tally:
    return Tally(sum(o.ok for o in outcomes), len(outcomes))


def explain_failure(o: Outcome, rules: RuleSet) -> Iterator[str]:
    from alerts.explain import frame_lines

    c = o.case
    where = c.item_id or f"written {c.lang}"
    yield f"FAIL {c.id} [{c.kind}] {where}: {c.why}"
    for rule, what in o.wrong.items():
        yield f"  {rule}: {what}"
    if o.base is not None:
        yield f"  the unedited item raised: {', '.join(sorted(o.base)) or 'nothing'}"
    yield f"  title: {o.item.title}"
    if o.item.summary:
        yield f"  summary: {o.item.summary[:300]}"
    by_id = {r.id: r for r in rules.enabled}
    for rule in o.wrong:
        trace = rules.trace(by_id[rule], o.item, now=o.item.published, history=HistoryView())
        yield f"  {rule}: " + ("MATCH" if trace.ok else "no match")
        yield from ("    " + line for line in trace.lines())
    yield from frame_lines(o.item)
    yield ""


def report(outcomes: list[Outcome], rules: RuleSet) -> list[str]:
    lines = [f"Contrast set: {len(outcomes)} cases, {overall(outcomes)} passed", "",
             "| rule | judgements right |", "|---|---:|"]
    lines += [f"| `{r}` | {t} |" for r, t in per_rule(outcomes).items()]
    lines += ["", "| edit kind | flips the label | cases right |", "|---|---|---:|"]
    lines += [f"| {k} | {'yes' if k in FLIPS else 'no'} | {t} |"
              for k, t in per_key(outcomes, "kind").items()]
    lines += ["", "| source | cases right |", "|---|---:|"]
    lines += [f"| {g} | {t} |" for g, t in per_key(outcomes, "group").items()]
    base_misses = [o.case.id for o in outcomes
                   if o.base is not None and not o.case.fire <= o.base and o.case.kind in KEEPS]
    if base_misses:
        lines += ["", "Label-keeping cases whose unedited item does not raise the expected "
                      "rule either (a miss of the real set, not of the edit): "
                      + ", ".join(base_misses)]
    lines += ["", "Failures:", ""]
    for o in outcomes:
        if not o.ok:
            lines += list(explain_failure(o, rules))
    return lines


def evaluate(corpus: Path = DEFAULT_CORPUS, path: Path = CASES,
             rules: RuleSet | None = None) -> list[Outcome]:
    rules = rules or RuleSet(load_rules([shipped_rules_dir()], None))
    cases = load_cases(path, {r.id for r in rules.enabled})
    return run(cases, load_items_for(cases, corpus), rules)


def main(argv: list[str] | None = None) -> int:
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m alerts.quality.contrast")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cases", type=Path, default=CASES)
    args = parser.parse_args(argv)
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    try:
        outcomes = evaluate(args.corpus, args.cases, rules)
    except (ContrastError, RealSetError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print("\n".join(report(outcomes, rules)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
