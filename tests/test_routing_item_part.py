"""An alert's facts that its item alone gives are made once for the alerts of one item on
several rules (#17): the same item object read with the same analysis, and only for an item
that cannot change (a frozen dataclass); any other item, or the same one read otherwise,
gets its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from types import SimpleNamespace

from alerts.analysis import analyse
from alerts.models import Item, Match
from alerts.routing import alert_facts

AT = datetime(2025, 7, 1, 15, 0, tzinfo=UTC)
ITEM = Item(feed_url="https://w.example/rss", feed_name="Wire", key="k1", guid=None,
            link="https://w.example/1", title="Macron phones Putin about a ceasefire",
            summary="The French president called the Kremlin.", published=AT)


def match(rule: str) -> Match:
    return Match(rule_id=rule, rule_title=rule.title(), severity="high", channels=("d",),
                 explanation=f"matched {rule}", story_id=7)


def fresh(item: object, rule: str, analysis: object = None) -> dict:
    """The facts made with nothing remembered (another item in between)."""
    alert_facts(replace(ITEM, key="other", title="Floods in Valencia"), match("x"))
    return alert_facts(item, match(rule), analysis=analysis)


def test_the_alerts_of_one_item_on_several_rules_have_its_facts():
    analysis = analyse(ITEM)
    first = alert_facts(ITEM, match("a"), analysis=analysis)
    second = alert_facts(ITEM, match("b"), analysis=analysis)
    assert second == fresh(ITEM, "b", analysis)
    assert first["who"] and first["who"] == second["who"]
    # Each alert its own lists and source: what one reader changes is not another's.
    assert first["who"] is not second["who"]
    assert first["sources"][0] is not second["sources"][0]


def test_another_item_right_after_has_its_own_facts():
    alert_facts(ITEM, match("a"))
    other = replace(ITEM, title="Scholz phones Xi", link="https://w.example/2",
                    published=datetime(2025, 7, 2, 9, 30, tzinfo=UTC), feed_name="Other")
    facts = alert_facts(other, match("a"))
    assert facts == fresh(other, "a")
    assert (facts["title"], facts["link"], facts["when"], facts["feed"]) == (
        "Scholz phones Xi", "https://w.example/2", "2025-07-02 09:30 UTC", "Other")


def test_the_same_item_read_with_another_analysis_has_that_analysis_people():
    alert_facts(ITEM, match("a"), analysis=analyse(ITEM))
    elsewhere = analyse(replace(ITEM, title="Scholz phones Xi", summary=""))
    facts = alert_facts(ITEM, match("a"), analysis=elsewhere)
    assert facts["who"] == fresh(ITEM, "a", elsewhere)["who"]
    assert any("Scholz" in person for person in facts["who"]), facts["who"]


def test_an_item_that_can_change_is_read_again():
    item = SimpleNamespace(**{field: getattr(ITEM, field) for field in (
        "feed_url", "feed_name", "key", "link", "title", "summary", "published",
        "content_hash")})
    alert_facts(item, match("a"))
    item.title = "Scholz phones Xi"
    assert alert_facts(item, match("a"))["title"] == "Scholz phones Xi"
