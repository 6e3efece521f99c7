"""A state that goes on is no news of its change: "the embassy remains closed", "les
relations restent rompues", "Pakistan said it remained committed to the ceasefire" are the
backdrop, as "since relations were severed" is. The rules skip a backdrop, so none raises
"diplomatic relations change" or "a ceasefire is agreed".

The lead about Pakistan is real (a WSJ World News item of 11 May 2025 in the shared
corpus); the other sentences are written for these tests, each beside the change it must
still report.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2025, 7, 1)


def frames_of(kind: str, title: str, summary: str = "", day: date = DAY
              ) -> list[tuple[str, bool]]:
    """(status, flagged backdrop) of every frame of the kind."""
    return [(f.status, "backdrop" in f.flags)
            for f in analyse_text(title, summary, day).frames if f.type == kind]


@pytest.mark.parametrize("title", [
    "US embassy in Kabul remains closed",
    "L'ambassade de France à Niamey reste fermée",
    "Die Botschaft in Kabul bleibt geschlossen",
])
def test_an_embassy_that_remains_closed_is_backdrop(title: str) -> None:
    assert frames_of("relations", title) == [("embassy-closed", True)]


def test_no_closure_is_read_where_an_embassy_stays_closed_in_russian() -> None:
    # "остается закрытым": the instrumental participle is no form of closing at all.
    assert ("embassy-closed", False) not in frames_of(
        "relations", "Посольство США в Киеве остается закрытым")


@pytest.mark.parametrize("title", [
    "US closes embassy in Kabul",
    "L'ambassade de France à Niamey a fermé ses portes",
])
def test_an_embassy_that_closes_is_news(title: str) -> None:
    assert frames_of("relations", title) == [("embassy-closed", False)]


def test_remaining_committed_to_a_ceasefire_is_no_agreement() -> None:
    found = frames_of(
        "ceasefire", "India and Pakistan trade accusations of ceasefire violations",
        "Explosions were heard in Srinagar hours after the truce began, and India's foreign "
        "secretary said there had been repeated violations. Pakistan said it remained "
        "committed to the ceasefire and blamed India.", date(2025, 5, 11))
    assert ("agreed", True) in found and ("agreed", False) not in found
