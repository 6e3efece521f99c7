"""What the blind set of summits and multilateral meetings of 7 Dec 2026 (probe74: 160 items
in eight languages, written by a helper who saw neither the code nor the tests) found, each
as the mechanism behind it:

- a contact after "during" whose pair are its subject before and whom it was with is the
  setting of what the subject did, held ("Президент США Джордж Буш під час зустрічі з
  Президентом України Віктором Ющенком у Києві заявив"), and a Cyrillic place alone in
  capitals, stopped, is a dateline ("КИЇВ. Президент США ...");
- a headline labelled by a time since tells of what is that long before the news ("Год после
  Женевы: в Кремле оценили итоги саммита Путина и Байдена", "A year after Geneva: ...");
- the English present in a clause of "when" or "until" is still to come ("he would lay out
  his red lines to the Russian leader when the two meet on Wednesday");
- "mögliches" is hypothetical ("Berichte über ein mögliches Telefonat");
- a summit on whose sidelines a contact is set is no contact of its own ("doit rencontrer
  mardi le président chinois Xi Jinping en marge du sommet du G20"), and a German word of
  contact in lower case is the verb ("soll Xi am Rande des G20-Gipfels treffen");
- whom a deputy serves is not met ("النائب الأول للرئيس الإيراني", "نائب الرئيس الأمريكي");
- leaders attending an organisation's summit together are no pairs ("sont réunis à Bali pour
  un sommet du G20"), and whom leaders signed an accord with they met ("each signed bilateral
  security agreements with Ukraine's Volodymyr Zelensky").

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.contact_frames import held, news

BUSH_YUSHCHENKO = {"george-w-bush+viktor-yushchenko"}


@pytest.mark.parametrize("summary", [
    "Президент США Джордж Буш під час зустрічі з Президентом України Віктором Ющенком у Києві "
    "заявив про підтримку надання Україні Плану дій щодо членства в НАТО.",
    "КИЇВ. Президент США Джордж Буш під час зустрічі з Президентом України Віктором Ющенком у "
    "Києві заявив про підтримку.",
])
def test_a_contact_with_the_subject_during_it_is_the_setting_of_its_act(summary: str) -> None:
    assert news("Буш у Києві підтримав прагнення України до НАТО", summary,
                date(2008, 4, 1)) == BUSH_YUSHCHENKO


@pytest.mark.parametrize("title", [
    "Год после Женевы: в Кремле оценили итоги саммита Путина и Байдена",
    "A year after Geneva: Kremlin assesses results of Putin-Biden summit",
])
def test_a_headline_labelled_by_a_time_since_tells_of_the_past(title: str) -> None:
    assert news(title, "", date(2022, 6, 16)) == set()


@pytest.mark.parametrize(("summary", "pairs"), [
    ("President Joe Biden left Brussels for Geneva on Tuesday, saying he would lay out his red "
     "lines to the Russian leader when the two meet on Wednesday.", set()),
    ("Biden said he raised human rights when he met Putin in Geneva.",
     {"joe-biden+vladimir-putin"}),
])
def test_the_english_present_in_a_clause_of_when_is_to_come(summary: str,
                                                           pairs: set[str]) -> None:
    assert held("Geneva", summary, date(2021, 6, 15)) == pairs


def test_a_possible_call_is_no_call() -> None:
    assert held("Kreml äußert sich", "Der Kreml hat Berichte über ein mögliches Telefonat "
                "zwischen Präsident Wladimir Putin und Bundeskanzler Friedrich Merz "
                "zurückgewiesen.", date(2025, 5, 14)) == set()


def test_a_noun_in_a_clause_of_when_keeps_its_modality() -> None:
    assert held("Hryvnia", "This was stated by President Volodymyr Zelenskyy when answering "
                "questions from journalists following the talks with Prime Minister of the "
                "Netherlands Mark Rutte in Kyiv.", date(2022, 2, 2)) == {
        "mark-rutte+volodymyr-zelensky"}


def test_a_clause_of_when_in_the_past_is_no_plan() -> None:
    frames = analyse_text("China and Europe", "When Chinese leader Xi Jinping made his first "
                          "state visit to Europe in 2014, he set out to herald a new era.",
                          date(2022, 7, 18)).frames
    assert [f.modality for f in frames if f.type == "contact"] == ["happened"]


def test_before_as_an_adverb_with_a_past_after_it_opens_no_clause_of_time() -> None:
    frames = analyse_text("Telephone conversation", "In follow up to talks held in Moscow the "
                          "day before, Vladimir Putin had a telephone conversation with Prime "
                          "Minister of the State of Israel Naftali Bennett.",
                          date(2022, 3, 6)).frames
    assert {f.modality for f in frames if f.type == "contact" and f.pairs} == {"happened"}


@pytest.mark.parametrize(("summary", "pairs"), [
    ("Emmanuel Macron doit rencontrer mardi le président chinois Xi Jinping en marge du sommet "
     "du G20 à Bali.", set()),
    ("Scholz soll Xi am Rande des G20-Gipfels in Bali treffen.", set()),
    ("Emmanuel Macron doit rencontrer Xi Jinping en marge des sommets du G20.", set()),
    ("Emmanuel Macron doit rencontrer Xi Jinping en marge de la conférence.", set()),
    ("Modi met Xi on the sidelines of the BRICS summit in Kazan.", {"narendra-modi+xi-jinping"}),
])
def test_a_summit_on_whose_sidelines_a_contact_is_set_pairs_no_one(summary: str,
                                                                   pairs: set[str]) -> None:
    assert held("Summit", summary, date(2022, 11, 14)) == pairs


@pytest.mark.parametrize("summary", [
    "التقى صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي العهد رئيس مجلس "
    "الوزراء، النائب الأول للرئيس الإيراني محمد رضا عارف، على هامش القمة العربية والإسلامية.",
    "استقبل الرئيس عبد الفتاح السيسي اليوم نائب الرئيس الأمريكي.",
])
def test_whom_a_deputy_serves_is_not_met(summary: str) -> None:
    assert held("لقاء", summary, date(2024, 11, 11)) == set()


@pytest.mark.parametrize(("title", "summary", "day", "pairs"), [
    # leaders attending an organisation's summit together met no one in particular
    ("G20", "Xi Jinping, Joe Biden, Emmanuel Macron et Narendra Modi sont réunis à Bali pour un "
     "sommet du G20.", date(2022, 11, 15), set()),
    ("Саміт НАТО", "Лідери країн Альянсу, зокрема Джо Байден, Кір Стармер та Олаф Шольц, "
     "зібралися у Вашингтоні на саміт з нагоди 75-річчя НАТО.", date(2024, 7, 10), set()),
    # two at such a summit did, and a verb says so
    ("G20", "Biden and Xi met on the sidelines of the G20 summit in Bali.", date(2022, 11, 14),
     {"joe-biden+xi-jinping"}),
    # two named by the summit itself held it
    ("Biden-Xi summit at G20 in Bali", "", date(2022, 11, 14), {"joe-biden+xi-jinping"}),
    # whom they signed with they met, each of them
    ("Biden, Kishida sign long-term security pacts with Zelensky at G7 summit in Italy",
     "U.S. President Joe Biden and Japanese Prime Minister Fumio Kishida each signed bilateral "
     "security agreements with Ukraine's Volodymyr Zelensky on Thursday at the G7 summit.",
     date(2024, 6, 13), {"joe-biden+volodymyr-zelensky", "fumio-kishida+volodymyr-zelensky"}),
])
def test_summits_of_organisations_and_accords_signed_with(title: str, summary: str, day: date,
                                                           pairs: set[str]) -> None:
    assert held(title, summary, day) == pairs
