"""Where a ceasefire is, when the report does not say (issue #16).

A month, a weekday or a feast after a preposition is a time, not a place, in every language
("на Рождество", "zu Weihnachten", "on Monday"). A ceasefire report naming one state and no
other state, body or place is about the one armed conflict that state is a party to on the
report's date (alerts/knowledge/data/states.yaml, extendable from the user's knowledge
folder), and the inference is said in words (explain, history); with two conflicts, or none,
nothing is inferred. Headlines of our own, not the labelled set's."""

from __future__ import annotations

import textwrap
from datetime import UTC, date, datetime

import pytest

from alerts.knowledge.base import knowledge_base, use_folder
from alerts.knowledge.user import read_folder
from alerts.models import Item
from alerts.stories import agreement, event_of


def item(title: str, summary: str = "", when: datetime = datetime(2023, 1, 5, 12, tzinfo=UTC)
         ) -> Item:
    return Item("test:feed", "feed", title, None, None, title, summary, when)


def ceasefire(title: str, summary: str = "", **kw):
    event = event_of(item(title, summary, **kw), ["ceasefire"])
    assert event is not None and event.type == "ceasefire", title
    return event


@pytest.fixture(autouse=True)
def _shipped_knowledge_after():
    yield
    use_folder(None)


# -- a time is no place --------------------------------------------------------------------

@pytest.mark.parametrize("title,place", [
    ("Zelensky proposes a ceasefire for Christmas in Donbas", "@donbas"),
    ("Selenskyj schlägt Waffenruhe zu Weihnachten in Donbas vor", "@donbas"),
    ("Зеленский предложил перемирие на Рождество в Донбассе", "@донбассе"),
    ("Зеленський запропонував перемир'я на Різдво на Донбасі", "@донбасі"),
    ("Zelensky propone una tregua para Navidad en Donbas", "@donbas"),
    ("Zelensky proposes a ceasefire on Monday in Donbas", "@donbas"),
])
def test_a_feast_or_a_weekday_after_a_preposition_is_a_time_not_a_place(title, place):
    # 2019: before the full-scale war, so no place is inferred either.
    assert ceasefire(title, when=datetime(2019, 12, 20, tzinfo=UTC)).places == {place}


def test_an_unknown_capitalised_word_after_a_preposition_is_still_a_place():
    # Before the full-scale war (no conflict of Ukraine's is listed in 2019): nothing inferred.
    places = ceasefire("Zelensky proposes a ceasefire in Zolote",
                       when=datetime(2019, 12, 20, tzinfo=UTC)).places
    assert places == {"@zolote"}


# -- the one conflict of the sole party ------------------------------------------------------

def test_a_sole_partys_one_conflict_gives_the_place_and_says_so():
    event = ceasefire("Путин поручил ввести режим прекращения огня на Рождество")
    assert event.actors == {"RU"} and event.places == {"UA"}
    assert "Ukraine inferred: Russia is a party to one armed conflict on 2023-01-05, the " \
           "Russia–Ukraine war" in event.inferred
    assert "Ukraine inferred" in event.describe()


def test_a_report_naming_the_place_and_one_inferring_it_are_one_event():
    named = ceasefire("Putin orders a Christmas ceasefire in Ukraine")
    inferred = ceasefire("Путин поручил ввести режим прекращения огня на Рождество")
    assert named.inferred == ""  # the place is named: nothing is inferred
    why = agreement(inferred, named)
    assert why is not None and "Ukraine inferred" in why


def test_a_party_to_two_conflicts_on_the_day_gets_no_place():
    # Israel fought in Gaza and in Lebanon in January 2024: which one is not said.
    event = ceasefire("Netanyahu agrees to a ceasefire",
                      when=datetime(2024, 1, 10, tzinfo=UTC))
    assert event.actors == {"IL"} and event.places == set() and event.inferred == ""
    gaza = ceasefire("Netanyahu agrees to a ceasefire in Gaza",
                     when=datetime(2024, 1, 10, tzinfo=UTC))
    assert agreement(event, gaza) is None  # no place against a place: not joined


