"""What the blind set of truces called for and agreed of 7 Dec 2026 (probe56: 140 items in
eight languages, written by a helper who saw neither the code nor the tests) found, each as
the mechanism behind it:

- a truce agreed at talks is agreed after them and their place too, in the word order of
  Russian and Ukrainian ("Лідери після переговорів у Мінську домовилися про припинення
  вогню"): the talks took place; not a proposal after them ("at talks with Ukraine proposed
  for Istanbul this week");
- the words of an outcome hold no act: "at the end of a round of talks" ended nothing;
  French "à l'issue d'une série de pourparlers";
- a verb reports the agreement it governs over a day and a place ("firmaron hoy en la capital
  noruega el acuerdo de cese al fuego");
- "the two sides of the conflict" are armed sides in Arabic, Russian and Ukrainian ("وقّع
  طرفا النزاع في ليبيا").

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

MINSK = date(2015, 2, 12)
GENEVA = date(2020, 10, 23)
BOTH = ["ceasefire-agreed", "peace-talks"]


@pytest.mark.parametrize(("title", "rules"), [
    ("Лідери після переговорів у Мінську домовилися про припинення вогню", BOTH),
    ("Лидеры после 16-часовых переговоров в Минске договорились о прекращении огня", BOTH),
    ("После переговоров в Минске стороны договорились о прекращении огня", BOTH),
    # not agreed: nothing came out of the talks
    ("Стороны после переговоров в Минске не договорились о прекращении огня", []),
    # the talks alone, before the agreement, are their backdrop as before
    ("После переговоров в Минске Путин заявил о прекращении огня", []),
])
def test_an_agreement_after_the_talks_and_their_place_was_made_at_them(
        title: str, rules: list[str]) -> None:
    assert fired(title, MINSK) == rules


def test_a_proposal_after_the_talks_holds_none() -> None:
    assert fired("Kremlin keeps quiet", date(2025, 5, 13),
                 "The Kremlin on Tuesday declined to say who would represent Russia at talks "
                 "with Ukraine proposed for Istanbul this week.") == []


@pytest.mark.parametrize("title", [
    "Libya's warring parties signed a permanent ceasefire agreement on Friday, at the end of "
    "a round of talks of the joint military commission",
    "Les belligérants libyens ont signé un accord de cessez-le-feu permanent, à l'issue d'une "
    "série de pourparlers de la commission militaire",
    "وقّع طرفا النزاع في ليبيا اتفاقا لوقف دائم لإطلاق النار، في ختام جولة محادثات للجنة "
    "العسكرية المشتركة",
])
def test_talks_whose_end_an_agreement_came_at_were_held(title: str) -> None:
    assert fired(title, GENEVA) == BOTH


def test_the_end_of_a_round_of_talks_is_no_collapse() -> None:
    from alerts.analysis import analyse_text

    frames = analyse_text("Libya's warring parties signed a permanent ceasefire agreement on "
                          "Friday, at the end of a round of talks", "", GENEVA).frames
    assert {f.status for f in frames if f.type == "peace-talks"} == {"held"}


@pytest.mark.parametrize(("summary", "rules"), [
    ("El Gobierno de Guatemala y la guerrilla firmaron hoy en la capital noruega el acuerdo "
     "de cese al fuego definitivo.", ["ceasefire-agreed"]),
    ("Los negociadores firmaron ayer en la capital noruega el acuerdo de cese al fuego.",
     ["ceasefire-agreed"]),
    # the verb's own object after it, not a day or a place
    ("Los negociadores firmaron una larga declaración común sobre el acuerdo de cese al "
     "fuego.", []),
    # a "but" between: the agreement is another clause's
    ("Los negociadores firmaron hoy en Oslo pero el acuerdo de cese al fuego sigue "
     "pendiente.", []),
    # a clause between: the agreement is its
    ("Los negociadores firmaron hoy en Oslo, donde el acuerdo de cese al fuego sigue "
     "pendiente.", []),
    # another event's word between: the verb announced that
    ("Las partes anunciaron hoy en Oslo la ruptura del acuerdo de cese al fuego.", []),
])
def test_a_verb_reports_its_agreement_over_a_day_and_a_place(
        summary: str, rules: list[str]) -> None:
    assert fired("Guatemala", date(1996, 12, 4), summary) == rules


@pytest.mark.parametrize(("summary", "rules"), [
    ("Trump and Xi agreed on Saturday to a ceasefire in their year-long trade war, with both "
     "sides agreeing to restart negotiations.", []),
    ("Trump and Xi agreed on Saturday to a ceasefire in their trade war.", []),
    # a war that is one, in the same phrase: the truce is agreed
    ("Armenia and Azerbaijan agreed on Saturday to a ceasefire in their year-long war over "
     "Karabakh.", ["ceasefire-agreed"]),
    # not the phrase of where the truce is: another clause, or another event's phrase
    ("Armenia and Azerbaijan agreed to a ceasefire in Karabakh, as trade war fears grew.",
     ["ceasefire-agreed"]),
    ("Armenia and Azerbaijan agreed to a ceasefire in Karabakh talks on trade war risks.",
     ["ceasefire-agreed"]),
    # a worry of its own
    ("Armenia and Azerbaijan agreed to a ceasefire under Russian pressure despite trade war "
     "worries.", ["ceasefire-agreed"]),
])
def test_a_truce_in_a_trade_war_further_on_is_a_metaphor_and_no_purpose(
        summary: str, rules: list[str]) -> None:
    assert fired("G20 summit", date(2019, 6, 29), summary) == rules


@pytest.mark.parametrize(("title", "day", "rules"), [
    # the unions' strikes and pensions are disputes, not wars
    ("Retraites : l'exécutif réclame une « trêve de Noël », la CGT refuse de lever les "
     "piquets", date(2019, 12, 20), []),
    ("Los sindicatos piden una tregua navideña en la huelga de transportes",
     date(2019, 12, 20), []),
    ("Im Streik bei der Bahn vereinbaren Lokführer und Konzern eine Waffenruhe bis Ostern",
     date(2023, 3, 20), []),
    ("El Gobierno y los conductores acuerdan en plena huelga de transportes una tregua "
     "navideña", date(2019, 12, 20), []),
    ("Во время забастовки шахтеры и руководство объявили перемирие до понедельника",
     date(2019, 12, 20), []),
    ("Під час страйку шахтарі та керівництво оголосили перемир'я до понеділка",
     date(2019, 12, 20), []),
    # a truce placed in a country at war is the war's, whatever dispute the clause names
    ("El Gobierno pide una tregua en Sudán pese a la huelga general", date(2024, 2, 20),
     ["ceasefire-call"]),
    ("El Gobierno pide una tregua en Sudán por la huelga general", date(2024, 2, 20),
     ["ceasefire-call"]),
])
def test_strikes_are_disputes_and_a_war_theatre_outweighs_them(
        title: str, day: date, rules: list[str]) -> None:
    assert fired(title, day) == rules
