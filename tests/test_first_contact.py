"""First contact after a long gap (issue #15): who made contact with whom, whether a gap is
stated, and the contact record that seeds "last contact on record".

Each test names one mechanism and fails without it (each was broken on purpose once)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from alerts.analysis import analyse_text
from alerts.knowledge.contacts import ContactRecord, ContactRecordError, NoContact
from alerts.knowledge.gaps import stated_gaps
from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryEntry, HistoryView


def pairs(title: str, summary: str = "", day: date = date(2022, 4, 28)) -> set[frozenset[str]]:
    found = analyse_text(title, summary, day).frames
    return {frozenset((a.entity_id, b.entity_id)) for f in found if f.type == "contact"
            for a, b in f.pairs}


PUTIN_LOURENCO = frozenset(("vladimir-putin", "joao-lourenco"))


def test_of_inside_an_office_title_is_no_topic():
    """"with President of the Republic of Angola Joao Lourenco": "of" inside a title does
    not make the person a topic of the call (the Kremlin's readouts of 2022)."""
    assert PUTIN_LOURENCO in pairs(
        "Putin call", "Vladimir Putin had a telephone conversation with President of the "
        "Republic of Angola Joao Lourenco at the initiative of the Angolan side.")


def test_of_right_after_the_verb_and_about_still_make_a_topic():
    assert not pairs("Macron spoke of Putin at length", day=date(2022, 3, 1))
    assert not pairs("Macron spoke about Putin", day=date(2022, 3, 1))
    # A counterpart before the topic stays one; the person after the topic is not contacted.
    assert pairs("Scholz spoke with Macron about Putin", day=date(2022, 3, 1)) == {
        frozenset(("olaf-scholz", "emmanuel-macron"))}


def test_the_counterpart_is_in_the_verbs_clause():
    """"Zelensky arrives in Turkey ... but Putin is a no-show" is no Zelensky-Putin contact."""
    assert not any("vladimir-putin" in p for p in pairs(
        "Zelensky Arrives in Turkey to Seek Peace—but Putin Is a No-Show", day=date(2025, 5, 15)))
    assert not any("vladimir-putin" in p for p in pairs(
        "Zelensky meets Erdogan but Putin stays away", day=date(2025, 5, 15)))
    assert frozenset(("volodymyr-zelensky", "recep-tayyip-erdogan")) in pairs(
        "Zelensky meets Erdogan but Putin stays away", day=date(2025, 5, 15))


def test_a_visit_meets_the_leader_of_its_destination_only():
    """The host is the leader of the country the visit goes to, not of a country named
    further off ("a visit that seeks an end to the war between Ukraine and Russia")."""
    # "heads back to Washington" meets its leader, not the Russia named further off.
    assert pairs("Zelensky heads back to Washington",
                 "European leaders are to join the Ukrainian president during a visit that "
                 "seeks a path to ending the war between Ukraine and Russia.",
                 day=date(2025, 8, 18)) == {frozenset(("volodymyr-zelensky", "donald-trump"))}
    assert not pairs("European leaders join the Ukrainian president during a visit that seeks a "
                     "path to ending the war between Ukraine and Russia", day=date(2025, 8, 18))
    assert frozenset(("mohammed-bin-salman", "recep-tayyip-erdogan")) in pairs(
        "Saudi Crown Prince Mohammed bin Salman visits Turkey", day=date(2022, 6, 22))
    # A preposition of place names the destination after the visitor's own noun phrase.
    assert frozenset(("dmytro-kuleba", "wang-yi")) in pairs(
        "Kuleba in China", "It is the first visit by Ukraine's foreign minister Dmytro Kuleba "
        "to China since the war began.", day=date(2024, 7, 24))


# -- gaps the report states (alerts/knowledge/gaps.py) -------------------------------------


DAY = date(2022, 7, 8)


def since(text: str, day: date = DAY) -> list[tuple[date, str]]:
    return [(g.since, g.kind) for g in stated_gaps(text, day)]


def test_a_duration_word_does_not_swallow_the_full_stop_after_it():
    """"...for the first time in years. Israel's new..." is a year, not "years." + "israel's"."""
    assert (DAY - timedelta(days=365.25), "first-since") in since(
        "Leaders speak by phone for the first time in years. Israel's new Prime Minister called.")


def test_for_a_duration_is_a_gap():
    assert (DAY - timedelta(days=5 * 365.25), "first-since") in since(
        "the first such contact between Israeli and Palestinian leaders for five years")


def test_since_an_event_dated_by_its_year():
    assert since("his first visit to an Arab country since the Syrian civil war began in "
                 "2011") == [(date(2011, 12, 31), "first-since")]


@pytest.mark.parametrize("text", [
    "Putin, Erdogan hold first phone talks since last November",
    "Merkel and Putin meet for the first time since this past November",
    "Erstes Telefonat seit vergangenem November",
    "primera reunión desde el pasado noviembre",
    "premier entretien depuis novembre dernier",
])
def test_since_last_month_is_the_last_such_month_before_the_report(text):
    """A month called 'last' is the latest one before the report, in its year or the one
    before: November 2015 said in June 2016, November 2016 said in December 2016."""
    assert set(since(text, date(2016, 6, 29))) == {(date(2015, 11, 30), "first-since")}
    assert set(since(text, date(2016, 12, 20))) == {(date(2016, 11, 30), "first-since")}


@pytest.mark.parametrize("text", [
    "Putin and Erdogan speak for the first time since November last year",
    "первый телефонный разговор с ноября прошлого года",
    "перша розмова з листопада минулого року",
    "premier entretien depuis novembre de l'année dernière",
    "primera reunión desde noviembre del año pasado",
])
def test_a_month_of_last_year_is_in_the_year_before_the_report(text):
    """'November last year' said in December 2016 is November 2015, not a month ago."""
    assert set(since(text, date(2016, 12, 20))) == {(date(2015, 11, 30), "first-since")}
    assert set(since(text, date(2016, 6, 29))) == {(date(2015, 11, 30), "first-since")}


def test_a_first_contact_ever_needs_no_time():
    assert since("The first phone conversation between the President of Ukraine and the Prime "
                 "Minister of Hungary took place.") == [(date.min, "first-ever")]
    assert since("Erstes Telefonat zwischen Scholz und Putin") == [(date.min, "first-ever")]
    assert since("Macron and Scholz met for the first time") == [(date.min, "first-ever")]


@pytest.mark.parametrize("text", [
    "Biden held his first call with Xi as president",
    "Biden held his first call with Xi since taking office",
    "Putin held talks with Macron for the first time this year",
    "Зеленський і Трамп поговорили у Ватикані — вперше після сварки в Білому домі",
    "Zelensky met Marin, who is visiting Ukraine for the first time",
])
def test_a_qualified_first_or_a_first_trip_is_no_first_contact(text):
    assert not [k for _, k in since(text) if k == "first-ever"]


def test_not_having_spoken_for_a_time_is_a_gap():
    assert since("We haven't spoken to him in two years.") == [
        (DAY - timedelta(days=2 * 365.25), "not-since")]


# -- the shipped contact record (alerts/knowledge/contacts.py) --------------------------------

RECORD = """\
sources:
  - {id: k, leader: putin, what: "the Kremlin's news", licence: "CC BY 4.0", from: "2021-10-24",
     to: "2022-06-24", complete: true}
  - {id: z, leader: zelensky, what: "Kyiv's news", licence: "?", from: "2021-10-24",
     to: "2022-06-24", complete: false}
contacts:
  - ["2022-03-09", putin, sall, call, k]
  - ["2022-06-03", putin, sall, meeting, k]
  - ["2021-11-05", zelensky, buric, meeting, z]
"""


@pytest.fixture
def record(tmp_path: Path) -> ContactRecord:
    path = tmp_path / "contacts.yaml"
    path.write_text(RECORD, "utf-8")
    return ContactRecord.load(path)


def test_the_record_gives_the_newest_contact_before_the_day(record):
    found = record.last("sall", "putin", date(2022, 6, 3))  # the day's own contact is excluded
    assert found is not None and found.day == date(2022, 3, 9) and found.kind == "call"
    assert record.last("putin", "sall", date(2022, 6, 4)).day == date(2022, 6, 3)


def test_a_complete_record_says_there_was_no_contact(record):
    found = record.last("putin", "lourenco", date(2022, 4, 28))
    assert isinstance(found, NoContact) and found.day == date(2021, 10, 24)
    assert "every call and meeting of putin from 2021-10-24" in found.describe()
    # An incomplete source says nothing about a pair it has no entry for.
    assert record.last("zelensky", "orban", date(2022, 4, 28)) is None


def test_a_record_speaks_only_for_the_days_it_covers(record):
    """In 2024 a 2022 entry says nothing about a gap: they may have spoken since."""
    assert record.last("putin", "sall", date(2024, 6, 3)) is None
    assert record.last("putin", "lourenco", date(2024, 6, 3)) is None
    assert record.last("zelensky", "buric", date(2022, 5, 9)).day == date(2021, 11, 5)


def test_a_broken_record_says_which_entry_and_what_to_do(tmp_path: Path):
    path = tmp_path / "contacts.yaml"
    path.write_text(RECORD + "  - [\"2022-01-01\", putin, x, call, nowhere]\n", "utf-8")
    with pytest.raises(ContactRecordError, match=r"contact 4 must be .*contact_record.py"):
        ContactRecord.load(path)
    path.write_text(RECORD.replace('"2022-03-09"', '"March 2022"'), "utf-8")
    with pytest.raises(ContactRecordError, match=r"contact 1: 'March 2022' is not a date"):
        ContactRecord.load(path)


def test_the_contact_history_is_seeded_by_the_shipped_record():
    when = datetime(2022, 5, 29, 13, tzinfo=UTC)
    seeded = HistoryView().last("shared:contact", "aleksandar-vucic+vladimir-putin", when)
    assert seeded is not None and seeded.at.date() == date(2022, 4, 6)
    assert seeded.feed_url == "record:kremlin"
    # Other histories and a view asked not to read it are left alone.
    assert HistoryView().last("rule:x", "aleksandar-vucic+vladimir-putin", when) is None
    assert HistoryView(record=False).last("shared:contact",
                                          "aleksandar-vucic+vladimir-putin", when) is None
    # What the stream saw later wins over the record.
    view = HistoryView()
    view.add(HistoryEntry("shared:contact", "aleksandar-vucic+vladimir-putin",
                          datetime(2022, 5, 1, tzinfo=UTC), "f", "seen"))
    assert view.last("shared:contact", "aleksandar-vucic+vladimir-putin", when).title == "seen"


def _readout(title: str, summary: str, when: datetime) -> Item:
    return Item(feed_url="test:", feed_name="test", key=title, guid=None, link=None,
                title=title, summary=summary, published=when)


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet(load_rules([shipped_rules_dir()], None))


def test_first_contact_reads_the_record(rules):
    """Putin's first call with Angola's president in the Kremlin's complete record fires;
    a call with Vucic, who had spoken with him seven weeks before, does not."""
    lourenco = _readout("Telephone conversation with President of Angola Joao Lourenco",
                        "Vladimir Putin had a telephone conversation with President of the "
                        "Republic of Angola Joao Lourenco.", datetime(2022, 4, 28, 13, tzinfo=UTC))
    (match,) = [m for m in rules.match(lourenco, now=lourenco.published, history=HistoryView())
                if m.rule_id == "first-contact-after-gap"]
    assert "en.kremlin.ru" in match.explanation and "2021-10-24" in match.explanation
    vucic = _readout("Telephone conversation with Serbian President Aleksandar Vucic",
                     "President Vladimir Putin had a telephone conversation with Serbian "
                     "President Aleksandar Vucic.", datetime(2022, 5, 29, 13, tzinfo=UTC))
    assert not [m for m in rules.match(vucic, now=vucic.published, history=HistoryView())
                if m.rule_id == "first-contact-after-gap"]


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not (CORPUS / "kremlin-zelenskyy-press-releases").is_dir(),
                    reason=f"the contact record is built from {CORPUS}, which is absent")
