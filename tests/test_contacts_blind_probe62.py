"""What the blind set of summits and readouts of 7 Dec 2026 (probe62: 160 contacts in eight
languages, written by a helper who saw neither the code nor the tests) found, each as the
mechanism behind it:

- whom a visitor who came is to meet there he has not met yet ("llega a Pekín, donde el
  viernes se reunirá con Xi Jinping"); a visit to come keeps its host;
- a headline's participle at its clause's end is its predicate however far ("La visite d'Etat
  d'Abdelmadjid Tebboune en France à nouveau repoussée");
- a clause with a verb of its own before a colon gives the next clause no subjects ("Путін
  до Туреччини не приїхав: Зеленський провів переговори з Ердоганом");
- who comes after a clause of contrast is no counterpart ("..., тоді як Путін так і не
  погодився приїхати"), but who comes after "where" is ("حيث كان في استقباله السيسي");
- "there" and "Kremlchef" inside a list of the absent ("ohne dort ... Xi Jinping oder
  Kremlchef Wladimir Putin zu begegnen");
- who says it after others were named is no party ("..., Secretary of State Rex Tillerson
  said, after the two leaders met"), unless joined to them ("Berlusconi and Putin said");
- an English "-s" word before a plural auxiliary is a noun ("nuclear talks have stalled").

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not change."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.contact_frames import held, paired

BEIJING = date(2025, 4, 10)


@pytest.mark.parametrize(("text", "pairs"), [
    ("Pedro Sánchez llega a Pekín, donde el viernes se reunirá con Xi Jinping", set()),
    ("Pedro Sánchez arrived in Beijing, where he will meet Xi Jinping on Friday", set()),
    ("Pedro Sánchez arrived in Beijing, where he met Xi Jinping", {"pedro-sanchez+xi-jinping"}),
    ("Pedro Sánchez llegó a Pekín, donde se reunió con Xi Jinping", {"pedro-sanchez+xi-jinping"}),
])
def test_whom_a_visitor_is_to_meet_he_has_not_met(text: str, pairs: set[str]) -> None:
    assert held(text, "", BEIJING) == pairs


def test_a_visit_to_come_keeps_its_host() -> None:
    frames = analyse_text("Biden to Poland", "President Joe Biden will travel to Poland on "
                          "Friday, where he will meet with President Andrzej Duda.",
                          date(2022, 3, 21)).frames
    assert [[(a.entity_id, b.entity_id) for a, b in f.pairs] for f in frames
            if f.words("event") == "travel to"] == [[("joe-biden", "andrzej-duda")]]


@pytest.mark.parametrize(("title", "pairs"), [
    ("La visite d'Etat d'Abdelmadjid Tebboune en France à nouveau repoussée", set()),
    ("La visite d'Etat d'Abdelmadjid Tebboune en France", {"abdelmadjid-tebboune+emmanuel-macron"}),
])
def test_a_headlines_last_participle_is_its_predicate(title: str, pairs: set[str]) -> None:
    assert held(title, "", date(2023, 5, 3)) == pairs


def test_a_clause_closed_by_a_colon_gives_no_subjects() -> None:
    assert held("Путін до Туреччини не приїхав: Зеленський провів переговори з Ердоганом в "
                "Анкарі", "", date(2025, 5, 15)) == {"recep-tayyip-erdogan+volodymyr-zelensky"}


def test_a_label_with_no_verb_before_a_colon_still_names_the_subjects() -> None:
    assert held("Putin, Erdogan: leaders met in Sochi", "", date(2021, 9, 29)) == {
        "recep-tayyip-erdogan+vladimir-putin"}
    assert {"recep-tayyip-erdogan+volodymyr-zelensky", "recep-tayyip-erdogan+vladimir-putin"} <= \
        held("Zelensky and Putin: Erdogan hosts them in Istanbul", "", date(2022, 3, 29))


@pytest.mark.parametrize(("text", "day", "pairs"), [
    ("Президент України Володимир Зеленський провів в Анкарі зустріч із Президентом "
     "Туреччини Реджепом Таїпом Ердоганом, тоді як Путін так і не погодився особисто "
     "приїхати на переговори до Стамбула", date(2025, 5, 15),
     {"recep-tayyip-erdogan+volodymyr-zelensky"}),
    ("Президент Украины Владимир Зеленский провел в Анкаре встречу с Президентом Турции "
     "Реджепом Тайипом Эрдоганом, тогда как Путин так и не согласился приехать в Стамбул",
     date(2025, 5, 15), {"recep-tayyip-erdogan+volodymyr-zelensky"}),
    ("وصل أمير دولة قطر الشيخ تميم بن حمد آل ثاني إلى القاهرة مساء الجمعة، حيث كان في "
     "استقباله الرئيس عبد الفتاح السيسي", date(2022, 6, 24),
     {"abdel-fattah-el-sisi+tamim-bin-hamad-al-thani"}),
])
def test_a_clause_of_contrast_ends_the_counterparts_but_where_does_not(
        text: str, day: date, pairs: set[str]) -> None:
    assert paired(text, "", day) == pairs


def test_there_and_kremlin_chief_inside_a_list_of_the_absent() -> None:
    assert held("G20", "Bundeskanzler Olaf Scholz nimmt am G20-Gipfel in Neu-Delhi teil, ohne "
                "dort Chinas Staatschef Xi Jinping oder Kremlchef Wladimir Putin zu begegnen",
                date(2023, 9, 9)) == set()


@pytest.mark.parametrize(("summary", "pairs"), [
    ("U.S. President Donald Trump pressed Russian President Vladimir Putin on Friday over "
     "Moscow's alleged meddling, Secretary of State Rex Tillerson said, after the two "
     "leaders met for the first time.", {"donald-trump+vladimir-putin"}),
    ("Meeting in Moscow, Italian Prime Minister Silvio Berlusconi and Russian President "
     "Vladimir Putin said they welcome the Bush win.", {"silvio-berlusconi+vladimir-putin"}),
    ("Italian Prime Minister Silvio Berlusconi and Russian President Vladimir Putin said they "
     "met in Moscow", {"silvio-berlusconi+vladimir-putin"}),
])
def test_who_says_it_after_others_were_named_is_no_party(summary: str, pairs: set[str]) -> None:
    day = date(2017, 7, 7) if "Tillerson" in summary else date(2004, 11, 4)
    assert held("News", summary, day) == pairs


def test_talks_before_a_plural_auxiliary_are_a_noun() -> None:
    frames = analyse_text("News", "Canada-U.S. trade talks might fail to produce a deal",
                          date(2025, 7, 20)).frames
    assert {f.modality for f in frames if f.type == "contact"} == {"hypothetical"}


@pytest.mark.parametrize(("text", "pairs"), [
    # a holder by number is not the one in office
    ("П'ятий Президент України зустрівся з Прем'єр-міністеркою Естонії Каєю Каллас", set()),
    ("The 45th US president met Kaja Kallas", set()),
    ("The US president met Kaja Kallas", {"joe-biden+kaja-kallas"}),
    ("Президент України зустрівся з Прем'єр-міністеркою Естонії Каєю Каллас",
     {"kaja-kallas+volodymyr-zelensky"}),
    # "first" is as often no number of the holder
    ("First, the Prime Minister of Spain met the Prime Minister of Estonia",
     {"kaja-kallas+pedro-sanchez"}),
])
def test_a_holder_by_number_is_not_the_one_in_office(text: str, pairs: set[str]) -> None:
    assert held(text, "", date(2023, 2, 18)) == pairs


def test_the_diplomatic_advisers_of_leaders_are_not_the_leaders() -> None:
    assert held("Format Normandie", "Les conseillers diplomatiques des présidents français, "
                "russe et ukrainien et du chancelier allemand se sont réunis mercredi à Paris.",
                date(2022, 1, 26)) == set()
    assert held("Format Normandie", "Les présidents français, russe et ukrainien et le "
                "chancelier allemand se sont réunis mercredi à Paris.", date(2022, 1, 26))
