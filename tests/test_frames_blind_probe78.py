"""What the blind set of regional conflicts of 7 Dec 2026 (probe78: 140 items in eight
languages, written by a helper who saw neither the code nor the tests) found, each as the
mechanism behind it:

- talks a truce was agreed at the end of are no backdrop for naming only their round ("haben
  sich zum Abschluss einer Runde von Friedensgesprächen in Kuba auf einen Waffenstillstand
  geeinigt");
- a Latin place alone in capitals, stopped, is a dateline ("BOGOTÁ. El presidente ..."), as a
  Cyrillic one is;
- more words: a truce flouted ("bafoué dès le premier jour"), a peace process ended ("dio
  por terminado ... el proceso de paz"), truckers as a dispute's side ("Gobierno y camioneros
  pactan una tregua"), a joint declaration of peace in Chinese ("签署和平联合声明").

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired


@pytest.mark.parametrize(("title", "summary", "day", "rules"), [
    ("Kolumbiens Regierung und ELN-Guerilla einigen sich auf Waffenstillstand", "Die "
     "kolumbianische Regierung und die linke Guerillaorganisation ELN haben sich zum Abschluss "
     "einer Runde von Friedensgesprächen in Kuba auf einen sechsmonatigen beidseitigen "
     "Waffenstillstand geeinigt.", date(2023, 6, 9), ["ceasefire-agreed", "peace-talks"]),
    ("Pastrana ordena retomar la zona de despeje", "BOGOTÁ. El presidente Andrés Pastrana dio "
     "por terminado anoche el proceso de paz con las Farc.", date(2002, 2, 21),
     ["peace-talks"]),
    ("Nord-Kivu : le cessez-le-feu décidé à Luanda bafoué dès le premier jour", "",
     date(2022, 11, 26), []),
    ("Gobierno y camioneros pactan una tregua y se levanta el paro en las vías", "",
     date(2024, 9, 6), []),
    ("泰柬两国总理在吉隆坡签署和平联合声明", "", date(2025, 10, 26), ["peace-talks"]),
])
def test_probe78(title: str, summary: str, day: date, rules: list[str]) -> None:
    assert fired(title, day, summary) == rules


@pytest.mark.parametrize(("title", "summary", "day", "rules"), [
    # talks after which the speaker spoke are not those the truce was agreed at
    ("Sarkozy brokers six-point ceasefire plan for Georgia", "Russia and Georgia have both "
     "agreed to a six-point plan for a ceasefire in the South Ossetia conflict, French "
     "President Nicolas Sarkozy said on Tuesday after talks with Dmitry Medvedev in Moscow.",
     date(2008, 8, 12), ["ceasefire-agreed"]),
    # a plan to normalise ties is no normalisation
    ("Vucic, Kurti meet in Brussels on EU plan to normalise ties", "", date(2023, 2, 27), []),
])
def test_not_the_talks_nor_the_act(title: str, summary: str, day: date,
                                   rules: list[str]) -> None:
    assert fired(title, day, summary) == rules