def test_the_shipped_record_is_what_the_script_builds_from_its_source():
    import importlib.util

    from alerts.knowledge.contacts import DATA

    path = Path(__file__).parent / "tools" / "contact_record.py"
    spec = importlib.util.spec_from_file_location("contact_record", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    # The script reads the releases with the analysis pass, which other changes refine: the
    # shipped file may lag a few entries behind, never more than 2 in 100.
    built = {line for line in module.build(CORPUS).splitlines() if line.startswith("  - [")}
    shipped = {line for line in DATA.read_text("utf-8").splitlines() if line.startswith("  - [")}
    assert len(shipped) > 300
    assert len(built ^ shipped) <= len(shipped) // 50, (
        "alerts/knowledge/data/contacts.yaml differs from what tests/tools/contact_record.py "
        f"builds by {len(built ^ shipped)} entries: run the script and commit the file")


# -- who counts as a leader of a state ---------------------------------------------------------

def test_heads_of_organisations_and_former_ministers_hold_no_state_office():
    from alerts.knowledge import knowledge_base
    from alerts.knowledge.contacts import state_office

    people = knowledge_base().entities
    day = date(2022, 6, 3)
    assert state_office(people["vladimir-putin"], day).country == "RU"
    assert state_office(people["macky-sall"], day).country == "SN"  # also the AU's chair
    assert state_office(people["antonio-guterres"], day) is None  # the UN's, once Portugal's
    assert state_office(people["moussa-faki-mahamat"], day) is None  # the AU Commission's
    assert state_office(people["charles-michel"], day) is None  # the European Council's
    # Croatia's foreign minister until 2019, the Council of Europe's Secretary General in 2022.
    assert state_office(people["marija-pejcinovic-buric"], day) is None
    assert state_office(people["marija-pejcinovic-buric"], date(2018, 6, 1)).country == "HR"


