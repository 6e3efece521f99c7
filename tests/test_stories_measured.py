"""The measured targets of issue #16, "One alert per event", on both labelled sets.

Each set is replayed in publication order through the real pipeline (analysis, the shipped
rules, stories, developments; a fresh SQLite state, sending nothing), and every labelled
event is checked: no duplicate alert, no event lost to a merge (its items matched the rule
and none alerted: another report's story absorbed them), every development alerted once.

The written set (tests/data/labelled, events in tests/data/written_events.yaml) runs
always; the real set (tests/data/real) when ../shared/corpus is present.

A fault that comes from the analysis of single reports (issue #15), not from how stories
join them, may be listed in KNOWN_WRITTEN with why, so that any other duplicate or loss fails
the test; none is listed now, and the issue's target (none at all) is a test of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from alerts.quality import story_sets
from tests.conftest import CORPUS
from tests.shared_work import real_items

LABELLED = Path(__file__).parent / "data" / "labelled"

# (rule, event id) -> why, for faults the frames of one report cause (helper H2, #15). None
# is left: the last three (putin-christmas-truce, fr-009, yoon-tokyo) are fixed, so the
# issue's target below is a plain test.
KNOWN_WRITTEN: dict[tuple[str, str], str] = {}


def _faults(found: dict[str, story_sets.Figures]) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for rule, f in found.items():
        for line in f.duplicates + f.lost:
            out.setdefault((rule, line.split(":", 1)[0]), []).append(line)
    return out


@pytest.fixture(scope="module")
def rules():
    from alerts.rulepack import shipped_rules_dir
    from alerts.rules import RuleSet, load_rules

    return RuleSet(load_rules([shipped_rules_dir()], None))


@pytest.fixture(scope="module")
def written(rules):
    return story_sets.written(LABELLED, rules)


def test_the_written_events_file_fits_the_labels(written):
    found, events = written
    assert sum(f.events for f in found.values()) == len(events)
    grouped = [e for e in events if len(e.items) > 1]
    assert len(grouped) >= 40  # 36 groups, some for two rules
    assert sum(len(e.items) for e in grouped) >= 100


def test_written_set_no_duplicate_and_no_event_lost_beyond_the_known_frame_errors(written):
    found, _ = written
    faults = _faults(found)
    unknown = {k: v for k, v in faults.items() if k not in KNOWN_WRITTEN}
    assert unknown == {}, "\n".join(x for v in unknown.values() for x in v)
    # A development alerts once, as a follow-up threaded to the first alert.
    assert sum(f.developments for f in found.values()) >= 1


def test_written_set_target_zero_duplicates_zero_lost(written):
    found, _ = written
    assert _faults(found) == {}


def test_a_bad_events_file_is_refused_with_what_to_fix(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text("events:\n  - {id: x, rules: [peace-talks], items: [en-001]}\n", "utf-8")
    with pytest.raises(story_sets.StorySetError, match="en-001 for peace-talks, which that "
                                                       "item does not expect"):
        story_sets.written_events({"en-001": {"ceasefire-call"}}, path)


def test_figures_count_a_second_alert_a_repeated_status_and_a_lost_event():
    """The counting itself, on outcomes made by hand: each way to fail is seen."""
    o = story_sets.Outcome
    events = [story_sets.Event("one", "r", ("a", "b")), story_sets.Event("two", "r", ("c",)),
              story_sets.Event("three", "r", ("d", "e", "f"))]
    outcomes = {"a": {"r": o("alert", 1, "agreed", "")},
                "b": {"r": o("alert", 2, "agreed", "")},
                "c": {"r": o("suppressed", 1, "agreed", "already alerted for story-1")},
                "d": {"r": o("alert", 3, "begin", "")},
                "e": {"r": o("update", 3, "collapse", "")},
                "f": {"r": o("update", 3, "collapse", "")}}
    strict = story_sets.figures(events, outcomes, one_stage=True)["r"]
    assert [d.split(":")[0] for d in strict.duplicates] == ["one", "three", "three"]
    assert [x.split(":")[0] for x in strict.lost] == ["two"]
    staged = story_sets.figures(events, outcomes, one_stage=False)["r"]
    # Stages of one real event may follow up; the same status twice may not.
    assert [d.split(":")[0] for d in staged.duplicates] == ["one", "three"]
    assert staged.developments == 1


# -- the real set --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real(rules, run_cache):
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not present")
    # The items as real.load_items reads them, read once for every file of the run.
    return story_sets.real_set(CORPUS, rules, real_items(run_cache, CORPUS))


def _undated(events: list[story_sets.Event]) -> set[str]:
    """Events reported only by AG News items, which carry no date: the replay invents their
    time (the time of the item before, or the date a dateline gives, and the file is not in
    date order), so rounds of the same talks months apart cannot be told apart by time, and
    a report with a 2004 dateline and one without any are placed 22 years apart."""
    return {e.id for e in events if all(i.startswith("agnews:") for i in e.items)}


def test_real_set_no_duplicate_alert_and_no_dated_event_lost(real):
    found, events = real
    assert sum(f.events for f in found.values()) == len(events)
    undated = _undated(events)
    duplicates = [x for f in found.values() for x in f.duplicates
                  if x.split(":", 1)[0] not in undated]
    assert duplicates == []
    lost = [x for f in found.values() for x in f.lost if x.split(":", 1)[0] not in undated]
    assert lost == []
    assert sum(f.developments for f in found.values()) >= 1
