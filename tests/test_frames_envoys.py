"""Whom an envoy, adviser or relative acts for is not whom they met: "Trump Envoy Witkoff
Meets With Putin" (WSJ, 2025) had paired Trump with Putin, and so would have raised "first
contact after a long gap" for two leaders who never met. The leader stays the meeting's
side for the peace talks it may be: a mediator's envoy meeting a side of the war is talks.

The English headlines are real (WSJ World News 2025 in the shared corpus); the others are
written for these tests in the constructions of wire copy.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.contact_frames import paired

DAY = date(2025, 7, 1)


@pytest.mark.parametrize("title", [
    "Trump Envoy Witkoff Meets With Putin as Russia Seeks to Head Off Sanctions",
    "Путин принял спецпосланника Трампа Уиткоффа",
    "Путин встретился с советником Трампа",
    "Зеленський зустрівся з радником Трампа",
    "Zelensky se reúne con el enviado de Trump",
    "Zelensky rencontre l'émissaire de Trump",
    "بوتين يستقبل مبعوث ترامب",
    "习近平会见特朗普的女儿",
    "Putin meets Trump administration officials",
])
def test_the_leader_an_envoy_acts_for_is_not_met(title: str) -> None:
    assert not any("donald-trump" in pair for pair in paired(title, day=DAY))


@pytest.mark.parametrize(("title", "pair"), [
    ("Trump Envoy Witkoff Meets With Putin as Russia Seeks to Head Off Sanctions",
     "steve-witkoff+vladimir-putin"),
    ("Trump ally Orban meets Putin", "viktor-orban+vladimir-putin"),
    ("Putin met Special Envoy Witkoff", "steve-witkoff+vladimir-putin"),
    # The envoy named after the word (no leader): he is met.
    ("Путин принял спецпосланника Уиткоффа", "steve-witkoff+vladimir-putin"),
    ("Путин принял Трампа в Кремле", "donald-trump+vladimir-putin"),
])
def test_the_envoy_or_the_leader_named_as_such_is_met(title: str, pair: str) -> None:
    assert pair in paired(title, day=DAY)


def test_an_envoys_meeting_with_a_side_of_the_war_is_peace_talks() -> None:
    frames = analyse_text("Trump Envoy Makes Push on Ukraine Peace Talks in Meeting With Putin",
                          "", date(2025, 4, 11)).frames
    assert ("peace-talks", "held", "happened") in {(f.type, f.status, f.modality)
                                                   for f in frames}
    assert not [f for f in frames if f.type == "contact" and f.pairs]


@pytest.mark.parametrize("title", [
    "Berlusconi receives Gaddafi envoy in Rome",
    "Berlusconi receives Gaddafi son in Rome",
    "Berlusconi receives Gaddafi sons in Rome",
])
def test_the_leader_of_a_state_with_no_title_of_office_is_not_met_by_his_envoy(title: str) -> None:
    # Gaddafi's first role on record is "Leader of the Libyan Revolution" (no office of
    # state); he led Libya all the same (people.yaml), and his envoy or son is not he.
    day = date(2009, 6, 10)
    assert paired("Berlusconi receives Gaddafi in Rome", day=day) == {
        "muammar-gaddafi+silvio-berlusconi"}
    assert not paired(title, day=day)
