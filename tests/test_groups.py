"""Leaders named as a group by their states (alerts/knowledge/groups.py): "Chinese, Russian,
Indian leaders" are Xi, Putin and Modi on the item's day, in every language whose words
the token text keeps apart."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge import knowledge_base
from alerts.knowledge.groups import group_members
from alerts.knowledge.phrases import token_text

TIANJIN = date(2025, 9, 1)
XI_PUTIN_MODI = ["xi-jinping", "vladimir-putin", "narendra-modi"]


def holders(text: str, day: date = TIANJIN) -> list[str]:
    kb = knowledge_base()
    return [p.id for p, _, _, _ in group_members(kb, token_text(text), kb.text_mentions(text, day),
                                                day)]


@pytest.mark.parametrize("text", [
    "Chinese, Russian, Indian Leaders Pledge Cooperation",
    "Chinese, Russian and Indian leaders met in Tianjin",
    "les dirigeants chinois, russe et indien se sont retrouvés à Tianjin",
    "die chinesischen, russischen und indischen Staatschefs trafen sich",
    "los líderes chino, ruso e indio se reunieron en Tianjin",
    "лидеры Китая, России и Индии встретились в Тяньцзине",
    "лідери Китаю, Росії та Індії зустрілися",
    "قادة الصين وروسيا والهند يجتمعون",
])
def test_a_group_of_states_with_a_plural_office_names_their_leaders(text):
    assert holders(text) == XI_PUTIN_MODI


def test_the_office_the_plural_noun_names_on_the_day():
    assert holders("the French and Russian presidents spoke", date(2022, 3, 1)) == [
        "emmanuel-macron", "vladimir-putin"]
    assert holders("the foreign ministers of France and Germany met", date(2022, 3, 1)) == [
        "jean-yves-le-drian", "annalena-baerbock"]
    # "Leaders": who leads each government; "presidents": the head of state, even where the
    # president is ceremonial.
    assert holders("Chinese and Indian leaders", TIANJIN) == ["xi-jinping", "narendra-modi"]
    assert holders("Chinese and Indian presidents", TIANJIN) == ["xi-jinping", "droupadi-murmu"]


@pytest.mark.parametrize("text", [
    "Russian leaders met in Moscow",  # one state: any officials
    "European leaders met Trump",
    "US and Ukrainian officials met",  # no office noun
    "Chinese leaders and Indian diplomats met",  # the list is not next to the noun
    "Trump meets Chinese and Russian counterparts",
])
def test_no_group_without_two_states_next_to_a_plural_office(text):
    assert holders(text) == []


def test_the_group_makes_a_contact_between_its_leaders():
    from alerts.analysis import analyse_text

    frames = analyse_text("Chinese, Russian and Indian leaders met in Tianjin", "",
                          TIANJIN).frames
    pairs = {frozenset((a.entity_id, b.entity_id)) for f in frames if f.type == "contact"
             for a, b in f.pairs}
    assert frozenset(("xi-jinping", "narendra-modi")) in pairs


@pytest.mark.parametrize("title", [
    "The French and Russian presidents speak by phone for the first time since 2022",
    "Les présidents français et russe se parlent pour la première fois depuis 2022",
    "Die französischen und russischen Präsidenten telefonieren erstmals seit 2022",
    "Los presidentes de Francia y Rusia hablan por primera vez desde 2022",
    "Президенты Франции и России впервые с 2022 года поговорили по телефону",
])
def test_a_group_makes_a_first_contact(title):
    from datetime import UTC, datetime

    from alerts.models import Item
    from alerts.rulepack import shipped_rules_dir
    from alerts.rules import RuleSet, load_rules
    from alerts.rules.history import HistoryView

    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    when = datetime(2025, 7, 1, 15, tzinfo=UTC)
    item = Item("test:", "test", title, None, None, title, "", when)
    (match,) = [m for m in rules.match(item, now=when, history=HistoryView(record=False))
                if m.rule_id == "first-contact-after-gap"]
    assert "Emmanuel Macron" in match.explanation and "Vladimir Putin" in match.explanation


@pytest.mark.parametrize("text", [
    "Zelenskyy receives advisers to leaders of France and Germany",
    "Zelensky meets aides to the French and German leaders",
    "envoys of the leaders of France and Germany arrived in Kyiv",
    "Zelensky reçoit les conseillers des dirigeants français et allemand",
    "Selenskyj empfängt Berater der französischen und deutschen Staatschefs",
    "Зеленский принял советников лидеров Франции и Германии",
    "советники лидеров Франции и Германии прибыли в Киев",
    "Зеленський прийняв радників лідерів Франції та Німеччини",
    "радники лідерів Франції та Німеччини прибули до Києва",
])
def test_those_who_serve_a_group_of_leaders_are_not_the_leaders(text):
    # The shipped contact record had Macron and Scholz "visit" Zelensky on 2022-01-11 from
    # "Zelenskyy receives advisers to leaders of France and Germany".
    day = date(2022, 1, 11)
    people = {m.entity.id for m in knowledge_base().text_mentions(text, day)}
    assert not people & {"emmanuel-macron", "olaf-scholz"}
