"""Not one alert changes (issue #17): the labelled sets and the shared corpora replayed with
the code as it is give exactly the alerts recorded before the faster paths went in.

The record is tests/data/same_alerts.json, written by tests/tools/same_alerts.py from the
code before the change (read that tool for the cases). When alerts are meant to change (a
rule or the analysis changed on purpose), run the tool again and say so in the commit.
Cases that read ../shared/corpus skip when it is absent.
"""

from __future__ import annotations

import json

import pytest

from tests.tools import same_alerts

RECORDED = json.loads(same_alerts.FIXTURE.read_text("utf-8"))["cases"]


@pytest.fixture(scope="module")
def now() -> dict:
    """Every case as the code computes it now (one run, shared by the tests below)."""
    return same_alerts.cases()


def differences(before: dict, after: dict, limit: int = 12) -> list[str]:
    """What changed, item by item, in words."""
    out = []
    for item_id in sorted(set(before) | set(after)):
        old = [tuple(r) for r in before.get(item_id, [])]
        new = [tuple(r) for r in after.get(item_id, [])]
        if old == new:
            continue
        gone = [r for r in old if r not in new]
        added = [r for r in new if r not in old]
        out.append(f"{item_id}: lost {gone or 'nothing'}; gained {added or 'nothing'}"
                   + ("" if gone or added else "; the same alerts in another order"))
        if len(out) == limit:
            out.append("...")
            break
    return out


@pytest.mark.parametrize("case", sorted(RECORDED))
def test_the_same_alerts_as_before(case: str, now: dict):
    if now[case] is None:
        pytest.skip(f"{case} reads the shared corpus, which is not beside the checkout")
    # JSON has no tuples: compare as the record stores them.
    current = json.loads(json.dumps(now[case], ensure_ascii=False))
    changed = differences(RECORDED[case], current)
    assert not changed, f"{case}: {len(changed)} items alert differently:\n" + "\n".join(changed)


def test_the_record_covers_every_kind_of_condition():
    """The generated rules exercise every condition kind, and each kind raised alerts in the
    record (a case that raises nothing proves nothing)."""
    kinds = {"terms", "near", "regex", "not", "any", "all", "countries", "people", "entities",
             "gap", "count", "events", "contact", "event"}
    words = [f"word{n}" for n in range(6000)]
    used: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            used.update(k for k in node if k in kinds)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for doc in same_alerts.rule_docs(words):
        walk(doc["match"])
    assert used == kinds
    if RECORDED.get("real-terms"):
        fired = {int(r[0].split("-")[1]) % 20 for rs in RECORDED["real-terms"].values()
                 for r in rs}
        assert fired == set(range(20)), f"rule shapes that never alerted: {set(range(20)) - fired}"
    assert any(r[1] != "alert" for rs in RECORDED["labelled"].values() for r in rs), \
        "the labelled case holds no held-back alert"


def test_a_changed_alert_is_shown():
    before = {"a": [["r1", "alert", 1, "x"]], "b": [["r2", "alert", None, "y"]]}
    after = {"a": [["r1", "alert", 1, "z"]], "c": [["r3", "alert", None, "w"]]}
    shown = differences(before, after)
    assert shown == [
        "a: lost [('r1', 'alert', 1, 'x')]; gained [('r1', 'alert', 1, 'z')]",
        "b: lost [('r2', 'alert', None, 'y')]; gained nothing",
        "c: lost nothing; gained [('r3', 'alert', None, 'w')]",
    ]
