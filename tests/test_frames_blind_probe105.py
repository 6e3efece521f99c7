"""What the blind set of 8 Dec 2026 probe105 (hard negatives that share the positives' words,
64 items in eight languages written by a helper who saw neither the code nor the tests, but
who read by mistake the failure list of tests/data/blind4's first run) found, each as the
mechanism or the words behind it:

- an obituary's headline ("Henry Kissinger, Who Negotiated the Vietnam Cease-Fire and Opened
  Ties With China, Dies at 100", "Mort de Jimmy Carter, l'artisan des accords de paix de Camp
  David", "Muere ...") retells a life: its events are history, the item's backdrop. Only a
  word of dying that opens the headline or ends it with the age after it: "agree ceasefire
  after hostage dies" is no obituary;
- a noun's own qualities and length before it put no distance between it and its act: "called
  on Russia to agree to a full and unconditional 30-day ceasefire" calls for the truce (and
  "безумовне", unconditional, is a Ukrainian quality as "беззастережне" was).

The texts are written for these tests, not copied from the set."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.event_frames import statuses

DAY = date(2023, 11, 30)


@pytest.mark.parametrize("title", [
    "Henry Kissinger, Who Negotiated the Vietnam Cease-Fire and Opened Ties With China, Dies "
    "at 100",
    "Mort de Henry Kissinger, artisan du cessez-le-feu au Vietnam",
    "Muere Henry Kissinger, artífice del alto el fuego en Vietnam",
])
def test_an_obituary_tells_its_events_as_backdrop(title: str) -> None:
    frames = [f for f in analyse_text(title, "He died on Wednesday at his home.", DAY).frames
              if f.type == "ceasefire"]
    assert frames and all("backdrop" in f.flags for f in frames), title


def test_a_death_in_the_news_makes_no_obituary() -> None:
    frames = analyse_text("Israel and Hamas agree ceasefire after hostage dies", "", DAY).frames
    assert any(f.status == "agreed" and "backdrop" not in f.flags for f in frames)


@pytest.mark.parametrize("summary", [
    "The leaders called on Russia to agree to a full and unconditional 30-day ceasefire.",
    "Лідери закликали Росію погодитися на повне й безумовне 30-денне припинення вогню.",
    "Лідери закликали Росію та Білорусь погодитися на безумовне й всеосяжне 30-денне "
    "припинення вогню.",
])
def test_a_nouns_qualities_put_no_distance_between_it_and_its_call(summary: str) -> None:
    assert ("called-for", "happened") in statuses("ceasefire", "Kyiv", summary,
                                                  date(2025, 5, 10))
