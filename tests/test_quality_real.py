"""The shipped rules on real wire copy (tests/data/real, issue #15).

The news text is read in place from ../shared/corpus; without it these tests skip. The set's
own checks always run where the corpus is. The precision/recall targets of the issue run for
every rule (marker `quality_target`); a rule that does not meet them yet is an expected
failure with its measured figures, strict: the day it meets them, the test fails until the
mark is removed. Beside them, every rule must keep at least the figures it reaches today
(a floor that only moves up), so a change that makes real news worse fails at once.
"""

from pathlib import Path

import pytest
import yaml

from alerts.models import Item
from alerts.quality.real import (
    DEFAULT_CORPUS,
    SET_DIR,
    Event,
    RealSet,
    RealSetError,
    evaluate,
    load_items,
    load_set,
    score,
)
from tests.shared_work import real_items

CORPUS = DEFAULT_CORPUS
SHIPPED = ["first-contact-after-gap", "ceasefire-call", "ceasefire-agreed",
           "diplomatic-relations", "peace-talks"]
PRECISION, RECALL = 0.90, 0.85
# Measured on the full set (24,846 items) with the frame rules of issue #15; raise, never
# lower. (precision, recall)
FLOOR = {
    "ceasefire-agreed": (0.94, 0.94),
    "ceasefire-call": (0.91, 0.91),
    "diplomatic-relations": (1.00, 0.88),
    # Recall lowered from 0.66 on purpose (H2, #15): a first visit to a country whose leader
    # the report does not name is no first contact (the Assad-UAE alert was on the wrong pair,
    # an inferred Khalifa bin Zayed; the label's pair, Mohammed bin Rashid, is not named).
    # 0.58 -> 0.75 with the shipped public record of leaders' contacts (contacts_public.yaml:
    # Trump-al-Sharaa, Trump-Petro); 0.75 -> 0.92 with contacts of three leaders whose
    # pairs the sentence's shape says ("The leaders met" under "Chinese, Russian, Indian
    # Leaders ...": Modi-Xi; "Xi ... a red carpet for Putin and Kim": Kim-Xi).
    "first-contact-after-gap": (1.00, 0.91),
    "peace-talks": (0.95, 0.89),
}
NOT_YET = {rule: f"issue #15 open: {rule} measures precision {p:.2f}, recall {r:.2f} on "
                 f"real news (targets {PRECISION}, {RECALL})"
           for rule, (p, r) in FLOOR.items() if p < PRECISION or r < RECALL}

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason=f"the real labelled set reads its news items from {CORPUS}, which is absent "
           "(the text is the publishers' and is not in the repository)")


@pytest.fixture(scope="module")
def real() -> RealSet:
    return load_set()


@pytest.fixture(scope="module")
def items(run_cache):
    """load_items(CORPUS, load_set()), read once for every file of the run."""
    return real_items(run_cache, CORPUS)


@pytest.fixture(scope="module")
def report(items):
    return evaluate(CORPUS, items=items)


def test_every_event_names_a_shipped_rule_and_items(real):
    assert real.events, "events.yaml holds no events"
    for event in real.events:
        assert event.rule in SHIPPED, f"{event.id}: unknown rule {event.rule}"
        assert event.items, f"{event.id}: an event needs at least one item reporting it"
    assert {e.rule for e in real.events} == set(SHIPPED)


def test_pool_records_a_query_for_every_rule():
    pool = yaml.safe_load((SET_DIR / "pool.yaml").read_text("utf-8"))
    assert set(SHIPPED) <= {q["rule"] for q in pool["queries"]}
    for source in pool["read"]:
        assert source["items_read"] > 0


@needs_corpus
def test_the_set_has_4000_items_from_three_sources(real, items):
    per_source: dict[str, int] = {}
    for item_id in items:
        source = item_id.split(":", 1)[0]
        per_source[source] = per_source.get(source, 0) + 1
    assert len(items) >= 4000
    assert len(per_source) >= 3
    assert per_source == {s["name"]: s["items"] for s in real.sources}


@needs_corpus
def test_every_labelled_id_resolves_to_a_corpus_item(real, items):
    missing = [f"{e.id}: {i}" for e in real.events for i in e.items + e.background
               if i not in items]
    assert not missing, "ids in events.yaml that no corpus item has:\n" + "\n".join(missing)


def _item(key: str) -> Item:
    return Item(feed_url="t", feed_name="t", key=key, guid=key, link=None, title=key,
                summary="", published=None)


