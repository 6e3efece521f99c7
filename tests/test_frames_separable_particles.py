"""German separable verbs whose particle has an umlaut (issue #15): "Israel weist die
Forderung nach einem Waffenstillstand zurück" is a rejection of the demand, not a call for a
ceasefire. The lexicon's tokens are folded ("zurück" is "zuruck"), so the particles the
separable reading looks for must be folded too, or "weist ... zurück" is never read apart.

The texts are written for these tests and run through the shipped lexicon and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from alerts.analysis.lexicon import PARTICLES, lexicon

DAY = date(2025, 3, 1)


def statuses(title: str, etype: str) -> list[str | None]:
    return [f.status for f in analyse_text(title, "", DAY).frames if f.type == etype]


@pytest.mark.parametrize("title", [
    "Israel weist die Forderung nach einem Waffenstillstand zurück",
    "Russland weist den Vorschlag einer Waffenruhe zurück",
    "Die Regierung weist den Aufruf zu einer Feuerpause entschieden zurück",
])
def test_a_rejection_around_its_object_is_no_call(title: str) -> None:
    found = statuses(title, "ceasefire")
    assert found and "called-for" not in found, found
    assert "rejected" in found, found


def test_the_other_separable_verbs_still_read_apart() -> None:
    assert "severed" in statuses("Ecuador bricht die Beziehungen zu Mexiko ab",
                                 "relations")


def test_every_particle_is_a_folded_token() -> None:
    # The lexicon's separable verbs end in these; an unfolded particle would never match.
    assert "zuruck" in PARTICLES and "zurück" not in PARTICLES
    assert any(p == "zuruck" for found in lexicon().separable.values() for p, _ in found)
