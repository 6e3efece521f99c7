"""Peace talks from who met whom (issue #15): the sides of a war and its mediators
(`conflicts:` in alerts/knowledge/data/states.yaml and in users' knowledge), talks named by
their format, talks under way ("in talks with"), a gerund that is a verb ("after meeting
Russia's Lavrov"), and words said only of the talks as their subject ("negotiations
struggled").

The texts are written for these tests in the constructions seen on real wire copy; they are
run through the shipped lexicon, conflicts and knowledge base.
"""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from alerts.analysis import analyse_text
from alerts.knowledge.base import knowledge_base
from alerts.knowledge.user import read_folder


def talks(title: str, summary: str = "", day: date = date(2025, 8, 6)) -> list[tuple[str, str]]:
    """(status, position) of every peace-talks frame with a status that happened."""
    return [(f.status, f.position) for f in analyse_text(title, summary, day).frames
            if f.type == "peace-talks" and f.status and f.modality == "happened"]


def contact_pairs(title: str, summary: str = "", day: date = date(2025, 5, 15)) -> set:
    """The pairs of the contacts that happened."""
    return {frozenset((a.entity_id, b.entity_id)) for f in analyse_text(title, summary, day).frames
            if f.type == "contact" and f.modality == "happened" for a, b in f.pairs}


# -- the sides of a war --------------------------------------------------------------------


def test_talks_between_the_people_of_two_sides_of_a_war_are_peace_talks():
    day = date(2021, 11, 26)
    assert ("held", "lead") in talks("Meeting in Sochi", "Trilateral talks were held in Sochi "
                                     "between Ilham Aliyev and Nikol Pashinyan.", day)
    # The same meeting once the war had ended is no peace talks by its sides alone.
    assert not talks("Meeting in Sochi", "Trilateral talks were held in Sochi between Ilham "
                     "Aliyev and Nikol Pashinyan.", date(2026, 3, 1))
    # Country names are often the topic, not the parties: no people of both sides, no war.
    assert not talks("Russia and NATO meet for talks on the Ukraine crisis", day=date(2022, 1, 12))
    assert not talks("Putin and Erdogan held talks in Sochi", day=date(2022, 8, 5))


def test_the_evidence_names_the_war():
    frames = [f for f in analyse_text("Aliyev and Pashinyan held talks in Brussels", "",
                                      date(2023, 5, 14)).frames if f.type == "peace-talks"]
    assert any("Nagorno-Karabakh" in f.words("purpose") for f in frames)


# -- a side and a mediator -----------------------------------------------------------------


def test_a_mediator_meeting_a_side_while_the_item_names_the_war():
    assert ("held", "headline") in talks("US envoy Witkoff meets with Putin in Moscow",
                                         "The Kremlin wants to head off sanctions over its war in "
                                         "Ukraine.")
    # The lead names the war's other side.
    assert ("held", "headline") in talks("Rubio and Lavrov meet in Kuala Lumpur",
                                         "Their first talks since Russia's invasion of Ukraine "
                                         "was discussed.", date(2025, 7, 10))


def test_a_mediator_meeting_without_the_war_named_is_a_contact_only():
    assert not talks("US envoy Witkoff meets with Putin in Moscow",
                     "The Kremlin wants to head off sanctions.")
    # A purpose word does not say which war: "the peace process" names no other side.
    assert not talks("Zelensky met Scholz in Kyiv",
                     "They discussed security and the peace process.", date(2022, 2, 14))
    # The other side named only further down the summary is not the news.
    assert not talks("Zelensky meets Trump at the White House",
                     "The leaders spoke for two hours. Trump later phoned Putin.",
                     date(2025, 10, 17))


def test_a_mediator_only_in_its_period_and_an_ally_is_no_mediator():
    # The United States backed Ukraine in 2022 and mediated from 2025.
    assert not talks("Biden meets Zelensky at the White House",
                     "They discussed the war with Russia.", date(2022, 12, 21))
    assert talks("Trump meets Zelensky at the White House",
                 "They discussed the war with Russia.", date(2025, 8, 18))
    # The United States is Israel's ally, not a mediator of the war in Gaza.
    assert not talks("Netanyahu meets Trump at the White House",
                     "They discussed the war in Gaza and a ceasefire.", date(2025, 7, 7))


def test_a_meeting_to_call_for_a_ceasefire_is_not_negotiating_one():
    assert not talks("Tshisekedi et Kagame se rencontrent à Doha et appellent à un "
                     "cessez-le-feu", day=date(2025, 3, 18))


# -- words of talks ------------------------------------------------------------------------


def test_a_negotiation_format_is_peace_talks():
    assert ("held", "headline") in talks("Talks of the Normandy Four advisers ended in Berlin",
                                         day=date(2022, 2, 10))
    assert ("held", "lead") in talks("Regarding the advisers' meeting", "The meeting of "
                                     "advisers of the Normandy format countries took place in "
                                     "Paris.", date(2022, 1, 26))
    day = date(2022, 2, 10)
    for title in ("Встреча советников в нормандском формате состоялась в Париже",
                  "Les conseillers du format Normandie se sont réunis à Paris",
                  "Los asesores del formato de Normandía se reunieron en París",
                  "Переговори в нормандському форматі відбулися в Берліні",
                  "اجتماع صيغة نورماندي عقد في برلين",
                  "诺曼底模式会谈在柏林举行"):
        assert ("held", "headline") in talks(title, day=day), title


