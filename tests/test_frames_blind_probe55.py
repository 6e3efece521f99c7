"""What the blind set of peace talks of 7 Dec 2026 (probe55: 140 items in eight languages,
written by a helper who saw neither the code nor the tests) found, each as the mechanism
behind it:

- a dateline stopped after its place too, with the agency in capitals after the day
  ("ПАРИЖ. 9 грудня. УКРІНФОРМ. Президенти ..."), opens the first sentence: the report's
  first sentence is its lead, not its body;
- whom a delegation is of is a party of the talks ("Las delegaciones de Rusia y Ucrania
  mantuvieron ... negociaciones", "Les délégations de la Russie et de l'Ukraine");
- French "ont mené des négociations" holds them; a region's pacification is a purpose
  ("Gespräche über eine Befriedung der Ostukraine").

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis.sentences import split_sentences
from tests.shipped_rules import fired

WAR = date(2025, 5, 16)


@pytest.mark.parametrize(("text", "first"), [
    ("ПАРИЖ. 9 грудня. УКРІНФОРМ. Президенти провели переговори. Далі.",
     "ПАРИЖ. 9 грудня. УКРІНФОРМ. Президенти провели переговори."),
    ("МІНСЬК. 5 вересня. Учасники групи підписали протокол. Далі.",
     "МІНСЬК. 5 вересня. Учасники групи підписали протокол."),
    # an agency not in capitals is the report's first word, not the dateline's
    ("KYIV. 9 December. Talks began. More.", "KYIV. 9 December. Talks began."),
])
def test_a_dateline_stopped_after_its_place_opens_the_first_sentence(
        text: str, first: str) -> None:
    start, end = split_sentences(text)[0]
    assert text[start:end] == first


def test_other_openings_stopped_after_a_word_stay_sentences() -> None:
    assert len(split_sentences("NATO. Members met. More.")) == 3


def test_the_lead_after_a_stopped_dateline_is_read_as_the_lead() -> None:
    assert fired("Підсумки дня", WAR,
                 "СТАМБУЛ. 16 травня. УКРІНФОРМ. Делегації України та Росії провели в "
                 "Стамбулі переговори щодо врегулювання війни.") == ["peace-talks"]


@pytest.mark.parametrize(("title", "rules"), [
    ("Las delegaciones de Rusia y Ucrania mantuvieron negociaciones directas en Estambul",
     ["peace-talks"]),
    ("Les délégations de la Russie et de l'Ukraine ont mené des négociations à Istanbul",
     ["peace-talks"]),
    ("The delegations of Russia and Ukraine held talks in Istanbul", ["peace-talks"]),
    # a delegation of one side only names no war's two sides
    ("La delegación de Ucrania mantuvo negociaciones en Estambul", []),
    # a topic is still no party
    ("Las delegaciones mantuvieron negociaciones sobre Rusia y Ucrania", []),
])
def test_whom_a_delegation_is_of_is_a_party(title: str, rules: list[str]) -> None:
    assert fired(title, WAR) == rules


@pytest.mark.parametrize(("title", "rules"), [
    ("Merkel, Putin und Poroschenko haben Gespräche über eine Befriedung der Ostukraine "
     "aufgenommen", ["peace-talks"]),
    ("Merkel, Putin und Poroschenko haben Gespräche über Gaslieferungen aufgenommen", []),
])
def test_a_regions_pacification_is_a_purpose(title: str, rules: list[str]) -> None:
    assert fired(title, date(2016, 10, 19)) == rules


@pytest.mark.parametrize(("title", "rules"), [
    ("叙利亚问题日内瓦和谈或于下月恢复", []),
    ("叙利亚问题日内瓦和谈下月恢复", ["peace-talks"]),
])
def test_may_on_in_chinese_is_no_fact(title: str, rules: list[str]) -> None:
    assert fired(title, date(2016, 1, 31)) == rules


def test_a_club_and_its_coach_sign_no_truce() -> None:
    assert fired("Xavi y Laporta sellan una tregua en el Barça hasta junio",
                 date(2024, 4, 25)) == []
    assert fired("Laporta y el entrenador sellan una tregua hasta junio",
                 date(2024, 4, 25)) == []
