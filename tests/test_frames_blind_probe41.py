"""What the blind set of 7 Dec 2026 on ceasefires in all their phrasings (probe41: 150 items
in eight languages, 1990-2025, written by a helper who saw neither the code nor the tests)
found, each as the mechanism behind it:

- a text that calls for a truce, voted down, calls for nothing ("voted down an amendment
  calling for an immediate ceasefire");
- an exchange in a truce that a deal agreed earlier in the sentence holds is the deal's
  terms ("had agreed on a three-phase deal that will halt fighting ... in exchange for");
- "as soon as" opening the clause after one side's truce makes it an offer ("Россия
  прекратит огонь, как только Киев выведет войска"), as "if" does in the same clause;
- the Russian future "прекратит огонь"; the Arab League's "وقف فوري للعدوان".

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2023, 11, 16)


def test_a_call_voted_down_calls_for_nothing() -> None:
    assert fired("Commons vote", DAY, "The House of Commons voted down an amendment calling "
                                      "for an immediate ceasefire in Gaza.") == []


def test_a_call_voted_through_still_calls() -> None:
    assert fired("Commons vote", DAY, "The House of Commons passed an amendment calling for an "
                                      "immediate ceasefire in Gaza.") == ["ceasefire-call"]


def test_an_exchange_in_a_truce_of_a_deal_agreed_before_is_its_terms() -> None:
    assert fired("Israel and Hamas reach Gaza ceasefire and hostage deal", date(2025, 1, 15),
                 "Qatar's prime minister announced that Israel and Hamas had agreed on a "
                 "three-phase deal that will halt fighting in Gaza from Sunday in exchange for "
                 "the release of hostages.") == ["ceasefire-agreed"]


@pytest.mark.parametrize(("summary", "rules"), [
    ("Владимир Путин заявил, что Россия немедленно прекратит огонь, как только Киев выведет "
     "войска из четырёх областей.", ["ceasefire-call"]),
    ("Россия прекратит огонь в полночь.", ["ceasefire-agreed"]),
    # a clause of its own after a semicolon: no condition of the truce
    ("Россия прекратит огонь в полночь; как только Киев выведет войска, начнутся переговоры.",
     ["ceasefire-agreed"]),
    ("Israel and Hamas agreed a truce, as soon as the mediators announced it.",
     ["ceasefire-agreed"]),
    ("Hamas accepted a ceasefire proposal that, if concluded, would trigger talks.", []),
])
def test_as_soon_as_after_one_sides_truce_is_an_offer(summary: str, rules: list[str]) -> None:
    assert fired("Statement", date(2024, 6, 14), summary) == rules


def test_the_arab_leagues_halt_to_the_aggression_is_a_truce() -> None:
    assert fired("القمة العربية الإسلامية في الرياض تطالب بوقف فوري للعدوان على غزة", DAY) \
        == ["ceasefire-call"]


# Read in a second pass: a negation that ends a longer predicate negates what follows it too
# ("talks end without call for immediate ceasefire"); the predicate itself keeps its sense
# (the talks ended: they are still news).

@pytest.mark.parametrize(("title", "rules"), [
    ("Rome talks on Lebanon end without call for immediate ceasefire", ["peace-talks"]),
    ("Gaza truce talks end without a deal", ["peace-talks"]),
])
def test_a_negation_ending_a_predicate_negates_what_follows(title: str,
                                                             rules: list[str]) -> None:
    assert fired(title, date(2006, 7, 26)) == rules
