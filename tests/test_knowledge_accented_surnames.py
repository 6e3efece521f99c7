"""A surname the knowledge base lists without its accents is read as the name writes it, and
a few contact forms a blind probe missed.

"Sánchez meets Zelensky in Madrid" named no Sánchez: Wikidata's people list "Sanchez" as
Pedro Sánchez's ambiguous surname, and an ambiguous surname is matched as written (480 such
surnames: "Martínez", "Löger", "Miró"). It is now also read with the accents of the
person's name. Also: "Trump and Kim shake hands", German "hat dort ... getroffen" and
"... zusammengekommen" are meetings held.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge.base import _with_accents
from tests.contact_frames import paired


def test_an_accented_surname_is_read_as_written() -> None:
    assert paired("Sánchez meets Zelensky in Madrid", day=date(2024, 5, 27)) \
        == {"pedro-sanchez+volodymyr-zelensky"}
    assert paired("Sánchez se reúne con Zelenski en Madrid", day=date(2024, 5, 27)) \
        == {"pedro-sanchez+volodymyr-zelensky"}


def test_the_accented_form_is_added_once_and_only_when_it_folds_to_the_alias() -> None:
    assert _with_accents(["Sanchez"], "Pedro Sánchez") == ["Sanchez", "Sánchez"]
    assert _with_accents(["Sanchez"], "Pedro Sanchez") == ["Sanchez"]
    assert _with_accents(["Marti"], "Antoni Martí Petit") == ["Marti", "Martí"]


@pytest.mark.parametrize(("title", "day", "pair"), [
    ("Trump and Kim shake hands in Singapore", date(2018, 6, 12), "donald-trump+kim-jong-un"),
    ("Bundeskanzler Olaf Scholz ist nach Kiew gereist und hat dort Präsident Wolodymyr "
     "Selenskyj getroffen", date(2024, 12, 2), "olaf-scholz+volodymyr-zelensky"),
    ("Obama ist am Abend mit Bundeskanzlerin Angela Merkel zu einem Abendessen "
     "zusammengekommen", date(2016, 11, 16), "angela-merkel+barack-obama"),
])
def test_contact_forms(title: str, day: date, pair: str) -> None:
    assert pair in paired(title, day=day)
