"""The verb forms wire copy uses most in two languages, which the lexicon lacked: Spanish
leads tell the news in the compound past ("Ecuador ha roto relaciones diplomáticas con
México", "la ONU ha pedido un alto el fuego"), and a Russian subject of one state takes the
masculine past ("Эквадор разорвал дипломатические отношения") or, for two, the present
("Иран и Египет восстанавливают отношения"). None had raised anything.

Written for these tests in the constructions of EFE, Europa Press, TASS and RIA leads, each
beside its negation or plan, which must stay silent.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2025, 7, 1)


@pytest.mark.parametrize(("title", "rule"), [
    ("Ecuador ha roto relaciones diplomáticas con México", "diplomatic-relations"),
    ("El secretario general de la ONU ha pedido un alto el fuego inmediato en Gaza",
     "ceasefire-call"),
    ("Putin ha declarado una tregua de tres días", "ceasefire-agreed"),
    ("Colombia y el ELN han reanudado las negociaciones de paz", "peace-talks"),
    ("Argentina ha expulsado a tres diplomáticos venezolanos", "diplomatic-relations"),
    ("Israel ha retirado a su embajadora en Madrid", "diplomatic-relations"),
    ("Arabia Saudí e Irán han restablecido relaciones diplomáticas", "diplomatic-relations"),
    ("Estados Unidos ha cerrado su embajada en Kabul", "diplomatic-relations"),
    ("Эквадор разорвал дипломатические отношения с Мексикой", "diplomatic-relations"),
    ("Египет восстановил дипломатические отношения с Ираном", "diplomatic-relations"),
    ("Китай установил дипломатические отношения с Гондурасом", "diplomatic-relations"),
    ("Грузия прервала дипломатические отношения с Россией", "diplomatic-relations"),
    ("Иран и Египет восстанавливают дипломатические отношения", "diplomatic-relations"),
])
def test_the_form_is_read(title: str, rule: str) -> None:
    assert rule in fired(title, DAY)


@pytest.mark.parametrize("title", [
    "Ecuador no ha roto relaciones diplomáticas con México",
    "Israel niega que haya roto relaciones con España",
    "Эквадор не разорвал дипломатические отношения с Мексикой",
    "Эквадор может разорвать дипломатические отношения с Мексикой",
])
def test_its_negation_or_plan_is_not(title: str) -> None:
    assert "diplomatic-relations" not in fired(title, DAY)