def test_in_talks_with_is_talks_under_way():
    assert ("held", "headline") in talks("US troops are in talks with rebels in Falluja",
                                         day=date(2004, 10, 1))
    for title in ("Le gouvernement est en négociations avec les rebelles",
                  "El gobierno está en negociaciones con los rebeldes",
                  "Правительство находится в переговорах с повстанцами",
                  "Die Regierung ist in Gesprächen mit den Rebellen"):
        assert ("held", "headline") in talks(title, day=date(2004, 10, 1)), title
    # "in talks with" after a noun names the talks, it does not say someone is in them.
    assert not talks("Kyiv's position in talks with Russia will depend on the front",
                     "It wants to end the war.", date(2022, 4, 20))
    assert not talks("Rebels free troops to rebuild confidence in talks with the government",
                     day=date(2004, 10, 1))
    assert not talks("Kyiv sets its aims", "In negotiations with Russia, Ukraine will do its "
                     "utmost to end the war.", date(2022, 4, 20))


def test_a_stall_said_only_of_the_talks_as_subject():
    assert ("stalled", "lead") in talks("What the talks achieved", "The peace negotiations "
                                        "have struggled to resolve the territory question.")
    assert not talks("US and NATO struggle to decipher the status of peace negotiations")


def test_an_ing_contact_word_with_its_object_is_a_verb():
    assert ("held", "headline") in talks("Rubio cites new path to Ukraine peace talks after "
                                         "meeting Russia's Lavrov", day=date(2025, 7, 10))
    # A noun with a determiner stays a noun (and "after the meeting" is background).
    assert not talks("Rubio cites new path to Ukraine peace talks after the meeting with "
                     "Russia's delegation", day=date(2025, 7, 10))
    assert not talks("Zelensky doubts the meeting Putin proposed", day=date(2025, 7, 10))
    # Only something done: "against meeting Putin" is no meeting.
    assert not talks("Zelensky warns against meeting Putin", day=date(2025, 7, 10))


def test_a_relative_clause_of_place_ends_the_visit():
    """"arrived in Turkey, where Putin never came": Putin is not whom he met."""
    assert not any("vladimir-putin" in p for p in contact_pairs(
        "Зеленський прибув до Туреччини, куди так і не приїхав Путін"))
    assert not any("vladimir-putin" in p for p in contact_pairs(
        "Зеленский прибыл в Турцию, куда так и не приехал Путин"))


# -- the conflicts' sides and mediators (knowledge/data/states.yaml, users' knowledge) -----


def test_the_shipped_conflicts_name_known_states():
    kb = knowledge_base()
    for war in kb.conflicts:
        codes = set(war.parties).union(*war.sides, *(who for who, _, _ in war.mediators))
        unknown = sorted(c for c in codes if c not in kb.entities)
        assert not unknown, f"{war.id}: unknown codes {unknown}"
        assert len(war.sides) in (0, 2), war.id
    # Two states at war with no one else are its two sides; a war with an armed group has
    # no state on its other side unless the file says so (Rwanda in eastern Congo).
    wars = {w.id: w for w in kb.conflicts}
    assert wars["russia-ukraine"].sides == (("RU",), ("UA",))
    assert wars["yemen"].sides == ()
    assert wars["drc-m23"].sides == (("CD",), ("RW",))


def test_a_user_conflict_brings_its_sides_and_mediators(tmp_path):
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "wars.yaml").write_text(textwrap.dedent("""\
        conflicts:
          - id: ruritania-freedonia
            name: the Ruritania-Freedonia war
            parties: [RU, GE]
            theatre: [GE]
            from: "2030-01-01"
            to: null
            mediators:
              - {who: [CH], from: "2030-02-01", to: null}
        """), "utf-8")
    assert read_folder(folder).problems == []
    kb = knowledge_base(folder)
    assert kb.war_between("RU", "GE", date(2030, 3, 1)).id == "ruritania-freedonia"
    assert kb.war_between("CH", "GE", date(2030, 3, 1), mediator=True) is not None
    assert kb.war_between("CH", "GE", date(2030, 1, 15), mediator=True) is None  # not yet
    assert kb.war_between("RU", "GE", None) is None  # undated text: no war going on


@pytest.mark.parametrize(("entry", "says"), [
    ("sides: [[RU]]", "'sides' is two lists of state codes"),
    ("mediators: [CH]", "each of 'mediators' is {who: [codes]"),
    ("mediators: [{who: [CH], from: soon}]", "a mediator's 'from' 'soon' is not a date"),
    ("mediators: [{who: [CH], when: 2030}]", "unknown key 'when' in a mediator"),
])
def test_a_malformed_conflict_is_a_clear_error(tmp_path, entry, says):
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "wars.yaml").write_text(
        "conflicts:\n  - id: x-y\n    parties: [RU, GE]\n    theatre: [GE]\n"
        f"    from: \"2030-01-01\"\n    {entry}\n", "utf-8")
    problems = [str(p) for p in read_folder(folder).problems]
    assert any(f"wars.yaml:6: {says}" in p for p in problems), problems


def test_an_interview_is_a_view_of_the_news_not_its_report():
    for title in ("Interview: spokesperson on sticking points in peace talks",
                  "Интервью: представитель о трудностях мирных переговоров"):
        frames = [f for f in analyse_text(title, "", date(2022, 3, 20)).frames
                  if f.type == "peace-talks"]
        assert frames and all("opinion" in f.flags for f in frames), title
    # Not an opener: an interview named inside a report flags nothing.
    frames = [f for f in analyse_text("Peace talks stall, spokesperson says in interview", "",
                                      date(2022, 3, 20)).frames if f.type == "peace-talks"]
    assert frames and not any("opinion" in f.flags for f in frames)
