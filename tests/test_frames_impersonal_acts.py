"""Acts said in impersonal or nominal form (issue #15, blind set failure class 6): the
Ukrainian and Russian impersonal passives ("У Мінську підписано протокол про припинення
вогню", "запроваджено перемир'я", "подписано соглашение о прекращении огня"), the neuter
"відбулося засідання", nominal headlines whose act is a noun ("Yémen : ouverture des
pourparlers de paix", "叙利亚问题阿斯塔纳和谈开幕", "Beginn der Friedensgespräche",
"انطلاق مشاورات السلام"), and a headline's label before a colon that is the act of the event
opening the clause after it ("Einigung in Minsk: Waffenruhe ab Sonntag"). Not a long clause
before the colon, nor a label that is no act ("Minsk: Waffenruhe gebrochen" is the
violation), and not an act of the label's own object.

The texts are written for these tests, in every shipped language, and run through the
shipped lexicon and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2014, 9, 6)


def acts(title: str, etype: str, day: date = DAY) -> list[str]:
    """The status of every frame of the type that happened."""
    return [f.status for f in analyse_text(title, "", day).frames
            if f.type == etype and f.status and f.modality == "happened"]


@pytest.mark.parametrize("title,status", [
    ("У Мінську підписано протокол про припинення вогню", "agreed"),
    ("На Донбасі з 00:01 запроваджено безстрокове перемир'я", "took-effect"),
    ("На Донбасі оголошено перемир'я", "agreed"),
    ("В Минске подписано соглашение о прекращении огня", "agreed"),
    ("В Донбассе введено бессрочное перемирие", "took-effect"),
    ("Einigung in Minsk: Waffenruhe in der Ostukraine ab Sonntag", "agreed"),
    ("Accord à Minsk : cessez-le-feu dans l'est de l'Ukraine dès dimanche", "agreed"),
    ("Acuerdo en Minsk: alto el fuego en el este de Ucrania desde el domingo", "agreed"),
])
def test_impersonal_and_labelled_ceasefire_acts(title, status):
    assert status in acts(title, "ceasefire"), title


@pytest.mark.parametrize("title", [
    "Yémen : ouverture des pourparlers de paix en Suède",
    "Beginn der Friedensgespräche für Jemen in Schweden",
    "Inicio de las conversaciones de paz sobre Yemen en Suecia",
    "Начало мирных переговоров по Йемену в Швеции",
    "Початок мирних переговорів щодо Ємену у Швеції",
    "叙利亚问题阿斯塔纳和谈开幕",
    "انطلاق مشاورات السلام اليمنية في السويد",
    "У Мінську відбулося засідання Тристоронньої контактної групи з мирного врегулювання",
])
def test_nominal_headlines_and_impersonal_talks(title):
    assert acts(title, "peace-talks", date(2018, 12, 6)), title


@pytest.mark.parametrize("title", [
    # a label that is no act, or a long first clause, or an act of its own object
    "Minsk: Waffenruhe in der Ostukraine ab Sonntag",
    "Einigung über Gaslieferungen zwischen Moskau und Kiew nach langen Verhandlungen: "
    "Waffenruhe bleibt fragil",
    "Accord sur le gaz : le cessez-le-feu reste fragile",
    # running text: a noun with no verb is named, not reported as done
])
def test_no_act_across_the_colon_without_a_short_act_label(title):
    assert "agreed" not in acts(title, "ceasefire"), title


def test_the_opening_of_something_else_is_no_beginning():
    assert not acts("Ouverture à des pourparlers de paix, dit Moscou", "peace-talks",
                    date(2018, 12, 6))
