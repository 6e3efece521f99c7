"""An order to leave is an expulsion (issue #15, contrast case dr-13): an act written around
its noun in frames.yaml ("order{|s|ed} … to leave") holds only when its closing words
follow the noun in the noun's clause."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from alerts.analysis.lexicon import LexiconError, build

DAY = date(2025, 8, 26)


def statuses(title: str) -> list[tuple[str, str]]:
    return [(f.status, f.modality) for f in analyse_text(title, "", DAY).frames
            if f.type == "relations"]


@pytest.mark.parametrize(("leave", "other"), [
    ("Australia Orders Iranian Ambassador to Leave",
     "Australia Orders Iranian Ambassador to Explain"),
    ("La France ordonne à l'ambassadeur d'Iran de quitter le pays",
     "La France ordonne à l'ambassadeur d'Iran de s'expliquer"),
    ("España ordena al embajador de Irán abandonar el país",
     "España ordena al embajador de Irán explicar el incidente"),
    ("Молдова приказала российскому послу покинуть страну",
     "Молдова приказала российскому послу объяснить инцидент"),
    ("Польша потребовала от посла России покинуть страну",
     "Польша потребовала от посла России объяснений"),
    ("Україна наказала послу Росії залишити країну",
     "Україна наказала послу Росії пояснити інцидент"),
    ("Литва вимагала від посла Росії покинути країну",
     "Литва вимагала від посла Росії пояснень"),
])
def test_an_order_to_leave_is_an_expulsion(leave: str, other: str):
    assert statuses(leave) == [("ambassador-expelled", "happened")]
    assert ("ambassador-expelled", "happened") not in statuses(other)


def test_diplomats_ordered_to_leave_are_expelled():
    assert statuses("Australia orders four Iranian diplomats to leave") == [
        ("diplomats-expelled", "happened")]


def test_an_order_to_leave_that_may_come_is_no_expulsion_yet():
    assert statuses("Australia may order the Iranian ambassador to leave") == [
        ("ambassador-expelled", "hypothetical")]


def test_the_closing_words_must_follow_the_noun():
    # "to leave" before the noun closes nothing: the act is the order of an inquiry
    assert ("ambassador-expelled", "happened") not in statuses(
        "Australia orders staff to leave an inquiry into the ambassador")


@pytest.mark.parametrize("form", ["order … ", "… to leave", "order … to … leave"])
def test_an_act_around_its_noun_needs_words_on_both_sides(form: str):
    data = {"types": {"relations": {
        "nouns": {"ambassador": {"en": ["ambassador"]}},
        "acts": {"ambassador-expelled": {"forms": {"en": [form]}}}}}}
    with pytest.raises(LexiconError, match="around its noun"):
        build(data)


def test_an_act_around_its_noun_is_indexed_by_its_first_words():
    data = {"types": {"relations": {
        "nouns": {"ambassador": {"en": ["ambassador"]}},
        "acts": {"ambassador-expelled": {"forms": {"en": ["order{|s} … to leave"]}}}}}}
    index = build(data).index
    assert [(words, entry.then) for words, entry in index["orders"]] == [
        (("orders",), ("to", "leave"))]
