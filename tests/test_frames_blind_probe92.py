"""What the blind set of ceasefire calls of 7 Dec 2026 (probe92: calls and their near-misses,
150 items in eight languages written by a helper who saw neither the code nor the tests)
found, each as the mechanism or the words behind it:

- the chances of a truce are no truce ("فرص التوصل إلى هدنة في غزة تتضاءل", "Chancen auf eine
  Einigung auf eine Waffenruhe schwinden");
- a German verb's particle right before "and" is no infinitive the next verb shares ("Geber
  sagen Milliardenhilfe zu und fordern Waffenruhe": they pledge aid and call for a truce);
- speaking out or standing up for a truce in German calls for it ("spricht sich für eine
  Waffenruhe aus", "setzt sich für eine Waffenruhe ein"); "für" alone before it does not;
- a call written around its object holds as a demand only with its closing words: "ruft ...
  auf" calls on someone, "Putin ruft Erdogan an" phones him.

The texts are written for these tests, not copied from the set."""

from __future__ import annotations

from datetime import date

import pytest

from tests.event_frames import statuses

DAY = date(2024, 4, 15)


def truces(title: str, summary: str = "") -> list[tuple[str, str]]:
    return statuses("ceasefire", title, summary, DAY)


@pytest.mark.parametrize("title", [
    "محللون: فرص التوصل إلى هدنة في غزة تتضاءل",
    "Chancen auf eine Einigung auf eine Waffenruhe schwinden",
])
def test_the_chances_of_a_truce_are_no_truce(title: str) -> None:
    assert ("agreed", "happened") not in truces(title)


def test_a_german_particle_before_and_is_no_infinitive() -> None:
    assert ("called-for", "happened") in truces(
        "Konferenz in London: Staaten sagen Hilfe zu und fordern Waffenruhe im Sudan")
    # an infinitive the next verb shares still plans both
    assert ("called-for", "happened") not in truces(
        "Die Minister wollen Hilfe zusagen und eine Waffenruhe fordern")


@pytest.mark.parametrize("summary", [
    "Die Außenministerin spricht sich für eine Waffenruhe im Sudan aus.",
    "Die Bundesregierung setzt sich für eine Waffenruhe im Sudan ein.",
])
def test_speaking_out_for_a_truce_calls_for_it(summary: str) -> None:
    assert ("called-for", "happened") in truces("Nahost", summary)


@pytest.mark.parametrize("summary", [
    "Die Kosten für eine Waffenruhe im Sudan sind hoch.",
    "Die Regierung hat Pläne für eine Waffenruhe im Sudan vorgelegt.",
])
def test_for_a_truce_alone_calls_for_none(summary: str) -> None:
    assert ("called-for", "happened") not in truces("Nahost", summary)


def test_a_call_written_around_its_object_needs_its_closing_words() -> None:
    assert truces("Nahost", "Putin ruft Erdogan an und bespricht eine Waffenruhe in Syrien.") \
        == []
    assert ("called-for", "happened") in truces(
        "Nahost", "Scholz ruft die Konfliktparteien auf, eine Waffenruhe zu vereinbaren.")
