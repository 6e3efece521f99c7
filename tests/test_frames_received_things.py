"""A verb of receiving or meeting whose object is a thing of someone's is no meeting with
them: "Zelensky accueille favorablement la proposition de Trump" (welcomes Trump's
proposal), "Путин принял предложение Трампа" (Putin accepted Trump's proposal), "recibe el
apoyo de Macron" (receives Macron's support). The verbs of hosting ("reçoit", "принял",
"recibe") read each as the host meeting a visitor, which "first contact after a long gap"
would alert on and the contact history would keep.

The sentences are written for these tests in the constructions of French, Russian,
Ukrainian and Spanish wire copy, beside the receptions each must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.contact_frames import paired


def met(sentence: str) -> set[str]:
    return paired("Titre", sentence)


@pytest.mark.parametrize("sentence", [
    "Zelensky accueille favorablement la proposition de Trump",
    "Zelensky reçoit le soutien de Macron",
    "Путин принял предложение Трампа о перемирии",
    "Зеленський прийняв пропозицію Трампа",
    "Zelenski recibe el apoyo de Macron",
    "Zelenski recibió con satisfacción la propuesta de Trump",
    "Zelensky accueille le plan de Trump avec prudence",
])
def test_receiving_someones_proposal_or_support_is_no_meeting(sentence: str) -> None:
    assert met(sentence) == set()


@pytest.mark.parametrize(("sentence", "pair"), [
    ("Macron reçoit Zelensky à l'Élysée", "emmanuel-macron+volodymyr-zelensky"),
    ("Путин принял Трампа в Кремле", "donald-trump+vladimir-putin"),
    ("Путин принял в Кремле президента Египта Сиси", "abdel-fattah-el-sisi+vladimir-putin"),
    ("Zelensky reçoit un appel de Macron", "emmanuel-macron+volodymyr-zelensky"),
    # A visit at someone's invitation is a visit to them.
    ("Putin arrived in China on a visit at the invitation of President Xi Jinping",
     "vladimir-putin+xi-jinping"),
])
def test_a_reception_stays_one(sentence: str, pair: str) -> None:
    assert pair in met(sentence)


def test_a_decision_after_a_conversation_keeps_only_the_conversation() -> None:
    # "Putin made a decision after a conversation with Trump": "принял" (received) takes
    # the decision, not Trump; the conversation is the sentence's only contact.
    frames = analyse_text("Титул", "Путин принял решение после разговора с Трампом",
                          date(2025, 7, 1)).frames
    assert not [f for f in frames if f.type == "contact" and f.pairs
                and f.words("event") == "принял"]


def test_a_call_at_someones_initiative_is_still_with_them() -> None:
    # A Kremlin readout (kremlin-zelenskyy-press-releases, 24 February 2022): the thing
    # between the call and the people is when and why it was held, not what was received.
    assert "emmanuel-macron+vladimir-putin" in paired(
        "Telephone conversation with President of France Emmanuel Macron",
        "During a telephone conversation held at the initiative of the French side, Vladimir "
        "Putin and President of the French Republic Emmanuel Macron had a serious and frank "
        "exchange of views on the situation in Ukraine.", date(2022, 2, 24), sentence=1)
