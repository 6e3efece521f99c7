"""A queued alert's payload packed with what was made for the alerts before it (#17): the
rule facts' JSON once per rule, the item's facts once per stored item row, the rule facts'
number in alert_rules looked up before it is stored. Each alert's payload is what packing
it alone gives."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from alerts.messages import ALERT, Outgoing
from alerts.models import Item, Match
from alerts.routing import alert_facts, stored_facts
from alerts.state import Store
from alerts.state.compact import moment
from alerts.state.outbox import ITEM_MARK, RULE_MARK, _rule_ref, item_facts, pack_payload

AT = datetime(2025, 7, 1, 15, 0, tzinfo=UTC)


def message(title: str = "UN chief urges ceasefire in Sudan", link: str = "https://w.example/1",
            rule_title: str = "Someone calls for a ceasefire",
            description: str | None = "A call for a truce", tags: tuple[str, ...] = ("un",)
            ) -> Outgoing:
    item = Item(feed_url="https://w.example/rss", feed_name="Wire", key="k1", guid=None,
                link=link, title=title, summary="", published=AT)
    match = Match(rule_id="call", rule_title=rule_title, severity="high", channels=("desk",),
                  explanation="matched", story_id=7)
    rule = type("Rule", (), {"description": description, "tags": list(tags),
                             "title": rule_title})()
    facts = stored_facts(alert_facts(item, match, rule))
    return Outgoing("desk", "t", "", kind=ALERT, alert_id=facts["alert_id"],
                    thread_id=facts["thread"], severity="high", rule_id="call",
                    story=facts["story"], payload=facts)


def packed(out: Outgoing, item: tuple[str, str | None, object] | None = None) -> dict:
    texts: list[str] = []
    found = json.loads(pack_payload(out, item, lambda text: texts.append(text) or len(texts),
                                    False) or "{}")
    found["rule facts"] = json.loads(texts[0]) if texts else None
    return found


def test_each_rules_facts_are_its_own_whatever_was_packed_before():
    for description, tags in [("A call for a truce", ("un",)), (None, ("un",)),
                              ("A call for a truce", ("un", "sudan")),
                              ("A call for a truce", ())]:
        out = message(description=description, tags=tags)
        facts = packed(out)["rule facts"]
        expected = {fact: out.payload[fact] for fact in ("rule_title", "rule_description",
                                                         "tags") if fact in out.payload}
        assert facts == expected, (description, tags)
        assert expected["rule_description"] == (description or "")
        assert expected["tags"] == list(tags)
        assert packed(out)["rule facts"] == expected  # packed again: the same


def test_each_items_facts_are_its_own_whatever_was_packed_before():
    out = message()
    stored = ("UN chief urges ceasefire in Sudan", "https://w.example/1", moment(AT))
    assert packed(out, stored)[ITEM_MARK] == 15  # title, link, published, when: all its own
    # Another stored row, differing in one value each time: that fact stays in the payload.
    for other, kept in [((stored[0], "https://w.example/2", stored[2]), "link"),
                        (("Another title", *stored[1:]), "title"),
                        ((*stored[:2], moment(AT) + 60_000_000), "published")]:
        found = packed(out, other)
        assert found[kept] == out.payload[kept], kept
        assert found[ITEM_MARK] & {"title": 1, "link": 2, "published": 4}[kept] == 0
    assert dict(item_facts(stored)) == {
        "title": stored[0], "link": stored[1], "published": AT.isoformat(),
        "when": "2025-07-01 15:00 UTC"}


def test_rule_facts_are_stored_once_and_found_again(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        with store.write() as conn:
            one = _rule_ref(conn, '{"rule_title":"One"}')
            two = _rule_ref(conn, '{"rule_title":"Two"}')
            assert _rule_ref(conn, '{"rule_title":"One"}') == one != two
            assert _rule_ref(conn, '{"rule_title":"Two"}') == two
            assert conn.execute("SELECT count(*) FROM alert_rules").fetchone() == (2,)
        store.queue([message(), message(rule_title="Another rule")], AT)
        rows = store.outbox_rows([1, 2])
        assert [row.payload["rule_title"] for row in rows] == [
            "Someone calls for a ceasefire", "Another rule"]
        marks = [json.loads(text)[RULE_MARK] for (text,) in store.conn.execute(
            "SELECT payload FROM outbox ORDER BY id")]
        assert marks[0] != marks[1]
    finally:
        store.close()
