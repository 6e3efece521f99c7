"""Who had contact with whom when three or more people take part (issue #15).

A contact of three or more people gives pairs; history alone makes a gap of them only when
the sentence's shape says who met whom (the frame's `pairing` evidence), not when the reader
infers it from roles and order ("Trump and Putin speak ahead of Zelensky meeting": who spoke
with Zelensky?). The shapes: one person with each of a list; a list that is the contact's
subject, or follows "between"; a plural subject of the lead ("the leaders", "les deux
dirigeants") standing for the leaders the headline names together; a host who "rolls out a
red carpet for" guests. Each test fails without its mechanism (each was broken on purpose).
"""
from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from alerts.analysis import analyse_text
from alerts.knowledge import knowledge_base
from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryEntry, HistoryView

DAY = date(2025, 9, 4)


Contacts = list[tuple[set[frozenset[str]], str]]


def _contacts(title: str, summary: str = "", day: date = DAY) -> Contacts:
    analysis = analyse_text(title, summary, day, knowledge_base())
    return [({frozenset((a.entity_id, b.entity_id)) for a, b in f.pairs}, f.words("pairing"))
            for f in analysis.frames if f.type == "contact"]


def _pairs(*pairs: tuple[str, str]) -> set[frozenset[str]]:
    return {frozenset(p) for p in pairs}


XI_PUTIN_KIM = _pairs(("xi-jinping", "vladimir-putin"), ("xi-jinping", "kim-jong-un"),
                      ("vladimir-putin", "kim-jong-un"))


@pytest.mark.parametrize("title", [
    "Xi, Putin and Kim chatted about living longer",
    "Xi, Poutine et Kim se sont rencontrés à Pékin",
    "Xi, Putin und Kim trafen sich in Peking",
    "Xi, Putin y Kim se reunieron en Pekín",
])
def test_a_list_as_the_subject_is_each_with_each(title: str):
    found = [(pairs, how) for pairs, how in _contacts(title) if pairs]
    assert found and found[0][0] == XI_PUTIN_KIM
    assert "each with each" in found[0][1]


def test_one_person_with_each_of_a_list():
    [(pairs, how)] = _contacts("Putin spoke with Aliyev and Pashinyan", day=date(2024, 10, 16))
    assert pairs == _pairs(("vladimir-putin", "ilham-aliyev"),
                           ("vladimir-putin", "nikol-pashinyan"))
    assert how == "Putin with each of Aliyev, Pashinyan"


def test_titles_and_states_between_the_names_keep_one_list():
    [(pairs, how)] = _contacts("Xi Jinping rolls out a red carpet for Russia's Vladimir Putin "
                               "and North Korea's Kim Jong Un", day=date(2025, 9, 3))
    assert pairs == _pairs(("xi-jinping", "vladimir-putin"), ("xi-jinping", "kim-jong-un"))
    assert how.startswith("Xi Jinping with each of")


def test_two_callers_and_one_called_stay_an_inference():
    """A joint call or two calls? Not said: no pairing, so no gap from history."""
    found = _contacts("Macron and Scholz spoke with Putin", day=date(2022, 5, 28))
    assert found and all(how == "" for _, how in found)


@pytest.mark.parametrize("title", [
    "Netanyahu and Abbas met with Clinton at the State Department",
    "Netanyahu et Abbas ont rencontré Clinton au département d'État",
])
def test_two_who_meet_a_third_met_each_other_too(title: str):
    found = [(pairs, how) for pairs, how in _contacts(title, day=date(2010, 9, 2)) if pairs]
    assert found and frozenset(("benjamin-netanyahu", "mahmoud-abbas")) in found[0][0]
    assert found[0][1].endswith("together")


def test_the_people_of_a_noun_are_not_paired_by_its_shape():
    """"to attend G20 summit, setting up showdown with Biden": whom the summit's people
    meet there is not said."""
    found = _contacts("Putin and Xi to attend G20 summit, setting up showdown with Biden",
                      day=date(2022, 8, 19))
    assert found and all(how == "" for _, how in found)