def test_leader_pairs_keep_leaders_of_two_states_only():
    from alerts.analysis.model import Participant
    from alerts.knowledge import knowledge_base
    from alerts.knowledge.contacts import leader_pairs

    def person(entity_id: str, country: str) -> Participant:
        return Participant(entity_id, entity_id, "person", "parties", entity_id, entity_id,
                           country)

    putin, sall = person("vladimir-putin", "RU"), person("macky-sall", "SN")
    faki = person("moussa-faki-mahamat", "AFRICAN-UNION")
    # Someone only the user's knowledge holds counts by the state the analysis gave them.
    mayor, envoy = person("a-user-added-minister", "FR"), person("a-user-added-envoy", "UN")
    entities = knowledge_base().entities
    day = date(2022, 6, 3)
    got = leader_pairs([(putin, sall), (putin, faki), (putin, mayor), (putin, envoy)], day,
                       entities)
    assert got == [(putin, sall), (putin, mayor)]
    assert leader_pairs([(putin, person("dmitry-medvedev", "RU"))], day, entities) == []


# -- the rule: leaders of states, and what explain says ------------------------------------------

def _first_contact(rules: RuleSet, item: Item) -> list:
    return [m for m in rules.match(item, now=item.published, history=HistoryView())
            if m.rule_id == "first-contact-after-gap"]


