"""Surnames declined in running text (issue #15, contrast case uk-04)."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge import knowledge_base
from alerts.knowledge.base import cyrillic_case_forms
from alerts.knowledge.phrases import token_text

DAY = date(2022, 2, 27)


def people(text: str) -> list[str]:
    return [m.entity.id for m in knowledge_base().mentions(token_text(text), DAY)
            if m.entity.kind == "person"]


@pytest.mark.parametrize("text", [
    "Зеленський провів телефонну розмову з Лукашенком",   # instrumental
    "Зеленський заявив, що відповідь Лукашенка не влаштовує",  # genitive
    "Зеленський зателефонував Лукашенкові",  # dative
    "Зеленський передав Лукашенку вимогу",  # dative (short)
])
def test_a_ukrainian_surname_in_enko_is_found_in_every_case(text: str):
    assert people(text) == ["volodymyr-zelensky", "alexander-lukashenko"]


def test_ukrainian_surnames_in_enko_keep_their_own_endings():
    assert cyrillic_case_forms("Лукашенко") == ["Лукашенка", "Лукашенкові", "Лукашенку",
                                                 "Лукашенком"]
    assert cyrillic_case_forms("Lukashenko") == []


@pytest.mark.parametrize(("text", "day", "who", "written"), [
    # Russian instrumental after "с", the first name declined too or left as written
    ("Путин провёл переговоры с Президентом ЮАР Сирилом Рамафосой", date(2024, 10, 22),
     "cyril-ramaphosa", "Сирилом Рамафосой"),
    ("Телефонный разговор с Президентом Таджикистана Эмомали Рахмоном", date(2024, 10, 5),
     "emomali-rahmon", "Эмомали Рахмоном"),
    # a Chinese name in -ин is declined as a noun, not as a Russian surname in -ин
    ("Путин встретился с Си Цзиньпином", date(2024, 5, 16), "xi-jinping", "Си Цзиньпином"),
    # genitive of a name in -а; Ukrainian dative in -ові
    ("Визит Сирила Рамафосы в Москву", date(2024, 10, 22), "cyril-ramaphosa",
     "Сирила Рамафосы"),
    ("Зеленський подякував Емомалі Рахмонові", date(2024, 10, 5), "emomali-rahmon",
     "Емомалі Рахмонові"),
])
def test_a_cyrillic_name_is_found_in_its_oblique_cases_as_written(
        text: str, day: date, who: str, written: str):
    found = [(m.entity.id, m.alias) for m in knowledge_base().mentions(token_text(text), day)
             if m.entity.kind == "person"]
    assert (who, written) in found


def test_every_word_of_a_name_takes_one_case():
    forms = cyrillic_case_forms("Сирил Рамафоса")
    assert "Сирилом Рамафосой" in forms and "Сирил Рамафосой" in forms
    assert "Сирилом Рамафосы" not in forms  # instrumental and genitive do not mix
    assert "Сирилом Рамафоса" not in forms  # the surname declines when the name does
    assert all(f.startswith("Си ") for f in cyrillic_case_forms("Си Цзиньпин"))
    # a foreign name in -ин is declined as a noun too ("Си Цзиньпином", not only "-иным")
    assert "Си Цзиньпином" in cyrillic_case_forms("Си Цзиньпин")
    # short words decline too: "с Ким Чен Ыном"
    assert "Ким Чен Ыном" in cyrillic_case_forms("Ким Чен Ын")
