"""A contact noun that is its clause's subject, with no event verb after it, takes its
predicate's modality: "разговор ... готовится" (the conversation is being prepared) is a
plan, not a call that happened (issue #15; written item ru-020 made a false contact in the
history the first-contact rule reads)."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2025, 3, 17)


def contact_modalities(title: str) -> set[str]:
    return {f.modality for f in analyse_text(title, "", DAY).frames if f.type == "contact"}


@pytest.mark.parametrize(("planned", "done"), [
    ("Разговор президентов России и США готовится",
     "Разговор президентов России и США состоялся"),
    ("Розмова президентів України та США запланована на вівторок",
     "Розмова президентів України та США відбулася у вівторок"),
    ("La rencontre entre Macron et Poutine est prévue mardi",
     "La rencontre entre Macron et Poutine a eu lieu mardi"),
    ("Ein Telefonat zwischen Scholz und Putin ist geplant",
     "Ein Telefonat zwischen Scholz und Putin hat stattgefunden"),
    ("A call between Biden and Xi is scheduled for Tuesday",
     "A call between Biden and Xi took place on Tuesday"),
])
def test_the_predicate_after_a_subject_noun_says_it_is_planned(planned: str, done: str):
    assert contact_modalities(planned) and "happened" not in contact_modalities(planned)
    assert "happened" in contact_modalities(done)


def test_a_noun_that_is_not_the_subject_keeps_its_own_reading():
    # "Biden held a call": the verb before the noun decides, whatever follows.
    assert contact_modalities("Biden held a call with Xi, which is scheduled to be the "
                              "first of several") == {"happened"}


def test_a_participle_between_the_noun_and_its_verb_describes_the_noun():
    assert contact_modalities("The call planned for weeks took place on Tuesday") \
        == {"happened"}


@pytest.mark.parametrize("title", [
    "Macron met Putin in Paris and could meet him again",
    "Macron met Putin in Paris and will meet him again in May",
])
def test_a_verb_is_not_the_subject_of_the_next_one(title: str):
    # The first meeting happened; only the second is a plan or a possibility.
    found = [f.modality for f in analyse_text(title, "", DAY).frames if f.type == "contact"]
    assert found[0] == "happened" and found[1] != "happened"