def test_heads_of_organisations_are_no_leaders_of_states(rules):
    """Putin's first meeting with the UN's Secretary-General in the Kremlin's record, and the
    AU Commission's chair beside Senegal's president (who had phoned in March), are no first
    contact between leaders of states."""
    guterres = _readout("Meeting with UN Secretary-General Antonio Guterres",
                        "Vladimir Putin is holding a meeting with Secretary-General of the United "
                        "Nations Antonio Guterres in the Kremlin.",
                        datetime(2022, 4, 26, 20, tzinfo=UTC))
    assert not _first_contact(rules, guterres)
    (trace,) = [rules.trace(r, guterres, now=guterres.published, history=HistoryView())
                for r in rules.enabled if r.id == "first-contact-after-gap"]
    assert "in office on the day" in "\n".join(trace.lines())
    sall = _readout("Meeting with African Union Chairperson, President of Senegal Macky Sall",
                    "Vladimir Putin held talks with Chairperson of the African Union, President "
                    "of Senegal Macky Sall with the participation of Chairperson of the African "
                    "Union Commission Moussa Faki Mahamat.", datetime(2022, 6, 3, 14, tzinfo=UTC))
    assert not _first_contact(rules, sall)
    # A member of Bosnia's Presidency is one of its heads of state.
    dodik = _readout("Meeting with Member of Bosnia and Herzegovina Presidency Milorad Dodik",
                     "Vladimir Putin had a meeting with Serbian Member of the Presidency of Bosnia "
                     "and Herzegovina Milorad Dodik.", datetime(2022, 6, 18, tzinfo=UTC))
    assert _first_contact(rules, dodik)


