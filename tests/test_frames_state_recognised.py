"""A state named as the object of recognition is the state recognised (issue #15, contrast
case dr-27): "Recognize Palestine" reads as "recognise a Palestinian state", in every
shipped language; a possessor or a state recognised *as* something else is not."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from alerts.analysis.lexicon import build

DAY = date(2025, 9, 21)


def recognised(title: str) -> list[str]:
    return [f.modality for f in analyse_text(title, "", DAY).frames
            if f.type == "relations" and f.status == "recognised"]


@pytest.mark.parametrize(("named", "not_named"), [
    ("U.K., Australia and Canada Formally Recognize Palestine",
     "U.K., Australia and Canada Formally Recognize Efforts"),
    ("La France reconnaît la Palestine", "La France reconnaît la difficulté"),
    ("Frankreich erkennt Palästina an", "Frankreich erkennt die Schwierigkeit an"),
    ("España reconoce Palestina", "España reconoce dificultades"),
    ("Франция признала Палестину", "Франция признала трудности"),
    ("Франція визнала Палестину", "Франція визнала труднощі"),
    ("فرنسا تعترف بفلسطين", "فرنسا تعترف بالصعوبات"),
    ("法国承认巴勒斯坦", "法国承认困难"),
])
def test_a_state_named_after_recognition_is_recognised(named: str, not_named: str):
    assert recognised(named) == ["happened"]
    assert recognised(not_named) == []


def test_recognition_of_a_named_state_keeps_its_modality():
    assert recognised("France may recognize Palestine") == ["hypothetical"]
    assert recognised("France refuses to recognize Palestine") == ["refused"]


@pytest.mark.parametrize("title", [
    "Trump recognizes Israel's right to defend itself",  # a possessor: its right is recognised
    "Parliament recognises Russia as a state sponsor of terrorism",  # recognised as something
    "France recognizes Ukraine's sovereignty over Crimea",
])
def test_a_state_recognised_as_something_or_for_its_right_is_not_recognised(title: str):
    assert recognised(title) == []


def test_only_an_act_marked_names_state_takes_a_state_as_its_noun():
    data = {"types": {"relations": {
        "nouns": {"statehood": {"en": ["state"]}},
        "acts": {"recognised": {"kinds": ["statehood"], "names_state": True,
                                "forms": {"en": ["recognize{|s}"]}},
                 "established": {"kinds": ["statehood"], "forms": {"en": ["establish{|es}"]}}}}}}
    lex = build(data)
    assert [e.names_state for _, e in lex.index["recognizes"]] == [True]
    assert [e.names_state for _, e in lex.index["establishes"]] == [False]
    assert " recognizes " in lex.anchors["relations"]  # the rule's prefilter reads it
