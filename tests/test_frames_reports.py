"""A headline that names a report of an event as its topic says the event was held (issue
#15): "Readout of Peace Talks in Geneva" (the White House), "Joint Statement on the Peace
Talks in Jeddah", "Compte rendu des pourparlers", "Итоги переговоров", "Підсумки
переговорів", "بيان مشترك حول محادثات السلام". Only when the event is the report's object
(names, a possessor, articles and an adjective between), not a noun inside another one
("Statement on the anniversary of the peace talks", "Итоги голосования по мирным
переговорам"). A person's possessive before a contact noun is its party ("Readout of
President Trump's Call with President Putin"), as "Trump called Putin" is.

The texts are written for these tests; they are run through the shipped lexicon and
knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2025, 11, 23)


def talks(title: str, day: date = DAY) -> list[str]:
    """The statuses of the peace-talks frames that happened."""
    return [f.status for f in analyse_text(title, "", day).frames
            if f.type == "peace-talks" and f.status and f.modality == "happened"]


def calls(title: str, day: date = date(2025, 2, 12)) -> list[tuple[str, frozenset[str]]]:
    """(modality, pair) of every contact frame."""
    return [(f.modality, frozenset(p.entity_id for p in f.participants))
            for f in analyse_text(title, "", day).frames if f.type == "contact"]


@pytest.mark.parametrize("title", [
    "Readout of Peace Talks in Geneva",
    "Readout of the Trilateral Peace Talks in Abu Dhabi",
    "Joint Statement on the Peace Talks in Jeddah",
    "Compte rendu des pourparlers de paix à Genève",
    "Gemeinsame Erklärung zu den Friedensgesprächen in Genf",
    "Comunicado conjunto sobre las conversaciones de paz en Ginebra",
    "Итоги мирных переговоров в Стамбуле",
    "Итоги переговоров России и Украины в Стамбуле",
    "Підсумки мирних переговорів у Стамбулі",
    "بيان مشترك حول محادثات السلام في جنيف",
])
def test_a_report_of_talks_says_they_were_held(title):
    assert talks(title) == ["held"], title


@pytest.mark.parametrize("title", [
    # the report is about another noun that names the talks
    "Statement on the Anniversary of the Peace Talks",
    "Joint Statement on the Anniversary of the Peace Talks in Geneva",
    "Readout of the President's Call on Upcoming Peace Talks",
    "Compte rendu de l'anniversaire des pourparlers de paix",
    "Итоги голосования по мирным переговорам",
    # a statement is no report of talks by itself
    "Statement on Peace Talks in Geneva",
    # the report's object is talks still to come
    "Results of upcoming peace talks could shape the war",
])
def test_a_report_of_something_else_says_nothing_of_the_talks(title):
    assert not talks(title), title


def test_a_possessive_before_a_contact_noun_is_its_party():
    pair = frozenset({"donald-trump", "vladimir-putin"})
    assert ("happened", pair) in calls("Readout of President Trump's Call with President Putin")
    assert ("happened", pair) in calls("Trump's phone call with Putin")
    # A possessive that names whose someone is, not who took part: no pair with Trump.
    assert not any("donald-trump" in p for _, p in calls("Trump's envoy met Putin in Moscow"))
    assert not any("donald-trump" in p for _, p in calls("Trump's envoy's visit to Putin"))
    # the possessor of another noun, with a verb between: not the meeting's party
    assert not any(m == "hypothetical" and "volodymyr-zelensky" in p for m, p in calls(
        "Zelensky's office says meeting with Putin is possible"))


def test_a_possessed_visit_goes_where_its_compound_says():
    # "Modi's Russia visit": Russia is the destination; a country after the noun with no
    # preposition of place is something else ("angers Washington")
    got = calls("Modi's Russia visit angers Washington", date(2024, 7, 9))
    assert ("happened", frozenset({"narendra-modi", "vladimir-putin"})) in got, got
    assert not any("donald-trump" in p or "joe-biden" in p for _, p in got), got


def test_a_report_word_hides_the_cue_inside_it():
    # "compte" alone is a plan ("il compte se rendre"); "compte rendu" is a report
    day = date(2025, 2, 12)
    assert ("happened", frozenset({"emmanuel-macron", "vladimir-putin"})) in calls(
        "Compte rendu de l'entretien entre Emmanuel Macron et Vladimir Poutine", day)


def test_a_delegation_of_one_state_meets_the_leader_it_visits():
    # The possessive before "visit" names both envoys; two of one state are no pair, and
    # each who serves the state meets the leader there (as one visitor would).
    visits = [frozenset(p.entity_id for p in f.participants)
              for f in analyse_text("Trump envoys in Moscow", "Steve Witkoff and Jared Kushner's "
                                    "visit to Moscow follows revisions to the peace proposal.",
                                    date(2025, 12, 2)).frames
              if f.type == "contact" and f.status == "visit"]
    assert any({"steve-witkoff", "vladimir-putin"} <= v for v in visits)
    assert not any({"steve-witkoff", "jared-kushner"} == v for v in visits)


@pytest.mark.parametrize("title,summary", [
    ("Joint Statement on United States-Ukraine Meeting in Jeddah",
     "Russia must now answer the proposal."),
    ("Readout of Secretary Rubio's Meeting with Foreign Minister Lavrov",
     "They discussed the war in Ukraine."),
])
def test_a_reported_meeting_of_a_side_and_a_mediator_is_peace_talks_held(title, summary):
    # A report says the meeting took place, as a verb would ("Rubio met Lavrov"): a side and
    # a mediator of the war's talks, the other side in the headline or lead.
    assert talks_with(title, summary, date(2025, 3, 11)) == ["held"], title


@pytest.mark.parametrize("title,summary", [
    ("Joint Statement on United States-Ukraine Meeting in Jeddah", ""),  # no other side
    ("Readout of the President's Meeting with Prime Minister Carney", "They discussed trade."),
    ("Statement on the Anniversary of the United States-Ukraine Meeting", "Russia objected."),
])
def test_a_reported_meeting_that_is_no_peace_talks(title, summary):
    assert not talks_with(title, summary, date(2025, 3, 11)), title


def talks_with(title: str, summary: str, day: date) -> list[str]:
    return [f.status for f in analyse_text(title, summary, day).frames
            if f.type == "peace-talks" and f.status and f.modality == "happened"]
