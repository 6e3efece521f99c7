"""A surname that names someone only by its context (issue #15): a contact verb between it and
a person the text names is such a context, as a coordinating word is ("Orbán meets Putin",
"Putin hosts Orban", "Albanese meets Xi"); the knowledge base still decides whose surname it
is on the day, and a word alone or beside no person names no one. Broken on purpose once
(no verb joins): the first tests fail."""
from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge import knowledge_base


def _people(text: str, day: date) -> list[str]:
    return [m.entity.id for m in knowledge_base().text_mentions(text, day)
            if m.entity.kind == "person"]


@pytest.mark.parametrize("text, day, person", [
    ("Orbán meets Putin in Moscow", date(2024, 7, 5), "viktor-orban"),
    # a contact verb joins as "and" does (this was a negative of test_knowledge_surnames)
    ("Putin met Abe in Vladivostok", date(2019, 9, 5), "shinzo-abe"),
    ("Putin hosts Orban in Moscow", date(2024, 7, 5), "viktor-orban"),
    ("Albanese meets Xi in Beijing", date(2023, 11, 6), "anthony-albanese"),
    ("Yoon meets Kishida in Tokyo", date(2023, 3, 16), "yoon-suk-yeol"),
    ("Brown meets Bush at the White House", date(2008, 4, 17), "gordon-brown"),
    ("Orbán rencontre Poutine à Moscou", date(2024, 7, 5), "viktor-orban"),
    ("Putin empfängt Orbán in Moskau", date(2024, 7, 5), "viktor-orban"),
    ("Путин встретился с Орбаном", date(2024, 7, 5), "viktor-orban"),
])
def test_a_contact_verb_with_a_named_person_names_the_surname(text: str, day: date,
                                                              person: str):
    assert person in _people(text, day)


@pytest.mark.parametrize("text, day", [
    ("Orbán says Hungary will veto the package", date(2024, 7, 5)),
    ("Die Regierung empfängt Orbán", date(2024, 7, 5)),  # a noun, not a person, before it
    ("Steve Kim met Trump", date(2019, 2, 1)),  # a first name: someone else
])
def test_no_person_across_the_verb_or_a_longer_name_names_no_one(text: str, day: date):
    found = _people(text, day)
    assert "viktor-orban" not in found and "kim-jong-un" not in found


@pytest.mark.parametrize("text,day,named", [
    ("Japan's Kishida and South Korea's Yoon hold first summit in 12 years", date(2023, 3, 16),
     {"fumio-kishida", "yoon-suk-yeol"}),
    ("Kishida and South Korea's Yoon meet in Tokyo", date(2023, 3, 16),
     {"fumio-kishida", "yoon-suk-yeol"}),
])
def test_a_surname_after_a_states_possessive_is_joined(text: str, day: date,
                                                      named: set[str]) -> None:
    """"X and <state>'s Yoon": the join stands before the possessive (issue #15)."""
    kb = knowledge_base()
    assert named <= {m.entity.id for m in kb.text_mentions(text, day)}


def test_a_surname_after_a_companys_possessive_names_no_one() -> None:
    kb = knowledge_base()
    found = {m.entity.id for m in kb.text_mentions("Trump and Apple's Kim meet in Seoul",
                                                   date(2025, 8, 25))}
    assert not any(e.startswith("kim-") for e in found)
