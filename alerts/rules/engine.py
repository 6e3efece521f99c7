"""A loaded set of rules, matched against items, each match explained in words.

Rules are not tried one by one: every rule names words one of which must occur for it to
hold (its anchors), all anchors go into one scanner (the item's set of words, and an
Aho-Corasick automaton for what is no whole word), and one pass over an item's text selects
the few candidate rules worth evaluating.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from alerts.errors import Problem
from alerts.models import Item, Match
from alerts.rules.conditions import AllCondition, Condition, NearCondition, TermsCondition, Trace
from alerts.rules.context import FIELDS, Evidence, MatchContext
from alerts.rules.history import HistoryEntry, HistoryView
from alerts.rules.model import Rule
from alerts.rules.text import KeyScanner, TermSet

if TYPE_CHECKING:
    from alerts.knowledge.base import KnowledgeBase


def explain(evidence: list[Evidence]) -> str:
    if not evidence:
        return "matched because: the rule's conditions hold"
    # The same words found twice (in the title, then in the lead) are said once.
    said: set[str] = set()
    parts = []
    for e in evidence:
        key = e.found.casefold() if e.quote else str(e)
        if key not in said:
            said.add(key)
            parts.append(str(e))
    return "matched because: " + ", ".join(parts)


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


SEARCHED_FIELDS = FIELDS  # summary before content: an item without full text reuses its pass


def _nodes(condition: Condition) -> Iterator[Condition]:
    yield condition
    for group in getattr(condition, "groups", ()):
        yield from _nodes(group)
    for child in getattr(condition, "children", ()):
        yield from _nodes(child)
    child = getattr(condition, "child", None)
    if child is not None:
        yield from _nodes(child)


def _scanned_fields(rules: list[Rule]) -> tuple[str, ...]:
    """The fields some rule looks for terms in: only those are worth an automaton pass."""
    used: set[str] = set()
    for rule in rules:
        for node in _nodes(rule.condition):
            fields = getattr(node, "fields", None)
            if fields is not None:
                used.update(fields)
            elif getattr(node, "termset", None) is not None:
                return SEARCHED_FIELDS
    return tuple(name for name in SEARCHED_FIELDS if name in used)


def _required(condition: Condition, scanned: set[str]) -> Iterator[frozenset[str]]:
    """Groups of keys, one of each of which must be among an item's hits in the fields the
    condition looks in for it to hold, told by those hits alone: what `all` checks first
    (AllCondition.evaluate) and `near` and `terms` refuse an item on (possible()). Only
    groups whose fields were all scanned: the others cannot be told from the hits."""
    if type(condition) is TermsCondition:
        if set(condition.fields) <= scanned:
            yield frozenset(condition._lookups)
    elif type(condition) is NearCondition:
        if set(condition.fields) <= scanned:
            yield from (frozenset(terms._lookups) for terms in condition.groups)
    elif type(condition) is AllCondition:
        for child in condition.children:
            yield from _required(child, scanned)


def _termsets(condition: Condition) -> Iterator[TermSet]:
    for node in _nodes(condition):
        termset = getattr(node, "termset", None)
        if termset is not None:
            yield termset


class RuleSet:
    def __init__(self, rules: list[Rule], default_channels: tuple[str, ...] = ()):
        self.rules = rules
        self.enabled = [r for r in rules if r.enabled]
        self.default_channels = default_channels
        self.by_id = {r.id: r for r in rules}
        # One automaton holds every term of every rule: a pass over a field finds them all,
        # and the terms a rule is anchored on select it as a candidate.
        self._always: list[int] = []
        anchored: dict[str, list[int]] = {}
        keys: set[str] = set()
        for index, rule in enumerate(self.enabled):
            for termset in _termsets(rule.condition):
                keys.update(term.lookup for term in termset.terms)
            for node in _nodes(rule.condition):  # event conditions' act words
                keys.update(getattr(node, "status_keys", None) or ())
            anchors = rule.condition.anchors()
            if not anchors or not all(anchors):
                self._always.append(index)
                continue
            for anchor in anchors:
                anchored.setdefault(anchor, []).append(index)
        keys.update(anchored)
        self._anchored = {key: tuple(indices) for key, indices in anchored.items()}
        self._fields = _scanned_fields(self.enabled)
        self._scanner = KeyScanner(keys)
        self._scannable = bool(self._scanner)
        # The other groups of words an anchored rule needs (an `all` of terms: each child's
        # words; a `near`: its second group), each of which must have a hit in some scanned
        # field: a candidate without is left out, as its evaluate() would refuse it at once
        # (with 1,000 rules of two groups each, 32 candidates an item, 1.4 of them kept).
        # A rule needing one group more is kept through any of its keys found (_needed_by:
        # key -> rules), found for all candidates in a few set operations; a rule needing
        # several is checked group by group.
        scanned = set(self._fields)
        needed_by: dict[str, list[int]] = {}
        self._needs: dict[int, tuple[frozenset[str], ...]] = {}  # rules needing several
        always = set(self._always)
        for index, rule in enumerate(self.enabled):
            if index in always:
                continue
            chosen_by = frozenset(rule.condition.anchors() or ())
            groups = tuple(dict.fromkeys(group for group in _required(rule.condition, scanned)
                                         if group != chosen_by))
            if len(groups) == 1:
                for key in groups[0]:
                    needed_by.setdefault(key, []).append(index)
            elif groups:
                self._needs[index] = groups
        self._needed_by = {key: tuple(indices) for key, indices in needed_by.items()}
        self._needing_one = frozenset(i for indices in needed_by.values() for i in indices)

    def __len__(self) -> int:
        return len(self.rules)

    def candidates(self, item: Item | MatchContext) -> list[Rule]:
        """Rules whose anchors occur in the item (plus rules without anchors), in file order,
        less those the same pass tells cannot hold (a group of words they need is in none
        of the fields: _required).

        Also leaves in the context where each term occurs, for the conditions to use."""
        ctx = item if isinstance(item, MatchContext) else MatchContext(item)
        chosen = set(self._always)
        if not self._scannable:
            return [self.enabled[i] for i in sorted(chosen)]
        hits: dict[str, dict[str, int]] = {}
        seen: set[str] = set()  # every key found in any scanned field
        offsets = self._scanner.first_offsets
        anchored = self._anchored
        for name in self._fields:
            if name == "content" and not ctx.item.content and "summary" in hits:
                hits[name] = hits["summary"]  # no full text: the field is the summary
                continue
            found = offsets(ctx.field(name).tokens)
            for key in found.keys() & anchored.keys():
                chosen.update(anchored[key])
            hits[name] = found
            seen.update(found)
        ctx.term_hits = hits
        waiting = chosen & self._needing_one
        if waiting:
            needed_by = self._needed_by
            for key in seen:
                if key in needed_by:
                    waiting.difference_update(needed_by[key])
                    if not waiting:
                        break
            chosen -= waiting  # the group they need more is in no field
        needs = self._needs
        for index in needs.keys() & chosen if needs else ():
            if any(seen.isdisjoint(group) for group in needs[index]):
                chosen.discard(index)
        return [self.enabled[i] for i in sorted(chosen)]

    def match(self, item: Item, *, now: datetime | None = None, history: HistoryView | None = None,
              record: bool = True,
              knowledge: Callable[[], KnowledgeBase] | None = None,
              context: MatchContext | None = None,
              candidates: list[Rule] | None = None,
              decided: Mapping[str, list[Evidence]] | None = None) -> list[Match]:
        """The rules `item` matches. `context`: the item's context when the caller made it
        (MatchContext(item, now=..., history=...)), so that what matching read of the item
        (its folded fields, its one analysis) is there for the stages after it;
        `candidates`: what candidates(context) answered, when the caller asked already (the
        prefilter then runs once per item); `decided`: the evidence of candidates the caller
        evaluated on this context already, by rule id (rules on the text alone, whose answer
        cannot change meanwhile: alerts.pipeline), not evaluated again."""
        ctx = context if context is not None else MatchContext(
            item, now=now or datetime.now(UTC), history=history, record=record,
            knowledge=knowledge)
        matches: list[Match] = []
        for rule in self.candidates(ctx) if candidates is None else candidates:
            ctx.rule_id = rule.id
            evidence = (decided[rule.id] if decided and rule.id in decided
                        else rule.condition.evaluate(ctx))
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
