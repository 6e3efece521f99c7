"""Talks at which something was done took place.

"Thailand and Cambodia agree unconditional ceasefire at Malaysia talks" raised the truce but
not the talks: the peace talks had no status. An act of the lexicon that happened, then
"at" a few words before the talks, makes them held; a verb of its own before "at" ("hints
at talks", "scoffs at peace talks") does not, nor another preposition ("agree ceasefire on
eve of Cairo talks"), nor an act only allowed or possible ("will allow to end the war and
sit down at the negotiating table", "could agree").
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2025, 7, 28)


@pytest.mark.parametrize(("title", "rules"), [
    ("Thailand and Cambodia agree unconditional ceasefire at Malaysia talks",
     ["ceasefire-agreed", "peace-talks"]),
    ("Pakistan and Afghanistan agree immediate ceasefire at Doha talks",
     ["ceasefire-agreed", "peace-talks"]),
    ("Russia and Ukraine agree prisoner swap at Istanbul talks", ["peace-talks"]),
])
def test_talks_where_something_was_agreed_took_place(title: str, rules: list[str]) -> None:
    assert fired(title, DAY) == rules


@pytest.mark.parametrize(("title", "rules"), [
    ("Trump scoffs at peace talks", []),
    ("Putin hints at talks with Ukraine", []),
    ("Israel and Hamas could agree truce at Cairo talks", []),
    ("Israel and Hamas agree ceasefire on eve of Cairo talks", ["ceasefire-agreed"]),
])
def test_at_talks_alone_is_no_meeting(title: str, rules: list[str]) -> None:
    assert fired(title, DAY) == rules


def test_an_act_only_allowed_holds_no_talks() -> None:
    lead = ("Yermak expects increased sanctions pressure on Russia, which will allow to end the "
            "aggressive war and sit down at the negotiating table.")
    assert "peace-talks" not in fired("We will surely win, says Yermak", DAY, lead)
