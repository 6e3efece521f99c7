"""Who says a contact happened is no party to it: "Zelensky says Trump and Putin spoke for
the first time since 2022" had paired Zelensky with both and raised "first contact after a
long gap" for Zelensky and Trump. The contact verb's own subject, right before it after the
verb of saying, is its subject.

The first three headlines are written for these tests; the last two are real (WSJ World News
2025 and BBC 2022 in the shared corpus), whose pairs must stay.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.contact_frames import paired


@pytest.mark.parametrize(("title", "pair"), [
    ("Zelensky says Trump spoke with Putin", "donald-trump+vladimir-putin"),
    ("Kremlin says Trump spoke with Zelensky", "donald-trump+volodymyr-zelensky"),
    ("Zelensky says Trump and Putin spoke for the first time since 2022",
     "donald-trump+vladimir-putin"),
])
def test_the_speaker_is_no_party(title: str, pair: str) -> None:
    assert paired(title) == {pair}


def test_the_first_contact_is_the_pair_that_spoke_not_the_speaker() -> None:
    from datetime import UTC, datetime

    from alerts.models import Item
    from alerts.rules.history import HistoryView
    from tests.shipped_rules import shipped

    day = datetime(2025, 7, 1, tzinfo=UTC)
    item = Item("http://example.test/feed", "test", "k", None, None,
                "Zelensky says Trump and Putin spoke for the first time since 2022", "", day)
    found = [m for m in shipped().match(item, now=day, history=HistoryView(), record=False)
             if m.rule_id == "first-contact-after-gap"]
    assert found and "Trump" in found[0].explanation
    assert "Volodymyr Zelensky" not in found[0].explanation


@pytest.mark.parametrize(("title", "day", "pair"), [
    ("Trump Says He Made No Progress With Putin on Ukraine in Call", date(2025, 7, 3),
     "donald-trump+vladimir-putin"),
    ("Macron, Scholz and Draghi make unannounced visit to Ukraine", date(2022, 6, 16),
     "emmanuel-macron+olaf-scholz"),
])
def test_a_speaker_who_is_the_subject_keeps_the_pair(title: str, day: date, pair: str) -> None:
    assert pair in paired(title, day=day)


def test_both_sides_of_a_reported_meeting_noun() -> None:
    from alerts.analysis import analyse_text

    # Two names before the noun: the meeting is theirs, not the speaker's.
    frames = analyse_text("Lavrov says no Putin-Zelensky meeting is planned", "",
                          date(2025, 7, 1)).frames
    denied = [f for f in frames if f.type == "contact" and f.modality == "denied"]
    assert denied and all({p.entity_id for pair in f.pairs for p in pair}
                          == {"vladimir-putin", "volodymyr-zelensky"} for f in denied)
    # One name before it: the speaker's own meeting with them (WSJ, 13 June 2025).
    frames = analyse_text(
        "Carney Says Trump Meeting at G-7 Summit to Determine Fate of US-Canada Tariff Deal",
        "", date(2025, 6, 13)).frames
    meetings = [f for f in frames if f.type == "contact" and f.status == "meeting"]
    assert meetings and all({p.entity_id for pair in f.pairs for p in pair}
                            == {"mark-carney", "donald-trump"} for f in meetings)
