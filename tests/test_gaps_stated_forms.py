"""How a stated gap is read from a report's words (issue #15): a first is a first ever when
what follows a comma after it qualifies nothing of it (probe107: "the first conversation
between the two leaders, the presidency said, as the neighbours press on"); a season of a year
ends with its last month ("since the summer of 2024", "depuis l'été 2024": 31 August 2024); a
year after an elided article is read (probe106). Each broken on purpose once: these tests
fail."""
from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge.gaps import stated_gaps


def test_a_qualifier_past_a_comma_does_not_qualify_a_first() -> None:
    lead = ("Erdogan and Pashinyan spoke by phone on Monday in the first conversation between "
            "the two leaders, the Turkish presidency said, as the neighbours press on with "
            "efforts to normalise relations.")
    assert [g.kind for g in stated_gaps(lead, date(2022, 7, 11))] == ["first-ever"]
    # in its own phrase a qualifier still makes it no first ever ("first call as president")
    assert not [g for g in stated_gaps("It was his first call as president.",
                                       date(2022, 7, 11)) if g.kind == "first-ever"]


@pytest.mark.parametrize("text, last", [
    ("leur premier échange depuis l'été 2024 et la brouille", (2024, 8, 31)),
    ("their first call since the summer of 2024", (2024, 8, 31)),
    ("erstes Telefonat seit dem Sommer 2024", (2024, 8, 31)),
    ("первый разговор с лета 2024 года", (2024, 8, 31)),
    ("their first call since the winter of 2023", (2024, 2, 29)),
])
def test_a_season_of_a_year_ends_with_its_last_month(text: str, last: tuple[int, int, int]) -> None:
    assert [g.since for g in stated_gaps(text, date(2025, 3, 31))] == [date(*last)]


def test_a_year_after_an_elided_article_is_read() -> None:
    assert [g.since for g in stated_gaps("première visite depuis l'an 2000",
                                         date(2025, 3, 31))] == [date(2000, 12, 31)]
