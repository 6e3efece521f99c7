"""What the blind set of diplomatic relations of 7 Dec 2026 (probe75: 140 items in eight
languages, written by a helper who saw neither the code nor the tests) found, each as the
mechanism behind it:

- a Chinese call's verb phrases run on after commas while no new subject or contrast opens
  one ("呼吁各方保持理性和克制，支持俄乌相向而行，...，最终达成全面停火" calls for the truce);
- "距离" (since) before a Chinese verb makes its act the backdrop ("距离印巴宣布停火仅过去数小时");
- more words: a government approving a recognition ("ha aprobado este martes el
  reconocimiento del Estado de Palestina"), stepping back from an act ("Erdogan steps back
  from expelling 10 Western ambassadors"), talks ending in failure ("se sont soldés par un
  échec") or not being held ("в настоящее время не ведутся"), a ministry refuting ("МЗС
  спростувало інформацію про відкликання посла").

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired


@pytest.mark.parametrize(("title", "summary", "day", "rules"), [
    ("中方发布立场文件", "外交部24日发布文件，呼吁各方保持理性和克制，支持俄乌相向而行，尽快恢复"
     "直接对话，逐步推动局势降级缓和，最终达成全面停火。", date(2023, 2, 24), ["ceasefire-call"]),
    # a clause with a subject of its own, or of contrast, is no part of the call
    ("停火", "中方呼吁各方保持克制，但双方达成停火。", date(2023, 2, 24), ["ceasefire-agreed"]),
    ("印巴宣布停火数小时后 斯利那加再传爆炸声", "", date(2025, 5, 10), []),
    ("印巴宣布停火三天后 双方再度交火", "", date(2025, 5, 13), []),
    ("印巴停火数小时后 斯利那加再传爆炸声", "印控克什米尔地区夏季首府斯利那加10日晚再次传出多起"
     "爆炸声，距离印巴宣布停火仅过去数小时。", date(2025, 5, 10), []),
    ("El Gobierno aprueba el reconocimiento oficial del Estado palestino", "El Consejo de "
     "Ministros ha aprobado este martes el reconocimiento del Estado de Palestina.",
     date(2024, 5, 28), ["diplomatic-relations"]),
    ("El Gobierno aprueba el reconocimiento del Estado palestino", "", date(2024, 5, 28),
     ["diplomatic-relations"]),
    ("Erdogan steps back from expelling 10 Western ambassadors", "", date(2021, 10, 25), []),
    ("Libye : échec des pourparlers de Moscou", "Les pourparlers de Moscou sur un "
     "cessez-le-feu en Libye se sont soldés par un échec mardi.", date(2020, 1, 14),
     ["peace-talks"]),
    ("Руденко о переговорах", "Переговоры российской и украинской делегаций в настоящее время "
     "не ведутся, заявил замглавы МИД РФ Андрей Руденко.", date(2022, 5, 17), ["peace-talks"]),
    ("МЗС спростувало інформацію про відкликання посла України з Польщі", "",
     date(2023, 9, 21), []),
])
def test_probe75(title: str, summary: str, day: date, rules: list[str]) -> None:
    assert fired(title, day, summary) == rules
