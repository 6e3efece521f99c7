"""One alert per event, measured on the labelled sets (issue #16).

Replays items in publication order through the real pipeline (analysis, the rules,
stories, developments; a fresh state, sending nothing) and counts, per labelled event:
duplicate alerts, events lost to a merge (their items matched the rule, yet none alerted:
another report's story absorbed them), and developments alerted as follow-ups.

Two sets: the written one (`tests/data/labelled`, events grouped in
`tests/data/written_events.yaml`, one stage of one event per group) and the real one
(`tests/data/real`, an event from its announcement to its outcome, whose later stages may
alert as follow-ups, each once)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from alerts.models import Feed, Fetched, Item, Match, PollResult
from alerts.rules import RuleSet

if TYPE_CHECKING:
    from alerts.state import Store

WRITTEN_EVENTS = Path(__file__).resolve().parents[2] / "tests" / "data" / "written_events.yaml"


class StorySetError(Exception):
    """The events file does not fit the labelled set."""


@dataclass(frozen=True)
class Outcome:
    kind: str  # "alert", "update" (a development, threaded to the first) or "suppressed"
    story: int | None
    status: str  # the status of the event the item reported ("" when none was said)
    why: str  # why it was suppressed, or the explanation


@dataclass(frozen=True)
class Event:
    id: str
    rule: str
    items: tuple[str, ...]


@dataclass
class Figures:
    """Per rule: duplicate alerts (with the items that raised them), events lost to a merge
    (with what absorbed them) and events with a development alerted as a follow-up."""

    events: int = 0
    duplicates: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    developments: int = 0


UNDATED = datetime(2005, 1, 1, tzinfo=UTC)  # the moment of undated items before any dated one


def poll_each(rows: Iterable[tuple[str, Item]], rules: RuleSet, *,
              start: datetime = UNDATED) -> Iterator[tuple[str, Item, PollResult, Store]]:
    """Polls `rows` one by one through the real pipeline (a fresh state in a temporary
    folder, nothing sent), each at its publication time (undated ones at the time of the
    item before, `start` for the first); yields each item with what its poll did and the
    store, which lives until the generator ends."""
    from alerts.pipeline import Poller, fixed_clock
    from alerts.state import Store

    with tempfile.TemporaryDirectory(prefix="alerts-replay-") as tmp:
        store = Store(Path(tmp) / "replay.db")
        last = start
        try:
            for item_id, item in rows:
                moment = item.published or last
                last = moment
                feed = Feed(url=item.feed_url, name=item.feed_name, interval=0,
                            publisher=item.feed_url.split(":", 1)[-1])
                poller = Poller(store, None, rules, clock=fixed_clock(moment))
                result = PollResult(feed.url, "new")
                poller.process(feed, [item], Fetched(feed.url, feed.url, 200, b""), "", result,
                               alerting=True, item_time=True)
                yield item_id, item, result, store
        finally:
            store.close()


def outcome_of(match: Match) -> str:
    """"alert" (the first of its story for the rule), "update" (a development, threaded to
    it) or the reason it was suppressed."""
    if match.suppressed is not None:
        return match.suppressed
    return "update" if "a development of story-" in match.explanation else "alert"


def replay(rows: list[tuple[str, Item]], rules: RuleSet) -> dict[str, dict[str, Outcome]]:
    """Item id -> rule -> what became of its match, replaying `rows` in the order given."""
    out: dict[str, dict[str, Outcome]] = {}
    for item_id, item, result, store in poll_each(rows, rules):
        member = store.story_member(item.feed_url, item.key) or {}
        for _, match in result.matches:
            outcome = outcome_of(match)
            kind = "suppressed" if match.suppressed is not None else outcome
            why = match.suppressed if match.suppressed is not None else match.explanation
            out.setdefault(item_id, {})[match.rule_id] = Outcome(
                kind, match.story_id, member.get("status") or "", why)
    return out


def figures(events: list[Event], outcomes: dict[str, dict[str, Outcome]], *,
            one_stage: bool) -> dict[str, Figures]:
    """`one_stage`: each event is one status of its event (the written set), so any second
    alert or follow-up among its items is a duplicate; otherwise (the real set) an event may
    develop, and a duplicate is a second first alert or a status alerted twice."""
    found: dict[str, Figures] = {}
    for event in events:
        f = found.setdefault(event.rule, Figures())
        f.events += 1
        got = [(i, outcomes.get(i, {}).get(event.rule)) for i in event.items]
        sent = [(i, o) for i, o in got if o and o.kind in ("alert", "update")]
        if one_stage:
            extra = sent[1:]
        else:
            firsts = [(i, o) for i, o in sent if o.kind == "alert"]
            seen: set[str] = set()
            extra = firsts[1:]
            for i, o in sent:
                if o.status and o.status in seen and (i, o) not in extra:
                    extra.append((i, o))
                seen.add(o.status)
        for item_id, o in extra:
            f.duplicates.append(f"{event.id}: {item_id} alerted again ({o.kind}, "
                                f"story-{o.story}, {o.status or 'no status'})")
        if any(o.kind == "update" for _, o in sent):
            f.developments += 1
        matched = [(i, o) for i, o in got if o]
        if matched and not sent:
            item_id, o = matched[0]
            f.lost.append(f"{event.id}: {item_id} {o.why}")
    return found


# -- the written set ---------------------------------------------------------------------

def written_events(rows: dict[str, set[str]], path: Path = WRITTEN_EVENTS) -> list[Event]:
    """The written set's events: each group of `path` for each of its rules, then every
    (item, rule) of `rows` (item id -> the rules it expects) that no group lists, alone."""
    raw = yaml.safe_load(path.read_text("utf-8"))["events"]
    events: list[Event] = []
    grouped: set[tuple[str, str]] = set()
    ids: set[str] = set()
    for n, group in enumerate(raw, 1):
        if group["id"] in ids:
            raise StorySetError(f"{path}: event {n} reuses the id {group['id']}; give each "
                                "event its own id.")
        ids.add(group["id"])
        for rule in group["rules"]:
            for item_id in group["items"]:
                if rule not in rows.get(item_id, ()):
                    raise StorySetError(f"{path}: event {group['id']} lists {item_id} for "
                                        f"{rule}, which that item does not expect; fix the "
                                        "group or the item's label.")
                if (item_id, rule) in grouped:
                    raise StorySetError(f"{path}: {item_id} is in two events for {rule}; "
                                        "an item reports one event per rule.")
                grouped.add((item_id, rule))
            events.append(Event(group["id"], rule, tuple(group["items"])))
    for item_id, expected in sorted(rows.items()):
        events += [Event(item_id, rule, (item_id,)) for rule in sorted(expected)
                   if (item_id, rule) not in grouped]
    return events


def written(folder: Path, rules: RuleSet) -> tuple[dict[str, Figures], list[Event]]:
    from alerts.quality.labelled import load_labelled

    labelled = load_labelled(folder)
    rule_ids = {r.id for r in rules.enabled}
    events = written_events({r.id: r.expect & rule_ids for r in labelled})
    rows = sorted(((r.id, r.item) for r in labelled),
                  key=lambda pair: (pair[1].published, pair[0]))
    return figures(events, replay(rows, rules), one_stage=True), events


# -- the real set -------------------------------------------------------------------------

def real_set(corpus: Path, rules: RuleSet, items: dict[str, Item] | None = None
             ) -> tuple[dict[str, Figures], list[Event]]:
    """`items`: the set's items as real.load_items reads them, when the caller has them."""
    from alerts.quality import real

    labelled = real.load_set()
    items = real.load_items(corpus, labelled) if items is None else items
    events = [Event(e.id, e.rule, tuple(e.items)) for e in labelled.events]
    return figures(events, replay(real.in_order(items), rules), one_stage=False), events


