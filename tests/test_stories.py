"""Clustering reports into stories, with a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alerts.models import Item
from alerts.state import Store
from alerts.stories import StoryDesk, link_key, publisher, signature, similarity

T0 = datetime(2025, 7, 1, 14, 0, tzinfo=UTC)


def item(title: str, feed: str = "https://bta.bg/rss", key: str | None = None,
         link: str | None = None, summary: str = "") -> Item:
    return Item(feed_url=feed, feed_name=feed, key=key or f"g:{title}", guid=None, link=link,
                title=title, summary=summary, published=T0)


def test_link_keys_ignore_scheme_www_and_trailing_slash():
    assert link_key("https://www.example.org/a/b/") == link_key("http://example.org/a/b")
    assert link_key("https://example.org/a?id=1") != link_key("https://example.org/a?id=2")


def test_publisher_folds_feed_hosts():
    assert publisher("https://feeds.reuters.com/world") == publisher("https://www.reuters.com/x")
    assert publisher("https://a.example/rss", "AFP") == "AFP"


def test_minhash_similarity_tracks_shared_wording():
    a = signature("Macron and Putin speak by phone for the first time since 2022, Elysee says")
    b = signature("Macron and Putin speak by phone for the first time since 2022, says Kremlin")
    c = signature("Floods in Valencia leave dozens dead as rain continues")
    assert a and b and c
    assert similarity(a, b) > 0.5 > similarity(a, c)


def test_reports_of_one_event_join_and_different_events_stay_apart(tmp_path):
    store = Store(tmp_path / "s.db")
    desk = StoryDesk(store)
    pair = "emmanuel-macron+vladimir-putin"
    first = desk.assign(item("Macron phones Putin, first call since 2022"), "contact", pair, T0,
                        "bta.bg")
    assert first.joined_by == "new"
    # Another outlet, other words, same rule and people, hours later: the same story.
    afp = desk.assign(item("French president calls Kremlin leader", feed="https://afp.com/rss"),
                      "contact", pair, T0 + timedelta(hours=3), "afp.com")
    assert (afp.id, afp.joined_by) == (first.id, "entities")
    # The same text re-posted under a new GUID: the same story.
    repost = desk.assign(item("Macron phones Putin, first call since 2022", key="g:new"),
                         "contact", None, T0 + timedelta(hours=5), "bta.bg")
    assert (repost.id, repost.joined_by) == (first.id, "text")
    # The same link with another scheme and a trailing slash: the same story.
    one = desk.assign(item("A", link="https://www.x.org/story/"), "r", None, T0, "x.org")
    two = desk.assign(item("B", link="http://x.org/story"), "r", None, T0, "x.org")
    assert two.id == one.id and two.joined_by == "link"
    # The same pair three months later: a new event, a new story.
    later = desk.assign(item("Macron and Putin meet in Istanbul"), "contact", pair,
                        T0 + timedelta(days=90), "bta.bg")
    assert later.id != first.id and later.joined_by == "new"
    sources = store.story_sources(first.id)
    assert [s["publisher"] for s in sources] == ["bta.bg", "afp.com", "bta.bg"]


def test_similar_wording_joins_without_entities(tmp_path):
    store = Store(tmp_path / "s.db")
    desk = StoryDesk(store)
    text = ("UN Security Council demands an immediate ceasefire in Sudan and urges warring "
            "parties to protect civilians in El Fasher")
    a = desk.assign(item(text), "ceasefire-call", None, T0, "un.org")
    b = desk.assign(item(text.replace("El Fasher", "El Fasher, diplomats said"),
                         feed="https://b.org/rss", key="g:b"), "ceasefire-call", None,
                    T0 + timedelta(hours=1), "b.org")
    assert (b.id, b.joined_by) == (a.id, "words")


def test_stories_survive_a_restart_and_are_pruned(tmp_path):
    db = tmp_path / "s.db"
    store = Store(db)
    first = StoryDesk(store).assign(item("Truce agreed"), "r", "x+y", T0, "a.org")
    store.close()
    store = Store(db)
    again = StoryDesk(store).assign(item("Parties agree truce", feed="https://b.org/rss"),
                                    "r", "x+y", T0 + timedelta(hours=1), "b.org")
    assert again.id == first.id
    assert store.prune(T0 + timedelta(days=60))["stories"] == 1
    assert store.recent_stories(T0 - timedelta(days=1)) == []


# -- through the real pipeline: three outlets, one event -----------------------------------

def _poll_many(db, feeds_and_servers, rules):
    from tests.conftest import poll_feeds

    return poll_feeds(db, feeds_and_servers, rules, force_backfill=True)


def _rules(tmp_path, extra: str = ""):
    from alerts.rules import RuleSet, load_rules

    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "r.yaml").write_text(
        "id: ceasefire-call\nmatch:\n  all:\n    - terms: [ceasefire]\n"
        "    - terms: [urge*, 'call* for']\n" + extra, "utf-8")
    return RuleSet(load_rules([folder], {"c"}, ("c",)), ("c",))


def test_three_outlets_one_event_one_alert_with_sources(tmp_path, feed_server):
    from alerts.models import Feed
    from tests.feeds import rss, rss_item

    pub = "Tue, 01 Jul 2025 14:05:00 GMT"
    feeds = []
    for name, title, link in [
        ("BTA", "Macron urges Putin to agree an immediate ceasefire",
         "https://bta.bg/en/news/1"),
        ("AFP", "France's Macron calls for ceasefire in rare call with Putin",
         "https://afp.com/story/2"),
        ("Reuters", "Macron urges ceasefire in first call with Putin since 2022",
         "https://reuters.com/world/3"),
    ]:
        url = feed_server.put(f"/{name}.xml", rss(rss_item(title, guid=f"{name}-1", link=link,
                                                            pub=pub)))
        feeds.append(Feed(url, name, 60, publisher=name))
    results = _poll_many(tmp_path / "s.db", feeds, _rules(tmp_path))
    assert [r.alerts_queued for r in results] == [1, 0, 0]
    store = Store(tmp_path / "s.db")
    (story,) = store.recent_stories(datetime(2025, 1, 1, tzinfo=UTC))
    assert story["publishers"] == 3 and story["alerted_rules"] == "ceasefire-call"
    assert [s["publisher"] for s in store.story_sources(story["id"])] == ["BTA", "AFP", "Reuters"]
    store.close()


def test_corroboration_waits_for_the_nth_source(tmp_path, feed_server):
    from alerts.models import Feed
    from tests.feeds import rss, rss_item

    rules = _rules(tmp_path, "corroborate: 2\n")
    pub = "Tue, 01 Jul 2025 14:05:00 GMT"
    one = feed_server.put("/one.xml", rss(rss_item("Macron urges Putin to agree a ceasefire",
                                                   guid="1", link="https://one.org/1", pub=pub)))
    two = feed_server.put("/two.xml", rss(rss_item("Macron calls for ceasefire with Putin",
                                                   guid="2", link="https://two.org/2", pub=pub)))
    first = _poll_many(tmp_path / "s.db", [Feed(one, "One", 60, publisher="One")], rules)
    assert first[0].alerts_queued == 0
    assert "waiting for 2 sources, 1 so far" in first[0].matches[0][1].suppressed
    second = _poll_many(tmp_path / "s.db", [Feed(two, "Two", 60, publisher="Two")], rules)
    assert second[0].alerts_queued == 1
    assert "reported by 2 sources" in second[0].matches[0][1].explanation


def test_history_command_lists_stories_with_sources(tmp_path, feed_server, webhook):
    from email.utils import format_datetime

    from tests.conftest import run_cli, write_config
    from tests.feeds import rss, rss_item

    now = format_datetime(datetime.now(UTC), usegmt=True)
    one = feed_server.put("/one.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1",
                                                   link="https://one.org/1", pub=now)))
    two = feed_server.put("/two.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="x",
                                                   link="https://two.org/2", pub=now)))
    config = write_config(tmp_path, feeds=[{"url": one, "name": "One", "publisher": "One"},
                                           {"url": two, "name": "Two", "publisher": "Two"}],
                          channels={"hook": webhook.url}, defaults={"backfill": True,
                                                                    "channels": ["hook"]})
    polled = run_cli("--config", str(config), "poll", "--once")
    assert polled.returncode == 0, polled.stdout + polled.stderr
    assert len(webhook.received) == 1  # one event, two outlets: one alert
    shown = run_cli("--config", str(config), "history")
    assert shown.returncode == 0, shown.stderr
    assert "UN urges ceasefire in Sudan  [2 sources; alerted: ceasefire-call]" in shown.stdout
    assert "One: UN urges ceasefire in Sudan  https://one.org/1" in shown.stdout
    assert "Two: UN urges ceasefire in Sudan  https://two.org/2" in shown.stdout


def test_pruning_takes_old_items_but_never_a_queued_alert(tmp_path, feed_server):
    import sqlite3

    from alerts.models import Feed
    from tests.feeds import rss, rss_item

    url = feed_server.put("/f.xml", rss(
        rss_item("UN urges ceasefire in Sudan", guid="1", link="https://x.org/1"),
        rss_item("Markets rise", guid="2", link="https://x.org/2")))
    db = tmp_path / "s.db"
    results = _poll_many(db, [Feed(url, "Wire", 60)], _rules(tmp_path))
    assert results[0].alerts_queued == 1
    store = Store(db)
    counts = store.prune(datetime.now(UTC) + timedelta(days=1))  # everything is "old"
    with sqlite3.connect(db) as conn:
        left = conn.execute("SELECT title FROM items").fetchall()
        pending = conn.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()
    store.close()
    assert counts["items"] == 1 and counts["stories"] == 1
    assert left == [("UN urges ceasefire in Sudan",)] and pending == (1,)


def test_a_report_of_several_events_is_found_by_a_report_of_any_of_them():
    """"Trump and Putin speak by phone, agree to start negotiations" is a contact and peace
    talks; a report of the call alone joins its story (#16: the written set's en-016/ru-003
    alerted first-contact twice while the story kept only the talks)."""
    from datetime import UTC, datetime

    from alerts.models import Item
    from alerts.stories import EventKey, agreement, event_of

    def item(title: str, summary: str) -> Item:
        return Item(feed_url="f", feed_name="f", key=title, guid=title, link=None,
                    title=title, summary=summary, language="en", content_hash=title,
                    published=datetime(2025, 2, 12, 21, tzinfo=UTC))

    both = event_of(item("Trump and Putin speak by phone, agree to start Ukraine negotiations",
                         "President Donald Trump said he had a lengthy call with Vladimir "
                         "Putin and that their teams would begin negotiations on ending the "
                         "war immediately."),
                    ["contact", "peace-talks"])
    call = event_of(item("Trump and Putin hold their first call in three years",
                         "The two presidents spoke for an hour and a half."), ["contact"])
    assert both is not None and call is not None
    assert {e.type for e in both.each()} == {"contact", "peace-talks"}
    assert agreement(call, both) and agreement(both, call)
    # Stored and read back, the story keeps both, and its keys find it by either type.
    stored = EventKey.decode(both.encode())
    assert stored is not None and agreement(call, stored)
    assert set(call.lookup_keys()) & set(stored.stored_keys())
    # Widened by the call, the story keeps its talks.
    assert {e.type for e in stored.merged(call).each()} == {"contact", "peace-talks"}
