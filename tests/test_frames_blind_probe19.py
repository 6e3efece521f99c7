"""What the blind sets of 7 Dec 2026 (English event items in the style of outlets such as
TASS, Xinhua, Al Jazeera and Daily Sabah, event items in seven other languages, and leaders'
contacts in eight, 1990-2025, written by helpers who saw neither the code nor the tests) found,
each as the mechanism behind it:

- an office noun beside any state names its holder in French, German, Spanish, Russian and
  Ukrainian ("le président sénégalais", "der kenianische Präsident", "президент Кении"),
  without a phrase listed per state; Spain's "presidente del Gobierno" is its own entry;
- a vice-president is not the president;
- a dateline that ends in full stops ("MOSCOW, November 10. /TASS/.") opens the lead;
- talks that are the setting of an agreed truce were held ("agree ceasefire in Doha talks",
  "agreed ... during negotiations in Doha");
- a headline's subject noun before "to" is a plan ("Darfur talks to open next week");
- a claim set aside is denied ("dismissed claims that a truce had been reached").

The items are written for these tests in the constructions the blind sets showed, not copied
from them; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from alerts.analysis.sentences import split_sentences
from alerts.knowledge import knowledge_base
from tests.shipped_rules import fired

DAY = date(2023, 5, 1)


def named(text: str, day: date = DAY) -> dict[str, str]:
    """The people the text names, by id, with the words that name them."""
    return {m.entity.id: m.alias for m in knowledge_base().text_mentions(text, day)
            if m.entity.kind == "person"}


@pytest.mark.parametrize(("text", "person"), [
    ("le président sénégalais a reçu", "macky-sall"),
    ("la visite du président kényan", "william-ruto"),
    ("reçu par le roi du Maroc", "mohammed-vi-of-morocco"),
    ("le ministre sénégalais des Affaires étrangères", "aissata-tall-sall"),
    ("der kenianische Präsident traf", "william-ruto"),
    ("mit dem kenianischen Präsidenten", "william-ruto"),
    ("traf den senegalesischen Außenminister", "aissata-tall-sall"),
    ("el canciller chileno", "alberto-van-klaveren"),
    ("el presidente de Chile", "gabriel-boric"),
    ("el ministro chileno de Relaciones Exteriores", "alberto-van-klaveren"),
    ("el rey de Marruecos", "mohammed-vi-of-morocco"),
    ("президент Кении прибыл", "william-ruto"),
    ("встретился с премьер-министром Сенегала", "amadou-ba"),
    ("с кенийским президентом", "william-ruto"),
    ("прем'єр-міністр Кенії", "william-ruto"),
    ("глава МЗС Сенегалу", "aissata-tall-sall"),
])
def test_an_office_noun_beside_a_state_names_its_holder(text: str, person: str) -> None:
    assert person in named(text)


@pytest.mark.parametrize(("text", "person"), [
    ("el presidente iraní", "ebrahim-raisi"),  # Iran's president heads its government
    ("el presidente español", "pedro-sanchez"),  # Spain's "presidente del Gobierno"
    ("el presidente del Gobierno español", "pedro-sanchez"),
    ("le président du gouvernement espagnol", "pedro-sanchez"),
    ("el rey de España", "felipe-vi"),
    ("el canciller austriaco", "karl-nehammer"),  # Austria's chancellor leads its government
])
def test_each_state_keeps_its_own_office_for_a_noun(text: str, person: str) -> None:
    assert person in named(text)


@pytest.mark.parametrize(("text", "person"), [
    ("le président de la Guinée-Bissau", "umaro-sissoco-embalo"),
    ("el presidente de Guinea Ecuatorial", "teodoro-obiang-nguema-mbasogo"),
])
def test_a_state_inside_a_longer_name_is_not_the_one_named(text: str, person: str) -> None:
    assert set(named(text)) == {person}  # not Guinea's president


def test_the_president_of_iran_is_not_its_supreme_leader() -> None:
    assert set(named("el presidente iraní")) == {"ebrahim-raisi"}


@pytest.mark.parametrize("text", [
    "the president of the Senegal football federation",
    "le président de la fédération sénégalaise",
    "Vice President of Kenya Rigathi Gachagua",
    "вице-президент Кении",
    "der ehemalige kenianische Präsident",
])
def test_no_holder_where_the_noun_is_not_the_states_office(text: str) -> None:
    assert "william-ruto" not in named(text) and "macky-sall" not in named(text)


def test_an_office_noun_before_a_name_is_that_persons_title() -> None:
    assert named("le président sénégalais Macky Sall", date(2023, 5, 1)) == {
        "macky-sall": "Macky Sall"}


def test_a_contact_with_an_office_in_spanish_pairs_its_holders() -> None:
    frames = analyse_text("El presidente chino recibe al jefe del Gobierno español en Pekín",
                          "", date(2023, 3, 31)).frames
    assert {"+".join(sorted(p.entity_id for p in pair)) for f in frames
            if f.type == "contact" for pair in f.pairs} == {"pedro-sanchez+xi-jinping"}


@pytest.mark.parametrize(("text", "first"), [
    ("MOSCOW, November 10. /TASS/. A complete ceasefire is declared. Putin said so.",
     "MOSCOW, November 10. /TASS/. A complete ceasefire is declared."),
    ("МОСКВА, 3 марта. /ТАСС/. Стороны договорились о перемирии. Ещё.",
     "МОСКВА, 3 марта. /ТАСС/. Стороны договорились о перемирии."),
    ("МОСКВА, 29 мар — РИА Новости. Переговоры прошли в Стамбуле. Ещё.",
     "МОСКВА, 29 мар — РИА Новости. Переговоры прошли в Стамбуле."),
    ("KYIV, Dec. 3. Talks began. More.", "KYIV, Dec. 3. Talks began."),
])
def test_a_dateline_ending_in_full_stops_opens_the_first_sentence(text: str, first: str) -> None:
    start, end = split_sentences(text)[0]
    assert text[start:end] == first


@pytest.mark.parametrize("text", [
    "Moscow, November 10. Talks began.",  # not a place in capitals
    "U.S. envoy arrives. Talks began.",
])
def test_other_openings_stay_sentences_of_their_own(text: str) -> None:
    assert len(split_sentences(text)) == 2


def test_a_state_in_a_tass_dateline_named_again_is_read_in_the_report() -> None:
    frames = analyse_text(
        "Ties restored", "MOSCOW, May 5. /TASS/. Russia and Georgia restored diplomatic "
        "relations on Friday.", date(2023, 5, 5)).frames
    assert [sorted(p.entity_id for p in f.participants) for f in frames
            if f.status == "restored" and f.position == "lead"] == [["GE", "RU"]]


def test_a_ceasefire_declared_after_a_tass_dateline_is_agreed() -> None:
    assert "ceasefire-agreed" in fired(
        "Armenia, Azerbaijan and Russia sign deal to end Nagorno-Karabakh war",
        date(2020, 11, 10),
        "MOSCOW, November 10. /TASS/. A complete ceasefire and cessation of all hostilities "
        "in the zone of the Nagorno-Karabakh conflict is declared from 00:00 Moscow time on "
        "November 10, Russian President Vladimir Putin said.")


@pytest.mark.parametrize(("title", "summary"), [
    ("Pakistan, Afghanistan agree immediate ceasefire in Doha talks", ""),
    ("Border clashes subside", "Pakistan and Afghanistan agreed to an immediate ceasefire during "
                               "negotiations in Doha mediated by Qatar and Turkey."),
])
def test_talks_that_were_the_setting_of_an_agreed_truce_were_held(title: str,
                                                                   summary: str) -> None:
    assert {"ceasefire-agreed", "peace-talks"} <= set(fired(title, date(2025, 10, 19), summary))


@pytest.mark.parametrize("title", [
    "Hamas agrees to take part in Cairo truce talks",  # "in" after no object: a plan
    "Israel, Hamas agree on prisoner swap in Cairo talks",  # no truce agreed there
])
def test_talks_only_joined_or_about_other_things_were_not_shown_held(title: str) -> None:
    assert "peace-talks" not in fired(title, date(2024, 5, 1))


@pytest.mark.parametrize(("title", "summary"), [
    ("Darfur talks to open in Abuja next week, AU says",
     "The African Union said Sudan's government and Darfur rebel groups would attend."),
    ("Darfur peace talks to open in Abuja next week", ""),
    ("Sudan peace talks to resume in Jeddah", ""),
])
def test_a_headline_subject_before_to_is_a_plan(title: str, summary: str) -> None:
    assert fired(title, date(2005, 8, 10), summary) == []


@pytest.mark.parametrize("title", [
    "Queen makes surprise visit to open new hospice",
    "Queen Makes Surprise Visit To Open New Hospice",
])
def test_a_visit_before_to_after_a_verb_is_its_goal(title: str) -> None:
    # (the contact read as before: "makes" is the verb, the visit is to open a hospice)
    frames = analyse_text(title, "", date(2022, 6, 1)).frames
    assert [f.modality for f in frames if f.type == "contact"] == ["happened"]


@pytest.mark.parametrize(("title", "rule"), [
    ("Envoys meet in Geneva to restart peace talks", "peace-talks"),
    ("Rebels arrive in Abuja for talks to end Darfur war", "peace-talks"),
])
def test_an_infinitive_after_a_verb_is_still_its_goal(title: str, rule: str) -> None:
    assert rule in fired(title, date(2005, 8, 10))


@pytest.mark.parametrize("summary", [
    "Boko Haram leader Abubakar Shekau dismissed claims by the Nigerian government that a "
    "truce had been reached.",
    "Boko Haram refuted government statements that a truce had been reached.",
])
def test_a_claim_set_aside_is_denied(summary: str) -> None:
    assert "ceasefire-agreed" not in fired("Boko Haram leader speaks in new video",
                                           date(2014, 11, 1), summary)


def test_a_truce_that_frays_is_no_truce_agreed() -> None:
    assert fired("China-brokered truce in northern Shan state frays as fighting erupts",
                 date(2023, 6, 1)) == []


@pytest.mark.parametrize(("title", "expected"), [
    ("Pashinyan, Aliyev initialled peace deal at White House", ["peace-talks"]),
    ("Serbia initials EU-brokered peace accord with Kosovo", ["peace-talks"]),
    ("Initial peace deal is a first step, analysts say", []),
])
def test_a_peace_deal_initialled_is_signed(title: str, expected: list[str]) -> None:
    assert fired(title, date(2025, 8, 8)) == expected
