"""Case aliases (#15): short forms matched only as written, capitals included ("US", not the
pronoun "us"), never in a sentence written all in capitals; and names spelled the French,
Chinese and Arabic way."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from alerts.analysis import analyse_text
from alerts.knowledge.base import knowledge_base
from alerts.knowledge.user import read_folder

DAY = date(2025, 6, 1)


@pytest.fixture(scope="module")
def kb():
    return knowledge_base(False)


def ids(kb, text: str, day: date | None = DAY) -> list[str]:
    return [m.entity.id for m in kb.text_mentions(text, day)]


@pytest.mark.parametrize(("text", "expected"), [
    ("US envoy Witkoff arrives in Moscow", ["US", "steve-witkoff", "RU"]),
    ("Iran and the US resume talks in Oman", ["IR", "US", "OM"]),
    ("US-brokered ceasefire takes effect", ["US"]),
    ("UN envoy arrives in Sanaa", ["UN", "YE"]),
    ("Der US-Sondergesandte reist nach Moskau", ["US", "RU"]),
])
def test_a_case_alias_as_written_names_its_country(kb, text, expected):
    assert ids(kb, text) == expected


@pytest.mark.parametrize("text", [
    "He told us the talks had failed",
    "Talks With Us Collapse",  # Title Case: "Us" is the pronoun
    "Il a signé un accord",  # French "un"
    "TALKS WITH US COLLAPSE",  # all capitals: "US" tells nothing
    "IRAN SAYS TALKS WITH US ARE OVER",
])
def test_the_lower_case_word_and_text_in_capitals_name_no_one(kb, text):
    assert "US" not in ids(kb, text) and "UN" not in ids(kb, text)


def test_a_headline_in_capitals_does_not_hide_the_summary_case_alias(kb):
    text = "TALKS WITH US COLLAPSE . Iran said the US had walked away."
    found = kb.text_mentions(text, DAY)
    us = next(m for m in found if m.entity.id == "US")
    # The summary's "US", not the headline's: its place in the token text.
    assert us.alias == "US" and us.start > len(" talks with us collapse ")


def test_the_analysis_carries_case_aliases_into_items_and_frames():
    a = analyse_text("Russia expels US ambassador", "", DAY)
    assert [m.entity.id for m in a.mentions] == ["RU", "US"]
    assert [(f.type, f.status, [p.entity_id for p in f.participants]) for f in a.frames] == [
        ("relations", "ambassador-expelled", ["RU", "US"])]
    pronoun = analyse_text("Russia expels ambassador who met us", "", DAY)
    assert "US" not in [m.entity.id for m in pronoun.mentions]
    assert all("US" not in {p.entity_id for p in f.participants} for f in pronoun.frames)


def write(folder, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "k.yaml").write_text(textwrap.dedent(text), "utf-8")


def test_users_case_aliases_are_used_and_checked_with_file_and_line(tmp_path):
    folder = tmp_path / "knowledge"
    write(folder, """\
        organisations:
          - code: ECOWAS-X
            name: Economic Community X
            case_aliases: ["ECO"]
        people:
          - id: jane-doe
            name: Jane Doe
            case_aliases: ["JD"]
        """)
    assert read_folder(folder).problems == []
    kb = knowledge_base(folder)
    assert ids(kb, "JD addresses the ECO summit") == ["jane-doe", "ECOWAS-X"]
    assert ids(kb, "an eco summit, jd said") == []
    bad = tmp_path / "bad"
    write(bad, """\
        organisations:
          - code: ECOWAS-X
            case_aliases: ["eco"]
        people:
          - id: jane-doe
            case_aliases: ["12"]
        """)
    found = [str(p) for p in read_folder(bad).problems]
    assert found == [
        f"{bad / 'k.yaml'}:3: case_aliases: 'eco' has no capital letter, so case does not set "
        "it apart; put it under 'aliases' (or write it as it is printed, e.g. \"US\")",
        f"{bad / 'k.yaml'}:6: case_aliases: '12' has no letters; a case alias is a name as it "
        "is printed, e.g. \"US\""]


def test_shipped_case_aliases_all_have_a_capital():
    from alerts.knowledge.base import _load, shipped_people
    from alerts.knowledge.user import case_alias_problem

    specs = shipped_people() + _load("countries.yaml") + _load("countries-generated.yaml")
    aliases = [a for spec in specs for a in spec.get("case_aliases") or []]
    assert "US" in aliases and "UN" in aliases
    assert [a for a in aliases if case_alias_problem(a)] == []


@pytest.mark.parametrize("text", [
    "Aliev et Pachinian signent un accord de paix",
    "阿利耶夫与帕希尼扬通电话",
    "علييف يلتقي باشينيان في واشنطن",
    "Alijew und Paschinjan unterzeichnen",
])
def test_aliyev_and_pashinyan_in_french_chinese_arabic_and_german(kb, text):
    assert ids(kb, text)[:2] == ["ilham-aliyev", "nikol-pashinyan"]


def test_a_case_alias_glued_to_a_word_by_folding_names_no_one(kb):
    # "e" + a combining accent, then "US": folding drops the accent and joins "eus" into one
    # word, so the written "US" has no word of its own in the token text.
    assert ids(kb, "Cafe\u0301US envoy opens") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("AU envoy arrives in CAR", ["AFRICAN-UNION", "CF"]),
    ("Nigerian troops set off on AU peace mission", ["NG", "AFRICAN-UNION"]),
    ("Russia recognises DPR and LPR", ["RU", "DPR", "LPR"]),
    ("L'UA envoie des troupes; the AU-led force", ["AFRICAN-UNION"]),
])
def test_au_car_dpr_and_lpr_as_written(kb, text, expected):
    assert ids(kb, text, date(2022, 2, 21)) == expected


@pytest.mark.parametrize("text", [
    "Patients infused with CAR-T cells",  # a hyphen and one capital: a longer code
    "He paid AU$300 for it",  # a currency
    "PORT-AU-PRINCE, Haiti Oct. 2, 2004 - Supporters of Aristide marched",  # a dateline
    "Il est allé au marché; a car bomb",  # the lower-case words
])
def test_a_case_alias_inside_a_longer_code_or_in_lower_case_names_no_one(kb, text):
    assert not {"AFRICAN-UNION", "CF"} & set(ids(kb, text))


def test_a_case_alias_beside_another_code_by_a_hyphen_still_counts(kb):
    assert ids(kb, "US-China talks; EU-US trade deal") == ["US", "CN", "EU"]


@pytest.mark.parametrize(("text", "expected"), [
    # capitalised inside the sentence: Mali (and its president, titles.py)
    ("Президент Малі зустрівся з послом", ["assimi-goita", "ML"]),
    ("Посол прибув до Малі.", ["ML"]),
    ("Переговоры в Мали завершились", ["ML"]),
    ("Делегация Того прибыла в Москву", ["TG", "RU"]),
    ("Малі країни підписали угоду", []),  # "small": the sentence's first word
    ("Він сказав: «Малі кроки важливі»", []),  # first word of a quotation
    ("Вони мали намір приїхати", []),  # "had": lower case
    ("Того же дня посол уехал", []),  # "of that"
    ("Того же дня посол уехал. Потом в Мали начались переговоры", ["ML"]),
])
def test_a_proper_alias_names_its_country_only_inside_a_sentence(kb, text, expected):
    assert ids(kb, text) == expected


def test_a_proper_alias_in_a_title_case_sentence_names_no_one(kb):
    from alerts.knowledge.base import starts_a_sentence

    text = "Дипломати Обговорили Малі Питання Сьогодні"
    assert starts_a_sentence(text, text.index("Малі"))
    assert "ML" not in ids(kb, text)


def test_users_proper_aliases_are_used_and_checked(tmp_path):
    folder = tmp_path / "knowledge"
    write(folder, """\
        countries:
          - code: XL
            name: Xland
            proper_aliases: ["Small"]
        """)
    assert read_folder(folder).problems == []
    kb = knowledge_base(folder)
    assert ids(kb, "Talks in Small ended") == ["XL"]
    assert ids(kb, "Small talks ended") == []
    bad = tmp_path / "bad"
    write(bad, """\
        countries:
          - code: XL
            proper_aliases: ["small"]
        """)
    assert [str(p) for p in read_folder(bad).problems] == [
        f"{bad / 'k.yaml'}:3: proper_aliases: 'small' has no capital letter, so case does not "
        "set it apart; put it under 'aliases' (or write it as it is printed, e.g. \"US\")"]