def test_a_first_contact_ever_is_explained_as_one(rules):
    item = _readout("The first phone call between Macron and Milei took place",
                    "", datetime(2025, 3, 1, 12, tzinfo=UTC))
    (match,) = _first_contact(rules, item)
    assert "the report says it is their first contact ever: 'first phone call between'" \
        in match.explanation
    assert "0001-01-01" not in match.explanation


# -- who says "I", and a gap stated as a contact that did not happen ------------------------------

def test_i_is_the_speaker_the_headline_names():
    """In "Address by President Volodymyr Zelenskyy", "I had a phone conversation with
    Alexander Lukashenko" is Zelensky's call; without a speaker in the headline, "I" is no one."""
    lukashenko = frozenset(("volodymyr-zelensky", "alexander-lukashenko"))
    text = "I had a phone conversation with Alexander Lukashenko."
    day = date(2022, 2, 27)
    assert lukashenko in pairs("Address by President Volodymyr Zelenskyy to the citizens", text,
                               day=day)
    assert not pairs("Evening address to the citizens", text, day=day)
    assert not pairs("Zelenskyy visits the front", text, day=day)
    assert not pairs("Address by President Volodymyr Zelenskyy to the citizens",
                     "Officials had a phone conversation with Alexander Lukashenko.", day=day)


def test_a_denied_contact_states_a_gap_only_as_not_since(rules):
    address = _readout("Address by President Volodymyr Zelenskyy to the citizens",
                       "I had a phone conversation with Alexander Lukashenko. We haven't spoken "
                       "to him in two years.", datetime(2022, 2, 27, 18, tzinfo=UTC))
    (match,) = _first_contact(rules, address)
    assert "haven't spoken to him in two years" in match.explanation
    # A denial's "first time since" is no gap of the contact that happened.
    denied = _readout("Lula met Pedro Sanchez in Brasilia",
                      "Officials denied that Lula spoke with Macron for the first time since 2019.",
                      datetime(2025, 3, 1, 12, tzinfo=UTC))
    assert not _first_contact(rules, denied)
    said = _readout("Lula met Pedro Sanchez in Brasilia, their first meeting since 2019", "",
                    datetime(2025, 3, 1, 12, tzinfo=UTC))
    assert _first_contact(rules, said)  # the pair and the day do match with a gap said


# -- what makes a first contact: leaders, and a visit that names whom it met ---------------------

