"""A reading the blind set probe113 found wrong: a call whose subject is named again in its
clause (only the first naming of each person is a mention)."""

from __future__ import annotations

from datetime import date

from alerts.analysis import analyse_text


def test_a_call_whose_subject_is_named_again_happened() -> None:
    lead = ("Prime Minister Narendra Modi met Mark Carney on Tuesday, less than two weeks after "
            "Carney telephoned Modi to invite him to the summit.")
    calls = [f for f in analyse_text("Modi meets Carney", lead, date(2025, 6, 17)).frames
             if f.type == "contact" and f.status == "call" and f.sentence == 1]
    assert calls and all(f.modality == "happened" for f in calls)