def test_scoring_counts_events_background_and_false_alerts():
    """Recall is per event (one alerted item is enough); an alert on a background item is a
    false positive reported apart; an alert on an unlabelled item is a plain false positive."""
    real = RealSet([], [Event("e1", "r", "x", ["a", "b"], ["bg"]),
                        Event("e2", "r", "y", ["c"])])
    items = {k: _item(k) for k in ["a", "b", "c", "bg", "z"]}
    fired = {"a": {"r"}, "b": {"r"}, "bg": {"r"}, "z": {"r"}}
    s = score(real, items, fired, ["r"])["r"]
    assert (s.events, s.found, s.tp) == (2, 1, 2)
    assert len(s.background_alerts) == 1 and len(s.false_positives) == 1
    assert s.precision == pytest.approx(2 / 4)
    assert s.recall == pytest.approx(1 / 2)
    assert s.missed and s.missed[0].startswith("e2")


def test_an_event_id_used_twice_is_refused(tmp_path: Path):
    (tmp_path / "sources.yaml").write_text("sources: []\n", "utf-8")
    (tmp_path / "events.yaml").write_text(
        "events:\n"
        "  - {id: e1, rule: peace-talks, items: [wsj:a]}\n"
        "  - {id: e1, rule: ceasefire-call, items: [wsj:b]}\n", "utf-8")
    with pytest.raises(RealSetError, match="e1 is used twice"):
        load_set(tmp_path)


def test_a_missing_corpus_file_says_where_to_put_it(tmp_path: Path, real):
    with pytest.raises(RealSetError, match="beside the checkout or give the corpus folder"):
        load_items(tmp_path, real)


def test_a_half_keeps_its_own_items_and_the_events_they_report():
    """The development/held-out halves (#15): an event keeps the items (and background) of
    the half's sources and is dropped when none of them reports it."""
    from alerts.quality.real import HALVES, restrict

    real = RealSet([{"name": "wsj"}, {"name": "agnews"}],
                   [Event("both", "r", "x", ["wsj:a", "agnews:b"], ["agnews:c", "wsj:d"]),
                    Event("old", "r", "y", ["agnews:e"])])
    half = restrict(real, ("wsj",))
    assert [(e.id, e.items, e.background) for e in half.events] == [("both", ["wsj:a"],
                                                                     ["wsj:d"])]
    assert half.sources == [{"name": "wsj"}]
    names = [s["name"] for s in load_set().sources]
    assert sorted(n for half in HALVES.values() for n in half) == sorted(names)


def test_an_item_listed_as_news_is_not_also_counted_as_background():
    """An item can report one event and mention another of the same rule; its alert is a
    true positive, not a background alert."""
    real = RealSet([], [Event("e1", "r", "x", ["a"]), Event("e2", "r", "y", ["b"], ["a"])])
    items = {k: _item(k) for k in ["a", "b"]}
    s = score(real, items, {"a": {"r"}}, ["r"])["r"]
    assert (s.tp, s.fp) == (1, 0)


@needs_corpus
@pytest.mark.quality_target
@pytest.mark.parametrize("rule_id", [
    pytest.param(rule, marks=pytest.mark.xfail(strict=True, reason=NOT_YET[rule]))
    if rule in NOT_YET else rule for rule in SHIPPED])
def test_precision_and_recall_on_real_news(report, rule_id):
    s = report.scores[rule_id]
    detail = "\n".join(line for line in report.details() if f"`{rule_id}`" in line)
    assert s.precision >= PRECISION, f"{rule_id} precision {s.precision:.2f}\n{detail}"
    assert s.recall >= RECALL, f"{rule_id} recall {s.recall:.2f}\n{detail}"


@needs_corpus
@pytest.mark.parametrize("rule_id", SHIPPED)
def test_no_rule_falls_below_what_it_reaches_today(report, rule_id):
    s = report.scores[rule_id]
    floor_p, floor_r = FLOOR[rule_id]
    detail = "\n".join(line for line in report.details() if f"`{rule_id}`" in line)
    assert s.precision >= floor_p, f"{rule_id} precision fell to {s.precision:.2f}\n{detail}"
    assert s.recall >= floor_r, f"{rule_id} recall fell to {s.recall:.2f}\n{detail}"


def test_the_command_says_what_is_missing_and_exits_2(tmp_path: Path, capsys):
    from alerts.quality.real import main

    assert main([str(tmp_path)]) == 2
    assert "beside the checkout or give the corpus folder" in capsys.readouterr().err
    assert main([str(tmp_path), "--rules", str(tmp_path / "no-rules")]) == 2
    assert "not found" in capsys.readouterr().err
