"""Talks whose parties are the two sides of a war are peace talks (issue #15), without the
word "peace": "Ukraine and Russia hold talks in Istanbul", "Україна і Росія провели перший
раунд переговорів". The parties are the states the talks are between (their subject,
"with" or "between" after the noun, the Russian and Ukrainian genitive, an adjective), not
states named as their topic or place ("talks on Ukraine", "talks in Moscow"); and talks
whose topic is stated as something else ("on grain exports", "об обмене пленными": trade
and humanitarian talks between the same states) are not peace talks on their parties alone.

The texts are written for these tests; they are run through the shipped lexicon, conflicts
(alerts/knowledge/data/states.yaml) and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

WAR = date(2025, 5, 16)  # the Russia-Ukraine war (from 24 Feb 2022)


def talks(title: str, summary: str = "", day: date = WAR) -> list[tuple[str, str]]:
    """(status, position) of every peace-talks frame with a status that happened."""
    return [(f.status, f.position) for f in analyse_text(title, summary, day).frames
            if f.type == "peace-talks" and f.status and f.modality == "happened"]


@pytest.mark.parametrize("title", [
    "Ukraine and Russia hold talks in Istanbul",
    "Ukraine holds talks with Russia in Istanbul",
    "Ukraine and Russia hold talks on Monday in Istanbul",
    "L'Ukraine et la Russie ont tenu des pourparlers à Istanbul",
    "Gespräche zwischen der Ukraine und Russland in Istanbul haben begonnen",
    "Ucrania y Rusia celebran conversaciones en Estambul",
    "Россия и Украина провели переговоры в Стамбуле",
    "Переговоры Украины и России прошли в Стамбуле",
    "Україна і Росія провели перший раунд переговорів на кордоні з Білоруссю",
    "Переговори України та Росії відбулися в Стамбулі",
    "أوكرانيا وروسيا تعقدان محادثات في إسطنبول",
    "乌克兰与俄罗斯在伊斯坦布尔举行谈判",
])
def test_talks_between_two_states_at_war_are_peace_talks(title):
    assert talks(title), title


def test_the_evidence_names_the_war_of_the_parties():
    frames = [f for f in analyse_text("Ukraine and Russia hold talks in Istanbul", "", WAR).frames
              if f.type == "peace-talks"]
    assert any("Russia–Ukraine war" in f.words("purpose") for f in frames)


def test_other_wars_and_capitals_as_metonyms():
    assert talks("Thailand and Cambodia hold talks in Kuala Lumpur", day=date(2025, 7, 28))
    assert talks("Moscow and Kyiv hold talks in Istanbul")


@pytest.mark.parametrize("title,day", [
    # not at war on the date
    ("Armenia and Azerbaijan hold talks in Washington", date(2026, 3, 1)),
    ("Ukraine and Russia hold talks in Minsk", date(2021, 6, 1)),
    # not the two sides of a war
    ("Ukraine and Poland hold talks in Warsaw", WAR),
    ("Украина и Польша провели переговоры в Варшаве", WAR),
])
def test_talks_of_states_not_at_war_with_each_other_are_not(title, day):
    assert not talks(title, day=day), title


NO_MEDIATOR = date(2023, 6, 1)  # the war on; the United States no mediator of its talks


@pytest.mark.parametrize("title", [
    # a side of the war named as the topic or the place, not as a party (on a day when the
    # other parties are no mediator of the war's talks: see the mediator tests below)
    "Russia and the United States hold talks on Ukraine",
    "Russia and the United States hold talks about Ukraine in Riyadh",
    "Россия и США провели переговоры по Украине в Эр-Рияде",
    "Росія і США провели переговори щодо України",
    "Russland und die USA führen Gespräche über die Ukraine",
    "Washington hosts talks with Russia in Kyiv",
    "Russia and the United States hold talks three years after the invasion of Ukraine",
    "Россия и США провели переговоры в Киеве",
    "Росія та США провели переговори через три роки після вторгнення в Україну",
    "روسيا والولايات المتحدة تعقدان محادثات حول أوكرانيا",
])
def test_a_state_named_as_topic_or_place_is_no_party(title):
    assert not talks(title, day=NO_MEDIATOR), title


def peace_frames(title: str, summary: str = "", day: date = WAR) -> list[str]:
    """The purpose evidence of every peace-talks frame."""
    return [f.words("purpose") for f in analyse_text(title, summary, day).frames
            if f.type == "peace-talks"]


@pytest.mark.parametrize("title,summary", [
    # a side and a mediator of the war's talks on the day, about the other side
    ("Russia and the United States hold talks on Ukraine", ""),
    ("Россия и США провели переговоры по Украине в Эр-Рияде", ""),
    ("Росія і США провели переговори щодо України", ""),
    ("روسيا والولايات المتحدة تعقدان محادثات حول أوكرانيا", ""),
    # no topic stated, the other side in the headline or lead
    ("U.S. and Ukraine hold talks in Jeddah", "Kyiv hopes to win back Washington's support "
     "against Russia."),
])
def test_a_side_and_a_mediator_talking_about_the_other_side(title, summary):
    assert talks(title, summary, day=date(2025, 3, 11)), title


def test_a_side_and_a_mediator_on_another_topic_or_without_the_other_side():
    day = date(2025, 2, 27)
    assert not talks("U.S. and Russia hold talks on embassy operations in Istanbul",
                     "Relations were strained by the war in Ukraine.", day)
    assert not talks("U.S. and Ukraine hold talks in Jeddah", "", date(2025, 3, 11))


def test_the_possessor_of_talks_is_a_party():
    # "in Washington's talks with Moscow": the possessor after the preposition is a party
    assert any("mediator" in p for p in peace_frames(
        "Europe wants a say over Ukraine", "Europe seeks a role in Washington's talks with "
        "Moscow.", date(2025, 4, 17)))


@pytest.mark.parametrize("title", [
    # Talks between the same states on another stated topic are trade or humanitarian
    # talks: a desk following the war's diplomacy gets them when the text says they are
    # about ending it, not on the parties alone.
    "Ukraine and Russia hold talks on grain exports",
    "Ukraine and Russia hold talks in Istanbul over grain shipments",
    "L'Ukraine et la Russie ont tenu des pourparlers sur les exportations de céréales",
    "Ucrania y Rusia celebran conversaciones sobre las exportaciones de cereales",
    "Россия и Украина провели переговоры по зерновой сделке",
    "Україна і Росія провели переговори щодо обміну полоненими",
    "Ukraine and Russia hold talks on a prisoner exchange",
    "Россия и Украина провели переговоры об обмене пленными",
    "乌克兰与俄罗斯就粮食出口举行谈判",
    "أوكرانيا وروسيا تعقدان محادثات حول تبادل الأسرى",
])
def test_talks_with_another_stated_topic_are_not_peace_talks(title):
    assert not talks(title), title


def test_a_prisoner_exchange_said_to_be_about_ending_the_war_is():
    assert talks("Ukraine and Russia hold talks on a prisoner exchange and ending the war")


def test_a_topic_of_another_word_is_not_the_talks_topic():
    # "on territory" is the topic of the questions, after the talks' verb: the lead's talks
    # are still the headline's peace talks
    assert ("stalled", "lead") in talks(
        "Three Takeaways From the Ukraine Peace Talks", "The negotiations have so far "
        "struggled to resolve central questions on territory.", date(2026, 2, 5))


@pytest.mark.parametrize("title", [
    # headline grammar: a comma for "and"
    "Ukraine, Russia hold second round of talks in Istanbul",
    "Ukraine, Russia talks end without a deal",
    "Украина, Россия провели второй раунд переговоров в Стамбуле",
])
def test_parties_joined_by_a_comma(title):
    assert talks(title), title


def test_the_chinese_word_for_the_two_sides():
    # 俄乌: Russia and Ukraine as one word (乌 alone names no country)
    assert talks("俄乌代表团在伊斯坦布尔举行会谈")


@pytest.mark.parametrize("title,summary", [
    ("Talks with Russia resume in Istanbul", "Ukraine's delegation is led by Rustem Umerov."),
    ("Переговори з Росією відновилися в Стамбулі", "Делегацію України очолив Рустем Умєров."),
    ("Переговоры с Украиной возобновились в Стамбуле", "Делегацию России возглавил Владимир "
     "Мединский."),
])
def test_talks_with_one_side_while_the_news_names_the_other(title, summary):
    assert talks(title, summary), title


@pytest.mark.parametrize("title,summary", [
    ("Talks with Russia resume in Istanbul", ""),  # the other side not named
    ("India holds talks with Russia in Moscow", "Ukraine's president criticised them."),  # a third
    ("Talks with Russia on gas resume", "Ukraine's transit deal expired."),  # another topic
])
def test_talks_with_one_side_and_no_other_side_or_another_party(title, summary):
    assert not talks(title, summary), title


def test_one_side_named_otherwise_than_as_the_counterpart():
    # Russia is the object of "force", not the talks' counterpart: nothing says the other
    # side is at the table
    assert not talks("Yermak: weapons and sanctions will help", "Only such steps can force "
                     "Russia to sit down at the negotiating table and enter into dialogue, "
                     "Ukraine's Yermak said.", date(2022, 6, 1))
