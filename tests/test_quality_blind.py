"""The blind set (tests/data/blind, issue #15): items written and labelled before any rule was
run on them, from outlets, years and wordings the rules were not tuned on.

The floors are today's figures minus a small margin (raise them when the rules get better,
never lower them): a change that fits the rules to the sets they were tuned on and loses
general reading shows up here. The figures themselves, and every failure grouped by class,
are in tests/data/blind/README.md.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from alerts.quality.blind import (
    BLIND,
    LANGUAGES,
    NEGATIVE_KINDS,
    BlindError,
    evaluate,
    load_blind,
    main,
)

SHIPPED = {"first-contact-after-gap", "ceasefire-call", "ceasefire-agreed",
           "diplomatic-relations", "peace-talks"}
# Measured on 5 Dec 2026 at HEAD dbdff05 (after the label corrections the README lists), minus
# 0.03. First-contact and the items raised with H2's public record of leaders' contacts
# (contacts_public.yaml, the weak-reading rule): 0.40 / 0.33 -> 0.64 / 0.50, items 183 -> 189.
FLOOR = {  # rule: (precision, recall); raised at 0f3d4c8 after the fixes of the failure
    # classes (the set is no longer blind: see its README), again today's figures minus 0.03
    "ceasefire-agreed": (0.94, 0.94),       # 1.00 / 1.00 (one slip allowed)
    "ceasefire-call": (0.94, 0.94),         # 1.00 / 1.00 (one slip allowed)
    "diplomatic-relations": (0.94, 0.94),   # 1.00 / 1.00 (one slip allowed)
    "first-contact-after-gap": (0.71, 0.75),  # 0.74 / 0.78
    "peace-talks": (0.94, 0.94),            # 0.97 / 0.97
}
FLOOR_ITEMS = 225  # items with every expectation met: 228 of 237 (226 at 0f3d4c8)


@pytest.fixture(scope="module")
def result():
    return evaluate()


def test_the_set_is_blind_sized_and_spread_as_the_brief_asks():
    blind = load_blind(BLIND, SHIPPED)
    cases = blind.cases
    assert len(cases) >= 150
    by_lang = Counter(c.lang for c in cases)
    assert set(by_lang) == set(LANGUAGES)
    assert by_lang["en"] * 2 >= len(cases)
    assert all(n >= 10 for n in by_lang.values()), by_lang
    for rule in SHIPPED:
        positives = [c for c in cases if rule in c.fire]
        assert len(positives) >= 8, rule
    negatives = [c for c in cases if not c.fire]
    assert len(negatives) >= 60
    assert len({c.kind for c in negatives}) >= 20
    assert {c.kind for c in negatives} <= set(NEGATIVE_KINDS)
    assert len(set(blind.outlets.values())) >= 25


def test_the_figures_do_not_fall_below_today(result):
    failures = "\n".join(result.scores.mistakes())
    for rule, (precision, recall) in FLOOR.items():
        score = result.scores.scores[rule]
        assert score.precision >= precision, f"{rule} precision {score.precision:.2f}\n{failures}"
        assert score.recall >= recall, f"{rule} recall {score.recall:.2f}\n{failures}"
    assert sum(o.ok for o in result.outcomes) >= FLOOR_ITEMS, failures


def test_the_shared_scorers_agree(result):
    """Precision and recall come from the labelled set's scorer, the per-item outcomes from
    the contrast set's: both must see the same alerts."""
    for rule, score in result.scores.scores.items():
        missed = sum(o.wrong.get(rule) == "should fire" for o in result.outcomes)
        false = sum(o.wrong.get(rule) == "should stay silent" for o in result.outcomes)
        assert (score.fn, score.fp) == (missed, false), rule


