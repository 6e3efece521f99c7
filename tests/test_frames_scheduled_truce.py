"""A truce set to take effect has been agreed (issue #15, held-out set class 3): "A
long-awaited ceasefire in eastern DR Congo is set to begin under the 2025 Washington Accords"
(DW, Feb 2026), "Gaza ceasefire will take effect on Sunday": a truce is scheduled only once
the sides agreed it. Not one on terms ("will begin only if Hamas disarms"), only possible
("could"), hoped for or demanded. Also: a subject noun after a few modifiers ("A long-awaited
ceasefire in ...") takes the first verb after it as its predicate, as a bare one did, but not
past a pronoun that is that verb's own subject ("truce in disarray hours after it began").

The texts are written for these tests and run through the shipped rules and lexicon.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired as shipped_fired

DAY = date(2026, 2, 17)


def fired(title: str) -> list[str]:
    return shipped_fired(title, DAY)


@pytest.mark.parametrize("title", [
    "A long-awaited ceasefire in eastern DR Congo is set to begin under the 2025 Washington "
    "Accords",
    "Gaza ceasefire will take effect on Sunday, Qatar says",
    "Ceasefire expected to take effect at midnight",
    "Ceasefire to take effect Sunday",
    "Le cessez-le-feu entrera en vigueur dimanche",
    "Die Waffenruhe soll am Sonntag in Kraft treten",
    "Перемирие вступит в силу в воскресенье",
])
def test_a_truce_set_to_take_effect_was_agreed(title: str) -> None:
    assert fired(title) == ["ceasefire-agreed"]


@pytest.mark.parametrize("title", [
    "A ceasefire could take effect if Hamas releases the hostages",
    "Israel says ceasefire will begin only if Hamas disarms",
    "Will the ceasefire take effect?",
    "Hamas hopes a ceasefire will take effect soon",
    "Truce must take effect immediately, UN says",
])
def test_a_truce_on_terms_hoped_for_or_asked_is_not(title: str) -> None:
    assert "ceasefire-agreed" not in fired(title)


def test_a_pronoun_has_its_own_verb() -> None:
    assert fired("Karabakh humanitarian truce in disarray hours after it began") == []
