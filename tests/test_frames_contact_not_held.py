"""Contacts a blind probe read as held that were not.

- "he intended to speak with Vladimir Putin by telephone soon": the call after "by" (its
  means) had a frame of its own, held; it now takes the modality of the verb it says the
  means of ("spoke with Putin by telephone" stays held). "intended" is a hope.
- "习近平会见美国前国务卿基辛格" (Xi meets former US secretary of state Kissinger) was Xi
  meeting Blinken: "前" (former) right before an office names someone who no longer holds it.
- "Sunak pulls out of meeting with Mitsotakis" called it off; "dismissed as untrue a report
  that Trump had spoken with Putin" denies the call; "Hace una década" (and a decade or ten
  years ago in French and German) is a retrospective.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.contact_frames import held


@pytest.mark.parametrize(("title", "summary", "day"), [
    ("Macron to call Putin", "French President Emmanuel Macron said on Friday he intended to "
     "speak with Vladimir Putin by telephone soon.", date(2025, 6, 20)),
    ("Macron to call Putin", "Macron said he intended to speak with Putin by video call "
     "soon.", date(2025, 6, 20)),
    ("Macron intended a meeting with Putin in June", "", date(2025, 6, 20)),
    ("习近平会见美国前国务卿基辛格", "", date(2023, 7, 20)),
    ("Sunak pulls out of meeting with Mitsotakis", "", date(2023, 11, 28)),
    ("Kremlin denies report", "The Kremlin dismissed as untrue a report that Trump had "
     "spoken with Putin.", date(2024, 10, 9)),
    ("Diez años del apretón de manos", "Hace una década, la Cumbre de las Américas fue "
     "escenario del primer encuentro formal entre los presidentes de Estados Unidos y Cuba.",
     date(2025, 4, 11)),
])
def test_not_held(title: str, summary: str, day: date) -> None:
    assert held(title, summary, day) == set()


@pytest.mark.parametrize(("title", "day", "pair"), [
    ("Macron spoke with Putin by telephone", date(2025, 6, 20),
     "emmanuel-macron+vladimir-putin"),
    ("习近平会见美国国务卿布林肯", date(2023, 6, 19), "antony-blinken+xi-jinping"),
])
def test_held(title: str, day: date, pair: str) -> None:
    assert held(title, "", day) == {pair}
