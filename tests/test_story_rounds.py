"""Rounds of talks and their reports (issue #16): which story a report of peace talks joins.

Replayed through the real pipeline (analysis, the shipped rules, stories; a fresh SQLite
state, nothing sent) with story_sets.replay, in publication order. The texts are those of
real reports of the labelled real set (tests/data/real), where each case went wrong."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from alerts.models import Item
from alerts.quality import story_sets


@pytest.fixture(scope="module")
def rules():
    from alerts.rulepack import shipped_rules_dir
    from alerts.rules import RuleSet, load_rules

    return RuleSet(load_rules([shipped_rules_dir()], None))


def _item(key: str, title: str, summary: str, when: str) -> tuple[str, Item]:
    return key, Item(feed_url=f"https://{key}.example/feed", feed_name=key, key=key, guid=key,
                     link=f"https://{key}.example/{key}", title=title, summary=summary,
                     published=datetime.fromisoformat(when).replace(tzinfo=UTC))


def _talks(rows: list[tuple[str, Item]], rules) -> dict[str, story_sets.Outcome]:
    return {k: v["peace-talks"] for k, v in story_sets.replay(rows, rules).items()
            if "peace-talks" in v}


FLORIDA = _item(
    "florida", "After 'Productive' Meeting With Ukrainian Negotiators in Florida, U.S. "
    "Officials Head to Russia", "Steve Witkoff and Jared Kushner plan to travel to Moscow for "
    "more talks about a possible peace plan.", "2025-11-30T23:19:00")
MOSCOW = _item(
    "moscow", "Trump Envoys to Meet Putin to Push U.S. Peace Plan for Ukraine",
    "Steve Witkoff and Jared Kushner's visit to Moscow follows revisions to the original "
    "peace proposal they drafted with Russian input.", "2025-12-02T15:05:00")


def test_a_mediator_meeting_one_side_is_another_round_than_its_meeting_with_the_other(rules):
    # The Florida report seats Ukraine and the United States (and Russia, which the
    # headline names as where the envoys head next); the Moscow report is a meeting of the
    # US envoys with Putin that names Ukraine as the other side, not at the table. The
    # mediator both share made the Moscow round a copy of the Florida one, and it was lost.
    got = _talks([FLORIDA, MOSCOW], rules)
    assert got["florida"].kind == "alert"
    assert got["moscow"].kind == "alert", got["moscow"].why
    assert got["moscow"].story != got["florida"].story


def test_talks_named_by_a_noun_still_join_whatever_states_they_name(rules):
    # Control: "talks on ending the war in Ukraine" seats Ukraine by mistake, and the Russian
    # report names Ukraine and does not seat it; neither is a meeting that says who sat at
    # the table, so one report of the Riyadh talks stays one alert.
    rows = [_item("riyadh-en", "Rubio and Lavrov hold talks in Riyadh on ending the war in "
                  "Ukraine", "The US and Russian foreign ministers met for more than four hours "
                  "and agreed to set up teams to work on a path to end the conflict. Ukraine "
                  "was not invited.", "2025-02-18T14:30:00"),
            _item("riyadh-ru", "Лавров и Рубио провели переговоры в Эр-Рияде",
                  "Российская и американская делегации больше четырёх часов обсуждали "
                  "отношения двух стран и урегулирование конфликта на Украине. Стороны "
                  "договорились сформировать группы для работы над мирным процессом.",
                  "2025-02-18T15:00:00")]
    got = _talks(rows, rules)
    assert got["riyadh-en"].kind == "alert"
    assert got["riyadh-ru"].kind == "suppressed", got["riyadh-ru"]
    assert got["riyadh-ru"].story == got["riyadh-en"].story


def test_one_party_of_talks_in_the_same_place_joins_though_it_names_more_states(rules):
    # "Negotiations in Berlin ... ended" seats Germany only (for "Berlin"), and names in its
    # body the parties its frames missed (France, Ukraine, Russia); the report of Yermak
    # arriving in Berlin for the same talks names none of them. Both say "in Berlin": the
    # same talks, one alert (the second was a duplicate).
    rows = [_item("arrived", "Andriy Yermak arrived in Berlin to meet with diplomatic advisers "
                  "to the Normandy format leaders", "On the eve of German Chancellor Olaf "
                  "Scholz's visit to Ukraine on February 14, a Ukrainian delegation led by "
                  "First Deputy Prime Minister - Minister of Economy Yulia Svyrydenko arrived "
                  "in Berlin.", "2022-02-10T14:21:00"),
            _item("ended", "Negotiations in Berlin at the level of political advisers to the "
                  "leaders of the Normandy Four ended", "Negotiations in Berlin at the level "
                  "of political advisers to the leaders of the countries participating in the "
                  "Normandy format ended. Head of the Office of the President of Ukraine "
                  "Andriy Yermak took part in them. This has been the second meeting since the "
                  "beginning of this year. The talks between representatives of Germany, "
                  "France, Ukraine and Russia lasted more than nine hours.",
                  "2022-02-11T01:02:00")]
    got = _talks(rows, rules)
    assert got["arrived"].kind == "alert"
    assert got["ended"].kind == "suppressed", got["ended"]
    assert got["ended"].story == got["arrived"].story


def test_the_same_place_needs_the_same_place_words_not_one_shared_word():
    # The exemption above holds only when both name the same place: "in North Kivu" and
    # "in North Darfur" share the word "north" (as the place words are to be kept, the
    # whole name beside its first word), and a party of talks there that names another
    # state is still another round.
    from alerts.stories import EventKey, agreement

    story = EventKey("peace-talks", "a", frozenset({"CD", "RW"}),
                     frozenset({"@north", "@north-kivu"}), "held")
    same = EventKey("peace-talks", "a", frozenset({"CD"}),
                    frozenset({"@north", "@north-kivu", "UG"}), "held")
    other = EventKey("peace-talks", "a", frozenset({"CD"}),
                     frozenset({"@north", "@north-darfur", "UG"}), "held")
    assert agreement(same, story)
    assert agreement(other, story) is None
