"""Readings the blind sets probe111 and probe112 (written without reading the rules) found
wrong: a meeting told by a participle that opens the sentence, talks told by the years they
lasted, an act in the gerund that someone welcomes, and a claim the report contradicts."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.event_frames import statuses

DAY = date(2025, 3, 18)


@pytest.mark.parametrize("lead", [
    "Réunis mardi à Doha sous l'égide de l'émir du Qatar, Tamim ben Hamad Al Thani, pour tenter "
    "de mettre fin au conflit dans l'est de la RDC, Félix Tshisekedi et Paul Kagame ont appelé à "
    "un cessez-le-feu immédiat et inconditionnel.",
    "Reunidos este martes en Doha para poner fin al conflicto, Félix Tshisekedi y Paul Kagame "
    "pidieron un alto el fuego inmediato.",
])
def test_a_meeting_told_by_an_opening_participle(lead: str) -> None:
    frames = analyse_text("Doha", lead, DAY).frames
    met = {frozenset((a.name, b.name)) for f in frames if f.type == "contact"
           and f.status == "meeting" and f.modality == "happened" for a, b in f.pairs}
    assert frozenset(("Félix Tshisekedi", "Paul Kagame")) in met
    assert ("held", "happened") in statuses("peace-talks", "Doha", lead, DAY)


@pytest.mark.parametrize("lead, backdrop", [
    ("Переговори Боготи з FARC тривали чотири роки, а угоду довелося переписувати.", True),
    ("The peace talks between Bogota and the FARC lasted more than four years.", True),
    ("Las negociaciones de paz entre el Gobierno y las FARC duraron cuatro años.", True),
    ("Les pourparlers de paix entre Bogota et les FARC ont duré quatre ans.", True),
    ("Peace talks in Doha lasted four hours on Tuesday.", False),
])
def test_talks_told_by_the_years_they_lasted_are_history(lead: str, backdrop: bool) -> None:
    talks = [f for f in analyse_text("Colombia", lead, DAY).frames
             if f.type == "peace-talks" and f.status == "held"]
    assert talks and all(("backdrop" in f.flags) == backdrop for f in talks)


@pytest.mark.parametrize("title, modality", [
    ("Khamenei says Iran welcomes restoring relations with Egypt", "hypothetical"),
    ("Iran supports restoring relations with Egypt", "hypothetical"),
    ("UN chief welcomes restoration of Saudi-Iran relations", "happened"),
])
def test_welcoming_an_act_in_the_gerund_is_being_for_it(title: str, modality: str) -> None:
    assert statuses("relations", title, "", date(2023, 5, 29)) == [("restored", modality)]


def test_a_claim_the_report_contradicts_is_denied() -> None:
    lead = ("BOGOTA, Colombia (AP) - Colombia's largest remaining rebel group said Tuesday that "
            "it has not discussed any bilateral cease-fire with the government, contradicting "
            "President Gustavo Petro, who had said on New Year's Eve that a six-month truce with "
            "five armed groups would begin Jan. 1.")
    found = statuses("ceasefire", "Colombia's ELN rebels reject Petro", lead, date(2023, 1, 3))
    assert found and all(modality == "denied" for _, modality in found)
    # (what the report's own source says stands)
    assert statuses("ceasefire", "x", "Petro said a six-month truce would begin on Jan. 1.",
                    date(2023, 1, 3)) == [("agreed", "happened")]


@pytest.mark.parametrize("lead, parties", [
    ("The foreign ministers of Saudi Arabia and Iran met in Beijing on Thursday and said their "
     "embassies would reopen.", {"Saudi Arabia", "Iran"}),
    # (one state named before: "their" stands for no pair of states)
    ("The foreign minister of Iran met reporters and said their embassies would reopen.", None),
])
def test_their_embassies_are_those_of_the_states_named_before(
        lead: str, parties: set[str] | None) -> None:
    frames = [f for f in analyse_text("Diplomats meet", lead, date(2023, 4, 6)).frames
              if f.type == "relations" and f.status == "embassy-reopened"]
    if parties is None:
        assert not frames
    else:
        assert frames and parties <= {p.name for p in frames[0].participants}
