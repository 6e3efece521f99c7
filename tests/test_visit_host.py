"""Who hosts a visit the report names only by its place (issue #16, yoon-tokyo).

A leader visiting a state meets the leader of its government: the head of government where
the head of state is ceremonial (a parliamentary monarchy or republic,
alerts/knowledge/data/states.yaml 'leaders:'), the head of state everywhere else; a foreign
minister meets the foreign minister; a ceremonial head of state, and any guest on a state
visit, is received by the head of state. Headlines of our own, not the labelled set's."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from alerts.analysis import analyse_text
from alerts.models import Item
from alerts.rules.history import HistoryEntry, HistoryView


def host(title: str, day: date = date(2023, 3, 16)) -> str:
    frames = [f for f in analyse_text(title, "", day).frames
              if f.type == "contact" and f.pairs]
    assert frames, title
    guest, hosting = frames[0].pairs[0]
    assert (guest.role, hosting.role) == ("visitor", "host"), frames[0]
    return hosting.entity_id


@pytest.mark.parametrize("title,expected", [
    # Parliamentary states: the head of government hosts, in any language.
    ("South Korea's President Yoon visits Japan", "fumio-kishida"),
    ("Südkoreas Präsident Yoon besucht Japan", "fumio-kishida"),
    ("Le président sud-coréen Yoon en visite au Japon", "fumio-kishida"),
    ("Президент Южной Кореи Юн Сок Ёль посетил Японию", "fumio-kishida"),
    ("Brazil's President Lula visits Germany", "olaf-scholz"),
    ("Brazil's President Lula visits India", "narendra-modi"),
    # Presidential states: the head of state, whoever comes (not the visitor's own office).
    ("Japan's Prime Minister Kishida visits Ukraine", "volodymyr-zelensky"),
    ("India's Prime Minister Modi visits Russia", "vladimir-putin"),
])
def test_the_leader_of_the_government_there_hosts(title, expected):
    assert host(title) == expected


def test_a_foreign_minister_meets_the_foreign_minister():
    assert host("Japan's foreign minister Hayashi visits South Korea") == "park-jin"


def test_a_ceremonial_head_of_state_meets_the_head_of_state():
    # Germany's president is ceremonial: his counterpart in Japan is the Emperor.
    assert host("German President Steinmeier visits Japan", date(2024, 6, 1)) == "naruhito"


def test_a_state_visit_is_hosted_by_the_head_of_state():
    assert host("South Korea's President Yoon begins a state visit to Britain",
                date(2023, 11, 21)) == "charles-iii"
    assert host("South Korea's President Yoon visits Britain",
                date(2023, 11, 21)) == "rishi-sunak"


def test_a_state_that_became_parliamentary_is_read_on_the_reports_date():
    # Armenia's prime minister leads since the constitution of 2015 took effect in April 2018.
    assert host("Iran's President Rouhani visits Armenia", date(2019, 2, 27)) \
        == "nikol-pashinyan"
    assert host("Iran's President Rouhani visits Armenia", date(2016, 12, 21)) \
        == "serzh-sargsyan"
    # Georgia's president is ceremonial by then: she meets Armenia's head of state.
    assert host("Georgia's President Zourabichvili visits Armenia", date(2019, 5, 1)) \
        == "armen-sarkissian"


def test_someone_arriving_in_the_guests_own_capital_makes_no_visit_of_theirs():
    # Zelensky is at home: the speakers came, and the report names no host abroad.
    title = ("President of Ukraine met with the Speakers of the Parliaments of Lithuania, "
             "Latvia and Estonia who arrived in Kyiv")
    visits = [f for f in analyse_text(title, "", date(2022, 3, 24)).frames
              if f.type == "contact" and f.status == "visit"]
    assert visits and all(not f.pairs for f in visits)
    # After the visitor's own noun phrase, the destination still counts.
    assert host("Ukraine's foreign minister Kuleba arrived in China", date(2024, 7, 24)) \
        == "wang-yi"


# -- a gap on an inferred host: only when the report states it ------------------------------

def _first_contact(title: str, summary: str, when: datetime, history: HistoryView) -> list:
    from alerts.rulepack import shipped_rules_dir
    from alerts.rules import RuleSet, load_rules

    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    item = Item("test:feed", "feed", title, None, None, title, summary, when)
    return [m for m in rules.match(item, now=when, history=history)
            if m.rule_id == "first-contact-after-gap" and m.suppressed is None]


def _met_long_ago() -> HistoryView:
    history = HistoryView(record=False)
    history.add(HistoryEntry("shared:contact", "narendra-modi+vladimir-putin",
                             datetime(2022, 3, 7, tzinfo=UTC), "test:feed", "an old call"))
    return history


WHEN = datetime(2025, 12, 4, 8, tzinfo=UTC)


def test_history_alone_makes_no_gap_with_a_host_the_report_does_not_name():
    # Modi hosting Putin is inferred from "a visit to India": the 2022 call in history is
    # not enough to claim their first contact in years (they met in 2024 and 2025).
    assert _first_contact("Putin and Modi deepen their partnership",
                          "The Russian president is embarking on a visit to India.",
                          WHEN, _met_long_ago()) == []


def test_a_named_host_or_a_stated_gap_still_makes_one():
    assert _first_contact("Putin meets Modi in New Delhi", "The leaders held talks.",
                          WHEN, _met_long_ago())
    # A stated gap with the host named (by name or office) anywhere in the report.
    assert _first_contact("Putin visits India for the first time since 2021",
                          "Prime Minister Narendra Modi received him in New Delhi.",
                          WHEN, _met_long_ago())
    # Without the host named, the gap is in visits to India, not in contact with its leader
    # (tests/test_first_contact.py: a first visit to a country is no first contact).
    assert not _first_contact("Putin visits India for the first time since 2021", "",
                              WHEN, _met_long_ago())
