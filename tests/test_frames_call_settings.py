"""A call that is the setting of what its subject did happened as that act did.

"Biden tells Putin invasion would bring 'swift and severe costs' in hourlong call" was a
planned call ("would" is Biden's warning), and "Putin agrees to halt strikes on energy
infrastructure in call with Trump" a denied one ("halt" is of the strikes). A contact noun
after "in", "during" or "on" and its modifiers takes the modality of the clause's main
verb, the word after its first person; a plan or doubt said of that verb still holds (a
fresh probe of contact pairs, 322 headlines).
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text


def calls(title: str, day: date) -> list[str]:
    return [f.modality for f in analyse_text(title, "", day).frames
            if f.type == "contact" and f.pairs]


@pytest.mark.parametrize(("title", "day"), [
    ("Biden tells Putin invasion would bring 'swift and severe costs' in hourlong call",
     date(2022, 2, 12)),
    ("Putin agrees to halt strikes on energy infrastructure in call with Trump",
     date(2025, 3, 18)),
])
def test_a_call_that_sets_an_act_happened(title: str, day: date) -> None:
    assert calls(title, day) == ["happened"]


@pytest.mark.parametrize(("title", "modality"), [
    ("Biden will tell Putin in a call that invasion would be costly", "planned"),
    ("Biden could warn Putin in call", "hypothetical"),
    ("Zelensky says he would meet Putin in a call", "planned"),
    # a named place between "in" and the noun: talks to come there, no setting
    ("Biden tells Putin he would raise it in Geneva talks", "planned"),
])
def test_a_plan_of_the_main_verb_still_holds(title: str, modality: str) -> None:
    found = calls(title, date(2022, 2, 12))
    assert found and all(m == modality for m in found)
