"""An event condition that wants a status its type takes only from an act's word (relations)
skips the item's analysis when none of those acts' words is in it; it never loses a frame.

Checked on every item the repository's sets hold and, when ../shared/corpus is beside the
checkout, on the real and held-out sets' items: wherever the analysis reads a frame with a
wanted status, the prefilter said it was possible."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from alerts.models import Item
from alerts.quality import heldout, real
from alerts.quality.blind import load_blind
from alerts.quality.contrast import edited
from alerts.quality.labelled import load_labelled
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.conditions import EventCondition
from alerts.rules.context import MatchContext
from alerts.rules.engine import _nodes

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet(load_rules([shipped_rules_dir()], None))


def gated(rules: RuleSet) -> list[EventCondition]:
    found = [node for rule in rules.enabled for node in _nodes(rule.condition)
             if isinstance(node, EventCondition) and node.status_keys]
    assert found, "no shipped event condition has status keys: the gate is not in use"
    return found


def lost_frames(rules: RuleSet, items: list[Item]) -> list[str]:
    """Items whose analysis reads a frame of a gated condition's type and wanted status
    though the condition said no such frame was possible."""
    conditions = gated(rules)
    lost = []
    for item in items:
        ctx = MatchContext(item, now=item.published or datetime.now(UTC), record=False)
        rules.candidates(ctx)
        for condition in conditions:
            seen = ctx.seen_terms(condition.fields)
            if seen is not None and seen.isdisjoint(condition.anchor_keys):
                continue  # no noun of the type either: no frame of it at all
            statuses = {f.status for f in ctx.analysis().frames_of(condition.type)}
            if statuses & set(condition.statuses) and not condition.possible(ctx):
                lost.append(f"{item.key}: {item.title!r} ({', '.join(sorted(statuses))})")
    return lost


def repository_items() -> list[Item]:
    items = [row.item for row in load_labelled(DATA / "labelled")]
    for folder in ("blind", "blind2", "blind3"):
        items += [edited(case, {}) for case in load_blind(DATA / folder).cases]
    return items


def test_no_frame_is_lost_on_the_repository_sets(rules):
    items = repository_items()
    assert len(items) > 800
    assert lost_frames(rules, items) == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus (../shared) not present")
def test_no_frame_is_lost_on_real_news(rules):
    items = list(real.load_items(CORPUS, real.load_set()).values())
    items += list(heldout.load_items(CORPUS, real.load_set(heldout.SET_DIR)).values())
    assert len(items) > 20_000
    assert lost_frames(rules, items) == []


def match_context(title: str, summary: str = "") -> MatchContext:
    item = Item(feed_url="x", feed_name="x", key=title, guid=None, link=None, title=title,
                summary=summary, published=datetime(2024, 4, 6, tzinfo=UTC))
    return MatchContext(item, now=item.published or datetime.now(UTC), record=False)


def test_relations_without_an_act_word_are_not_analysed(rules):
    ctx = match_context("US-China relations worsen over tariffs",
                        "Ties between the two have soured over trade.")
    assert [r.id for r in rules.candidates(ctx)] == ["diplomatic-relations"]
    assert rules.match(ctx.item, context=ctx) == []
    assert ctx._analysis is None  # nothing asked for it: no rule could accept a frame


def test_the_miss_still_names_the_part_that_failed(rules):
    rule = rules.by_id["diplomatic-relations"]
    trace = rules.trace(rule, match_context("US-China relations worsen as talks stall").item)
    assert not trace.ok
    assert "status: none said" in "\n".join(trace.lines())


@pytest.mark.parametrize("title", [
    "Ecuador bricht die diplomatischen Beziehungen zu Mexiko ab",  # separable: "bricht ... ab"
    "Ukraine bricht Beziehungen zu Iran ab",
    "Saudi Arabia and Iran restore diplomatic relations",
    "Египет и Катар восстановили дипломатические отношения",
])
def test_acts_are_found_by_the_prefilter(rules, title):
    ctx = match_context(title)
    assert [m.rule_id for m in rules.match(ctx.item, context=ctx)] == ["diplomatic-relations"]
