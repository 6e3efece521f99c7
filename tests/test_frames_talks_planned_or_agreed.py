"""Talks agreed to and talks a coming is for (session of 7 Dec 2026, seventh):

- an agreement to hold, restart or resume talks on a truce agrees to the talks, not the truce
  ("Sudan's warring parties agree to restart talks on a ceasefire");
- an infinitive of purpose shares the modality of the verb it completes: talks a delegation
  is "to arrive" to hold are a plan, talks it arrived to hold took place."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2024, 5, 2)


@pytest.mark.parametrize(("title", "summary", "rules"), [
    ("Sudan's warring parties agree to restart talks on a ceasefire",
     "Sudan's army and the RSF agreed on Thursday to restart talks on a ceasefire in Jeddah, "
     "mediators said.", ["peace-talks"]),
    ("Israel and Hamas agree to resume negotiations on a truce",
     "The two sides agreed to resume negotiations on a ceasefire next week, Qatar said.",
     ["peace-talks"]),
    # the truce itself agreed
    ("Sudan's warring parties agree to a ceasefire in talks in Jeddah",
     "Sudan's army and the RSF agreed on Thursday to a seven-day ceasefire, mediators said.",
     ["ceasefire-agreed", "peace-talks"]),
])
def test_agreeing_to_talks_on_a_truce_agrees_no_truce(title: str, summary: str,
                                                       rules: list[str]) -> None:
    assert fired(title, DAY, summary) == rules


@pytest.mark.parametrize(("title", "rules"), [
    ("Hamas delegation to arrive in Cairo to hold ceasefire talks", []),
    ("Hamas delegation arrives in Cairo to hold ceasefire talks", ["peace-talks"]),
])
def test_talks_a_coming_is_for_share_its_modality(title: str, rules: list[str]) -> None:
    assert fired(title, DAY) == rules


@pytest.mark.parametrize(("title", "rules"), [
    ("Witkoff arrives in Moscow tomorrow for talks with Putin on ending the war", []),
    ("وفد من حماس يصل القاهرة غدا لإجراء مباحثات حول وقف إطلاق النار", []),
    ("Witkoff arrived in Moscow for talks with Putin on ending the war", ["peace-talks"]),
    ("وفد من حماس يصل القاهرة لإجراء مباحثات حول وقف إطلاق النار", ["peace-talks"]),
])
def test_talks_a_coming_set_ahead_is_for_are_to_come(title: str, rules: list[str]) -> None:
    assert fired(title, DAY) == rules
