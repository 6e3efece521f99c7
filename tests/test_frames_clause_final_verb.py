"""A verb that ends the clause its noun opens is the noun's predicate, however many words
stand between (issue #15, contrast case de-13): the German verb-final clause, and the long
subject of an English or French headline."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2025, 5, 16)


def talks(title: str) -> list[tuple[str, str]]:
    return [(f.status, f.modality) for f in analyse_text(title, "", DAY).frames
            if f.type == "peace-talks"]


@pytest.mark.parametrize(("begun", "bare"), [
    ("Friedensgespräche zwischen Russland und der Ukraine in Istanbul begonnen",
     "Friedensgespräche zwischen Russland und der Ukraine in Istanbul"),
    ("Peace talks between Russia and Ukraine on the Turkish coast in Istanbul began",
     "Peace talks between Russia and Ukraine on the Turkish coast in Istanbul"),
    ("Les pourparlers de paix entre la Russie et l'Ukraine à Istanbul dans la matinée ont débuté",
     "Les pourparlers de paix entre la Russie et l'Ukraine à Istanbul dans la matinée"),
])
def test_a_verb_closing_the_clause_is_its_opening_nouns_predicate(begun: str, bare: str):
    assert talks(begun) == [("begin", "happened")]
    assert talks(bare) == [("", "happened")]


def test_the_closing_verb_keeps_its_modality():
    assert talks("Friedensgespräche zwischen Russland und der Ukraine in Istanbul könnten "
                 "bald beginnen") == [("begin", "hypothetical")]


def test_a_noun_that_does_not_open_the_clause_is_not_the_closing_verbs_subject():
    # the talks are the object of a preposition deep inside the clause: what began is the war
    assert talks("Russland hat trotz der Friedensgespräche zwischen Russland und der Ukraine "
                 "eine neue Offensive in der Region Charkiw und bei Sumy begonnen") == [
        ("", "happened")]
