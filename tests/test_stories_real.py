"""Stories on the real labelled set (#16): replayed through the real pipeline in publication
order, no labelled event is lost to a merge, and duplicates are counted per event (skipped
when ../shared/corpus is absent)."""

import pytest

from tests.conftest import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


def test_no_event_is_lost_to_a_merge_and_developments_are_not_duplicates():
    from alerts.quality import real
    from alerts.rulepack import shipped_rules_dir
    from alerts.rules import RuleSet, load_rules

    labelled = real.load_set()
    items = real.load_items(CORPUS, labelled)
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    fired = real.fire(items, rules)
    outcomes = real.replay_stories(real.in_order(items), rules)
    figures = real.story_figures(labelled, items, fired, outcomes)
    assert sum(f.events for f in figures.values()) == len(labelled.events)
    lost = [x for f in figures.values() for x in f.lost]
    # One undated AG News pair, like the duplicate below: "Sudanese rebels, AU meet" (Darfur
    # talks in Abuja, December 2004) joins "AU OKs more troops for Darfur; talks resume"
    # (October 2004) because every undated item is replayed at one moment. Any other fails.
    assert [x.split(":", 1)[0] for x in lost] in ([], ["abuja-december"])
    # One pair of undated AG News items (all replayed at one moment): "talks struggle for
    # survival", which names no party and no act, and "Sudan accuses U.S. over talks
    # breakdown". Any other duplicate fails.
    duplicates = [x for f in figures.values() for x in f.duplicates]
    assert [d.split(":", 1)[0] for d in duplicates] in ([], ["abuja-round-1-collapse"])
    assert figures["peace-talks"].developments >= 1
