"""A headline's infinitive of another verb before a contact noun is a plan.

"Biden and Xi to hold virtual summit on Monday" was a meeting held, and so a first contact
after a gap could be raised for a summit not yet held: "to hold" is not a contact verb of the
lexicon, and only an infinitive right before one was read. "to" before a place or a
common noun is a preposition ("get down to business at Bali summit").
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.contact_frames import held

DAY = date(2021, 11, 12)



@pytest.mark.parametrize("title", [
    "Biden and Xi to hold virtual summit on Monday",
    "Putin and Xi to attend G20 summit, setting up showdown with Biden",
])
def test_a_headline_infinitive_plans_the_contact(title: str) -> None:
    assert held(title, day=DAY) == set()


@pytest.mark.parametrize(("title", "pair"), [
    ("Trump heads to Alaska for summit with Putin", "donald-trump+vladimir-putin"),
    ("Putin and Xi meet to hold talks", "vladimir-putin+xi-jinping"),
    ("Biden and Xi hold virtual summit", "joe-biden+xi-jinping"),
    ("Biden and Xi get down to business at Bali summit", "joe-biden+xi-jinping"),
])
def test_a_preposition_or_a_purpose_plans_nothing(title: str, pair: str) -> None:
    assert pair in held(title, day=DAY if "Biden" in title else date(2025, 8, 10))
