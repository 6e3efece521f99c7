"""Stories keyed by the event (#16): reports join when their event frames agree, a new status
of the event alerts once as a threaded follow-up, a copy never; grouping by publication time.

Each test polls real feeds from the loopback server through the real pipeline (fetch, parse,
analysis, the shipped rules, stories, outbox) into a real SQLite file, and reads what the
outbox would send."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from alerts.models import Feed
from alerts.state import Store
from alerts.state.compact import iso
from tests.conftest import outbox_messages, poll_feeds
from tests.feeds import rss, rss_item

NOW = datetime(2025, 11, 20, 12, 0, tzinfo=UTC)


def _shipped_rules(tmp_path: Path, extra: dict[str, str] | None = None):
    from alerts.rulepack import shipped_rules_dir
    from alerts.rules import RuleSet, load_rules

    folders = [shipped_rules_dir()]
    if extra:
        folder = tmp_path / "extra-rules"
        folder.mkdir(exist_ok=True)
        for name, text in extra.items():
            (folder / name).write_text(text, "utf-8")
        folders.append(folder)
    return RuleSet(load_rules(folders, {"c"}, ("c",)), ("c",))


def _pub(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)


def _poll(db: Path, feeds: list[Feed], rules, clock: datetime = NOW):
    """Polls each feed once, in order, with backfill (the feeds are new) and a fixed clock."""
    return poll_feeds(db, feeds, rules, force=True, force_backfill=True, clock=lambda: clock)


def _feed(feed_server, name: str, *entries: tuple[str, str, datetime]) -> Feed:
    """A feed of one outlet: (title, link, published) per entry."""
    url = feed_server.put(f"/{name}.xml", rss(*(
        rss_item(title, guid=f"{name}-{n}", link=link, pub=_pub(when))
        for n, (title, link, when) in enumerate(entries))))
    return Feed(url, name, 60, publisher=name)


def _sent(db: Path, rule: str | None = None) -> list[tuple[str, str, str | None, str]]:
    """What the outbox holds: (kind, alert id, thread id, body), oldest first."""
    return [(m.kind, m.alert_id, m.thread_id, m.body) for m in outbox_messages(db)
            if rule is None or m.rule_id == rule]


def _suppressed(results) -> list[str]:
    return [m.suppressed or "" for r in results for _, m in r.matches if m.suppressed]


# -- who: subsets and one named actor ------------------------------------------------------

def test_a_report_naming_a_subset_of_the_parties_joins_their_story(tmp_path, feed_server):
    db = tmp_path / "s.db"
    feeds = [_feed(feed_server, "AFP", ("Israel and Lebanon agree ceasefire",
                                        "https://afp.example/1", NOW - timedelta(hours=3))),
             _feed(feed_server, "NNA", ("Lebanon signs truce deal",
                                        "https://nna.example/1", NOW - timedelta(hours=2)))]
    results = _poll(db, feeds, _shipped_rules(tmp_path))
    assert [len(_sent(db, "ceasefire-agreed"))] == [1]
    assert [r.alerts_queued for r in results] == [1, 0]
    assert "a copy of 'agreed'" in _suppressed(results)[0]
    store = Store(db)
    (story,) = store.recent_stories(NOW - timedelta(days=3))
    sources = store.story_sources(story["id"])
    assert [s["publisher"] for s in sources] == ["AFP", "NNA"]
    assert sources[1]["joined_by"] == "event"
    assert sources[1]["why"] == "the same ceasefire event: LB among IL, LB"
    store.close()


def test_one_named_actor_joins_by_actor_event_and_place(tmp_path, feed_server):
    db = tmp_path / "s.db"
    feeds = [_feed(feed_server, "UN", ("Guterres calls for ceasefire in Gaza",
                                       "https://un.example/1", NOW - timedelta(hours=5))),
             _feed(feed_server, "AP", ("UN chief urges truce in Gaza", "https://ap.example/1",
                                       NOW - timedelta(hours=4)),
                   ("Guterres calls for ceasefire in Sudan", "https://ap.example/2",
                    NOW - timedelta(hours=3)))]
    _poll(db, feeds, _shipped_rules(tmp_path))
    sent = _sent(db, "ceasefire-call")
    # Gaza twice (one call, two outlets): one alert; Sudan, another call: its own alert.
    assert len(sent) == 2, sent
    assert "Gaza" in sent[0][3] and "Sudan" in sent[1][3]
    stories = sqlite3.connect(db).execute(
        "SELECT story_id, title, (SELECT text FROM match_texts WHERE id = why_id) "
        "FROM story_members ORDER BY id").fetchall()  # reasons kept once since 0027
    assert stories[0][0] == stories[1][0] != stories[2][0]
    assert stories[1][2].startswith("the same call (ceasefire) by UN")


# -- developments ---------------------------------------------------------------------------

def test_agreed_then_took_effect_is_two_alerts_the_second_a_threaded_follow_up(
        tmp_path, feed_server):
    db = tmp_path / "s.db"
    agreed = NOW - timedelta(hours=30)
    feeds = [_feed(feed_server, "AFP", ("Israel and Lebanon agree ceasefire",
                                        "https://afp.example/1", agreed)),
             # In French, the next day: the same pair, so joining "the same rule on the same
             # countries" swallowed it.
             _feed(feed_server, "L'Orient", ("Le cessez-le-feu entre Israël et le Liban entre "
                                             "en vigueur", "https://lorient.example/1",
                                             NOW - timedelta(hours=1))),
             _feed(feed_server, "Reuters", ("Ceasefire between Israel and Lebanon takes effect",
                                            "https://reuters.example/1", NOW))]
    results = _poll(db, feeds, _shipped_rules(tmp_path))
    sent = _sent(db, "ceasefire-agreed")
    assert [kind for kind, *_ in sent] == ["alert", "update"]
    (_, first, _, _), (_, _, thread, body) = sent
    assert thread == first  # threaded to the first alert of the story
    assert "entre en vigueur" in body
    # The third report, a copy of "took effect", raises nothing and is listed as a source.
    assert results[2].alerts_queued == 0
    assert "a copy of 'took-effect'" in _suppressed(results)[-1]
    store = Store(db)
    (story,) = store.recent_stories(NOW - timedelta(days=3))
    assert [s["status"] for s in store.story_sources(story["id"])] == [
        "agreed", "took-effect", "took-effect"]
    store.close()


def test_talks_begin_then_collapse_a_day_later_are_two_alerts(tmp_path, feed_server):
    db = tmp_path / "s.db"
    begin = NOW - timedelta(hours=27)
    feeds = [_feed(feed_server, "TASS", ("Russia and Ukraine begin peace talks in Istanbul",
                                         "https://tass.example/1", begin)),
             _feed(feed_server, "Kyiv", ("Peace talks between Russia and Ukraine collapse",
                                         "https://kyiv.example/1", begin + timedelta(hours=26)))]
    _poll(db, feeds, _shipped_rules(tmp_path))
    sent = _sent(db, "peace-talks")
    assert [kind for kind, *_ in sent] == ["alert", "update"]
    assert sent[1][2] == sent[0][1]
    assert "collapse" in sent[1][3]


def test_updates_false_keeps_one_alert_per_story(tmp_path, feed_server):
    from alerts.rulepack import shipped_rules_dir

    text = (shipped_rules_dir() / "peace-talks.yaml").read_text("utf-8")
    folder = tmp_path / "own"
    folder.mkdir()
    (folder / "talks.yaml").write_text(text.replace("id: peace-talks", "id: talks-once")
                                       + "updates: false\n", "utf-8")
    from alerts.rules import RuleSet, load_rules

    rules = RuleSet(load_rules([folder], {"c"}, ("c",)), ("c",))
    begin = NOW - timedelta(hours=27)
    feeds = [_feed(feed_server, "TASS", ("Russia and Ukraine begin peace talks in Istanbul",
                                         "https://tass.example/1", begin)),
             _feed(feed_server, "Kyiv", ("Peace talks between Russia and Ukraine collapse",
                                         "https://kyiv.example/1", begin + timedelta(hours=26)))]
    results = _poll(tmp_path / "s.db", feeds, rules)
    assert [kind for kind, *_ in _sent(tmp_path / "s.db")] == ["alert"]
    assert "the rule says updates: false" in _suppressed(results)[0]


# -- time is the event's ------------------------------------------------------------------

def test_a_2022_item_never_joins_a_2025_story_with_backfill(tmp_path, feed_server):
    db = tmp_path / "s.db"
    feeds = [_feed(feed_server, "New", ("Russia and Ukraine hold peace talks in Istanbul",
                                        "https://new.example/1", datetime(2025, 5, 16, 9,
                                                                          tzinfo=UTC))),
             _feed(feed_server, "Archive", ("Russia and Ukraine hold peace talks in Istanbul",
                                            "https://archive.example/1",
                                            datetime(2022, 3, 29, 9, tzinfo=UTC)))]
    results = _poll(db, feeds, _shipped_rules(tmp_path), clock=NOW)
    assert [r.alerts_queued for r in results] == [1, 1]
    stories = sqlite3.connect(db).execute(
        "SELECT id, created_at FROM stories ORDER BY id").fetchall()
    assert len(stories) == 2 and iso(stories[1][1]).startswith("2022-03-29")  # µs (0025)


# -- unrelated reports never swallow real alerts -------------------------------------------

def test_another_countrys_ties_with_israel_do_not_swallow_bahrain_recalling_its_envoy(
        tmp_path, feed_server):
    db = tmp_path / "s.db"
    # The earlier report names Bahrain and Israel too, but as background: its event is
    # Turkey's. Joining by "the countries named" put both in one story.
    url = feed_server.put("/Anadolu.xml", rss(rss_item(
        "Turkey downgrades diplomatic ties with Israel", guid="aa-1", link="https://aa.example/1",
        pub=_pub(NOW - timedelta(hours=6)),
        summary="Bahrain and the United Arab Emirates have kept their relations with "
                    "Israel.")))
    feeds = [Feed(url, "Anadolu", 60, publisher="Anadolu"),
             _feed(feed_server, "BNA", ("Bahrain recalls ambassador from Israel",
                                        "https://bna.example/1", NOW - timedelta(hours=2)))]
    results = _poll(db, feeds, _shipped_rules(tmp_path))
    assert [r.alerts_queued for r in results] == [1, 1]
    assert len({m.story_id for r in results for _, m in r.matches}) == 2


PREVIEWS = """\
id: leaders
title: Biden and Xi
match:
  all:
    - terms: [Biden]
    - terms: [Xi]
