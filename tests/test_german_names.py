"""The German spellings the knowledge base's generator derives for leaders of the former
Soviet Union (tests/tools/german_names.py), as German outlets write them."""

from __future__ import annotations

from datetime import date

import pytest

from tests.contact_frames import held
from tests.tools.german_names import german_form


@pytest.mark.parametrize(("english", "german"), [
    ("Shavkat Mirziyoyev", "Schawkat Mirsijojew"),
    ("Serdar Berdimuhamedov", "Serdar Berdimuhamedow"),
    ("Sergey Lavrov", "Sergej Lawrow"),
    ("Viktor Yanukovych", "Wiktor Janukowytsch"),
    ("Irakli Kobakhidze", "Irakli Kobachidse"),
    ("Yulia Tymoshenko", "Julia Tymoschenko"),
    ("Oleksiy Honcharuk", "Oleksij Hontscharuk"),
    ("Ara Ayvazyan", "Ara Ajwasjan"),
    ("Zurab Zhvania", "Surab Schwania"),
    ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokajew"),
    ("Maia Sandu", "Maia Sandu"),
])
def test_german_form(english: str, german: str) -> None:
    assert german_form(english) == german


@pytest.mark.parametrize(("summary", "day", "pairs"), [
    ("Usbekistans Präsident Schawkat Mirsijojew ist am Dienstag in Aschgabat mit dem "
     "turkmenischen Staatschef Serdar Berdimuhamedow zusammengetroffen.", date(2023, 3, 14),
     {"serdar-berdimuhamedov+shavkat-mirziyoyev"}),
    ("Der armenische Außenminister Ararat Mirsojan hat am Montag in Berlin Außenministerin "
     "Annalena Baerbock getroffen.", date(2023, 11, 6),
     {"annalena-baerbock+ararat-mirzoyan"}),
])
def test_german_names_in_the_news(summary: str, day: date, pairs: set[str]) -> None:
    assert held("Treffen", summary, day) == pairs
