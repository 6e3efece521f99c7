"""A ceasefire said to be needed is called for (issue #15, blind set failure class 11):
"Humanitarian truce needed now in southern Tripoli, UN envoy Salame says", "Un cessez-le-feu
est nécessaire", "Eine Waffenruhe ist dringend nötig", "Перемирие необходимо". The predicate
of necessity is said of the ceasefire as its subject (after it); a negated one ("no truce is
needed", "ist nicht nötig") calls for nothing, and one before it says what a ceasefire needs
("what is needed for a lasting truce").

The texts are written for these tests, in every shipped language they apply to, and run
through the shipped lexicon and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2019, 4, 20)


def calls(title: str, summary: str = "") -> list[str]:
    """The flags of every ceasefire frame called for that happened."""
    return [",".join(sorted(f.flags)) for f in analyse_text(title, summary, DAY).frames
            if f.type == "ceasefire" and f.status == "called-for" and f.modality == "happened"]


@pytest.mark.parametrize("title", [
    "Humanitarian truce needed now in southern Tripoli, UN envoy Salame says",
    "A ceasefire is urgently needed in Libya, the UN envoy said",
    "Un cessez-le-feu est nécessaire en Libye, selon l'émissaire de l'ONU",
    "Eine Waffenruhe in Libyen ist dringend nötig, sagt der UN-Gesandte",
    "Una tregua humanitaria es necesaria en Libia, dice el enviado de la ONU",
    "Перемирие в Ливии необходимо, заявил посланник ООН",
    "Перемир'я в Лівії необхідне, заявив посланець ООН",
])
def test_a_ceasefire_said_to_be_needed_is_called_for(title):
    found = calls(title)
    assert found and not any("backdrop" in f for f in found), title


@pytest.mark.parametrize("title", [
    "No truce is needed in Tripoli, Haftar says",
    "Eine Waffenruhe ist nicht nötig, sagt Haftar",
    "Перемирие не нужно, заявил Хафтар",
    # the necessity said before the noun is not said of it: what a ceasefire needs
    "Analysts explain what is needed for a lasting truce in Libya",
    "Ce qui est nécessaire pour un cessez-le-feu durable",
])
def test_a_negated_necessity_calls_for_nothing(title):
    assert not calls(title), title


def test_a_necessity_in_running_text_is_no_noun_named_in_passing():
    found = calls("UN envoy speaks in Tripoli",
                  "A ceasefire is urgently needed in Libya, the envoy said on Saturday.")
    assert found and not any("backdrop" in f for f in found)
