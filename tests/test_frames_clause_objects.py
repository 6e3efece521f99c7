"""A verb whose object is a clause says nothing of the noun before it (issue #15, held-out
set failure class 1): in "The mediators of the cease-fire deal announced that the committee
will be headed by Ali Shaath" (TIME, Jan 2026) nothing is announced of the truce, which sits
in the subject's genitive. A complementizer right after the verb ("that", "que", "dass",
"что", "що", "أن") opens its clause object; the verb is no status of a noun before it.
"Ceasefire announced in Gaza" keeps its status.

The texts are written for these tests (the first after the real item's wording) and run
through the shipped lexicon and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2026, 1, 14)


def ceasefire_statuses(title: str, summary: str = "") -> list[str]:
    """The statuses of the truces told as the news (not backdrop: "the cease-fire deal",
    a deal with no verb, is one)."""
    return [f.status for f in analyse_text(title, summary, DAY).frames
            if f.type == "ceasefire" and f.modality == "happened"
            and "backdrop" not in f.flags]


@pytest.mark.parametrize("text", [
    "The mediators of the cease-fire deal announced that the committee will be headed by "
    "Ali Shaath, a former deputy minister.",
    "Les médiateurs du cessez-le-feu ont annoncé que le comité sera dirigé par Ali Shaath.",
    "Die Vermittler der Waffenruhe gaben bekannt, dass das Komitee von Ali Shaath geleitet "
    "wird.",
    "Посредники перемирия объявили, что комитет возглавит Али Шаат.",
])
def test_a_clause_announced_is_no_truce_announced(text: str) -> None:
    assert "agreed" not in ceasefire_statuses("Gaza committee leader named", text)


@pytest.mark.parametrize("title", [
    "Ceasefire announced in Gaza",
    "Cessez-le-feu annoncé à Gaza",
    "Les médiateurs ont annoncé qu'un cessez-le-feu entrera en vigueur dimanche",
])
def test_a_truce_announced_keeps_its_status(title: str) -> None:
    assert ceasefire_statuses(title) and set(ceasefire_statuses(title)) & {"agreed",
                                                                           "took-effect"}
