"""Whose a contact noun is, and what an adjective before it says.

- "Zelensky criticises Trump's call with Putin" had paired Zelensky with Putin: whoever came
  before the noun was its party. The owner before "'s" (and those joined to them by "and")
  is the party now; whoever speaks of the contact is not.
- "Macron welcomes Trump's phone call with Putin" had made Macron the host of Trump and
  Putin: the people of another contact noun, from its owner on, are that contact's.
- The same with the owner after the noun: "разговор Трампа с Зеленским" (the genitive),
  "l'appel de Trump avec Poutine", "اتصال ترامب مع بوتين", and before the Chinese 的
  ("特朗普与普京的通话").
- "Trump's planned meeting with Putin" was a meeting that happened: an adjective cue right
  after a determiner or a possessive was skipped as if it were a noun ("a push"). One such
  word right before what it describes now counts ("the planned summit", "a possible
  ceasefire"); a noun with its complement ("the need to restore the ceasefire") still does
  not.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.contact_frames import paired


@pytest.mark.parametrize("title", [
    "Zelensky criticises Trump's call with Putin",
    "Zelensky slams Trump's phone call with Putin",
    "Zelensky reacts to Trump's meeting with Putin",
    "Zelensky criticises Trump and Putin's meeting",
])
def test_the_owner_of_a_contact_is_its_party(title: str) -> None:
    assert paired(title) == {"donald-trump+vladimir-putin"}


@pytest.mark.parametrize(("title", "pair"), [
    ("Macron welcomes Trump's phone call with Putin", {"donald-trump+vladimir-putin"}),
    ("Macron welcomes Modi to Paris", {"emmanuel-macron+narendra-modi"}),
    ("Putin receives Trump's envoy Witkoff in Kremlin", {"steve-witkoff+vladimir-putin"}),
])
def test_the_people_of_another_contact_are_not_this_verbs(title: str, pair: set[str]) -> None:
    assert paired(title) == pair


def test_a_contact_with_no_owner_keeps_its_subject() -> None:
    assert paired("Macron and Putin's call lasted two hours") == {
        "emmanuel-macron+vladimir-putin"}
    assert paired("Macron and Putin discuss Ukraine in phone call") == {
        "emmanuel-macron+vladimir-putin"}
    assert paired("Putin meets Trump's envoy Witkoff") == {"steve-witkoff+vladimir-putin"}


@pytest.mark.parametrize("title", [
    "Trump's planned meeting with Putin in Alaska",
    "Zelensky criticises Trump's planned meeting with Putin",
    "The cancelled summit between Trump and Putin",
    "Biden's upcoming meeting with Xi",
])
def test_an_adjective_before_a_contact_noun_says_it_did_not_happen(title: str) -> None:
    frames = [f for f in analyse_text(title, "", date(2025, 8, 10)).frames
              if f.type == "contact" and f.pairs]
    assert frames and all(f.modality != "happened" for f in frames)


def test_a_possible_ceasefire_is_hypothetical() -> None:
    frames = analyse_text("A possible ceasefire in Gaza", "", date(2024, 5, 1)).frames
    assert [f.modality for f in frames if f.type == "ceasefire"] == ["hypothetical"]


def test_a_nouns_complement_is_no_adjective() -> None:
    # A Ukrainian presidency readout: the group agreed steps to restore the ceasefire.
    summary = ("A meeting of the Trilateral Contact Group (TCG) took place today. The meeting "
               "reached a common understanding on the need to restore the ceasefire within "
               "the relevant steps agreed on July 22, 2020.")
    frames = analyse_text("Trilateral Contact Group Meeting takes place", summary,
                          date(2021, 12, 22)).frames
    assert [(f.status, f.modality) for f in frames if f.type == "ceasefire"] == [
        ("took-effect", "happened")]


@pytest.mark.parametrize("title", [
    "Песков прокомментировал разговор Трампа с Зеленским",
    "Зеленський розкритикував розмову Трампа з Путіним",
    "Zelensky critique l'appel de Trump avec Poutine",
    "Zelenski critica la llamada de Trump con Putin",
    "زيلينسكي ينتقد اتصال ترامب مع بوتين",
    "泽连斯基批评特朗普与普京的通话",
])
def test_an_owner_after_the_noun_is_its_party(title: str) -> None:
    # In the genitive, after "de", or before the Chinese 的: the commentator is no party.
    pair = paired(title, day=date(2025, 3, 18))
    assert len(pair) == 1 and "volodymyr-zelensky+vladimir-putin" not in pair
    assert not any("peskov" in p for p in pair)


@pytest.mark.parametrize(("title", "pair"), [
    ("Путин провел телефонный разговор с Трампом", "donald-trump+vladimir-putin"),
    ("Macron a eu un entretien avec Poutine", "emmanuel-macron+vladimir-putin"),
    ("特朗普与普京通话", "donald-trump+vladimir-putin"),
])
def test_a_contact_without_an_owner_keeps_its_subject(title: str, pair: str) -> None:
    assert paired(title, day=date(2025, 3, 18)) == {pair}


def test_an_owner_needs_a_counterpart_after_with() -> None:
    # Without "with", the people after "of" are the visitors, and the host is the subject.
    assert paired("Zelensky welcomed the visit of Macron and Scholz to Kyiv",
                  day=date(2022, 6, 16)) == {"emmanuel-macron+volodymyr-zelensky",
                                             "olaf-scholz+volodymyr-zelensky"}
