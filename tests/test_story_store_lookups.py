"""The story desk's look-ups for less CPU (#17), with the same answers: a window's bounds are
worked out once for the look-ups of one report, and never carried to another window (nor a
naive one to another local zone); a report sharing no band with a story in its window is
told so by the bands alone; a story's reports for several rules are read with each member's
rules read once, and are each rule's own reports."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone

from alerts.models import Item
from alerts.state import Store
from alerts.stories import StoryRef, bands, signature

T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
FEED = "https://a.example/rss"
TEXT = ("Negotiators from both sides met again in Geneva on Tuesday to discuss an exchange "
        "of prisoners, the front line and humanitarian corridors")


def _item(key: str) -> Item:
    return Item(feed_url=FEED, feed_name="A", key=key, guid=key[2:],
                link=f"https://a.example/{key[2:]}", title=f"Envoys meet ({key})",
                summary="Envoys met.", published=T0)


def _join(store: Store, key: str, story: StoryRef | None, rules: list[str], *,
          at: datetime = T0, sig: tuple[int, ...] | None = None) -> StoryRef:
    item = _item(key)
    return store.add_to_story(story, item, at, rule_ids=rules, entity_keys=[], link=item.link,
                              text=item.title + key, sig=sig,
                              band_keys=bands(sig) if sig else [], publisher=f"p{key[2:]}")


def test_each_window_is_looked_up_with_its_own_bounds(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        story = _join(store, "g:1", None, ["talks"])
        text, link = _item("g:1").title + "g:1", _item("g:1").link
        day = timedelta(days=1)
        # The same beginning, then another end: the story is in one window, not the other.
        assert store.story_by_copy(link, text, T0 - day, T0 + day) is not None
        assert store.story_by_copy(link, text, T0 - day, T0 - day / 2) is None
        assert store.story_by_text(text, T0 - day, T0 + day) is not None
        assert store.story_by_text(text, T0 - day) is not None  # no end
        # The same end, another beginning.
        assert store.story_by_link(link, T0 + day / 2, T0 + day) is None
        found = store.story_by_link(link, T0 - day, T0 + day)
        assert found is not None and found.id == story.id
        # The same instants in another zone are the same window.
        east = timezone(timedelta(hours=3))
        found = store.story_by_link(link, (T0 - day).astimezone(east),
                                    (T0 + day).astimezone(east))
        assert found is not None and found.id == story.id
    finally:
        store.close()


def test_a_naive_window_is_read_in_the_local_zone_of_each_lookup(tmp_path, monkeypatch):
    store = Store(tmp_path / "s.db")
    try:
        _join(store, "g:1", None, ["talks"])
        link = _item("g:1").link
        since, until = datetime(2025, 7, 1, 9, 0), datetime(2025, 7, 1, 11, 0)  # naive: local
        monkeypatch.setenv("TZ", "UTC")
        time.tzset()
        assert store.story_by_link(link, since, until) is not None  # 09:00-11:00 UTC
        monkeypatch.setenv("TZ", "Asia/Tokyo")
        time.tzset()
        assert store.story_by_link(link, since, until) is None  # 00:00-02:00 UTC
    finally:
        store.close()
        monkeypatch.undo()
        time.tzset()


def test_bands_are_looked_up_in_their_window_only(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        sig = signature(TEXT)
        assert sig is not None
        story = _join(store, "g:1", None, ["talks"], sig=sig)
        keys = bands(sig)
        hour = timedelta(hours=1)
        assert store.stories_by_bands(keys, T0 + timedelta(microseconds=1), T0 + hour) == []
        assert store.stories_by_bands(keys, T0 - hour, T0 - timedelta(microseconds=1)) == []
        # The window's ends are in it.
        for since, until in ((T0, T0), (T0 - hour, T0), (T0, None)):
            assert [(ref.id, other) for ref, other, _ in store.stories_by_bands(
                keys, since, until)] == [(story.id, sig)]
        # One band shared is enough; none shared finds nothing.
        assert len(store.stories_by_bands(keys[3:4], T0 - hour, T0 + hour)) == 1
        other = signature("Dock unions walked out of the port authority meeting on Tuesday "
                          "after the talks on pay and hours stalled again")
        assert other is not None
        assert store.stories_by_bands(bands(other), T0 - hour, T0 + hour) == []
    finally:
        store.close()


def test_a_storys_reports_for_several_rules_are_each_rules_own(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        rules = ["a", "b", "c", "d", "e"]
        story = _join(store, "g:0", None, ["a"])
        for n in range(1, 40):  # members with one to three rules each, some of them twice
            mine = [rules[n % 5], rules[(n * 3) % 5], rules[(n * 7) % 5]][:1 + n % 3]
            _join(store, f"g:{n}", story, mine, at=T0 + timedelta(minutes=n % 7))
        _join(store, "g:5", story, ["e", "a"], at=T0 + timedelta(hours=1))  # joins again
        for asked in (rules, ["c", "a"], ["e"], ["b", "zz"]):
            read = store.story_sources_for(story, asked)
            assert read == {rule: store.story_sources(story.id, rule) for rule in asked}
        assert [len(read) for read in store.story_sources_for(story, rules).values()] == [
            len(store.story_sources(story.id, rule)) for rule in rules]
        assert all(store.story_sources(story.id, rule) for rule in rules)
    finally:
        store.close()
