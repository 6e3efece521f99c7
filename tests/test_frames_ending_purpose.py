"""Talks made peace talks by a stated purpose of ending a war (issue #15, blind set failure
class 10): "hold talks in Minsk on ending fighting in eastern Ukraine", "talks aimed at ending
the three-year war", "verhandeln über ein Ende des Krieges", "переговоры об окончании войны".
The purpose is a grammar, not a list of phrases: a word of ending ("end", "ending", "fin",
"Ende", "окончание") followed, within three words of its clause, by a word of armed conflict
("war", "fighting", "hostilities", "Krieges", "войны"). A trade or price war ends no armed
conflict (the metaphor words between them), and an ending said of something else ("ending
tariffs on steel", "an end to the strike") is no purpose.

The texts are written for these tests, in every shipped language, and run through the
shipped lexicon and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2014, 8, 27)


def peace_talks(title: str, summary: str = "", day: date = DAY) -> list[str]:
    """The status of every peace-talks frame that happened."""
    return [f.status for f in analyse_text(title, summary, day).frames
            if f.type == "peace-talks" and f.status and f.modality == "happened"]


@pytest.mark.parametrize("title", [
    "Putin and Poroshenko hold talks in Minsk on ending fighting in eastern Ukraine",
    "Delegations held talks aimed at ending the three-year war",
    "Rebels and the government hold talks on an end to the fighting in Darfur",
    "Les délégations ont tenu des pourparlers sur la fin des combats au Darfour",
    "Selenskyj und Putin verhandeln in Paris über ein Ende des Krieges",
    "Las delegaciones celebran conversaciones sobre el fin de la guerra civil",
    "Путин и Порошенко провели переговоры об окончании войны в Донбассе",
    "Делегації провели переговори щодо припинення бойових дій на Донбасі",
    "الوفود تعقد محادثات حول إنهاء الحرب الأهلية",
])
def test_talks_about_ending_a_war_are_peace_talks(title):
    assert peace_talks(title), title


@pytest.mark.parametrize("title", [
    "US and China hold talks on ending the trade war",
    "Washington et Pékin ont tenu des pourparlers sur la fin de la guerre commerciale",
    "Die USA und China verhandeln über ein Ende des Handelskrieges",
    "Delegations hold talks on ending tariffs on steel",
    "Unions and employers hold talks on an end to the strike",
    "Путин и Си провели переговоры об окончании торговой войны",
])
def test_ending_something_other_than_armed_conflict_is_no_purpose(title):
    assert not peace_talks(title, day=date(2019, 5, 10)), title
