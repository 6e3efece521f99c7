"""Diplomatic relations are acts of states (issue #15): who the parties are, who did it to
whom, and which headlines are no report. Sentences of our own, not taken from the labelled
sets; the mechanisms are in alerts/analysis/frames.py (_arguments, _directed, _coordinated,
_number_sign) and alerts/knowledge/data/frames.yaml (bare 'ties' need two states, press
review openers)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from alerts.analysis import analyse_text
from alerts.models import Feed, Item
from alerts.normalise import normalise
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.stories import agreement, event_of

DAY = date(2025, 6, 1)


def relations(title: str, summary: str = "", position: str = "headline"):
    return [f for f in analyse_text(title, summary, DAY).frames
            if f.type == "relations" and f.position == position]


def acts(title: str) -> list[tuple[str, str]]:
    return [(f.status, f.modality) for f in relations(title) if f.status]


def parties(title: str) -> set[str]:
    found = [f for f in relations(title) if f.status]
    assert found, title
    return {p.country or p.entity_id for p in found[0].participants}


def roles(title: str) -> dict[str, set[str]]:
    found = [f for f in relations(title) if f.status]
    assert found, title
    out: dict[str, set[str]] = {}
    for p in found[0].participants:
        out.setdefault(p.role, set()).add(p.country or p.entity_id)
    return out


# -- the parties are the act's arguments ---------------------------------------------------------

@pytest.mark.parametrize("title", [
    "The film world answers Russia's invasion of Ukraine by cutting ties",
    "Le monde du cinéma répond à la guerre de la Russie en Ukraine et coupe ses relations",
    "By recognising the independence of the two republics, Russia is preparing an invasion",
])
def test_states_named_inside_another_phrase_are_no_parties(title):
    assert acts(title) == [], relations(title)


@pytest.mark.parametrize("title,expected", [
    ("Ukraine cuts ties with Russia after the invasion", {"UA", "RU"}),
    ("Dozens of Russian diplomats expelled across Europe", {"RU"}),
    ("Embassy staff of Iran expelled", {"IR"}),
    ("Canada blames Iran for the plot, expels its ambassador", {"CA", "IR"}),
    ("Spain, Ireland and Norway recognise a Palestinian state", {"ES", "IE", "NO", "PS"}),
    ("Relations between Egypt and Turkey restored after a decade", {"EG", "TR"}),
])
def test_the_parties_of_a_relations_act(title, expected):
    assert parties(title) == expected


def test_bare_ties_are_diplomacy_only_between_two_states():
    assert acts("Nike cuts ties with a Russian club") == []
    assert acts("Turkey downgrades ties with Israel") == [("downgraded", "happened")]
    # "diplomatic relations" says it of itself: one state named is enough.
    assert acts("Mali severs diplomatic relations") == [("severed", "happened")]


def test_an_act_word_before_and_governs_nothing_after_it():
    assert acts("Tax cuts and Japan-China relations top the agenda") == []
    assert acts("Japan cuts trade and diplomatic ties with China") == [("severed", "happened")]


def test_a_number_sign_is_no_negation():
    assert acts("No. 2 Canadian envoy expelled from Beijing") == [
        ("ambassador-expelled", "happened")]
    assert acts("No Canadian envoy expelled from Beijing") == [("ambassador-expelled", "denied")]


# -- who did it to whom ---------------------------------------------------------------------------

@pytest.mark.parametrize("title,actor,target", [
    ("Germany expels Russian diplomats in retaliation", {"DE"}, {"RU"}),
    ("France pulls its ambassador out of Niger", {"FR"}, {"NE"}),
    ("Germany and France expel Russian diplomats", {"DE", "FR"}, {"RU"}),
    ("Russian diplomats were expelled by Poland", {"PL"}, {"RU"}),
    ("Twelve French diplomats expelled from Algeria", {"DZ"}, {"FR"}),
    ("Moscow accuses Warsaw of expelling Belarusian diplomats", {"PL"}, {"BY"}),
    ("Madrid expulse à son tour quinze diplomates russes", {"ES"}, {"RU"}),
    ("Deutschland weist russische Diplomaten aus", {"DE"}, {"RU"}),
    ("España expulsa a diplomáticos rusos", {"ES"}, {"RU"}),
    ("Россия высылает дипломатов Германии в ответ", {"RU"}, {"DE"}),
    ("Україна вислала посла Білорусі", {"UA"}, {"BY"}),
    ("阿尔及利亚驱逐12名法国外交官", {"DZ"}, {"FR"}),
])
def test_actor_and_target_in_every_language(title, actor, target):
    found = roles(title)
    assert found.get("actor") == actor and found.get("target") == target, found


def test_an_arabic_verb_comes_before_its_subject():
    assert roles("طردت الجزائر السفير الفرنسي").get("actor") == {"DZ"}


def test_a_second_act_shares_the_subject_of_the_first():
    found = [f for f in relations("Madrid expulse quinze diplomates russes et rappelle son "
                                  "ambassadeur") if f.status == "ambassador-recalled"]
    assert [p.country or p.entity_id for p in found[0].participants if p.role == "actor"] == ["ES"]


def test_without_a_named_actor_the_parties_stay_unordered():
    assert set(roles("Dozens of Russian diplomats expelled across Europe")) == {"parties"}


def _item(title: str, day: int) -> Item:
    feed = Feed(url="https://example.org/feed", name="t", interval=0)
    (item,) = normalise([{"id": title, "title": title, "summary": "", "link": None}], feed,
                        feed.url)
    from dataclasses import replace

    return replace(item, published=datetime(2025, 4, day, tzinfo=UTC))


def test_a_reply_in_kind_is_another_story_and_a_retelling_is_the_same():
    first = event_of(_item("Algeria expels twelve French diplomats", 14), ["relations"])
    reply = event_of(_item("France expels twelve Algerian diplomats in turn", 15), ["relations"])
    again = event_of(_item("Twelve French diplomats expelled from Algeria", 14), ["relations"])
    assert first is not None and reply is not None and again is not None
    assert agreement(reply, first) is None
    assert agreement(again, first) is not None


def test_a_rule_can_ask_who_acted(tmp_path: Path):
    (tmp_path / "france-acts.yaml").write_text(
        "id: france-acts\ntitle: France expels\nmatch:\n  event:\n    type: relations\n"
        "    status: [diplomats-expelled]\n    roles: {actor: France}\n", "utf-8")
    rules = RuleSet(load_rules([tmp_path], None))
    assert [m.rule_id for m in rules.match(_item("France expels twelve Algerian diplomats", 15))
            ] == ["france-acts"]
    assert rules.match(_item("Algeria expels twelve French diplomats", 14)) == []


# -- recognition of a state, and press reviews, in the shipped rule -------------------------------

@pytest.fixture(scope="module")
def shipped() -> RuleSet:
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    return rules


def _rules_of(rules: RuleSet, title: str, summary: str = "") -> set[str]:
    feed = Feed(url="https://example.org/feed", name="t", interval=0)
    (item,) = normalise([{"id": title, "title": title, "summary": summary, "link": None}],
                        feed, feed.url)
    return {m.rule_id for m in rules.match(item, now=datetime(2025, 6, 1, tzinfo=UTC))}


def test_recognising_a_state_is_a_relations_event(shipped):
    assert "diplomatic-relations" in _rules_of(
        shipped, "Spain, Ireland and Norway recognise a Palestinian state")
    assert "diplomatic-relations" not in _rules_of(
        shipped, "By recognising the independence of the two republics, Russia is preparing "
                 "an invasion")
    assert "diplomatic-relations" not in _rules_of(
        shipped, "The internationally recognised borders of Ukraine")


@pytest.mark.parametrize("title", [
    "The Papers: Argentina cuts ties with Venezuela",
    "Newspaper headlines: Argentina cuts ties with Venezuela",
    "Revue de presse : l'Argentine rompt ses relations diplomatiques avec le Venezuela",
])
def test_a_press_review_is_no_report(shipped, title):
    assert _rules_of(shipped, title) == set()
    plain = title.split(":", 1)[1]
    assert "diplomatic-relations" in _rules_of(shipped, plain)