def test_a_minister_of_another_portfolio_than_foreign_affairs_is_no_leader():
    """Leaders here are those who speak for a state abroad by virtue of office: heads of state
    and of government and foreign ministers (VCLT art. 7(2)(a)), crown princes and ruling
    party leaders. A defence secretary is not (Zelensky receiving Ben Wallace is the routine
    of a portfolio), nor an adviser (Yermak speaking with Sullivan)."""
    from alerts.analysis.model import Participant
    from alerts.knowledge import knowledge_base
    from alerts.knowledge.contacts import leader_pairs, speaks_for_the_state

    assert not any(speaks_for_the_state(office) for office in (
        "defence-minister", "other", "secretary-general"))
    assert all(speaks_for_the_state(office) for office in (
        "head-of-state", "head-of-government", "foreign-minister", "crown-prince",
        "party-leader"))

    def person(entity_id: str, country: str) -> Participant:
        return Participant(entity_id, entity_id, "person", "parties", entity_id, entity_id,
                           country)

    zelensky, wallace = person("volodymyr-zelensky", "UA"), person("ben-wallace", "GB")
    truss = person("liz-truss", "GB")
    entities = knowledge_base().entities
    day = date(2022, 6, 10)
    assert leader_pairs([(zelensky, wallace), (zelensky, truss)], day, entities) == [
        (zelensky, truss)]
    yermak, sullivan = person("andriy-yermak", "UA"), person("jake-sullivan", "US")
    assert leader_pairs([(yermak, sullivan)], date(2022, 5, 24), entities) == []


@pytest.mark.parametrize("title", [
    "Zelensky met Ben Wallace, their first meeting since 2020",
    "Selenskyj traf Ben Wallace zum ersten Mal seit 2020",
    "Zelensky rencontre Ben Wallace pour la première fois depuis 2020",
    "Zelenski se reunió con Ben Wallace por primera vez desde 2020",
])
def test_a_stated_gap_with_a_defence_minister_is_no_first_contact(rules, title):
    when = datetime(2022, 6, 10, 19, tzinfo=UTC)
    wallace = _readout(title, "", when)
    assert not _first_contact(rules, wallace)
    (trace,) = [rules.trace(r, wallace, now=when, history=HistoryView())
                for r in rules.enabled if r.id == "first-contact-after-gap"]
    assert "a minister of another portfolio" in "\n".join(trace.lines())
    # The same words with a foreign minister are one.
    assert _first_contact(rules, _readout(title.replace("Ben Wallace", "Liz Truss"), "", when))


# A visit to a country whose leader the report neither names nor says the visitor met: the gap
# it states is in visits to the country ("MBS visits Turkey for first time since Khashoggi
# murder", "the first visit by any Russian leader in 32 years"), not in contact between two
# leaders. Naming the host anywhere (by name or office) makes it one.
VISITS = [  # (the visit with a stated gap, a sentence naming the host)
    ("Russian President Vladimir Putin visits Turkey for first time since 2018",
     "He met President Erdogan in Ankara."),
    ("Le président russe Vladimir Poutine en visite en Turquie, une première depuis 2018",
     "Il a été reçu par Recep Tayyip Erdogan."),
    ("Russlands Präsident Wladimir Putin zu Besuch in der Türkei – erstmals seit 2018",
     "Präsident Erdogan empfing ihn in Ankara."),
    ("El presidente ruso Vladimir Putin visita Turquía por primera vez desde 2018",
     "Fue recibido por el presidente Erdogan."),
    ("Президент России Владимир Путин впервые с 2018 года посетил Турцию",
     "Его принял Реджеп Тайип Эрдоган."),
    ("Президент Росії Володимир Путін вперше з 2018 року відвідав Туреччину",
     "Його прийняв Реджеп Тайїп Ердоган."),
    ("الرئيس الروسي فلاديمير بوتين يزور تركيا لأول مرة منذ 2018",
     "واستقبله الرئيس أردوغان في أنقرة."),
    ("俄罗斯总统普京2018年以来首次访问土耳其", "埃尔多安在安卡拉会见了他。"),
]


