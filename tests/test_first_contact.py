"""First contact after a long gap (issue #15): who made contact with whom, whether a gap is
stated, and the contact record that seeds "last contact on record".

Each test names one mechanism and fails without it (each was broken on purpose once)."""

from __future__ import annotations

from datetime import date

from alerts.analysis import analyse_text


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
    assert not pairs("Zelensky heads back to Washington",
                     "European leaders are to join the Ukrainian president during a visit that "
                     "seeks a path to ending the war between Ukraine and Russia.",
                     day=date(2025, 8, 18))
    assert frozenset(("mohammed-bin-salman", "recep-tayyip-erdogan")) in pairs(
        "Saudi Crown Prince Mohammed bin Salman visits Turkey", day=date(2022, 6, 22))