def test_the_command_prints_the_table_and_the_failures(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Blind set: 237 items")
    assert all(f"| `{rule}` |" in out for rule in SHIPPED)
    assert "Failures:" in out and "- b-" in out


GOOD = ('- id: "b-en-001"\n  outlet: "AFP"\n  published: "2016-01-03T21:00:00Z"\n'
        '  kind: "event"\n  title: "Saudi Arabia cuts diplomatic ties with Iran"\n'
        '  expect: [diplomatic-relations]\n')


@pytest.mark.parametrize(("text", "name", "message"), [
    (GOOD.replace('  outlet: "AFP"\n', ""), "en.yaml", "missing outlet"),
    (GOOD + GOOD, "en.yaml", "the id is used twice"),
    (GOOD.replace('"event"', '"gossip"'), "en.yaml", "kind 'gossip' is not one of"),
    (GOOD.replace("diplomatic-relations]", "relations]"), "en.yaml",
     "names unknown rules ['relations']"),
    (GOOD.replace("[diplomatic-relations]", "[]"), "en.yaml", "an item of kind 'event'"),
    (GOOD.replace('"event"', '"denied"'), "en.yaml", "a hard negative"),
    (GOOD.replace("2016-01-03T21:00:00Z", "3 Jan 2016"), "en.yaml", "is not an ISO time"),
    (GOOD, "fr.yaml", "ids in fr.yaml start with 'b-fr-'"),
    (GOOD, "xx.yaml", "the file name must be a language"),
])
def test_a_malformed_item_gets_a_clear_error_naming_file_and_item(tmp_path: Path, text, name,
                                                                  message):
    (tmp_path / name).write_text(text, "utf-8")
    with pytest.raises(BlindError) as err:
        load_blind(tmp_path, SHIPPED)
    assert str(tmp_path / name) in str(err.value)
    assert message in str(err.value)


def test_a_good_item_loads_as_a_case_with_every_other_rule_silent(tmp_path: Path):
    (tmp_path / "en.yaml").write_text(GOOD, "utf-8")
    [case] = load_blind(tmp_path, SHIPPED).cases
    assert case.fire == {"diplomatic-relations"}
    assert case.silent == SHIPPED - {"diplomatic-relations"}
    assert case.published is not None and case.published.year == 2016


BLIND2 = Path(__file__).resolve().parent / "data" / "blind2"


def test_a_second_set_with_its_own_id_prefix_and_kinds_loads(tmp_path: Path):
    """--folder scores another blind set: its ids carry its own prefix ('c-en-001') and its
    hard negatives may be of the kinds added with it (an obituary)."""
    second = GOOD.replace("b-en-001", "c-en-001")
    obituary = ('- id: "c-en-002"\n  outlet: "Haaretz"\n  published: "2016-09-28T06:00:00Z"\n'
                '  kind: "obituary"\n  title: "Shimon Peres dies at 93"\n  expect: []\n')
    (tmp_path / "en.yaml").write_text(second + obituary, "utf-8")
    cases = load_blind(tmp_path, SHIPPED).cases
    assert [(c.id, c.kind) for c in cases] == [("c-en-001", "event"), ("c-en-002", "obituary")]


def test_one_id_prefix_for_the_whole_folder(tmp_path: Path):
    (tmp_path / "en.yaml").write_text(GOOD.replace("b-en-001", "c-en-001"), "utf-8")
    (tmp_path / "fr.yaml").write_text(GOOD.replace("b-en-001", "b-fr-001"), "utf-8")
    with pytest.raises(BlindError) as err:
        load_blind(tmp_path, SHIPPED)
    assert str(tmp_path / "fr.yaml") in str(err.value)
    assert "ids in fr.yaml start with 'c-fr-'" in str(err.value)


def test_the_command_scores_the_folder_it_is_given(tmp_path: Path, capsys):
    (tmp_path / "en.yaml").write_text(GOOD.replace("b-en-001", "c-en-001"), "utf-8")
    assert main(["--folder", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Blind set: 1 items")
    assert "| `diplomatic-relations` |" in out


@pytest.mark.skipif(not BLIND2.is_dir(), reason="the second blind set is absent")
def test_the_second_blind_set_loads():
    """Only that it is well formed: its figures are in its README, with no floor here."""
    cases = load_blind(BLIND2, SHIPPED).cases
    assert {c.lang for c in cases} == set(LANGUAGES)
    assert all(c.id.startswith(f"c-{c.lang}-") for c in cases)


BLIND3 = Path(__file__).resolve().parent / "data" / "blind3"
# The third blind set's FIRST run (5 Dec 2026, at 77a2de8, before anyone read its failures):
# floors at those figures (tests/data/blind3/README.md has the table and the failure classes).
# Raise them when the rules get better on it, never lower them; once its failures have been
# worked on, the set is an upper bound like the first two.
FLOOR3 = {
    "ceasefire-agreed": (0.95, 0.95),        # 19/20, 19/20
    "ceasefire-call": (0.89, 1.00),          # 17/19, 17/17
    "diplomatic-relations": (0.96, 0.92),    # 24/25, 24/26
    "first-contact-after-gap": (0.88, 1.00),  # 15/17, 15/15
    "peace-talks": (1.00, 0.78),             # 18/18, 18/23
}
FLOOR3_ITEMS = 176  # of 190


def keeps_first_figures(folder: Path, prefix: str, count: int,
                        floors: dict[str, tuple[float, float]], items: int) -> None:
    """The set is whole (its size, every language, its id prefix) and scores at least its
    first run's figures, per rule and in items right."""
    cases = load_blind(folder, SHIPPED).cases
    assert len(cases) == count
    assert {c.lang for c in cases} == set(LANGUAGES)
    assert all(c.id.startswith(f"{prefix}-{c.lang}-") for c in cases)
    result = evaluate(folder)
    failures = "\n".join(result.scores.mistakes())
    for rule, (precision, recall) in floors.items():
        score = result.scores.scores[rule]
        assert score.precision >= precision, f"{rule} precision {score.precision:.2f}\n{failures}"
        assert score.recall >= recall, f"{rule} recall {score.recall:.2f}\n{failures}"
    assert sum(o.ok for o in result.outcomes) >= items, failures


@pytest.mark.skipif(not BLIND3.is_dir(), reason="the third blind set is absent")
def test_the_third_blind_set_keeps_its_first_figures():
    keeps_first_figures(BLIND3, "d", 190, FLOOR3, FLOOR3_ITEMS)


BLIND4 = Path(__file__).resolve().parent / "data" / "blind4"
# The fourth blind set's FIRST run (5 Dec 2026, right after ba66436, before anyone read its
# failures): floors at those figures (tests/data/blind4/README.md has the table and the
# failures), each the exact fraction cut to two decimals (11/13 prints as 0.85 but is 0.846).
# Raise them when the rules get better on it, never lower them.
FLOOR4 = {
    "ceasefire-agreed": (0.83, 1.00),        # 15/18, 15/15
    "ceasefire-call": (1.00, 0.84),          # 11/11, 11/13
    "diplomatic-relations": (0.86, 0.90),    # 20/23, 20/22
    "first-contact-after-gap": (0.78, 0.78),  # 11/14, 11/14
    "peace-talks": (1.00, 0.91),             # 11/11, 11/12
}
FLOOR4_ITEMS = 118  # of 135


@pytest.mark.skipif(not BLIND4.is_dir(), reason="the fourth blind set is absent")
def test_the_fourth_blind_set_keeps_its_first_figures():
    keeps_first_figures(BLIND4, "e", 135, FLOOR4, FLOOR4_ITEMS)
