"""The shipped rules on the labelled set: precision >= 0.95 and recall >= 0.90 per rule."""

from pathlib import Path

import pytest

from alerts.quality.labelled import evaluate_labelled, load_labelled

LABELLED = Path(__file__).parent / "data" / "labelled"
SHIPPED = ["first-contact-after-gap", "ceasefire-call", "ceasefire-agreed",
           "diplomatic-relations", "peace-talks"]


@pytest.fixture(scope="module")
def report():
    return evaluate_labelled(LABELLED)


def test_the_labelled_set_is_what_the_issue_asks_for():
    rows = load_labelled(LABELLED)
    assert len(rows) >= 150
    languages = {"en", "fr", "de", "es", "ru", "uk", "ar", "zh"}
    assert {r.item.language for r in rows} == languages
    assert all(sum(r.item.language == lang for r in rows) >= 20 for lang in languages)
    assert len({r.id for r in rows}) == len(rows)


@pytest.mark.parametrize("rule_id", SHIPPED)
def test_precision_and_recall(report, rule_id):
    score = report.scores[rule_id]
    detail = "\n".join(score.false_positives + score.misses)
    assert score.precision >= 0.95, f"{rule_id} precision {score.precision:.2f}\n{detail}"
    assert score.recall >= 0.90, f"{rule_id} recall {score.recall:.2f}\n{detail}"
