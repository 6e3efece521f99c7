"""What the blind set of truces agreed of 7 Dec 2026 (probe52: 140 items in eight languages,
written by a helper who saw neither the code nor the tests) found, each as the mechanism
behind it:

- a date between two commas opens no clause ("ont annoncé, jeudi 5 mars, un cessez-le-feu");
- agreeing in more of its forms: "s'entendent sur", "a approuvé", German "kündigt ... an",
  "billigt", "zugestimmt";
- a military attaché is a diplomat ("объявила британского военного атташе персоной нон
  грата").

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2020, 3, 5)


@pytest.mark.parametrize(("summary", "rules"), [
    ("Le président turc et son homologue russe ont annoncé, jeudi 5 mars, un cessez-le-feu "
     "dans la région d'Idlib.", ["ceasefire-agreed"]),
    ("Los presidentes anunciaron, el jueves 5 de marzo, un alto el fuego en Idlib.",
     ["ceasefire-agreed"]),
    # a plan between the commas still plans
    ("Le président turc et son homologue russe vont annoncer, jeudi 5 mars, un cessez-le-feu "
     "dans la région d'Idlib.", []),
])
def test_a_date_between_commas_opens_no_clause(summary: str, rules: list[str]) -> None:
    assert fired("Idlib", DAY, summary) == rules


@pytest.mark.parametrize(("title", "rules"), [
    ("Syrie : Erdogan et Poutine s'entendent sur un cessez-le-feu à Idlib", ["ceasefire-agreed"]),
    ("Le gouvernement israélien a approuvé la trêve avec le Hamas",
     ["ceasefire-agreed"]),
    ("Kreml kündigt dreitägige Waffenruhe zum Tag des Sieges an", ["ceasefire-agreed"]),
    ("Israels Sicherheitskabinett billigt Waffenruhe mit der Hisbollah", ["ceasefire-agreed"]),
    ("Das Sicherheitskabinett hat einer Waffenruhe mit der Hisbollah zugestimmt",
     ["ceasefire-agreed"]),
    # a plan or a refusal still undoes it
    ("Erdogan et Poutine pourraient s'entendre sur un cessez-le-feu à Idlib", []),
    ("Israels Kabinett will die Waffenruhe mit der Hisbollah billigen", []),
])
def test_agreeing_in_more_forms(title: str, rules: list[str]) -> None:
    assert fired(title, DAY) == rules


@pytest.mark.parametrize(("title", "rules"), [
    ("Россия объявила британского военного атташе персоной нон грата",
     ["diplomatic-relations"]),
    ("Україна оголосила російського військового аташе персоною нон грата",
     ["diplomatic-relations"]),
])
def test_an_attache_is_a_diplomat(title: str, rules: list[str]) -> None:
    assert fired(title, DAY) == rules


@pytest.mark.parametrize(("summary", "rules"), [
    # a deal made by the verb right before its article, a day between it and the truce
    ("Israel's government approved a deal on Wednesday for a four-day pause in fighting in "
     "Gaza.", ["ceasefire-agreed"]),
    ("Israel's government discussed a deal on Wednesday for a four-day pause in fighting in "
     "Gaza.", []),
    # one operation halted (probe41)
    ("Le président russe a ordonné mardi l'arrêt de l'opération militaire en Géorgie.",
     ["ceasefire-agreed"]),
])
def test_a_deal_approved_and_an_operation_halted(summary: str, rules: list[str]) -> None:
    assert fired("Gaza", date(2023, 11, 22), summary) == rules
