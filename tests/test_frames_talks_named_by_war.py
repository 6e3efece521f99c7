"""Talks named by the one country a war is fought in are about that war, and what became of
talks said in more words and languages.

- "Sudan talks in Jeddah", "Syria talks in Geneva collapse", "Syrie : l'ONU suspend les
  pourparlers de Genève" and "Syrien-Gespräche" were no peace talks: generic talks need a
  purpose, and a war's country right before them (or as the headline's label) is one. Not a
  country of a war fought in several ("EU-Turkey talks"), nor talks said to be about
  something else ("US-Ukraine talks on minerals deal"), nor talks an ally holds "on" a war
  ("NATO talks on Ukraine").
- "Ukraine talks in Riyadh end" held a round; "ohne Ergebnis beendet", "se sont achevés
  sans", "завершились без" ended them without result ("ohne" was a negation of the talks);
  "setzen Gespräche aus" suspends them.
- "US envoy hopeful Sudan talks can restart" is a hope: "can", "hopeful" are hypothetical,
  "cannot" a negation.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.shipped_rules import fired


@pytest.mark.parametrize(("title", "day"), [
    ("Saudi Arabia and US adjourn Sudan talks in Jeddah", date(2023, 6, 1)),
    ("Syria talks in Geneva collapse", date(2016, 2, 3)),
    ("Syrie : l'ONU suspend les pourparlers de Genève jusqu'au 25 février", date(2016, 2, 3)),
    ("Sudan: USA und Saudi-Arabien setzen Gespräche in Dschidda aus", date(2023, 6, 1)),
    ("Syrien-Gespräche in Genf ohne Ergebnis beendet", date(2016, 2, 3)),
    ("Gespräche über Waffenruhe im Gazastreifen ohne Durchbruch beendet", date(2024, 2, 1)),
    ("Ukraine talks in Riyadh end", date(2025, 3, 25)),
    ("Переговоры Украины и России в Стамбуле завершились без результата", date(2025, 5, 16)),
])
def test_talks_of_a_war_and_what_became_of_them(title: str, day: date) -> None:
    assert fired(title, day) == ["peace-talks"]


@pytest.mark.parametrize(("title", "day"), [
    ("EU-Turkey talks resume", date(2019, 3, 1)),
    ("US-Ukraine talks on minerals deal resume", date(2025, 3, 25)),
    ("NATO talks on Ukraine", date(2025, 3, 25)),
    ("US envoy hopeful Sudan talks can restart in coming weeks", date(2024, 8, 1)),
    ("Sudan talks can restart, says US envoy", date(2024, 8, 1)),
    ("US envoy hopeful of restart of Sudan talks", date(2024, 8, 1)),
    ("Merkel and Macron hold talks, pledge aid for Sudan", date(2023, 6, 1)),
])
def test_no_talks_of_a_war(title: str, day: date) -> None:
    assert fired(title, day) == []


@pytest.mark.parametrize("title", ["Putin says he cannot meet Zelensky",
                                   "Putin says he can't meet Zelensky"])
def test_cannot_is_a_negation(title: str) -> None:
    frames = analyse_text(title, "", date(2025, 3, 25)).frames
    assert [(f.type, f.modality) for f in frames] == [("contact", "denied")]


def test_talks_ended_without_result_broke_down() -> None:
    frames = analyse_text("Переговоры Украины и России в Стамбуле завершились без результата",
                          "", date(2025, 5, 16)).frames
    assert [f.status for f in frames if f.type == "peace-talks"] == ["collapse"]
