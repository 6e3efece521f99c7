"""The word sets the frame reader looks sentence tokens up in hold folded words (issue #15).

A sentence's tokens are folded ("консультації" is "консультаціі", "إلى" is "الي", "دولة" is
"دوله"); a set written with the letters folding changes would never match, silently, in the
languages that have them: Ukrainian "провели консультації щодо відновлення відносин" read as
ties restored, Arabic prepositions and destinations never seen. The texts are written for
these tests and run through the shipped lexicon and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text, frames
from alerts.analysis.sentences import folded_phrases, folded_words, lexicon_tokens

DAY = date(2025, 3, 1)

# The sets of single tokens in frames.py that a sentence's tokens are looked up in.
TOKEN_SETS = ("_AS", "_TOPIC", "_TALK_WORDS", "_PREPOSITIONS", "_CONJUNCTIONS", "_DESTINATION",
              "_STILL", "_FIRST_PERSON", "_TITLE_WORDS", "_PEACE", "_AGENT", "_BETWEEN",
              "_DETERMINERS", "_IN", "_WITH", "_OUTCOME", "_OUT", "_GERUND_DONE", "_GENITIVE",
              "_MANNER")


@pytest.mark.parametrize("name", TOKEN_SETS)
def test_every_word_of_a_token_set_is_folded(name: str) -> None:
    words = getattr(frames, name)
    unfolded = [w for w in words if lexicon_tokens(w) != (w,)]
    assert not unfolded, f"{name} holds words no folded token equals: {unfolded}"


def test_hosting_phrases_are_folded_token_phrases() -> None:
    assert all(" ".join(lexicon_tokens(p)) == p for p in frames._HOSTING)
    assert "a recu" in frames._HOSTING and "接 见" in frames._HOSTING


def test_the_helpers_fold_and_refuse_what_is_no_token() -> None:
    assert folded_words("zurück", "إلى", "консультації") == {"zuruck", "الي", "консультаціі"}
    assert folded_phrases("a reçu", "接见") == {"a recu", "接 见"}
    with pytest.raises(ValueError, match="not one token"):
        folded_words("премьер-министр")


@pytest.mark.parametrize("title", [
    "Україна та Угорщина провели консультації щодо відновлення дипломатичних відносин",
    "Україна і Польща провели консультації щодо відновлення відносин",
    "Ukraine and Hungary held consultations on restoring diplomatic relations",
])
def test_consultations_about_restoring_ties_are_not_ties_restored(title: str) -> None:
    found = [f for f in analyse_text(title, "", DAY).frames if f.type == "relations"]
    assert found and all(f.modality != "happened" for f in found), \
        [(f.status, f.modality) for f in found]
