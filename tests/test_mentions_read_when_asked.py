"""An item's mentions (every known entity it names) are read from the knowledge base only
when something asks for them: most analysed items match no rule, and reading them was about
a quarter of an analysis. What is read when asked is what an eager read gave."""

from __future__ import annotations

from datetime import UTC, date, datetime

from alerts.analysis import analyse_text
from alerts.knowledge import knowledge_base
from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.context import MatchContext

DAY = date(2025, 7, 1)


def test_an_item_matching_no_rule_never_reads_its_mentions():
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    item = Item(feed_url="x", feed_name="x", key="k", guid=None, link=None,
                title="Trump meets business leaders at the White House",
                summary="The president hosted executives from France and Germany.",
                published=datetime(2025, 7, 1, tzinfo=UTC))
    ctx = MatchContext(item, now=item.published or datetime.now(UTC), record=False)
    assert {r.id for r in rules.candidates(ctx)} >= {"first-contact-after-gap"}
    assert rules.match(item, context=ctx) == []
    analysis = ctx._analysis
    # A contact that happened, in the headline, rejected for want of a second leader.
    [meeting] = [f for f in analysis.frames_of("contact") if f.position == "headline"]
    assert meeting.modality == "happened" and not meeting.pairs
    assert callable(analysis.found)  # the mentions were not read


def test_mentions_read_late_are_the_mentions_of_the_text():
    kb = knowledge_base()
    title = "Macron calls Putin for the first time since 2022"
    summary = "The French president urged a ceasefire in Ukraine, the Elysee said."
    analysis = analyse_text(title, summary, DAY, kb)
    assert analysis.mentions == tuple(kb.text_mentions(f"{title} . {summary}", DAY))
    assert {m.entity.id for m in analysis.mentions} >= {"emmanuel-macron", "vladimir-putin"}


def test_a_short_form_still_reads_the_mentions_it_needs():
    # "Security Council" in the headline is the UN's because the lead names it in full.
    analysis = analyse_text("Security Council calls for a ceasefire in Sudan",
                            "The UN Security Council adopted a resolution on Thursday.", DAY,
                            knowledge_base())
    [frame] = analysis.frames_of("ceasefire")
    assert [p.entity_id for p in frame.participants if p.role == "demander"] == ["UN"]
