"""What the blind set of 7 Dec 2026 on the course of peace talks (probe42: 120 items in eight
languages, 1990-2025, written by a helper who saw neither the code nor the tests) found,
each as the mechanism behind it:

- what a proposal or a demand puts forward in a clause after "that" has not happened
  ("Putin proposed in a late-night statement at the Kremlin that Russia and Ukraine resume
  direct negotiations");
- a divorce or a weapons programme negotiated is no war's end ("Brexit talks", "the
  financial settlement", "朝核问题六方会谈"; `domains`);
- talks interrupted are broken off ("прерваны", "перервано": read before, kept here).

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2025, 5, 11)


@pytest.mark.parametrize(("summary", "rules"), [
    ("Vladimir Putin proposed in a late-night statement at the Kremlin that Russia and Ukraine "
     "resume direct negotiations in Istanbul.", []),
    ("The Kremlin said that Russia and Ukraine resumed direct negotiations in Istanbul.",
     ["peace-talks"]),
    # a cue that puts nothing forward leaves the clause after "that" as it is
    ("Officials could confirm that Russia and Ukraine resumed direct negotiations in "
     "Istanbul.", ["peace-talks"]),
])
def test_a_proposal_puts_forward_the_clause_after_that(summary: str,
                                                       rules: list[str]) -> None:
    assert fired("Istanbul", DAY, summary) == rules


@pytest.mark.parametrize(("title", "day"), [
    ("Brexit talks have reached deadlock, says Barnier", date(2017, 8, 31)),
    ("Negotiations on the financial settlement have reached deadlock", date(2017, 8, 31)),
    ("朝核问题六方会谈在北京开幕 各方将就和平解决核问题阐述立场", date(2003, 8, 27)),
])
def test_a_divorce_or_a_weapons_programme_is_no_war(title: str, day: date) -> None:
    assert fired(title, day) == []


def test_a_truce_around_a_nuclear_plant_is_still_one() -> None:
    assert fired("Russia and Ukraine agree truce around nuclear plant", date(2022, 9, 1)) \
        == ["ceasefire-agreed"]


@pytest.mark.parametrize("title", [
    "Переговоры о прекращении огня в Газе прерваны",
    "Переговори про припинення вогню в Газі перервано",
])
def test_talks_interrupted_are_broken_off(title: str) -> None:
    assert fired(title, date(2024, 3, 25)) == ["peace-talks"]
