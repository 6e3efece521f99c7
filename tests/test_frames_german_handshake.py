"""A German handshake is a meeting, as the English "shook hands" is (probe113)."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text


@pytest.mark.parametrize("lead", [
    "Kim Jong Un hat im Grenzort Panmunjom Südkoreas Präsidenten Moon Jae In die Hand "
    "geschüttelt.",
    "Kim Jong Un und Moon Jae In schüttelten sich die Hände.",
])
def test_a_handshake_is_a_meeting(lead: str) -> None:
    met = {frozenset((a.name, b.name)) for f in analyse_text("Panmunjom", lead,
                                                             date(2018, 4, 27)).frames
           if f.type == "contact" and f.status == "meeting" and f.modality == "happened"
           for a, b in f.pairs}
    assert frozenset(("Kim Jong Un", "Moon Jae-in")) in met
