"""An assembly's vote for a truce is a call for it; a vote still to be held on one is not.

"UN General Assembly votes for Gaza ceasefire" raised nothing, while "Israeli cabinet to vote
on Lebanon ceasefire proposal" raised a call (the proposal read as one made): a vote on a
text says nothing yet of its outcome.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2023, 12, 12)


@pytest.mark.parametrize("title", [
    "UN General Assembly votes for Gaza ceasefire",
    "UN General Assembly votes overwhelmingly for humanitarian truce in Gaza",
    "L'Assemblée générale de l'ONU vote pour une trêve humanitaire à Gaza",
    "Генассамблея ООН проголосовала за перемирие в Газе",
    "联合国大会投票支持加沙停火",
    "联合国大会表决通过加沙停火决议",
    "Le Conseil de sécurité adopte une résolution appelant à un cessez-le-feu",
    "L'ONU adopte une résolution demandant une trêve humanitaire",
])
def test_a_vote_for_a_truce_calls_for_it(title: str) -> None:
    assert fired(title, DAY) == ["ceasefire-call"]


def test_marching_protesters_make_no_call() -> None:
    assert fired("Des manifestants appelant à un cessez-le-feu défilent à Paris", DAY) == []


@pytest.mark.parametrize("title", [
    "Israeli cabinet to vote on Lebanon ceasefire proposal on Tuesday",
    "UN Security Council votes on resolution demanding Gaza ceasefire",
    "Le cabinet israélien vote sur le plan de cessez-le-feu",
])
def test_a_vote_on_a_truce_is_still_open(title: str) -> None:
    assert fired(title, DAY) == []
