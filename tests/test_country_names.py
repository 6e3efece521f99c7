"""The generated country names (tests/tools/country_names.py, from CLDR): case forms of
Russian and Ukrainian names, names left out as ambiguous, and the shipped knowledge reading
the names, the UN's organs and defence ministers that real reports misread before."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge.base import knowledge_base
from alerts.knowledge.phrases import token_text


@pytest.fixture(scope="module")
def kb():
    return knowledge_base(False)


def ids(kb, text: str, day: date = date(2023, 6, 1)) -> list[str]:
    return [m.entity.id for m in kb.mentions(token_text(text), day)]


def test_slavic_names_get_their_case_forms():
    from tests.tools.country_names import case_forms

    assert case_forms("Нигер", "ru") == ["Нигер", "Нигера", "Нигеру", "Нигером", "Нигере"]
    assert "Кении" in case_forms("Кения", "ru") and "Кенією" in case_forms("Кенія", "uk")
    assert "Новой Зеландии" in case_forms("Новая Зеландия", "ru")
    assert "Ямайці" in case_forms("Ямайка", "uk")  # к -> ц before -і
    assert case_forms("Перу", "ru") == ["Перу"]  # indeclinable


def test_ambiguous_names_are_left_out():
    pytest.importorskip("babel")
    from tests.tools.country_names import territory_names

    assert "ru" not in territory_names("TG")  # Того is "of that"
    assert "de" not in territory_names("IS")  # Island is an English word
    assert "fr" not in territory_names("MU")  # Maurice is a first name


@pytest.mark.parametrize("text, code", [
    ("Нігер розірвав дипломатичні відносини з Україною", "NE"),
    ("Посол Нигера вызван в МИД", "NE"),
    ("Alger expulse douze agents de l'ambassade", "DZ"),
    ("les diplomates algériens", "DZ"),
    ("Argelia llama a consultas a su embajador", "DZ"),
    ("The UN Security Council called for a ceasefire", "UN"),
    ("Совбез ООН", "UN"),
    ("联合国安理会通过决议", "UN"),
])
def test_states_and_the_un_are_named_in_every_language(kb, text, code):
    assert code in ids(kb, text)


def test_of_that_is_not_togo(kb):
    assert "TG" not in ids(kb, "Кроме того, министр отметил")


def test_defence_ministers_are_known_with_their_tenure(kb):
    assert "lloyd-austin" in ids(kb, "Lloyd Austin spoke with Sergei Shoigu")
    assert kb.holder("defence-minister", "US", date(2023, 6, 1)).id == "lloyd-austin"
    assert kb.holder("defence-minister", "US", date(2025, 3, 1)).id == "pete-hegseth"
    assert kb.holder("defence-minister", "RU", date(2025, 3, 1)).id == "andrey-belousov"
    assert "lloyd-austin" in ids(kb, "US Defense Secretary said on Friday")


def test_a_leader_is_described_by_the_seat_not_a_defence_portfolio(kb):
    mbs = kb.resolve("Mohammed bin Salman")
    assert "Crown Prince" in mbs.describe(date(2020, 1, 1))
    # a minister who became president: the stale open-ended defence statement ends
    assert kb.holder("defence-minister", "ID", date(2023, 1, 1)).id == "prabowo-subianto"
    assert kb.resolve("Prabowo Subianto").describe(date(2025, 1, 1)).endswith("of Indonesia")
    assert "Defence" not in kb.resolve("Prabowo Subianto").describe(date(2025, 1, 1))


@pytest.mark.parametrize("text, day, person", [
    ("Le ministre israélien de la Défense a annoncé", date(2024, 1, 5), "yoav-gallant"),
    ("министр обороны России провел совещание", date(2025, 1, 5), "andrey-belousov"),
    ("міністр оборони України заявив", date(2024, 1, 1), "rustem-umerov"),
    ("美国防长表示", date(2022, 6, 1), "lloyd-austin"),
    ("глава Пентагона", date(2025, 6, 1), "pete-hegseth"),
])
def test_defence_minister_offices_resolve_in_every_language(kb, text, day, person):
    assert person in ids(kb, text, day)


def test_a_chinese_short_name_that_starts_other_words_is_not_used(kb):
    # 以防 is "so as to prevent": 以防长期 is not Israel's defence minister
    assert ids(kb, "以防长期冲突", date(2024, 1, 5)) == []