@pytest.mark.parametrize("title,host", VISITS)
def test_a_first_visit_to_a_country_is_no_first_contact_with_an_unnamed_leader(rules, title,
                                                                               host):
    when = datetime(2025, 6, 22, 13, tzinfo=UTC)  # after the shipped record's last day
    visit = _readout(title, "", when)
    assert not _first_contact(rules, visit)
    (trace,) = [rules.trace(r, visit, now=when, history=HistoryView())
                for r in rules.enabled if r.id == "first-contact-after-gap"]
    assert "a first visit to a country is no first contact with its leader" in "\n".join(
        trace.lines())
    assert _first_contact(rules, _readout(title, host, when))


# -- more ways a report states the gap (gaps.py), in the languages each applies to ---------------

JUNE = date(2025, 6, 1)


def gaps_on(text: str, day: date = JUNE) -> set[tuple[date, str]]:
    return {(g.since, g.kind) for g in stated_gaps(text, day)}


@pytest.mark.parametrize("text", [
    "Macron called Putin, ending two years of silence",
    "Macron a appelé Poutine après deux ans de silence",
    "Macron rompt un silence de deux ans avec Poutine",
    "Macron telefonierte nach zwei Jahren Funkstille mit Putin",
    "Macron llamó a Putin tras dos años de silencio",
    "Макрон позвонил Путину после двух лет молчания",
    "Макрон зателефонував Путіну після двох років мовчання",
    "ماكرون اتصل ببوتين بعد عامين من القطيعة",
])
def test_ending_a_silence_states_the_gap(text):
    assert gaps_on(text) == {(JUNE - timedelta(days=2 * 365.25), "first-since")}


def test_months_of_silence_are_read_conservatively():
    """"Months" without a number is at least one: no gap of more than 180 days is claimed."""
    assert gaps_on("Trump called Petro, ending months of silence") == {
        (JUNE - timedelta(days=30.44), "first-since")}


@pytest.mark.parametrize("text", [
    "It was their first meeting",
    "C'était leur premier entretien",
    "Es war ihr erstes Treffen",
    "Это была их первая встреча",
    "Це була їхня перша зустріч",
    "It was their first-ever meeting",
])
def test_their_first_contact_is_a_first_ever(text):
    assert gaps_on(text) == {(date.min, "first-ever")}


@pytest.mark.parametrize("text", [
    "It was their first meeting in Beijing",
    "It was their first meeting as presidents",
    "C'était leur premier entretien à Paris",
])
def test_their_first_contact_somewhere_or_as_something_is_no_first_ever(text):
    assert not gaps_on(text)


@pytest.mark.parametrize("text", [
    "their first meeting in person since 2019",
    "premier entretien en face à face depuis 2019",
    "primer encuentro en persona desde 2019",
    "das erste Treffen in Präsenz seit 2019",
])
def test_a_word_like_a_preposition_before_the_time_is_stepped_over(text):
    """"en face à face depuis 2019": the "en" is no time, the "depuis" after it is."""
    assert [(str(g.since), g.contact) for g in stated_gaps(text, JUNE)] == [
        ("2019-12-31", "in-person")]


@pytest.mark.parametrize("text,years", [
    ("for the first time in almost three years", 3),
    ("for the first time in nearly two years", 2),
    ("pour la première fois depuis presque trois ans", 3),
    ("впервые почти за два года", 2),
])
def test_almost_n_years_is_less_than_n(text, years):
    assert gaps_on(text) == {(JUNE - timedelta(days=0.9 * years * 365.25), "first-since")}


@pytest.mark.parametrize("text,since", [
    ("لأول مرة منذ ثلاث سنوات", JUNE - timedelta(days=3 * 365.25)),
    ("لأول مرة منذ عامين", JUNE - timedelta(days=2 * 365.25)),
    ("أول اتصال منذ خمس سنوات", JUNE - timedelta(days=5 * 365.25)),
])
def test_arabic_numbers_and_duals(text, since):
    assert gaps_on(text) == {(since, "first-since")}


