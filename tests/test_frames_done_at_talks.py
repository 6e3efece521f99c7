"""Talks at which something was done took place.

"Thailand and Cambodia agree unconditional ceasefire at Malaysia talks" raised the truce but
not the talks: the peace talks had no status. An act of the lexicon that happened, then
"at" a few words before the talks, makes them held; a verb of its own before "at" ("hints
at talks", "scoffs at peace talks") does not, nor another preposition ("agree ceasefire on
eve of Cairo talks"), nor an act only allowed or possible ("will allow to end the war and
sit down at the negotiating table", "could agree").

"After" and its kin say the same of the talks an act came out of ("agree ceasefire after
China-brokered talks", "à l'issue des pourparlers"): a blind probe's deals "after talks" raised
the truce alone. A time span before the word ("25 years after the peace treaty") is long
before the news. "Agree to" a truce at talks is the act's own cue, not a plan of the talks.
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


@pytest.mark.parametrize(("title", "rules"), [
    ("Myanmar junta, ethnic alliance agree ceasefire after China-brokered talks",
     ["ceasefire-agreed", "peace-talks"]),
    ("Leaders agree Ukraine ceasefire after marathon Minsk talks",
     ["ceasefire-agreed", "peace-talks"]),
    ("Thailand and Cambodia agree to unconditional ceasefire at Malaysia talks",
     ["ceasefire-agreed", "peace-talks"]),
    ("L'armée et les rebelles concluent un cessez-le-feu à l'issue des pourparlers de Doha",
     ["ceasefire-agreed", "peace-talks"]),
    ("Sides agree ceasefire following talks in Doha", ["ceasefire-agreed", "peace-talks"]),
    ("Armee und Rebellen vereinbaren Waffenruhe nach Gesprächen in Doha",
     ["ceasefire-agreed", "peace-talks"]),
    ("El Ejército y los rebeldes acuerdan un alto el fuego después de las conversaciones de "
     "paz en Doha", ["ceasefire-agreed", "peace-talks"]),
    ("Армия и повстанцы договорились о прекращении огня после переговоров в Дохе",
     ["ceasefire-agreed", "peace-talks"]),
    ("Армія та повстанці домовилися про припинення вогню після переговорів у Досі",
     ["ceasefire-agreed", "peace-talks"]),
    ("الجيش والمتمردون يتفقون على وقف إطلاق النار في ختام مفاوضات الدوحة",
     ["ceasefire-agreed", "peace-talks"]),
])
def test_talks_a_deal_came_out_of_took_place(title: str, rules: list[str]) -> None:
    assert fired(title, DAY) == rules


@pytest.mark.parametrize(("title", "lead"), [
    # the word opens a clause of its own: the act is in the one before it
    ("RDC-Rwanda : un cessez-le-feu arraché à Luanda",
     "Kinshasa et Kigali ont conclu mardi un cessez-le-feu, à l'issue de pourparlers de paix à "
     "Luanda."),
    # the verb at the end of its clause, after the talks
    ("Äthiopien und Tigray-Rebellen vereinbaren dauerhafte Einstellung der Kämpfe",
     "Darauf hätten sich die Konfliktparteien bei Friedensgesprächen in Pretoria geeinigt, "
     "teilte der AU-Vermittler Olusegun Obasanjo mit."),
])
def test_talks_the_lead_says_a_deal_came_out_of_took_place(title: str, lead: str) -> None:
    assert "peace-talks" in fired(title, DAY, lead)


def test_a_participle_after_the_talks_is_no_act_done_there() -> None:
    lead = ("The Kremlin on Tuesday declined to say who would represent Russia at talks with "
            "Ukraine proposed for Istanbul this week.")
    assert "peace-talks" not in fired("Kremlin declines to name its team", DAY, lead)


@pytest.mark.parametrize(("title", "rules"), [
    ("Egypt and Israel sign US trade accord 25 years after peace treaty", []),
    ("L'Égypte et Israël signent un accord commercial 25 ans après le traité de paix", []),
    ("Ägypten und Israel unterzeichnen Handelsabkommen 25 Jahre nach dem Friedensvertrag", []),
    ("Egipto e Israel firman un acuerdo comercial 25 años después del tratado de paz", []),
    ("Египет и Израиль подписали торговое соглашение через 25 лет после мирного договора", []),
    ("Єгипет та Ізраїль підписали торговельну угоду через 25 років після мирного договору",
     []),
    ("مصر وإسرائيل توقعان اتفاقا تجاريا بعد سنوات من معاهدة السلام", []),
    # talks weeks before the truce are not the day's
    ("Armee und Rebellen vereinbaren Waffenruhe zwei Wochen nach Gesprächen in Doha",
     ["ceasefire-agreed"]),
    ("Армия и повстанцы договорились о прекращении огня через две недели после переговоров в "
     "Дохе", ["ceasefire-agreed"]),
    ("Армія та повстанці домовилися про припинення вогню через два тижні після переговорів у "
     "Досі", ["ceasefire-agreed"]),
    ("الجيش والمتمردون يتفقون على وقف إطلاق النار بعد أسابيع من مفاوضات الدوحة",
     ["ceasefire-agreed"]),
    ("Sides will agree ceasefire after Doha talks", []),
    # a trade truce: its word between the act and the truce is what was agreed
    ("U.S. and China agree to slash tariffs in 90-day truce after Geneva talks", []),
    ("Sides agree to hold talks in Doha", []),
])
def test_no_talks_from_an_old_or_future_deal(title: str, rules: list[str]) -> None:
    assert fired(title, DAY) == rules
