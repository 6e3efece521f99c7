"""A hedge right before a truce makes it a figure, no truce agreed: "a kind of truce", "eine
Art Waffenstillstand" (the blind set of peace talks probe84: "Juncker und Trump verkünden
Waffenstillstand im Handelsstreit ... eine Art Waffenstillstand ausgerufen"); and "Zoll-
konflikt" names a dispute of commerce. The texts are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2018, 7, 26)


def truce_flags(summary: str) -> list[set[str]]:
    return [set(f.flags) for f in analyse_text("Einigung", summary, DAY).frames
            if f.type == "ceasefire" and f.sentence == 1]


@pytest.mark.parametrize("summary", [
    "The EU and the United States agreed a kind of truce on Wednesday.",
    "The EU and the United States reached a sort of truce on Wednesday.",
    "L'UE et les États-Unis ont conclu une sorte de trêve mercredi.",
    "L'UE et les États-Unis ont conclu une espèce de trêve mercredi.",
    "Die EU und die USA haben am Mittwoch eine Art Waffenstillstand ausgerufen.",
    "La UE y Estados Unidos acordaron el miércoles una especie de tregua.",
    "La UE y Estados Unidos acordaron el miércoles una suerte de tregua.",
    "ЕС и США в среду заключили своего рода перемирие.",
    "ЄС і США в середу уклали свого роду перемир'я.",
    "ЄС і США в середу уклали своєрідне перемир'я.",
    "Im Zollkonflikt zwischen der EU und den USA haben beide Seiten am Mittwoch einen "
    "Waffenstillstand ausgerufen.",
])
def test_a_hedged_truce_is_a_figure(summary: str) -> None:
    flags = truce_flags(summary)
    assert flags and all("metaphor" in f for f in flags), (summary, flags)


def test_a_plain_truce_is_none() -> None:
    flags = truce_flags("Die Konfliktparteien haben am Mittwoch einen Waffenstillstand "
                        "ausgerufen.")
    assert flags and not any("metaphor" in f for f in flags)