@pytest.mark.parametrize("text", [
    "their first call since February 28",
    "leur premier appel depuis le 28 février",
    "ihr erstes Telefonat seit dem 28. Februar",
    "su primera llamada desde el 28 de febrero",
    "их первый разговор с 28 февраля",
    "їхня перша розмова від 28 лютого",
])
def test_a_day_without_a_year_is_the_last_such_day(text):
    """Read as the last 28 February up to the report's date, never as a first contact ever."""
    assert gaps_on(text, date(2025, 4, 26)) == {(date(2025, 2, 28), "first-since")}
    assert gaps_on(text, date(2025, 2, 20)) == {(date(2024, 2, 28), "first-since")}


def test_a_chinese_year_is_no_number_of_years():
    assert gaps_on("2019年以来首次会晤") == {(date(2019, 12, 31), "first-since")}
    assert gaps_on("5年来首次会晤") == {(JUNE - timedelta(days=5 * 365.25), "first-since")}


# -- a gap counted from something the reader cannot date ----------------------------------------

@pytest.mark.parametrize("text,phrase", [
    ("MBS met Erdogan for the first time since the Khashoggi murder",
     "for the first time since the khashoggi murder"),
    ("Macron et Poutine se parlent pour la première fois depuis le sommet",
     "pour la premiere fois depuis le sommet"),
    ("Scholz trifft Putin zum ersten Mal seit dem Gipfel", "zum ersten mal seit dem gipfel"),
    ("Sánchez y Mohamed VI se reúnen por primera vez desde la crisis",
     "por primera vez desde la crisis"),
    ("ماكرون وبوتين يلتقيان لأول مرة منذ القمة", "لاول مرة منذ القمة"),
])
def test_a_gap_from_an_undated_event_has_no_length(text, phrase):
    from alerts.knowledge.gaps import undated_gaps

    assert not stated_gaps(text, JUNE)
    assert undated_gaps(text, JUNE) == [phrase]


def test_an_undated_gap_is_neither_a_gap_nor_one_in_with_words():
    from alerts.knowledge.gaps import undated_gaps

    assert undated_gaps("their first meeting since 2019", JUNE) == []  # dated
    assert undated_gaps("Путин провел первый разговор с Макроном", JUNE) == []  # "с": with


def test_the_rule_says_an_undated_gap_cannot_pass_its_threshold_and_asks_history(rules):
    """No date for "the summit": the rule claims no gap from the words; the history decides,
    and explain says so."""
    when = datetime(2025, 6, 22, 12, tzinfo=UTC)
    item = _readout("Putin held talks with Erdogan, their first meeting since the summit", "",
                    when)
    (trace,) = [rules.trace(r, item, now=when, history=HistoryView())
                for r in rules.enabled if r.id == "first-contact-after-gap"]
    assert not trace.ok
    assert ("a gap of unknown length ('first meeting since the summit')"
            in "\n".join(trace.lines()))
    history = HistoryView(record=False)
    history.add(HistoryEntry("shared:contact", "recep-tayyip-erdogan+vladimir-putin",
                             datetime(2024, 1, 5, tzinfo=UTC), "test:", "an old call"))
    assert [m for m in rules.match(item, now=when, history=history)
            if m.rule_id == "first-contact-after-gap"]


@pytest.mark.parametrize("text,since", [
    ("بوتين وشولتس يتحدثان هاتفيا لأول مرة منذ نحو عامين", date(2022, 11, 16)),  # about
    ("لأول مرة منذ أكثر من عامين", date(2022, 11, 16)),  # more than
    ("لأول مرة منذ قرابة ثلاث سنوات", date(2022, 3, 5)),  # nearly: less than three
])
def test_arabic_approximations(text, since):
    assert gaps_on(text, date(2024, 11, 15)) == {(since, "first-since")}


@pytest.mark.parametrize("text", [
    "ترامب وبوتين يلتقيان في ألاسكا لأول مرة منذ 2019",
    "التقى الرئيسان لأول مرة منذ 2019",
    "Trump and Putin meet in Alaska for the first time since 2019",
])
def test_a_meeting_verb_makes_the_gap_one_in_person(text):
    assert {g.contact for g in stated_gaps(text, JUNE)} == {"in-person"}
