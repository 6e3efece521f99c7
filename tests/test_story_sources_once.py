"""A story's reports read once per report that matched (#17): `Stories.story_sources_for`
gives, for each rule, what `story_sources(story, rule)` gives, in one query, and without
any for the story the report has just started inside the poll's transaction (it holds that
report alone); anything written since, or the transaction's end, sends it back to reading.
The poller asks it once per item, not once per matched rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from alerts.models import Item
from alerts.state import Store
from alerts.stories import EventKey, StoryRef

T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
RULES = ["talks", "envoys", "geneva", "nobody"]


def _item(key: str = "g:1", title: str = "Envoys meet in Geneva",
          feed: str = "https://a.example/rss") -> Item:
    return Item(feed_url=feed, feed_name="A", key=key, guid=key[2:],
                link=f"https://a.example/{key}", title=title, summary="The envoys met.",
                published=T0)


def _add(store: Store, item: Item, story: StoryRef | None, rules: list[str],
         at: datetime = T0, publisher: str = "a.example",
         event: EventKey | None = None) -> StoryRef:
    return store.add_to_story(story, item, at, rule_ids=rules, entity_keys=[], link=item.link,
                              text=item.title, sig=None, band_keys=[], publisher=publisher,
                              event=event)


def _read(store: Store, story: StoryRef) -> dict[str, list[dict[str, object]]]:
    return {rule: store.story_sources(story.id, rule) for rule in RULES}


@pytest.fixture
def store(tmp_path):
    opened = Store(tmp_path / "s.db")
    yield opened
    opened.close()


@pytest.mark.parametrize("status", [None, "", "agreed"])
def test_a_story_just_started_gives_its_report_as_read(store, status):
    event = (None if status is None else
             replace(EventKey("ceasefire", "a", frozenset({"IL", "LB"}), frozenset()),
                     status=status))
    with store.write():
        story = _add(store, _item(), None, ["talks", "envoys", "talks"],
                     T0 + timedelta(microseconds=7), "Agence A", event)
        remembered = store.story_sources_for(story, RULES)
        read = _read(store, story)
    assert story.joined_by == "new"
    assert remembered == read
    assert [len(remembered[rule]) for rule in RULES] == [1, 1, 0, 0]
    assert remembered["talks"][0]["status"] == status
    # Each rule its own rows: what a reader does with one does not touch another's.
    assert remembered["talks"][0] is not remembered["envoys"][0]


def test_a_story_read_in_one_query_gives_each_rules_reports(store):
    with store.write():
        story = _add(store, _item(), None, ["talks", "envoys"])
        again = StoryRef(story.id, story.title, "link", "the same page")
        # The same report again for one more rule (an edit): a second member of that item.
        _add(store, _item(), again, ["talks", "geneva"], T0 + timedelta(hours=1))
        _add(store, _item("g:2", "Envoys meet again", "https://b.example/rss"), again,
             ["geneva", "talks"], T0 - timedelta(hours=1), "b.example")
        found = store.story_sources_for(story, RULES)
    assert found == _read(store, story)
    assert [s["item_key"] for s in found["geneva"]] == ["g:2", "g:1"]  # by time
    assert [s["joined_by"] for s in found["geneva"]] == ["link", "link"]
    assert found["nobody"] == []


def test_a_report_joining_the_story_since_is_read(store):
    # Without the count of changes, the story would still be given as its first report.
    with store.write():
        story = _add(store, _item(), None, ["talks"])
        _add(store, _item("g:2", "Envoys meet again"), replace(story, joined_by="event"),
             ["talks"], publisher="b.example")
        found = store.story_sources_for(story, ["talks"])
    assert [s["publisher"] for s in found["talks"]] == ["a.example", "b.example"]


def test_a_story_gone_since_is_read(store):
    with store.write():
        story = _add(store, _item(), None, ["talks"])
        store.prune(T0 + timedelta(days=30))
        assert store.story_sources_for(story, ["talks"]) == {"talks": []}


def test_a_story_rolled_back_is_read(store):
    # The poll's transaction failed after the story started: the story is not there.
    with pytest.raises(RuntimeError), store.write():
        story = _add(store, _item(), None, ["talks"])
        raise RuntimeError("the poll failed")
    assert store.story_sources_for(story, ["talks"]) == {"talks": []}


def test_the_poller_reads_a_storys_reports_once_per_item(tmp_path):
    from alerts.models import Feed, Fetched, PollResult
    from alerts.pipeline import Poller
    from alerts.rules import RuleSet, load_rules

    folder = tmp_path / "rules"
    folder.mkdir()
    for rule in ("call-a", "call-b", "call-c"):
        (folder / f"{rule}.yaml").write_text(
            f"id: {rule}\nmatch:\n  terms: [ceasefire]\ncorroborate: 2\n", "utf-8")
    rules = RuleSet(load_rules([folder], {"c"}, ("c",)), ("c",))
    store = Store(tmp_path / "p.db")
    asked: list[tuple[str, ...]] = []
    each: list[tuple[int, str | None]] = []
    read_for, read_one = store.story_sources_for, store.story_sources

    def sources_for(story: StoryRef, rule_ids: list[str]) -> dict[str, list[dict]]:
        asked.append(tuple(rule_ids))
        return read_for(story, rule_ids)

    def sources(story_id: int, rule_id: str | None = None) -> list[dict]:
        each.append((story_id, rule_id))
        return read_one(story_id, rule_id)

    store.story_sources_for = sources_for  # type: ignore[method-assign]
    store.story_sources = sources  # type: ignore[method-assign]
    poller = Poller(store, None, rules, clock=lambda: T0 + timedelta(hours=1))
    results = []
    try:
        # The same report from two outlets: the second joins the first's story (its text).
        for name in ("One", "Two"):
            feed = Feed(f"https://{name.lower()}.example/rss", name, 60, publisher=name)
            fetched = Fetched(feed.url, feed.url, 200, b"")
            results.append(PollResult(feed.url, "new"))
            item = replace(_item("g:1", "UN urges ceasefire in Sudan", feed.url),
                           link=f"https://{name.lower()}.example/1")
            poller.process(feed, [item], fetched, name, results[-1], alerting=True)
    finally:
        store.close()
    # One read an item for its three rules, none of them rule by rule; the first report
    # started the story (no query: its one report), the second read it.
    assert asked == [("call-a", "call-b", "call-c")] * 2
    assert each == []
    assert [m.suppressed for _, m in results[0].matches] == [
        "waiting for 2 sources, 1 so far"] * 3
    assert results[1].alerts_queued == 3
    assert all("reported by 2 sources: One, Two" in m.explanation
               for _, m in results[1].matches)
