"""What the blind set of 7 Dec 2026 on diplomatic relations and tricky truces (probe38: 140
items in eight languages, 1990-2025, written by a helper who saw neither the code nor the
tests) found, each as the mechanism behind it:

- a sentence that opens with a date years before the report tells history ("Второго
  октября 1949 года Советский Союз первым признал ...", "1951年5月21日，中国与巴基斯坦正式建立
  外交关系"): an anniversary piece, not the day's news;
- a state's adjective said of a noun after it names no state recognised ("recognises
  Armenian genocide"); "independent" may stand before the state recognised;
- resisting calls, getting closer to an act and admitting it may come are not the act;
- "à la tribune de l'ONU" is the rostrum, not an opinion piece;
- a title that ends with a state's adjective may take a name between commas ("El presidente
  venezolano, Hugo Chávez, anunció ..."), and a day may stand between a verb of announcing
  and the act it announces ("anunció este jueves la ruptura");
- "дипвідносини" are diplomatic relations; "هدن" are truces.

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2019, 10, 2)


@pytest.mark.parametrize(("title", "summary"), [
    ("Россия и Китай отмечают юбилей", "Второго октября 1949 года Советский Союз первым признал "
                                        "Китайскую Народную Республику."),
    ("两国举办系列庆祝活动", "1951年5月21日，中国与巴基斯坦正式建立外交关系。"),
    ("A friendship marked in Moscow", "In 1949, the Soviet Union recognised the People's "
                                      "Republic of China."),
    ("A friendship marked in Beijing", "On May 21, 1951, China and Pakistan established "
                                       "diplomatic relations."),
])
def test_a_sentence_that_opens_with_a_date_long_past_tells_history(title: str,
                                                                   summary: str) -> None:
    assert fired(title, DAY, summary) == []


@pytest.mark.parametrize(("title", "summary"), [
    ("Relations restored", "On October 1, 2019, China and the Solomon Islands established "
                           "diplomatic relations."),
    ("Relations restored", "Since 1990, the two states had no ties; China and the Solomon "
                           "Islands established diplomatic relations on Tuesday."),
])
def test_a_date_of_the_news_or_a_time_since_is_no_history(title: str, summary: str) -> None:
    assert fired(title, DAY, summary) == ["diplomatic-relations"]


def test_a_year_that_names_a_deal_is_no_date() -> None:
    assert fired("Talks", DAY, "2015 nuclear deal talks resumed in Vienna on Monday.") == []


@pytest.mark.parametrize(("title", "rules"), [
    ("Biden recognises Armenian genocide", []),
    ("US, Britain and France recognise independent Kosovo", ["diplomatic-relations"]),
    ("U.S. Recognizes Bosnia, Croatia and Slovenia", ["diplomatic-relations"]),
    ("Spain recognises Palestinian state", ["diplomatic-relations"]),
])
def test_what_is_recognised(title: str, rules: list[str]) -> None:
    assert fired(title, date(2021, 4, 24)) == rules


@pytest.mark.parametrize(("title", "day"), [
    ("Martin resists calls to expel Russian ambassador", date(2022, 3, 8)),
    ("Saudi Arabia is getting closer to normalising relations with Israel", date(2023, 9, 21)),
    ("Лавров допустил разрыв отношений с Евросоюзом", date(2021, 2, 12)),
    ("Уряд України допустив розрив дипломатичних відносин з Угорщиною", date(2021, 2, 12)),
])
def test_resisting_nearing_or_admitting_an_act_is_not_doing_it(title: str, day: date) -> None:
    assert fired(title, day) == []


def test_the_rostrum_of_the_un_is_no_opinion_piece() -> None:
    assert fired("La France reconnaît l'État de Palestine à la tribune de l'ONU",
                 date(2025, 9, 22)) == ["diplomatic-relations"]


def test_an_opinion_piece_is_still_one() -> None:
    assert fired("Tribune : la France reconnaît l'État de Palestine", date(2025, 9, 22)) == []


@pytest.mark.parametrize("summary", [
    "El presidente venezolano, Hugo Chávez, rompió relaciones diplomáticas con Colombia.",
    "El presidente venezolano, Hugo Chávez, anunció este jueves la ruptura total de relaciones "
    "diplomáticas con Colombia.",
    "Venezuela anunció este jueves la ruptura de relaciones diplomáticas con Colombia.",
])
def test_a_title_ending_in_an_adjective_and_a_day_before_the_act(summary: str) -> None:
    assert fired("Tensión en la frontera", date(2010, 7, 22), summary) \
        == ["diplomatic-relations"]


def test_a_place_between_commas_still_opens_a_clause() -> None:
    # "in Kyiv, Ukraine, ..." is no apposition of a title: what follows may be news of its own
    assert fired("Visit", date(2023, 5, 10),
                 "He spoke in Caracas, Venezuela, a day before ties with Colombia were cut.") \
        == []


def test_ukrainian_short_form_of_diplomatic_relations() -> None:
    assert fired("Україна понижує рівень дипвідносин з Іраном", date(2022, 9, 23)) \
        == ["diplomatic-relations"]


def test_arabic_plural_of_truce() -> None:
    assert fired("مجلس الأمن يدعو إلى هدن إنسانية عاجلة وممتدة في غزة", date(2023, 11, 16)) \
        == ["ceasefire-call"]


def test_a_year_that_opens_a_headline_as_a_modifier_is_no_date() -> None:
    assert fired("2015 nuclear deal partner Iran restores diplomatic relations with Saudi Arabia",
                 date(2023, 3, 10)) == ["diplomatic-relations"]


def test_a_name_that_is_also_an_adjective_still_names_the_state_recognised() -> None:
    # "Palestina" is Spain's name of Palestine and its adjective "Palestinian" (feminine)
    assert fired("España reconoce a Palestina tras meses de debate", date(2024, 5, 28)) \
        == ["diplomatic-relations"]


# Read in a second pass over the same set: a legislature's vote on an act of diplomacy is a
# call on its government ("British MPs vote to recognise Palestinian state", a non-binding
# motion); Arabic writes "and" on the word, which then shares the first verb's demand
# ("تطالب الحكومة بطرد السفير ... واستدعاء السفير").

@pytest.mark.parametrize("title", [
    "British MPs vote to recognise Palestinian state",
    "Spanish parliament votes to recognise Palestine",
    "South African MPs vote to shut Israeli embassy",
    "مجلس النواب الأردني يصوت على طرد السفير الإسرائيلي",
])
def test_a_legislatures_vote_on_diplomacy_is_a_call(title: str) -> None:
    assert fired(title, date(2014, 10, 13)) == []


def test_a_legislature_approving_its_governments_act_is_no_call() -> None:
    assert fired("Vote in Ljubljana", date(2024, 6, 4),
                 "Slovenia's parliament on Tuesday approved a government decree recognising an "
                 "independent Palestinian state.") == ["diplomatic-relations"]


def test_a_government_named_after_the_parliament_still_acts() -> None:
    assert fired("Russia's parliament speaker says Moscow expels 10 Polish diplomats",
                 date(2019, 10, 13)) == ["diplomatic-relations"]


@pytest.mark.parametrize(("summary", "rules"), [
    ("طالبت المعارضة الأردنية الحكومة اليوم بطرد السفير الإسرائيلي من عمان فورا واستدعاء سفيرها "
     "من تل أبيب.", []),
    ("طردت الأردن السفير الإسرائيلي واستدعت سفيرها من تل أبيب.", ["diplomatic-relations"]),
])
def test_arabic_and_on_the_word_shares_the_first_verbs_demand(summary: str,
                                                              rules: list[str]) -> None:
    assert fired("عمان", date(2014, 3, 11), summary) == rules


# States few recognise are named (Abkhazia, South Ossetia, Northern Cyprus, Somaliland), a
# state recognised "as an independent state" is recognised (not one recognised "as a state
# sponsor of terrorism"), and a move toward recognising is not yet one.

@pytest.mark.parametrize(("title", "lang_day"), [
    ("Russia recognises independence of Abkhazia and South Ossetia", date(2008, 8, 26)),
    ("Медведев признал независимость Абхазии и Южной Осетии", date(2008, 8, 26)),
    ("Israel recognises Somaliland as an independent state", date(2025, 12, 26)),
    ("Turkey recognises Northern Cyprus", date(1983, 11, 15)),
])
def test_states_few_recognise_are_named(title: str, lang_day: date) -> None:
    assert fired(title, lang_day) == ["diplomatic-relations"]


@pytest.mark.parametrize("title", [
    "Ukraine recognised Russia as a terrorist state",
    "Latvia recognised Russia as a state sponsor of terrorism",
])
def test_a_state_recognised_as_something_else_is_not_recognised(title: str) -> None:
    assert fired(title, date(2022, 11, 23)) == []


@pytest.mark.parametrize(("summary", "rules"), [
    ("Moves by France and the U.K. toward recognizing Palestine as an independent state could "
     "spur other U.S. allies to follow.", []),
    ("France recognized Palestine as an independent state on Monday.", ["diplomatic-relations"]),
])
def test_a_move_toward_recognising_is_not_yet_one(summary: str, rules: list[str]) -> None:
    assert fired("Recognition", date(2025, 7, 30), summary) == rules
