"""A place named after a truce or peace is a place, not the event nor a purpose (issue #15,
blind set failure class 4): "met at the truce village of Panmunjom" makes a summit no peace
talks and names no ceasefire; "the ceasefire line", "village de la trêve", "деревня
перемирия", "停战村" likewise. The place phrase hides the event word inside it; the same word
outside it keeps its reading ("agreed a truce in the village").

The texts are written for these tests, in every shipped language they apply to, and run
through the shipped lexicon and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2018, 4, 27)


def events(title: str, summary: str = "") -> list[str]:
    """The type of every ceasefire or peace-talks frame (any status)."""
    return [f.type for f in analyse_text(title, summary, DAY).frames
            if f.type in ("ceasefire", "peace-talks")]


@pytest.mark.parametrize("title,summary", [
    ("Moon, Kim hold first inter-Korean summit in 11 years",
     "South Korean President Moon Jae-in and North Korean leader Kim Jong Un met at the truce "
     "village of Panmunjom."),
    ("Moon et Kim se rencontrent au village de la trêve de Panmunjom", ""),
    ("Мун и Ким встретились в деревне перемирия Пханмунджом", ""),
    ("Мун і Кім зустрілися в селі перемир'я Пханмунджом", ""),
    ("文在寅与金正恩在板门店停战村会晤", ""),
    ("Soldiers patrol the ceasefire line in Kashmir", ""),
])
def test_a_place_named_after_a_truce_is_no_event(title, summary):
    assert not events(title, summary), title


def test_the_word_outside_the_place_name_keeps_its_reading():
    assert "ceasefire" in events("Rebels agree truce in the village of Panmunjom")
