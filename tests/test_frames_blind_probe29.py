"""What the blind sets of 7 Dec 2026 (third session: peace processes from 1945 to 2025 in
eight languages, English from outlets outside the Western wires, leaders' contacts; written
by helpers who saw neither the code nor the tests) found, each as the mechanism behind it:

- a peace accord is often named without "peace": a deal a few words before a link to the
  ending of a war ("signed a general agreement in Rome on Sunday to end 16 years of civil
  war", "une convention ... pour mettre fin à la guerre", "وثيقة ... التي ترمي إلى إنهاء
  الحرب") or right before it ("accord ending Bosnian war");
- a nickname between commas is an apposition (", known as Timochenko,");
- talks told as the backdrop leave a meeting about ending a war its own news;
- armistice talks are peace talks.

The items are written for these tests in the constructions the blind sets showed, not copied
from them; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.shipped_rules import fired

DAY = date(1992, 10, 5)


@pytest.mark.parametrize(("summary", "title"), [
    ("The president and the rebel leader signed a general agreement in Rome on Sunday to end "
     "16 years of civil war.", "Signing ceremony"),
    ("The government and the movement signed a memorandum in Helsinki on Monday aimed at "
     "ending nearly 30 years of conflict.", "Signing ceremony"),
    ("The two leaders signed accords at the palace on Friday intended to end the civil war.",
     "Signing ceremony"),
    ("The factions signed an agreement in Paris on Wednesday for the settlement of the "
     "Cambodian conflict.", "Signing ceremony"),
    ("Les deux camps ont signé un accord à Rome dimanche pour mettre fin à la guerre civile.",
     "Cérémonie à Rome"),
    ("El gobierno y la guerrilla firmaron un acuerdo en Oslo el lunes para poner fin a la "
     "guerra.", "Ceremonia en Oslo"),
    ("أقر النواب المجتمعون في المدينة مساء أمس وثيقة الوفاق الوطني التي ترمي إلى إنهاء الحرب "
     "الأهلية.", "في الطائف"),
])
def test_a_deal_linked_to_ending_a_war_is_a_peace_accord(summary: str, title: str) -> None:
    assert fired(title, DAY, summary) == ["peace-talks"]


@pytest.mark.parametrize("title", [
    "Balkan presidents sign accord ending Bosnian war",
    "Israel and Jordan sign treaty ending 46-year state of war",
    "Government and Maoists sign accord formally ending insurgency",
    "Genève : les accords mettant fin à la guerre d'Indochine sont signés",
])
def test_a_deal_right_before_ending_a_war_is_a_peace_accord(title: str) -> None:
    assert fired(title, DAY) == ["peace-talks"]


@pytest.mark.parametrize("summary", [
    # no war: a trade deal that ends tariffs
    "The two states signed a trade agreement in Geneva on Monday to end tariffs on steel.",
    # a deal that helps is not one that ends
    "The two states signed a grain agreement in Istanbul on Friday to help ease the war's "
    "toll on food prices.",
    # another clause: the deal and the vow are two things
    "Rebels signed an agreement on Monday, but the army vowed to end the insurgency by force.",
    # too far: what the deal is about stands between it and the link
    "The two states signed an agreement on the supply of grain to the farmers of the east to "
    "end the war's toll.",
    # a bare purpose word is no war's end: a settlement of claims
    "The two states signed an agreement in London on Monday for a settlement of claims.",
])
def test_a_deal_not_linked_to_ending_a_war_is_none(summary: str) -> None:
    assert "peace-talks" not in fired("Signing ceremony", DAY, summary)


def test_a_ceasefire_agreement_to_end_a_war_stays_the_ceasefire() -> None:
    assert fired("Signing ceremony", DAY,
                 "The two sides signed a ceasefire agreement in Doha on Monday to end the "
                 "war.") == ["ceasefire-agreed"]


def test_a_relative_pronoun_in_the_link_opens_no_clause() -> None:
    # the verb after the accord's name is still its verb
    assert fired("Signing ceremony", DAY,
                 "The accord that will end the civil war was signed in Rome on Sunday.") \
        == ["peace-talks"]


@pytest.mark.parametrize("nickname", ["known as Timochenko", "alias Timochenko"])
def test_a_nickname_between_commas_is_an_apposition(nickname: str) -> None:
    summary = (f"Colombian President Juan Manuel Santos and FARC commander Rodrigo Londono, "
               f"{nickname}, signed a revised agreement on Thursday to end more than half a "
               "century of war.")
    assert fired("Colombia", date(2016, 11, 25), summary) == ["peace-talks"]


def test_a_lower_case_phrase_after_known_as_is_no_nickname() -> None:
    # "known as a hardliner" names no one: the comma after it still opens a clause, and
    # the verb opening that clause with no subject of its own is read as before
    summary = ("The rebel commander, known as a hardliner, signed a revised agreement on "
               "Thursday to end more than half a century of war.")
    frames = [f for f in analyse_text("Colombia", summary, date(2016, 11, 25)).frames
              if f.type == "peace-talks"]
    assert frames and all("backdrop" in f.flags for f in frames)


def test_talks_told_as_backdrop_leave_a_meeting_about_ending_a_war_the_news() -> None:
    assert "peace-talks" in fired(
        "African leaders press Putin in St. Petersburg", date(2023, 6, 17),
        "A delegation of African leaders led by South African President Cyril Ramaphosa met "
        "Vladimir Putin in St. Petersburg on Saturday to present a plan for ending the war in "
        "Ukraine, a day after holding talks with Volodymyr Zelensky in Kyiv.")


@pytest.mark.parametrize(("title", "lang"), [
    ("Reds break off armistice talks, charging air attack on neutral zone", "en"),
    ("Les négociations d'armistice reprennent à Panmunjom", "fr"),
    ("停战谈判在板门店恢复", "zh"),
])
def test_armistice_talks_are_peace_talks(title: str, lang: str) -> None:
    assert fired(title, date(1951, 8, 23)) == ["peace-talks"]


@pytest.mark.parametrize("summary", [
    "The Pope urged Russia and Ukraine to stop the fighting, open corridors and start peace "
    "negotiations.",
    "The council called on the parties to observe the truce, release hostages and sign a "
    "peace agreement.",
    "President Recep Tayyip Erdogan has called on Russian President Vladimir Putin to declare "
    "a general ceasefire in Ukraine, open humanitarian corridors and sign a peace agreement, "
    "the Turkish presidency said.",
])
def test_a_demand_governs_every_verb_of_the_list_it_opens(summary: str) -> None:
    assert fired("Appeal for peace", date(2022, 3, 20), summary) == ["ceasefire-call"]


def test_a_list_of_verbs_that_did_happen_is_still_news() -> None:
    # the first verb of the list has no demand before it: what it lists was done
    assert fired("Rome", date(1992, 10, 5),
                 "The two leaders met in Rome, exchanged gifts and signed a peace agreement.") \
        == ["peace-talks"]


@pytest.mark.parametrize(("summary", "rule"), [
    ("President Bill Clinton on Tuesday announced the establishment of full diplomatic "
     "relations with the Socialist Republic of Vietnam.", "diplomatic-relations"),
    ("The foreign ministry announced the closure of the embassy in Kabul.",
     "diplomatic-relations"),
])
def test_an_act_announced_as_a_noun_was_done(summary: str, rule: str) -> None:
    assert fired("Announcement", date(1995, 7, 12), summary) == [rule]


@pytest.mark.parametrize(("title", "lang_day"), [
    ("Hamas offers truce to Israel", date(2024, 7, 1)),
    ("Putin offers ceasefire in Ukraine", date(2024, 7, 1)),
    ("China calls for ceasing hostilities in Ukraine", date(2023, 2, 24)),
    ("Советский Союз выступает за немедленное прекращение огня между Ираком и Ираном",
     date(1980, 9, 30)),
    ("Україна виступає за негайне припинення вогню", date(2022, 3, 1)),
    ("Saddam offers to stop the fighting if Iran recognises Iraqi rights", date(1980, 9, 28)),
    ("Генасамблея ООН ухвалила резолюцію із закликом до гуманітарного перемир'я в Газі",
     date(2023, 10, 27)),
])
def test_offers_and_stands_for_a_truce_are_calls(title: str, lang_day: date) -> None:
    assert fired(title, lang_day) == ["ceasefire-call"]


@pytest.mark.parametrize("title", [
    "Hamas rejects offer of truce",
    "Israel weighs Hamas offer of truce",
])
def test_an_offer_rejected_or_weighed_is_no_call(title: str) -> None:
    assert fired(title, date(2024, 7, 1)) == []


@pytest.mark.parametrize("title", ["Putin offers to meet Zelensky",
                                   "Turkey offers to host peace talks"])
def test_an_offer_to_meet_or_host_is_not_the_meeting(title: str) -> None:
    assert fired(title, date(2024, 7, 1)) == []


def test_a_ceasefire_in_place_as_its_kind_is_no_truce_agreed() -> None:
    # "a ceasefire in place" names a kind of truce (lines frozen where they are)
    assert "ceasefire-agreed" not in fired(
        "Prabowo floats peace plan at Shangri-La Dialogue", date(2023, 6, 3),
        "Defence Minister Prabowo Subianto on Saturday proposed a peace plan for Ukraine that "
        "includes an immediate ceasefire \"in place\", a withdrawal of 15 kilometres by each "
        "side and a demilitarised zone.")


def test_a_ceasefire_that_is_in_place_holds() -> None:
    assert fired("Gaza", date(2025, 1, 20),
                 "A ceasefire is in place in Gaza after the truce took hold on Sunday.") \
        == ["ceasefire-agreed"]


def test_an_offer_of_something_else_toward_a_truce_is_no_call() -> None:
    assert fired("Russia-Ukraine talks offer roadmap to a truce -- but one that passes "
                 "through a minefield", date(2022, 3, 30)) == []


@pytest.mark.parametrize(("title", "summary"), [
    ("Berlin conference on Libya", "Leaders of 12 countries met in Berlin on Sunday for a "
     "conference aimed at ending the war in Libya."),
    ("Trump and Putin hold summit on ending the war in Ukraine", ""),
])
def test_a_meeting_about_ending_a_war_is_peace_talks(title: str, summary: str) -> None:
    assert fired(title, date(2025, 8, 15), summary) == ["peace-talks"]


@pytest.mark.parametrize("title", [
    "Meeting on ending the trade war is held in Geneva",
    # a meeting for peace in general is no talks to end a war
    "Interfaith meeting for peace opens in Assisi",
])
def test_a_meeting_about_no_war_s_end_is_none(title: str) -> None:
    assert fired(title, date(2025, 5, 10)) == []


def test_a_summit_about_ending_a_war_is_still_a_meeting_of_its_leaders() -> None:
    from tests.contact_frames import held
    assert "donald-trump+vladimir-putin" in held(
        "Trump and Putin hold summit on ending the war in Ukraine", day=date(2025, 8, 15))


@pytest.mark.parametrize(("title", "day", "rules"), [
    ("Guns fall silent in Nagorno-Karabakh as truce takes hold", date(2020, 11, 10),
     ["ceasefire-agreed"]),
    ("Guns fall silent in Nagorno-Karabakh", date(2020, 11, 10), ["ceasefire-agreed"]),
    ("Salinas decreta el cese unilateral del fuego en Chiapas", date(1994, 1, 12),
     ["ceasefire-agreed"]),
    ("Los países garantes instan a Perú y Ecuador a un cese inmediato del fuego",
     date(1995, 2, 1), ["ceasefire-call"]),
    ("EU-Gipfel fordert «sofortige humanitäre Pause» im Gazastreifen", date(2023, 10, 27),
     ["ceasefire-call"]),
    ("L'ONU réclame des pauses humanitaires à Gaza", date(2023, 10, 27), ["ceasefire-call"]),
    ("مجلس الأمن يتبنى بالإجماع القرار 1701 الداعي إلى وقف الأعمال الحربية في لبنان",
     date(2006, 8, 12), ["ceasefire-call"]),
])
def test_ceasefires_said_in_other_words(title: str, day: date, rules: list[str]) -> None:
    assert fired(title, day) == rules


@pytest.mark.parametrize(("title", "day"), [
    ("Fatah and Hamas agree media truce", date(2012, 11, 20)),
    ("فتح وحماس تتفقان على هدنة إعلامية", date(2012, 11, 20)),
    ("Vor 25 Jahren trat in Bosnien eine Waffenruhe in Kraft", date(2020, 10, 12)),
    ("Hace 30 años se firmó la tregua en El Salvador", date(2022, 1, 16)),
    ("Il y a 25 ans, le cessez-le-feu entrait en vigueur en Bosnie", date(2020, 10, 12)),
    ("قبل 25 عاما وقعت الهدنة في البوسنة", date(2020, 11, 21)),
])
def test_media_truces_and_years_ago_in_digits_are_no_truce_agreed(title: str,
                                                                   day: date) -> None:
    assert fired(title, day) == []



def test_guns_that_are_silent_tell_of_a_truce_that_holds() -> None:
    # (a state, as "holds" is, not the truce taking effect)
    assert fired("Good Friday Agreement at 20: the guns are silent but Stormont stays dark",
                 date(2018, 4, 10)) == []


def test_a_finite_verb_after_a_comma_and_and_is_no_list_item() -> None:
    # ", und forderten": a clause of its own, not a third verb of the "zu" before it
    assert fired("Libyen-Gipfel im Kanzleramt", date(2020, 1, 19),
                 "Die Teilnehmer verpflichteten sich, das UN-Waffenembargo zu respektieren, und "
                 "forderten eine dauerhafte Waffenruhe.") == ["ceasefire-call"]


@pytest.mark.parametrize("title", [
    "U.S., France and allies call for 21-day pause in Israel-Hezbollah fighting",
    "Pope, in Christmas message, pleads for end to Gaza fighting",
    "U.N. Security Council urges halt to Israel-PLO fighting in Lebanon",
])
def test_a_halt_to_fighting_with_its_war_named_between(title: str) -> None:
    assert fired(title, date(2024, 9, 26)) == ["ceasefire-call"]


@pytest.mark.parametrize("title", [
    "Strikes continue despite a pause in Gaza fighting",
    # an act between is no name of a war: the end is of the talks
    "Calls grow for an end to talks as fighting resumes",
])
def test_a_halt_to_fighting_named_in_passing_or_not_at_all(title: str) -> None:
    assert "ceasefire-call" not in fired(title, date(2024, 9, 26))


@pytest.mark.parametrize(("title", "day", "rules"), [
    ("В Хасавюрте подписаны документы о прекращении войны в Чечне", date(1996, 8, 31),
     ["peace-talks"]),
    ("Géorgie : au terme de sa médiation à Moscou et Tbilissi, Nicolas Sarkozy arrache un "
     "cessez-le-feu", date(2008, 8, 12), ["ceasefire-agreed"]),
    ("Baerbock und Cameron werben für „nachhaltige Waffenruhe“ in Gaza", date(2024, 1, 12),
     ["ceasefire-call"]),
    ("مصادر: اتفاق وقف النار في لبنان بات في مراحله الأخيرة", date(2024, 11, 20), []),
    ("Trump and Xi call truce in trade war, agree to restart talks", date(2019, 6, 29), []),
])
def test_more_forms_of_the_blind_sets(title: str, day: date, rules: list[str]) -> None:
    assert fired(title, day) == rules


def test_approving_a_truce_on_terms_agrees_it() -> None:
    # (a regression of this session that the last held-out set found: the halt named with
    # its war made the exchange an offer)
    assert fired("Israeli cabinet approves four-day pause in Gaza fighting in exchange for 50 "
                 "hostages", date(2023, 11, 22)) == ["ceasefire-agreed"]
    assert fired("Putin will halt the war in exchange for eastern Ukraine",
                 date(2024, 7, 1)) == ["ceasefire-call"]
