"""What a text's event frames say, for the frame tests of the blind sets."""

from __future__ import annotations

from datetime import date

from alerts.analysis import analyse_text


def statuses(event_type: str, title: str, summary: str, day: date) -> list[tuple[str, str]]:
    """(status, modality) of the frames of `event_type` with a status in the headline and
    the first sentence."""
    return [(f.status, f.modality) for f in analyse_text(title, summary, day).frames
            if f.type == event_type and f.sentence <= 1 and f.status]
