"""A deal whose stated purpose is ending a war is a peace accord (issue #15, blind set failure
class 7): "US and Taliban sign deal to end 18-year war", "Abkommen zur Beendigung des
Krieges", "acuerdo para poner fin a la guerra", "соглашение об окончании войны". The deal's
noun is followed at once by a purpose of ending (frames.yaml purpose_end), read as a grammar;
a deal to end a strike, tariffs or a trade war is none.

The texts are written for these tests, in every shipped language they apply to, and run
through the shipped lexicon and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2020, 2, 29)


def accords(title: str) -> list[str]:
    """The status of every peace-talks frame that happened and is no metaphor."""
    return [f.status for f in analyse_text(title, "", DAY).frames
            if f.type == "peace-talks" and f.status and f.modality == "happened"
            and "metaphor" not in f.flags]


@pytest.mark.parametrize("title", [
    "US and Taliban sign deal to end 18-year war",
    "Government and rebels sign agreement on ending the civil war",
    "Les États-Unis et les talibans signent un accord pour mettre fin à la guerre",
    "USA und Taliban unterzeichnen Abkommen zur Beendigung des Krieges",
    "EE.UU. y los talibanes firman un acuerdo para poner fin a la guerra",
    "США и талибы подписали соглашение об окончании войны",
    "США і таліби підписали угоду про закінчення війни",
    "الولايات المتحدة وطالبان توقعان اتفاقا لإنهاء الحرب",
])
def test_a_deal_to_end_a_war_is_a_peace_accord(title):
    assert "concluded" in accords(title), title


@pytest.mark.parametrize("title", [
    "Unions and employers sign deal to end the strike",
    "US and China sign deal to end the trade war",
    "US and Taliban sign deal on prisoner releases",
])
def test_a_deal_to_end_something_else_is_none(title):
    assert not accords(title), title
