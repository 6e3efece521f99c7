"""Event frames that need more than their own sentence or their own verb (issue #15):
what an agreement to act reports, and a body named in full in one sentence and bare in
another. Sentences of our own, not taken from the labelled sets."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2025, 6, 1)


def frames_of(title: str, summary: str = "", kind: str = "relations", position: str = "headline"):
    return [f for f in analyse_text(title, summary, DAY).frames
            if f.type == kind and f.position == position]


# -- an agreement to restore relations restores them ------------------------------------------

@pytest.mark.parametrize("title", [
    "Bahrain and Qatar agree to restore diplomatic relations",
    "Bahrain and Qatar agreed to re-establish diplomatic ties",
    "Bahreïn et Qatar conviennent de rétablir leurs relations diplomatiques",
    "Bahrein y Catar acuerdan restablecer relaciones diplomáticas",
    "Бахрейн и Катар договорились восстановить дипломатические отношения",
    "Бахрейн і Катар домовилися відновити дипломатичні відносини",
])
def test_an_agreement_to_restore_relations_is_relations_restored_in_every_language(title):
    found = frames_of(title)
    assert [(f.status, f.modality) for f in found] == [("restored", "happened")], found
    assert {p.entity_id for p in found[0].participants} == {"BH", "QA"}


def test_the_agreement_is_named_as_the_evidence():
    f = frames_of("Bahrain and Qatar agree to restore diplomatic relations")[0]
    assert "agree to (an agreement that restored them)" in f.words("modality")


@pytest.mark.parametrize("title,kind,status", [
    ("Bahrain and Qatar agree to reopen embassies", "relations", "embassy-reopened"),
    ("Bahrain and Qatar will restore diplomatic relations", "relations", "restored"),
])
def test_an_agreed_or_announced_later_act_stays_planned(title, kind, status):
    found = frames_of(title, kind=kind)
    assert [(f.status, f.modality) for f in found] == [(status, "planned")]


def test_an_agreement_to_meet_is_still_a_plan():
    found = frames_of("Biden and Xi agree to meet", kind="contact")
    assert [f.modality for f in found] == ["planned"]


# -- a body's bare name resolved from the item's full name --------------------------------------

def _demanders(title: str, summary: str) -> set[str]:
    found = frames_of(title, summary, kind="ceasefire")
    assert found, title
    return {p.entity_id for p in found[0].participants if p.role == "demander"}


def test_a_bare_security_council_is_the_un_when_the_lead_names_the_un_security_council():
    assert _demanders("Security Council calls for a ceasefire in Sudan",
                      "The UN Security Council adopted a resolution on Thursday.") == {"UN"}


def test_the_front_of_a_full_name_resolves_too():
    assert _demanders("El Consejo de Seguridad pide un alto el fuego en Sudán",
                      "El Consejo de Seguridad de la ONU aprobó la resolución el jueves.") == {"UN"}


def test_a_security_council_the_item_does_not_tie_to_the_un_stays_unresolved():
    # Russia's Security Council in a Kremlin readout is not the UN's.
    assert _demanders("Security Council calls for a ceasefire in Sudan",
                      "Russia's Security Council met in Moscow.") == set()
    assert _demanders("Security Council calls for a ceasefire in Sudan", "") == set()
