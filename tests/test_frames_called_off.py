"""A contact called off, put off or waited for did not happen; a second clause has its own
subject.

- "Trump-Putin summit called off", "Biden-Xi meeting postponed", "Встреча Путина и Трампа
  отменена" had been meetings that happened: a cancellation after its noun was not read (a
  plain negation after a noun is as often another verb's, so none was). Cancelling and
  putting off are now cues of their own (`cancellation`), read before the noun as a
  negation was and also after it.
- "Trump waits for Putin call": waiting for a contact is not having it ("long-awaited call"
  still is one).
- "Zelensky visits front line as Putin meets Lukashenko" had paired Zelensky with
  Lukashenko: a clause opened by a subordinating conjunction, with a subject of its own,
  keeps to it.

Headlines written for these tests in the constructions of wire copy; the cancellations in
five languages.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.contact_frames import paired

DAY = date(2025, 10, 23)


def modalities(title: str) -> list[str]:
    return [f.modality for f in analyse_text(title, "", DAY).frames
            if f.type == "contact" and f.pairs]


@pytest.mark.parametrize("title", [
    "Trump-Putin summit called off",
    "Biden-Xi meeting postponed",
    "Budapest summit between Trump and Putin shelved",
    "Trump and Putin summit on hold",
    "Trump cancels summit with Putin",
    "The cancelled summit between Trump and Putin",
    "La rencontre entre Macron et Poutine annulée",
    "Treffen zwischen Scholz und Putin abgesagt",
    "Встреча Путина и Трампа отменена",
    "特朗普与普京的会晤被推迟",
])
def test_a_contact_called_off_did_not_happen(title: str) -> None:
    found = modalities(title)
    assert found and all(m == "denied" for m in found)


@pytest.mark.parametrize("title", [
    "Trump waits for Putin call",
    "Zelensky still waiting for a meeting with Putin",
])
def test_a_contact_waited_for_did_not_happen(title: str) -> None:
    found = modalities(title)
    assert found and "happened" not in found


@pytest.mark.parametrize("title", [
    "Trump, Xi hold long-awaited call",
    "Trump-Putin summit goes ahead in Alaska",
    "Putin and Trump meet after summit was postponed twice",
])
def test_a_contact_held_still_happened(title: str) -> None:
    assert "happened" in modalities(title)


def test_a_second_clause_keeps_its_own_subject() -> None:
    assert paired("Zelensky visits front line as Putin meets Lukashenko in Minsk") == {
        "alexander-lukashenko+vladimir-putin"}


def test_a_clause_without_a_subject_keeps_the_first() -> None:
    assert "donald-trump+volodymyr-zelensky" in paired(
        "Zelensky, as he met Trump at the White House, asked for Tomahawks")


def test_a_relative_clause_leaves_the_call_to_the_main_one() -> None:
    # Reuters via CNN, 5 May 2022: Putin apologised in the call; Lavrov made the comments.
    summary = ("Russian President Vladimir Putin apologized for comments that his Foreign "
               "Minister Sergei Lavrov made about Hitler and Jews earlier this week in a phone "
               "call with Israeli Prime Minister Naftali Bennett, according to a statement "
               "from Bennett's office.")
    assert "naftali-bennett+vladimir-putin" in paired(
        "Putin apologized over FM's Hitler comments, Israel says", summary, date(2022, 5, 5))
