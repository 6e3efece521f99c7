"""The held-out real set (tests/data/heldout): real news from outlets the rules were not
developed on, read in place from ../shared/corpus, replayed through the shipped rules in
publication order and scored per rule against events labelled before any rule ran on them.

It is scored apart from the real set (alerts.quality.real), with the same event format and
the same scoring: `python -m alerts.quality.heldout [CORPUS] [--rules DIR] [--explain]`.
Both sources are parsed by the product itself (alerts.sources.read_path: feedparser, then
normalise), so each item is what a user's feed would give the rules.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

from alerts.models import Item
from alerts.quality.real import (
    RealReport,
    RealSet,
    RealSetError,
    fire,
    load_set,
    score,
)
from alerts.quality.real import load_items as real_items
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryView
from alerts.sources import read_path

SET_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "heldout"
DEFAULT_CORPUS = SET_DIR.parents[2].parent / "shared" / "corpus"  # ../shared/corpus


def _files(folder: Path, what: str) -> list[Path]:
    files = sorted(p for p in folder.glob("*.xml") if p.is_file())
    if not files:
        raise RealSetError(f"{folder} holds no *.xml files; the held-out set needs the {what} "
                           "of ../shared/corpus (see tests/data/heldout/sources.yaml).")
    return files


def ffp(folder: Path) -> list[tuple[str, Item]]:
    """fastfeedparser-realworld/news: every item of every feed file; the id is the feed file
    name before its first dot and the first 12 hex digits of the SHA-1 of the item's link
    (as alerts normalises it; the guid when an item has no link)."""
    rows = []
    for path in _files(folder, "24 feed files of fastfeedparser-realworld/news"):
        feed = path.name.split(".", 1)[0]
        for source in read_path(path):
            for item in source.items:
                key = hashlib.sha1((item.link or item.guid or "").encode()).hexdigest()[:12]
                rows.append((f"ffp:{feed}:{key}", item))
    return rows


def wh(folder: Path) -> list[tuple[str, Item]]:
    """whitehouse-briefings-snapshots: the snapshots in file-name (commit time) order, each
    distinct guid once as first seen; the id is the last path segment of the guid URL."""
    seen: dict[str, Item] = {}
    for path in _files(folder, "171 snapshots of whitehouse-briefings-snapshots"):
        for source in read_path(path):
            for item in source.items:
                guid = (item.guid or item.link or "").rstrip("/")
                item_id = "wh:" + guid.rsplit("/", 1)[-1]
                seen.setdefault(item_id, item)
    return list(seen.items())


READERS: dict[str, Callable[[Path], list[tuple[str, Item]]]] = {"ffp": ffp, "wh": wh}


def load_items(corpus: Path, held: RealSet) -> dict[str, Item]:
    """Every item of every source in sources.yaml, by id, read in place from the corpus."""
    return real_items(corpus, held, READERS, "The held-out set",
                      "tests/data/heldout/sources.yaml")


def evaluate(corpus: Path, folder: Path = SET_DIR, rules: RuleSet | None = None,
             items: dict[str, Item] | None = None) -> RealReport:
    """The scores of every rule on the held-out set (one replay, one contact history)."""
    held = load_set(folder)
    items = load_items(corpus, held) if items is None else items
    rules = rules or RuleSet(load_rules([shipped_rules_dir()], None))
    fired = fire(items, rules)
    rule_ids = sorted({r.id for r in rules.enabled} | {e.rule for e in held.events})
    per_source: dict[str, int] = {}
    for item_id in items:
        name = item_id.split(":", 1)[0]
        per_source[name] = per_source.get(name, 0) + 1
    return RealReport(len(items), per_source, score(held, items, fired, rule_ids))


def explanations(report: RealReport, held: RealSet, items: dict[str, Item],
                 rules: RuleSet) -> Iterator[str]:
    """`alerts explain` for every false alert and every item of a missed event, with the
    shipped contact records as history (as `alerts explain --file` without --state)."""
    from alerts.explain import explain_items

    events = {e.id: e for e in held.events}
    for rule_id, s in sorted(report.scores.items()):
        rule = rules.by_id.get(rule_id)
        if rule is None:
            continue
        wrong = [line.split(" ", 1)[0] for line in s.false_positives + s.background_alerts]
        missed = [i for line in s.missed for i in events[line.split(" ", 1)[0]].items]
        for label, ids in (("false alert", wrong), ("missed", missed)):
            for item_id in ids:
                if item_id in items:
                    yield f"### {rule_id}, {label}: {item_id}"
                    yield from explain_items(rules, rule, [items[item_id]], HistoryView())


def markdown(report: RealReport, corpus_note: str = "../shared/corpus") -> list[str]:
    sources = ", ".join(f"{name} {count:,}" for name, count in report.per_source.items())
    return [
        f"{report.items:,} held-out real items read in place from `{corpus_note}` ({sources}), "
        "replayed through the rules in publication order with one contact history. An alert "
        "is right when its item reports an event of that rule in "
        "`tests/data/heldout/events.yaml`; an alert on an item that only mentions the event "
        "(background) counts as false. Recall counts events with at least one alerted item.",
        *report.findings(),
    ]


def main(argv: list[str] | None = None) -> int:
    """`python -m alerts.quality.heldout [CORPUS] [--rules DIR] [--explain]`."""
    import argparse
    import sys

    from alerts.errors import AlertsError

    parser = argparse.ArgumentParser(prog="python -m alerts.quality.heldout")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rules", type=Path, default=None,
                        help="rule folder to score (default: the shipped rules)")
    parser.add_argument("--explain", action="store_true",
                        help="after the table, `alerts explain` for every false alert and "
                             "every item of a missed event")
    args = parser.parse_args(argv)
    try:
        rules = RuleSet(load_rules([args.rules or shipped_rules_dir()], None))
        held = load_set(SET_DIR)
        items = load_items(args.corpus, held)
        report = evaluate(args.corpus, rules=rules, items=items)
    except (RealSetError, AlertsError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print("\n".join(markdown(report, str(args.corpus))))
    if args.explain:
        print()
        print("\n".join(explanations(report, held, items, rules)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
