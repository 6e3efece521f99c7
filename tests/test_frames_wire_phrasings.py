"""Wire phrasings a fresh probe of the shipped rules missed or misread (445 headlines in
eight languages, written apart from the earlier probes).

- Both sides of a conflict accepting a truce have agreed it: "Sudan's warring parties
  accept seven-day ceasefire", "苏丹冲突双方同意停火七天", "الأطراف اليمنية توافق على هدنة".
  One side accepting still is not ("Hamas accepts ceasefire proposal").
- Chinese "期间", "以来", "之后" follow the noun they make background ("停火期间", during
  the ceasefire): "安理会要求加沙在斋月期间立即停火" (during Ramadan) is a call.
- "WHO chief pleads for ceasefire" was analysis: the acronym was read as the question
  "who".
- "working towards a ceasefire agreement" is no agreement; nor is "تقتربان من اتفاق هدنة"
  (the two are nearing a truce deal: the feminine dual).
- "Niger junta gives French ambassador 48 hours to leave" expels him (and diplomats given
  hours to leave are expelled).
- Verb forms of wire leads: French "entament des pourparlers", "pourparlers suspendus";
  German separable "nehmen Friedensgespräche ... auf", "beruft Botschafter ... ab"; Spanish
  "quedan rotas las relaciones"; "pulls out of peace talks" (which "pulls out", an envoy's
  recall, had hidden); "各方" and "Konfliktparteien" as both sides; "a year ago" in five more
  languages.
- "agree truce to end Gaza fighting" and "agree bilateral ceasefire at end of talks" were
  truces ended: the ending of a war right after the noun is its purpose, and no verb
  follows "at".
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.shipped_rules import fired

DAY = date(2023, 5, 20)


@pytest.mark.parametrize("title", [
    "Sudan's warring parties accept seven-day ceasefire",
    "苏丹冲突双方同意停火七天",
    "الأطراف اليمنية توافق على هدنة لمدة شهرين",
])
def test_both_sides_accepting_have_agreed(title: str) -> None:
    assert "ceasefire-agreed" in fired(title, DAY)


def test_one_side_accepting_has_not() -> None:
    assert "ceasefire-agreed" not in fired("Hamas accepts ceasefire proposal", DAY)


def test_a_chinese_postposition_marks_what_comes_before_it() -> None:
    assert "ceasefire-call" in fired("安理会要求加沙在斋月期间立即停火", DAY)
    frames = analyse_text("停火期间以军袭击加沙", "", DAY).frames
    assert [sorted(f.flags) for f in frames if f.type == "ceasefire"] == [["backdrop"]]


def test_an_acronym_is_no_question() -> None:
    assert "ceasefire-call" in fired(
        "WHO chief pleads for ceasefire in Gaza to allow polio vaccination", DAY)
    for question in ("Who will broker a ceasefire in Gaza", "WHO WILL BROKER A CEASEFIRE IN GAZA"):
        frames = analyse_text(question, "", DAY).frames
        assert frames and all("opinion" in f.flags for f in frames if f.type == "ceasefire")


@pytest.mark.parametrize("title", [
    "Israel says it is working towards a ceasefire agreement in Lebanon",
    "مصادر: إسرائيل وحماس تقتربان من اتفاق هدنة",
])
def test_a_deal_worked_towards_or_neared_is_not_agreed(title: str) -> None:
    assert "ceasefire-agreed" not in fired(title, DAY)


@pytest.mark.parametrize(("title", "status"), [
    ("Niger junta gives French ambassador 48 hours to leave", "ambassador-expelled"),
    ("Burkina Faso gives three French diplomats 48 hours to leave", "diplomats-expelled"),
])
def test_a_deadline_to_leave_expels(title: str, status: str) -> None:
    assert "diplomatic-relations" in fired(title, date(2023, 8, 25))
    assert status in {f.status for f in analyse_text(title, "", date(2023, 8, 25)).frames}


@pytest.mark.parametrize(("title", "rule"), [
    ("Éthiopie : le gouvernement et les rebelles tigréens entament des pourparlers de paix en "
     "Afrique du Sud", "peace-talks"),
    ("Russland und Ukraine nehmen Friedensgespräche in Istanbul auf", "peace-talks"),
    ("Trump pulls out of Taliban peace talks, cancels Camp David meeting", "peace-talks"),
    ("Soudan : les pourparlers de paix suspendus, Washington accuse les deux camps",
     "peace-talks"),
    ("Israel beruft Botschafter aus Irland ab", "diplomatic-relations"),
    ("Quedan rotas las relaciones diplomáticas entre Argelia y Marruecos",
     "diplomatic-relations"),
    ("也门冲突各方同意休战两个月", "ceasefire-agreed"),
    ("Waffenstillstand in Libyen: Konfliktparteien unterzeichnen Abkommen in Genf",
     "ceasefire-agreed"),
])
def test_verb_forms_of_wire_leads_are_read(title: str, rule: str) -> None:
    assert rule in fired(title, DAY)


def test_pulling_out_recalls_no_envoy_from_talks() -> None:
    frames = analyse_text("Trump pulls out of Taliban peace talks", "", DAY).frames
    assert [(f.type, f.status) for f in frames] == [("peace-talks", "collapse")]


@pytest.mark.parametrize("title", [
    "Рік тому Путін оголосив \"різдвяне перемир'я\": що з цього вийшло",
    "Год назад Путин объявил рождественское перемирие",
    "Il y a un an, le cessez-le-feu est entré en vigueur au Liban",
    "Vor einem Jahr trat die Waffenruhe in Kraft",
    "Hace un año entró en vigor el alto el fuego",
])
def test_a_year_ago_is_a_retrospective_in_every_language(title: str) -> None:
    assert "ceasefire-agreed" not in fired(title, DAY)


def test_a_truce_to_end_a_war_is_agreed_not_ended() -> None:
    # "to end Gaza fighting" is what the truce is for, not what became of it.
    assert "ceasefire-agreed" in fired(
        "Israel, Islamic Jihad agree Egyptian-brokered truce to end Gaza fighting", DAY)
    frames = analyse_text("Gaza truce ends as fighting resumes", "", DAY).frames
    assert [f.status for f in frames if f.type == "ceasefire"] == ["collapsed"]


def test_no_verb_follows_at() -> None:
    # "at end of talks": a noun, so the truce agreed is not one that ended.
    assert "ceasefire-agreed" in fired(
        "Colombia, ELN agree bilateral ceasefire at end of talks in Havana", DAY)
