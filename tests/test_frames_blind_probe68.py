"""What the blind set of peace talks of 7 Dec 2026 (probe68: 140 items in eight languages,
written by a helper who saw neither the code nor the tests) found, each as the mechanism
behind it:

- a person between commas after the state whose office they hold is an apposition, not a
  clause ("Los presidentes de Perú, Alberto Fujimori, y de Ecuador, Jamil Mahuad, firmaron");
- a verb right after "que", "что", "що" has its subject left out, and is a verb, not a noun
  ("anunciaron ... que alcanzaron un acuerdo final");
- more words of signing and closing: "подписан протокол о прекращении огня", "cierran el
  acuerdo final de paz", "يوقعان في جدة اتفاقاً لوقف إطلاق النار".

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

TALKS = ["peace-talks"]


@pytest.mark.parametrize(("title", "summary", "day", "rules"), [
    ("Acuerdo en Brasilia", "Los presidentes de Perú, Alberto Fujimori, y de Ecuador, Jamil "
     "Mahuad, firmaron este lunes en Brasilia el acuerdo de paz que pone fin a la disputa "
     "fronteriza.", date(1998, 10, 26), TALKS),
    ("Acuerdo en La Habana", "El Gobierno colombiano y la guerrilla de las FARC anunciaron este "
     "miércoles en La Habana que alcanzaron un acuerdo final para poner fin a más de medio "
     "siglo de conflicto armado.", date(2016, 8, 24), TALKS),
    ("Gobierno y FARC cierran en La Habana el acuerdo final de paz", "", date(2016, 8, 24),
     TALKS),
    # a closed border after a peace accord: the accord its backdrop
    ("Perú cierra la frontera con Ecuador tras el acuerdo de paz", "", date(1998, 11, 2), []),
    ("В Минске подписан протокол о прекращении огня в Донбассе", "", date(2014, 9, 5),
     ["ceasefire-agreed"]),
    ("طرفا النزاع في السودان يوقعان في جدة اتفاقاً لوقف إطلاق النار قصير الأمد", "",
     date(2023, 5, 20), ["ceasefire-agreed"]),
    ("الجيش والدعم السريع يوقعان هدنة لمدة أسبوع", "", date(2023, 5, 20), ["ceasefire-agreed"]),
    ("الحكومة والحركة توقعان هدنة لمدة أسبوع", "", date(2023, 5, 20), ["ceasefire-agreed"]),
    ("الفصائل يوقعون هدنة لمدة أسبوع", "", date(2023, 5, 20), ["ceasefire-agreed"]),
])
def test_accords_signed(title: str, summary: str, day: date, rules: list[str]) -> None:
    assert fired(title, day, summary) == rules


@pytest.mark.parametrize(("summary", "day"), [
    ("El Gobierno colombiano y el ELN acordaron este viernes en La Habana un cese al fuego "
     "bilateral, nacional y temporal que entrará plenamente en vigor el 3 de agosto y durará 180 "
     "días, al cierre del tercer ciclo de negociaciones.", date(2023, 6, 9)),
    ("Sudan's army and the RSF agreed a truce that will take effect on Monday, at the end of a "
     "week of talks in Jeddah.", date(2023, 5, 20)),
    # and past a clause of the truce's own words, its adjectives listed
    ("El Gobierno de Colombia y la guerrilla del ELN firmaron este viernes en La Habana un "
     "acuerdo de cese al fuego bilateral, nacional y temporal de 180 días, al cierre del tercer "
     "ciclo de negociaciones.", date(2023, 6, 9)),
])
def test_talks_at_whose_close_a_truce_was_agreed_past_its_relative_clause(
        summary: str, day: date) -> None:
    # (the truce's relative clause between the agreement and the talks)
    assert fired("Truce", day, summary) == ["ceasefire-agreed", "peace-talks"]
