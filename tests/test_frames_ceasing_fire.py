"""The sides ceasing fire, said with the verb, and the verb forms a fresh probe missed.

- "Израиль и «Хезболла» прекратили огонь" (Israel and Hezbollah ceased fire) had no status:
  the finite verb with its object is the truce made, as "agree a ceasefire" is ("Armenia and
  Azerbaijan ceased fire at midnight", "припинили вогонь", "ont cessé le feu"). The
  infinitive after a call stays the call ("urges both sides to cease fire").
- "exhorte les belligérants à cesser les hostilités" is a call; Arabic "تقترح هدنة" (she
  proposes a truce) too; Ukrainian "ТКГ погодила нове перемир'я" (the contact group agreed a
  new truce) an agreement.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.shipped_rules import fired

DAY = date(2020, 7, 22)


@pytest.mark.parametrize("title", [
    "Израиль и «Хезболла» прекратили огонь",
    "Армения и Азербайджан прекращают огонь",
    "Сторони припинили вогонь на Донбасі",
    "Armenia and Azerbaijan ceased fire at midnight",
    "Israel and Hamas stopped fighting on Sunday",
    "Les deux camps ont cessé le feu",
    "ТКГ погодила нове перемир'я на Донбасі з 27 липня",
])
def test_the_sides_ceasing_fire_is_a_truce_made(title: str) -> None:
    assert fired(title, DAY) == ["ceasefire-agreed"]


@pytest.mark.parametrize("title", [
    "Macron urges both sides to cease fire",
    "L'Union africaine exhorte les belligérants éthiopiens à cesser les hostilités",
    "مصر تقترح هدنة في ليبيا ضمن إعلان القاهرة",
    "Путин призвал стороны прекратить огонь",
])
def test_a_call_to_cease_fire_stays_a_call(title: str) -> None:
    assert fired(title, DAY) == ["ceasefire-call"]


def test_not_having_stopped_is_no_truce() -> None:
    frames = analyse_text("The sides have not stopped fighting", "", DAY).frames
    assert [(f.status, f.modality) for f in frames] == [("agreed", "denied")]
    assert fired("The sides have not stopped fighting", DAY) == []