def test_who_comes_after_ahead_of_is_of_the_event_it_previews():
    """"Trump and Putin speak ahead of Zelensky meeting": a call of Trump and Putin."""
    found = _contacts("Trump and Putin Speak Ahead of Zelensky Meeting", day=date(2025, 10, 16))
    assert [pairs for pairs, _ in found] == [_pairs(("donald-trump", "vladimir-putin"))]


def test_a_list_after_a_name_with_other_words_between_is_no_list():
    """"Modi met Xi, days after Putin visited Delhi": Putin is not of Modi's meeting."""
    found = _contacts("Modi met Xi, days after Putin visited Delhi", day=date(2023, 1, 16))
    assert all(how == "" for pairs, how in found if len(pairs) > 1)


@pytest.mark.parametrize("title, lead", [
    ("Chinese, Russian, Indian Leaders Pledge Cooperation, in a Message to Trump",
     "The leaders met at a regional summit in a display of unity."),
    ("Chinese, Russian, Indian Leaders Pledge Cooperation",
     "The three leaders held talks at the summit."),
])
def test_the_leaders_of_the_lead_are_those_the_headline_names_together(title: str, lead: str):
    found = [(pairs, how) for pairs, how in _contacts(title, lead, date(2025, 9, 1)) if pairs]
    assert found and found[0][0] == _pairs(("xi-jinping", "vladimir-putin"),
                                           ("xi-jinping", "narendra-modi"),
                                           ("vladimir-putin", "narendra-modi"))
    assert "named together in the headline" in found[0][1]
    assert "Trump" not in found[0][1]


@pytest.mark.parametrize("title, lead", [
    ("Modi and Xi pledge to mend ties", "The two leaders met on the sidelines of the summit."),
    ("Modi et Xi promettent de renouer", "Les deux dirigeants se sont rencontrés en marge du "
                                         "sommet."),
    ("Modi und Xi wollen Beziehungen verbessern", "Die beiden Staatschefs trafen sich am "
                                                  "Rande des Gipfels."),
    ("Modi y Xi prometen mejorar relaciones", "Ambos mandatarios se reunieron al margen de la "
                                              "cumbre."),
])
def test_two_leaders_in_the_lead_are_the_headlines_two(title: str, lead: str):
    found = [pairs for pairs, _ in _contacts(title, lead, date(2025, 9, 1)) if pairs]
    assert found and all(p == _pairs(("narendra-modi", "xi-jinping")) for p in found)


def test_a_number_that_does_not_fit_the_headline_names_no_one():
    found = _contacts("Modi and Xi pledge to mend ties", "The three leaders met on Sunday.",
                      date(2025, 9, 1))
    assert all(not pairs for pairs, _ in found)


def test_the_leaders_further_down_than_the_lead_stand_for_no_one():
    found = _contacts("Chinese, Russian, Indian Leaders Pledge Cooperation",
                      "A summit opened in Tianjin. The leaders met there.", date(2025, 9, 1))
    assert all(not pairs for pairs, _ in found)


@pytest.mark.parametrize("title", [
    "Xi déroule le tapis rouge pour Poutine et Kim",
    "Xi rollt den roten Teppich für Putin und Kim aus",
])
def test_a_red_carpet_is_a_host_welcoming_each_guest(title: str):
    found = [pairs for pairs, _ in _contacts(title, day=date(2025, 9, 3)) if pairs]
    assert found == [_pairs(("xi-jinping", "vladimir-putin"), ("xi-jinping", "kim-jong-un"))]


def test_a_red_carpet_for_no_one_named_is_no_contact():
    assert all(not pairs for pairs, _ in _contacts(
        "Vietnam rolls out the red carpet for foreign investors", day=date(2025, 9, 3)))


# -- the rule: history makes a gap of a pair the sentence's shape says ---------------------