def test_a_state_at_peace_gets_no_place():
    event = ceasefire("Macron orders a ceasefire", when=datetime(2019, 6, 1, tzinfo=UTC))
    assert event.places == set() and event.inferred == ""


def test_outside_the_conflicts_dates_nothing_is_inferred():
    # The Russia–Ukraine war is listed from 24 February 2022.
    event = ceasefire("Путин поручил ввести режим прекращения огня",
                      when=datetime(2021, 6, 1, tzinfo=UTC))
    assert event.places == set() and event.inferred == ""


def test_a_report_that_names_another_state_infers_nothing():
    event = ceasefire("Putin orders a ceasefire after a call with Erdogan",
                      "Turkey welcomed the move.")
    assert "UA" not in event.places and event.inferred == ""


# -- the data, and the user's own ----------------------------------------------------------

def test_the_shipped_conflicts_and_leaders():
    kb = knowledge_base(None)
    assert [c.id for c in kb.conflicts_of("RU", date(2023, 1, 5))] == ["russia-ukraine"]
    assert len(kb.conflicts_of("IL", date(2024, 1, 10))) >= 2
    assert kb.conflicts_of("IL", date(2022, 6, 1)) == []
    assert kb.leading_office("JP", date(2023, 3, 16)) == "head-of-government"
    assert kb.leading_office("US", date(2023, 3, 16)) == "head-of-state"
    # Armenia became parliamentary in April 2018.
    assert kb.leading_office("AM", date(2017, 1, 1)) == "head-of-state"
    assert kb.leading_office("AM", date(2020, 1, 1)) == "head-of-government"


def write(folder, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "world.yaml").write_text(textwrap.dedent(text), "utf-8")


def test_the_user_adds_a_conflict_and_a_leader(tmp_path):
    folder = tmp_path / "knowledge"
    write(folder, """\
        conflicts:
          - id: ruritania-war
            name: the Ruritanian war
            parties: ["FR"]
            others: [the Ruritanian rebels]
            theatre: ["BE"]
            from: "2010-01-01"
            to: null
        leaders:
          - {code: "US", leader: head-of-government}
        """)
    assert read_folder(folder).problems == []
    kb = knowledge_base(folder)
    assert [c.name for c in kb.conflicts_of("FR", date(2010, 6, 1))] == ["the Ruritanian war"]
    assert kb.leading_office("US", date(2023, 1, 1)) == "head-of-government"
    assert use_folder(folder) == []
    event = ceasefire("Macron orders a ceasefire", when=datetime(2010, 6, 1, tzinfo=UTC))
    assert event.places == {"BE"} and "the Ruritanian war" in event.inferred


def test_mistakes_in_conflicts_and_leaders_are_told_with_file_and_line(tmp_path):
    folder = tmp_path / "knowledge"
    write(folder, """\
        conflicts:
          - id: x-war
            parties: ["XX"]
            theatre: XX-ZZ-yy
            from: "2020-01-01"
          - id: y-war
            parties: ["YY"]
            theatre: ["YY"]
            from: "2021-01-01"
            to: "2020-01-01"
          - id: z-war
            parties: ["ZZ"]
            theatre: ["ZZ"]
        leaders:
          - {code: "JP", leader: emperor}
        """)
    file = folder / "world.yaml"
    found = sorted(str(p) for p in read_folder(folder).problems)
    assert any(p.startswith(f"{file}:4: 'theatre' is a list of state codes") for p in found)
    assert any(p.startswith(f"{file}:10: the conflict ends (2020-01-01) before it starts")
               for p in found)
    assert any(p.startswith(f"{file}:11: a conflict needs 'from'") for p in found)
    assert any(p.startswith(f"{file}:15: 'leader' is head-of-state or head-of-government")
               for p in found)
    assert len(found) == 4, found
