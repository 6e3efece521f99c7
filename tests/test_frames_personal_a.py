"""The Spanish personal "a" between a verb of recognition and the state it names (issue #15):
"España reconoce a Palestina" recognises Palestine, as "España reconoce Palestina" and "La
France reconnaît la Palestine" (an article between) do; "reconoció al Estado de Palestina"
names the state by its noun. A state after "a" that is recognised *as* something, or a
possessor, is not; nor is "a" followed by what is not a state.

The texts are written for these tests; they are run through the shipped lexicon and
knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2024, 5, 28)


def recognised(title: str) -> list[tuple[str, frozenset[str]]]:
    """(modality, parties) of every recognition frame."""
    return [(f.modality, frozenset(p.entity_id for p in f.participants))
            for f in analyse_text(title, "", DAY).frames
            if f.type == "relations" and f.status == "recognised"]


@pytest.mark.parametrize("title", [
    "España reconoce a Palestina",
    "España, Irlanda y Noruega reconocen a Palestina",
    "España reconoció a Palestina",
    "España reconoció al Estado de Palestina",
    "España reconoce oficialmente a Palestina",
])
def test_the_personal_a_before_the_state_recognised(title):
    got = recognised(title)
    assert got and all(m == "happened" for m, _ in got), (title, got)
    assert any("PS" in parties and "ES" in parties for _, parties in got), (title, got)


@pytest.mark.parametrize("title", [
    "España reconoce a los refugiados palestinos",
    "España reconoce a Palestina como socio comercial",
    "España no reconoce a Palestina",
])
def test_not_a_recognition_of_the_state(title):
    assert all(m != "happened" for m, _ in recognised(title)), title


def test_an_english_a_is_an_article_not_a_personal_a():
    # "a" + a state's name after an English verb names something of that state, not the state
    assert recognised("Serbia recognises a Kosovo passport") == []
