"""How completely the shipped knowledge knows the heads of state, heads of government and
foreign ministers of every UN member state from 2020-01-01 to 2025-10-31: every day without a
holder is a gap, less the vacancies of public record (tests/tools/kb_coverage.VACANT).
`.venv/bin/python -m tests.tools.kb_coverage -v` lists the gaps.

The floors are what the data reaches; a removed or shortened tenure makes a gap larger or
new and fails here. Raise the floors when the data gets better."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from alerts.knowledge import knowledge_base
from tests.tools.kb_coverage import (
    FIRST,
    LAST,
    ORGANISATION_SEATS,
    SEATS,
    UN_MEMBERS,
    VACANT,
    gaps,
    summary,
)

# office -> (states with a gap at most, state-days without a holder at most)
FLOOR = {"head-of-state": (4, 1101), "head-of-government": (19, 195),
         "foreign-minister": (42, 9662)}
# The seats without a holder for over a year of the period: unknown to the maintainers
# (Monaco, Madagascar and Nauru throughout; Paraguay and Tonga before 2021;
# San Marino's captains regent, two every six months, for half the terms).
UNKNOWN = {("foreign-minister", c) for c in ("MC", "MG", "NR", "PY", "TO")} | {
    ("head-of-state", "SM")}
# The states in the news, the G20 and the Security Council's permanent members: no gap over
# a month in any seat (a handover between governments may leave days or weeks), but these,
# which the maintainers could not fill for certain (the day a gap begins).
WATCHED = ("US", "CN", "RU", "GB", "FR", "DE", "IT", "JP", "CA", "IN", "BR", "AR", "MX", "AU",
           "KR", "ID", "SA", "TR", "ZA", "UA", "IL", "IR", "QA", "EG", "SY", "LB", "SD", "YE",
           "AM", "AZ", "ET", "ER", "SO", "KP", "PL", "HU", "PK", "AE", "JO", "IQ", "VE", "CO",
           "CD", "RW", "ML", "NE", "BF", "TH", "KH", "BY", "MD", "GE", "AF", "LY", "HT", "SS")
WATCHED_GAPS = {
    ("foreign-minister", "AF"): date(2020, 1, 1),  # an acting minister before Atmar
    ("foreign-minister", "AM"): date(2021, 5, 28),  # after Ayvazyan: acting deputies
    ("foreign-minister", "GE"): date(2022, 2, 10),  # Zalkaliani to Darchiashvili
    ("foreign-minister", "SD"): date(2025, 7, 28),  # Siddiq to Salem
    ("foreign-minister", "SO"): date(2020, 1, 1),  # before Mohamed Abdirizak
    ("foreign-minister", "SS"): date(2020, 1, 1),  # before Wani-Noah
}


@pytest.fixture(scope="module")
def found():
    return gaps(knowledge_base())


def test_the_gaps_are_no_larger_than_the_floors(found):
    reached = summary(found)
    worse = {office: (reached[office], FLOOR[office]) for office in SEATS
             if reached[office][0] > FLOOR[office][0] or reached[office][1] > FLOOR[office][1]}
    assert worse == {}, ("a tenure was removed or shortened: (now, floor) per office; "
                         "run python -m tests.tools.kb_coverage -v")


def test_the_seats_in_the_news_have_no_gap_longer_than_a_month(found):
    long_gaps = {(office, code): a for (office, code), runs in found.items()
                 if code in WATCHED for a, b in runs if (b - a).days > 31}
    assert long_gaps == WATCHED_GAPS


def test_only_the_unknown_seats_lack_a_holder_for_over_a_year(found):
    assert {key for key, runs in found.items()
            if sum((b - a).days + 1 for a, b in runs) > 365} == UNKNOWN


def test_the_organisations_leaders_are_known_every_day_but_two_gaps():
    """The UN, EU, NATO, AU, ASEAN, Arab League, GCC and OSCE: a holder every day, but for
    Sisi's AU chairmanship (to February 2020) and the GCC between Al Zayani's move to
    Bahrain's foreign ministry and al-Hajraf (February-March 2020)."""
    found = gaps(knowledge_base(), ORGANISATION_SEATS)
    assert found == {("head-of-state", "AFRICAN-UNION"): [(FIRST, date(2020, 2, 8))],
                     ("secretary-general", "GCC"): [(date(2020, 2, 11), date(2020, 3, 31))]}


def test_a_vacancy_of_record_is_a_time_the_data_has_no_holder():
    """A vacancy listed where the data knows a holder would hide a gap the data closes."""
    kb = knowledge_base()
    filled = []
    for (office, code), spans in VACANT.items():
        for start, end, why in spans:
            day = start
            while day <= (end or LAST):
                if kb.holder(office, code, day) is not None:
                    filled.append((office, code, day, kb.holder(office, code, day).id, why))
                    break
                day += timedelta(days=1)
    assert filled == []


def test_the_measure_counts_a_missing_holder_as_a_gap():
    from alerts.knowledge.base import KnowledgeBase

    code = UN_MEMBERS[0]
    kb = KnowledgeBase([{"id": "p", "name": "P Q", "roles": [
        {"office": office, "country": code, "from": "2019-01-01", "to": "2022-12-31"}
        for office in SEATS]}], [], [], [])
    runs = gaps(kb)
    assert runs[("head-of-state", code)] == [(date(2023, 1, 1), LAST)]
    assert runs[("foreign-minister", UN_MEMBERS[1])] == [(FIRST, LAST)]
    assert summary(runs)["head-of-state"][0] == len(UN_MEMBERS)
