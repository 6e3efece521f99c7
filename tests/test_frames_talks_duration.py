"""Talks whose length in hours or days is given in the clause of their result took place
(issue #15, blind set failure class 3): "The leaders agreed after 16 hours of talks in Minsk
that a ceasefire would take effect" reports the talks that made the deal, held, not backdrop
of a clause opened by 'after'. Only a length of hours, days or nights (the talks just ended);
"after years of talks" is the story's backdrop.

The texts are written for these tests, in the shipped languages they apply to, and run
through the shipped lexicon and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2015, 2, 12)
TITLE = "Normandy Four leaders agree on ceasefire in Donbass"


def held(summary: str) -> list[str]:
    """The flags of every peace-talks frame held in the summary that happened."""
    return [",".join(sorted(f.flags)) for f in analyse_text(TITLE, summary, DAY).frames
            if f.type == "peace-talks" and f.status == "held" and f.modality == "happened"
            and f.position != "headline"]


@pytest.mark.parametrize("summary", [
    "The leaders of Russia, Germany, France and Ukraine agreed after 16 hours of talks in Minsk "
    "that a ceasefire would take effect on February 15.",
    "Les dirigeants ont convenu après 16 heures de négociations à Minsk d'un cessez-le-feu.",
    "Los líderes acordaron tras 16 horas de negociaciones en Minsk un alto el fuego.",
    "Лидеры договорились после 16 часов переговоров в Минске о прекращении огня.",
    "Лідери домовилися після 16 годин переговорів у Мінську про припинення вогню.",
])
def test_talks_of_hours_that_made_the_deal_were_held(summary):
    found = held(summary)
    assert found and not any("backdrop" in f for f in found), summary


def test_years_of_talks_are_backdrop():
    assert not [f for f in held("The sides agreed on a ceasefire after years of talks in Minsk.")
                if "backdrop" not in f]
