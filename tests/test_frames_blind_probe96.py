"""What the blind set of 7 Dec 2026 probe96 (all four rules as outlets of Asia, Latin America,
Africa and Eastern Europe write them, 150 items in eight languages written by a helper who
saw neither the code nor the tests) found, each as the mechanism or the words behind it:

- the German infinitive before its modal at the clause's end, the modal in the past too,
  plans the event: "wonach Russland und die Ukraine in Katar verhandeln wollten" (wanted to
  negotiate), as "sprechen soll" already did for a contact;
- a team's pay dispute is no war: "Super Eagles, NFF declare truce over bonus row".

The texts are written for these tests, not copied from the set."""

from __future__ import annotations

from datetime import date

from alerts.analysis import analyse_text
from tests.contact_frames import held

DAY = date(2024, 8, 20)


def test_an_infinitive_before_a_past_modal_is_a_plan() -> None:
    frames = analyse_text("Katar", "Der Kreml hat Berichte zurückgewiesen, wonach Russland und "
                          "die Ukraine in Katar über Energieanlagen verhandeln wollten.",
                          DAY).frames
    talks = [f for f in frames if f.type == "peace-talks" and f.sentence == 1]
    assert talks and all(f.modality == "planned" for f in talks)
    # without the modal they were held
    frames = analyse_text("Katar", "Russland und die Ukraine haben in Katar über einen "
                          "Waffenstillstand verhandelt.", DAY).frames
    assert any(f.modality == "happened" for f in frames if f.type == "peace-talks")
    assert held("Treffen", "Scholz reiste nach Paris, wo er Macron treffen wollte.",
                date(2022, 5, 9)) == set()
    # a participle before the passive's auxiliary is no infinitive: "as long as it is
    # negotiated"
    frames = analyse_text("Waffen", "Solange in Katar über einen Waffenstillstand verhandelt "
                          "wird, schweigen die Waffen.", DAY).frames
    assert all(f.modality != "planned" for f in frames if f.type == "peace-talks")


def test_a_truce_over_a_bonus_row_is_a_figure() -> None:
    frames = analyse_text("Super Eagles, NFF declare truce over bonus row", "", DAY).frames
    assert [f.flags for f in frames if f.type == "ceasefire"] == [frozenset({"metaphor"})]
