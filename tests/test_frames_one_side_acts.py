"""One side ending, cancelling or relaunching talks is a status of the talks (issue #15, blind
set failure class 9): the talks are the object of the side's verb ("Duque ends peace talks
with ELN", "pone fin a los diálogos de paz", "يلغي محادثات السلام" cancels them: collapse;
"relaunch direct peace talks", "возобновили мирные переговоры": resume). The verbs govern the
talks after them (object forms): the talks' own verbs after them keep their readings ("the
talks ended in Doha" held a round). A threat or a plan to end talks is no act that happened.

The texts are written for these tests, in every shipped language, and run through the
shipped lexicon and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2019, 1, 19)


def statuses(title: str, summary: str = "", day: date = DAY) -> list[str]:
    """The status of every peace-talks frame that happened."""
    return [f.status for f in analyse_text(title, summary, day).frames
            if f.type == "peace-talks" and f.status and f.modality == "happened"]


@pytest.mark.parametrize("title", [
    "Colombia's Duque ends peace talks with ELN after Bogota car bomb",
    "Colombian president ended peace talks with the ELN rebels",
    "Le président colombien met fin aux pourparlers de paix avec l'ELN",
    "Kolumbiens Präsident beendet die Friedensgespräche mit der ELN",
    "Duque pone fin a los diálogos de paz con el ELN tras el atentado en Bogotá",
    "Президент Колумбии прекратил мирные переговоры с повстанцами",
    "Президент Колумбії припинив мирні переговори з повстанцями",
    "ترامب يلغي محادثات السلام مع طالبان",
    "哥伦比亚总统终止与民族解放军的和谈",
])
def test_one_side_ending_or_cancelling_talks_is_their_collapse(title):
    assert "collapse" in statuses(title), title


@pytest.mark.parametrize("title", [
    "Netanyahu and Abbas relaunch direct peace talks in Washington",
    "Israéliens et Palestiniens relancent les pourparlers de paix à Washington",
    "Israel y los palestinos relanzan las conversaciones de paz en Washington",
    "Россия и Украина возобновили мирные переговоры в Стамбуле",
    "Росія та Україна відновили мирні переговори в Стамбулі",
    "إسرائيل والفلسطينيون يستأنفون محادثات السلام في واشنطن",
])
def test_sides_relaunching_talks_resume_them(title):
    assert "resume" in statuses(title, day=date(2010, 9, 2)), title


@pytest.mark.parametrize("title", [
    # a threat, a plan or a possibility of ending talks is not their end
    "Duque threatens to end peace talks with ELN",
    "Duque could end peace talks with ELN",
    "Duque menace de mettre fin aux pourparlers de paix avec l'ELN",
    "Duque amenaza con poner fin a los diálogos de paz con el ELN",
    "Дуке пригрозил прекратить мирные переговоры",
    "Дуке пригрозив припинити мирні переговори",
    "ترامب يهدد بإلغاء محادثات السلام مع طالبان",
])
def test_a_threat_to_end_talks_is_no_collapse(title):
    assert "collapse" not in statuses(title), title


def test_the_talks_own_ending_keeps_its_reading():
    # the talks as the subject of "ended": a round held, not broken off by one side
    assert statuses("Peace talks between Kabul and the Taliban ended in Doha") == ["held"]
    # "end" after the talks is not their object: talks to end a war
    assert not statuses("Peace talks to end the war are planned for March")
