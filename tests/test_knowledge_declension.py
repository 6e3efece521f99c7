"""Surnames declined in running text (issue #15, contrast case uk-04)."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge import knowledge_base
from alerts.knowledge.base import ukrainian_case_forms
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


def test_only_one_word_surnames_in_enko_are_declined():
    assert ukrainian_case_forms("Лукашенко") == ["Лукашенка", "Лукашенку", "Лукашенком",
                                                  "Лукашенкові"]
    assert ukrainian_case_forms("Олександр Лукашенко") == []  # the first name declines too
    assert ukrainian_case_forms("Пашинян") == []
    assert ukrainian_case_forms("Lukashenko") == []
