"""A report that states an in-person gap and names the leaders' last call (probe113): the
call is read in the imperfective past with its means ("они говорили по телефону",
"лідери спілкувалися телефоном"), and an in-person gap is read from the adjective of a
meeting left out ("першу особисту від лютого 2022 року")."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge.gaps import stated_gaps
from tests.shipped_rules import fired


@pytest.mark.parametrize("title, lead, day", [
    ("Путин и Моди провели переговоры в Кремле",
     "Президент России Владимир Путин и премьер-министр Индии Нарендра Моди во вторник провели "
     "переговоры в Кремле; визит Моди стал первым с 2019 года, при этом лидеры поддерживают "
     "регулярный контакт — в последний раз они говорили по телефону в марте.",
     date(2024, 7, 9)),
    ("Зеленський і Моді зустрілися в Хіросімі",
     "Президент Володимир Зеленський на полях саміту G7 у Хіросімі провів зустріч із "
     "прем'єр-міністром Індії Нарендрою Моді – першу особисту від лютого 2022 року; востаннє "
     "лідери спілкувалися телефоном наприкінці грудня.", date(2023, 5, 20)),
])
def test_a_call_the_report_names_voids_its_in_person_gap(title: str, lead: str,
                                                          day: date) -> None:
    assert "first-contact-after-gap" not in fired(title, day, lead)


def test_an_in_person_gap_by_its_adjective() -> None:
    gaps = stated_gaps("провів зустріч – першу особисту від лютого 2022 року", date(2023, 5, 20))
    assert [g.contact for g in gaps] == ["in-person"]
