"""What the blind set of 8 Dec 2026 probe103 (items whose headline says one thing and whose
lead qualifies it or reports the news, 64 items in eight languages written by a helper who saw
neither the code nor the tests) found, each as the mechanism or the words behind it:

- a short quotation with no event word inside a phrase is the writer's aside and puts no
  distance between an act and its event: "a appelé à l'établissement « dans les meilleurs
  délais » d'un cessez-le-feu" calls for the truce;
- an ambassador's withdrawal as a noun governed by a verb of announcing is the recall:
  "a annoncé le retrait de son ambassadeur", "announced the withdrawal of its ambassador";
- relations restored as a noun that a verb of agreeing governs through the preposition of
  what is agreed are restored: "agreed on the restoration of diplomatic relations",
  "договорились о восстановлении", "اتفقت السعودية وإيران على استئناف العلاقات" (the
  subject between, as Arabic writes it).

The texts are written for these tests, not copied from the set."""

from __future__ import annotations

from datetime import date

import pytest

from tests.event_frames import statuses

DAY = date(2024, 7, 30)


@pytest.mark.parametrize("summary", [
    "Emmanuel Macron a appelé à l'établissement « dans les meilleurs délais » d'un "
    "cessez-le-feu en Ukraine.",
    "Le président a appelé à l'instauration « sans délai » d'une trêve à Gaza.",
    "Macron called for the establishment “at the earliest date” of a ceasefire in Ukraine.",
])
def test_a_quoted_aside_puts_no_distance_between_a_call_and_its_truce(summary: str) -> None:
    assert ("called-for", "happened") in statuses("ceasefire", "Élysée", summary, DAY)


def test_an_aside_is_only_a_quotation_without_event_words() -> None:
    # the same words unquoted are the phrase's own: too far for the call to reach
    assert ("called-for", "happened") not in statuses(
        "ceasefire", "Élysée", "Emmanuel Macron a appelé à l'établissement dans les "
        "meilleurs délais et dans le respect du droit international d'un cessez-le-feu.", DAY)


@pytest.mark.parametrize("summary", [
    "L'Algérie a annoncé mardi le retrait « avec effet immédiat » de son ambassadeur en "
    "France.",
    "L'Algérie a annoncé mardi le retrait de son ambassadeur en France.",
    "Algeria announced on Tuesday the withdrawal of its ambassador to France.",
    "Argelia anunció el retiro de su embajador en Francia.",
])
def test_the_withdrawal_of_an_ambassador_announced_is_a_recall(summary: str) -> None:
    assert ("ambassador-recalled", "happened") in statuses("relations", "Alger", summary, DAY)


def test_a_withdrawal_with_no_verb_is_the_backdrop() -> None:
    from alerts.analysis import analyse_text

    frames = analyse_text("Alger", "Tensions have grown since the withdrawal of Algeria's "
                          "ambassador to France last year.", DAY).frames
    recalled = [f for f in frames if f.status == "ambassador-recalled"]
    assert recalled and all("backdrop" in f.flags for f in recalled)


@pytest.mark.parametrize("summary", [
    "Saudi Arabia and Iran agreed on the restoration of diplomatic relations.",
    "Saudi Arabia and Iran agreed on the resumption of diplomatic relations.",
    "L'Arabie saoudite et l'Iran sont convenus du rétablissement des relations diplomatiques.",
    "Саудовская Аравия и Иран договорились о восстановлении дипломатических отношений.",
    "Saudi-Arabien und Iran einigten sich auf die Wiederaufnahme diplomatischer Beziehungen.",
    "اتفقت المملكة العربية السعودية وجمهورية إيران الإسلامية على استئناف العلاقات "
    "الدبلوماسية بينهما",
])
def test_relations_agreed_on_as_a_noun_are_restored(summary: str) -> None:
    from alerts.analysis import analyse_text

    frames = [f for f in analyse_text("Beijing", summary, date(2023, 3, 10)).frames
              if f.status == "restored"]
    assert frames and all("backdrop" not in f.flags and f.modality == "happened"
                          for f in frames), summary


def test_restoration_only_discussed_is_not_agreed() -> None:
    from alerts.analysis import analyse_text

    frames = analyse_text("Talks", "The two ministers discussed the restoration of diplomatic "
                          "relations.", date(2023, 3, 10)).frames
    assert not any(f.status == "restored" and f.modality == "happened"
                   and "backdrop" not in f.flags for f in frames)