@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet(load_rules([shipped_rules_dir()], None))


def _first_contact(rules: RuleSet, title: str, summary: str, when: datetime,
                   history: HistoryView | None = None) -> str | None:
    item = Item(feed_url="test:", feed_name="test", key=title, guid=None, link=None,
                title=title, summary=summary, published=when)
    found = [m for m in rules.match(item, now=when, history=history or HistoryView())
             if m.rule_id == "first-contact-after-gap" and m.suppressed is None]
    return found[0].explanation if found else None


def test_a_host_with_two_guests_gets_a_gap_from_the_record(rules):
    """Kim in Beijing in September 2025: Xi and Kim had last met in June 2019."""
    explanation = _first_contact(
        rules, "China Flaunts Military Might With Lavish Parade",
        "Xi Jinping rolls out his latest weapons and a red carpet for Russia's Vladimir Putin "
        "and North Korea's Kim Jong Un.", datetime(2025, 9, 3, 3, tzinfo=UTC))
    assert explanation is not None and "Kim Jong Un and Xi Jinping: 2019-06-20" in explanation


def test_the_leaders_named_together_get_a_gap_from_the_record(rules):
    """Modi and Xi in Tianjin: their last meeting on record was Kazan, 2024-10-23."""
    explanation = _first_contact(
        rules, "Chinese, Russian, Indian Leaders Pledge Cooperation, in a Message to Trump",
        "The leaders met at a regional summit in a display of unity.",
        datetime(2025, 9, 1, 11, tzinfo=UTC))
    assert explanation is not None and "Narendra Modi and Xi Jinping: 2024-10-23" in explanation


def test_every_pair_over_the_threshold_is_named_up_to_three(rules):
    """Five leaders each with each: ten pairs; the first three over the threshold are named,
    the rest counted."""
    view = HistoryView(record=False)
    people = ["xi-jinping", "vladimir-putin", "narendra-modi", "recep-tayyip-erdogan",
              "lula-da-silva"]
    for k, a in enumerate(people):
        for b in people[k + 1:]:
            view.add(HistoryEntry("shared:contact", "+".join(sorted((a, b))),
                                  datetime(2019, 6, 1, tzinfo=UTC), "https://example.org/f",
                                  "seen"))
    explanation = _first_contact(rules, "Xi, Putin, Modi, Erdogan and Lula met in Kazan", "",
                                 datetime(2024, 10, 23, 12, tzinfo=UTC), view)
    assert explanation is not None
    assert explanation.count("their last contact:") == 3
    assert re.search(r"\(and 7 more pairs over 180 days\)", explanation), explanation


def test_talks_begun_state_the_gap_and_a_verb_says_they_met(rules):
    """The headline's talks carry the stated gap; the lead's verb says they met, whatever
    they agreed to do next ("agreed to meet again": a plan, not a doubt on 'met')."""
    explanation = _first_contact(
        rules, "Netanyahu and Abbas launch first direct peace talks in 20 months",
        "The Israeli prime minister and the Palestinian president met at the State Department "
        "with Secretary of State Hillary Clinton and agreed to meet again in two weeks.",
        datetime(2010, 9, 2, 18, tzinfo=UTC))
    assert explanation is not None and "first direct peace talks in 20 months" in explanation


def test_a_verb_says_they_met_though_they_agreed_to_meet_again(rules):
    """'met ... and agreed to meet again': the plan is the next meeting's; history makes a
    gap of the one the verb says happened (a noun alone would not: 'pitches meeting')."""
    view = HistoryView(record=False)
    view.add(HistoryEntry("shared:contact", "narendra-modi+nawaz-sharif",
                          datetime(2014, 5, 27, tzinfo=UTC), "https://example.org/f", "seen"))
    explanation = _first_contact(rules, "Modi met Sharif in Lahore and agreed to meet again",
                                 "", datetime(2015, 12, 25, 14, tzinfo=UTC), view)
    assert explanation is not None and "2014-05-27" in explanation
