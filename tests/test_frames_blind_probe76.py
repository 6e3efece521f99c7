"""What the blind set of background mentions of 7 Dec 2026 (probe76: 140 items in eight
languages, written by a helper who saw neither the code nor the tests) found, each as the
mechanism behind it:

- years of a signing or an accord are an anniversary ("llega a los 30 años de los Acuerdos
  de Paz", "cumplió este domingo 30 años de la firma de los Acuerdos de Paz");
- talks that brought no result stalled ("переговори з Лавровим в Анталії не дали результату
  щодо припинення вогню").

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired


@pytest.mark.parametrize(("title", "summary", "day", "rules"), [
    ("El Salvador llega a los 30 años de los Acuerdos de Paz sin actos oficiales",
     "El Salvador cumplió este domingo 30 años de la firma de los Acuerdos de Paz de "
     "Chapultepec, sin actos oficiales del Gobierno.", date(2022, 1, 16), []),
    ("Кулеба після зустрічі з Лавровим", "Міністр закордонних справ Дмитро Кулеба заявив, що "
     "переговори з Сергієм Лавровим в Анталії не дали результату щодо припинення вогню.",
     date(2022, 3, 10), ["peace-talks"]),
    ("Переговоры в Анталье", "Переговоры России и Украины о прекращении огня в Анталье не дали "
     "результата.", date(2022, 3, 10), ["peace-talks"]),
])
def test_probe76(title: str, summary: str, day: date, rules: list[str]) -> None:
    assert fired(title, day, summary) == rules