def summary(name: str, found: dict[str, Figures]) -> list[str]:
    lines = [f"{name}: {sum(f.events for f in found.values())} events, "
             f"{sum(len(f.duplicates) for f in found.values())} duplicate alerts, "
             f"{sum(len(f.lost) for f in found.values())} lost to a merge, "
             f"{sum(f.developments for f in found.values())} with a follow-up"]
    for rule, f in sorted(found.items()):
        lines += [f"  duplicate {rule}: {x}" for x in f.duplicates]
        lines += [f"  lost {rule}: {x}" for x in f.lost]
    return lines


def main(argv: list[str] | None = None) -> int:
    """`python -m alerts.quality.story_sets [CORPUS]`: both sets' figures, then each fault."""
    import sys

    from alerts.quality.labelled import load_labelled  # noqa: F401  (fails early if absent)
    from alerts.rulepack import shipped_rules_dir
    from alerts.rules import load_rules

    args = argv if argv is not None else sys.argv[1:]
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    root = Path(__file__).resolve().parents[2]
    found, _ = written(root / "tests" / "data" / "labelled", rules)
    print("\n".join(summary("written set", found)))
    corpus = Path(args[0]) if args else root.parent / "shared" / "corpus"
    if corpus.is_dir():
        found, _ = real_set(corpus, rules)
        print("\n".join(summary("real set", found)))
    else:
        print(f"real set: skipped, no corpus at {corpus}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