"""


def test_a_preview_does_not_absorb_the_meeting_it_announces(tmp_path, feed_server):
    db = tmp_path / "s.db"
    feeds = [_feed(feed_server, "Preview", ("Biden and Xi to meet in San Francisco next week",
                                            "https://p.example/1", NOW - timedelta(hours=40))),
             _feed(feed_server, "Wire", ("Biden and Xi meet in San Francisco",
                                         "https://w.example/1", NOW - timedelta(hours=1)),
                   ("Biden, Xi hold talks in California", "https://w.example/2", NOW))]
    results = _poll(db, feeds, _shipped_rules(tmp_path, {"leaders.yaml": PREVIEWS}))
    sent = _sent(db, "leaders")
    assert [kind for kind, *_ in sent] == ["alert", "alert"], sent
    assert "to meet" in sent[0][3] and "meet in San Francisco" in sent[1][3]
    stories = {m.story_id for r in results for _, m in r.matches if m.rule_id == "leaders"}
    assert len(stories) >= 2


# -- copies: one alert, every source -------------------------------------------------------

def test_copies_in_other_words_from_other_outlets_are_one_alert_with_all_sources(
        tmp_path, feed_server):
    db = tmp_path / "s.db"
    feeds = [_feed(feed_server, "AFP", ("Israel and Lebanon agree ceasefire",
                                        "https://afp.example/1", NOW - timedelta(hours=4))),
             _feed(feed_server, "Reuters", ("Lebanon and Israel reach truce deal",
                                            "https://reuters.example/1",
                                            NOW - timedelta(hours=3))),
             _feed(feed_server, "AP", ("Ceasefire agreed between Israel and Lebanon",
                                       "https://ap.example/1", NOW - timedelta(hours=2)))]
    results = _poll(db, feeds, _shipped_rules(tmp_path))
    assert [r.alerts_queued for r in results] == [1, 0, 0]
    store = Store(db)
    (story,) = store.recent_stories(NOW - timedelta(days=3))
    assert story["publishers"] == 3 and story["alerted_rules"] == "ceasefire-agreed"
    assert [s["publisher"] for s in store.story_sources(story["id"])] == [
        "AFP", "Reuters", "AP"]
    store.close()


# -- the rule's say -------------------------------------------------------------------------

@pytest.mark.parametrize(("story", "message"), [
    ("story: {by: words}", "6: story by 'words' is not one of event, people, text"),
    ("story: {window: soon}", "6: story window 'soon' is not a duration"),
    ("story: {size: 3}", "6: 'story' has no setting 'size'"),
    ("story: 48h", "6: 'story' must be a mapping"),
])
def test_story_settings_are_checked_with_their_line(tmp_path, story, message):
    from alerts.errors import AlertsError
    from alerts.rules import load_rules

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text("id: r\ntitle: R\nmatch:\n  terms: [ceasefire]\n"
                                   "updates: true\n" + story + "\n", "utf-8")
    with pytest.raises(AlertsError) as raised:
        load_rules([folder], {"c"}, ("c",))
    assert f"r.yaml:{message}" in str(raised.value)


def test_story_settings_are_read(tmp_path):
    from alerts.rules import load_rules

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text("id: r\nmatch:\n  terms: [ceasefire]\n"
                                   "story: {window: 3d, by: people}\n", "utf-8")
    (rule,) = load_rules([folder], {"c"}, ("c",))
    assert (rule.story_window, rule.story_by, rule.updates) == (3 * 86400, "people", None)


# -- alerts history, end to end ------------------------------------------------------------

def test_history_shows_developments_in_order_and_why_each_report_joined(
        tmp_path, feed_server, webhook):
    from alerts.rulepack import shipped_rules_dir
    from tests.conftest import run_cli, write_config
    from tests.servers import wait_for

    now = datetime.now(UTC)
    # One feed, so that the order of the reports is the feed's (feeds are polled together).
    wire = feed_server.put("/wire.xml", rss(
        rss_item("Israel and Lebanon agree ceasefire", guid="1", link="https://afp.example/1",
                 pub=_pub(now - timedelta(hours=30))),
        rss_item("Lebanon signs truce deal", guid="2", link="https://nna.example/2",
                 pub=_pub(now - timedelta(hours=29))),
        rss_item("Le cessez-le-feu entre Israël et le Liban entre en vigueur", guid="3",
                 link="https://nna.example/3", pub=_pub(now - timedelta(hours=1)))))
    rule = (shipped_rules_dir() / "ceasefire-agreed.yaml").read_text("utf-8")
    config = write_config(tmp_path, feeds=[{"url": wire, "name": "Wire", "publisher": "Wire"}],
                          channels={"hook": webhook.url}, rules={"c.yaml": rule},
                          defaults={"backfill": True, "channels": ["hook"]})
    polled = run_cli("--config", str(config), "poll", "--once")
    assert polled.returncode == 0, polled.stdout + polled.stderr
    assert wait_for(lambda: len(webhook.received) == 2, timeout=10)
    shown = run_cli("--config", str(config), "history")
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "event: ceasefire: IL, LB" in out
    assert "developments: agreed (" in out and ") -> took-effect (" in out
    assert "Wire: Israel and Lebanon agree ceasefire  https://afp.example/1  [agreed; first " \
           "report; alerted]" in out
    assert "Wire: Lebanon signs truce deal  https://nna.example/2  [agreed; joined by event: " \
           "the same ceasefire event: LB among IL, LB; 1 h after the story's first report, " \
           "window 48 h; a copy of 'agreed': no alert]" in out
    assert "[took-effect; joined by event: the same ceasefire event between IL, LB; 29 h after " \
           "the story's first report, window 48 h; a development: alerted as a follow-up]" in out


def test_what_counts_as_a_development():
    from alerts.stories import development

    assert development("ceasefire", "took-effect", ["agreed"])
    assert not development("ceasefire", "agreed", ["agreed", "took-effect"])  # late copy
    assert development("peace-talks", "collapse", ["begin"])
    assert not development("peace-talks", "held", ["begin"])  # the same stage, other words
    assert development("peace-talks", "resume", ["begin", "collapse"])  # a restart
    assert development("relations", "restored", ["severed"])
    assert not development("relations", "ambassador-recalled", ["severed"])  # same way
    assert not development("contact", "meeting", ["call"])  # another wording of a contact
    assert not development("ceasefire", "", ["agreed"])


def test_one_party_of_several_joins_only_where_it_names_no_other_state():
    from alerts.stories import EventKey, agreement

    # The Darfur round in Abuja (Sudan, with the U.S. blamed), and a report of Sudan's other
    # talks, with the southern rebels in Kenya (AG News, real set): not one event.
    abuja = EventKey("peace-talks", "a", frozenset({"SD", "US"}),
                     frozenset({"NG", "AFRICAN-UNION", "@darfur"}), "collapse")
    kenya = EventKey("peace-talks", "a", frozenset({"SD"}), frozenset({"UN", "KE", "@south"}),
                     "resume")
    assert agreement(kenya, abuja) is None
    # Lebanon alone, naming no other state, is one of the parties of Israel and Lebanon.
    pair = EventKey("ceasefire", "a", frozenset({"IL", "LB"}), frozenset(), "agreed")
    alone = EventKey("ceasefire", "a", frozenset({"LB"}), frozenset(), "took-effect")
    assert agreement(alone, pair) == "the same ceasefire event: LB among IL, LB"
