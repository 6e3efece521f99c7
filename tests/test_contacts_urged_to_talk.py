"""Whom a leader is urged to talk to is not met: "Macron rencontre Xi et l'exhorte à parler avec
Zelensky" pairs Macron with Xi only, in every language, also where the verb of talking is no
contact verb of the lexicon ("parler avec", "hablar con"). And a contact verb that is also a
noun ("会见") keeps its own modality when a person names its subject right before it; a
demand later in the sentence does not make it wanted."""

from __future__ import annotations

from datetime import date

import pytest

from tests.contact_frames import held

DAY = date(2023, 4, 26)
MACRON_XI = {"emmanuel-macron+xi-jinping"}


@pytest.mark.parametrize("title", [
    "Macron rencontre Xi et l'exhorte à parler avec Zelensky",
    "Macron rencontre Xi et l'encourage à parler avec Zelensky",
    "Macron se reúne con Xi y le anima a hablar con Zelenski",
    "Macron se reúne con Xi y le pide que hable con Zelenski",
    "Macron trifft Xi und fordert ihn auf, mit Selenskyj zu sprechen",
    "Macron trifft Xi und ermutigt ihn, mit Selenskyj zu sprechen",
    "Макрон встретился с Си Цзиньпином и призвал его поговорить с Зеленским",
    "ماكرون يلتقي شي جين بينغ ويحثه على التحدث مع زيلينسكي",
    "马克龙会见习近平 呼吁他与泽连斯基通话",
    "Macron meets Xi and urges him to talk to Zelensky",
])
def test_whom_the_counterpart_is_urged_to_talk_to_is_not_met(title: str) -> None:
    assert held(title, "", DAY) == MACRON_XI


@pytest.mark.parametrize(("title", "pairs"), [
    # both met, before the demand
    ("Macron rencontre Xi et Lula et les exhorte à agir", {
        "emmanuel-macron+xi-jinping", "emmanuel-macron+lula-da-silva"}),
    # a demand with no counterpart met before it: the one urged is not met either
    ("Macron exhorte Xi à parler avec Zelensky", set()),
    # the verb of talking alone, with no demand before it, still pairs its persons
    ("Macron rencontre Xi à Pékin", MACRON_XI),
])
def test_the_cut_is_only_after_a_counterpart(title: str, pairs: set[str]) -> None:
    assert held(title, "", DAY) == pairs


@pytest.mark.parametrize(("title", "pairs"), [
    ("习近平会见马克龙", MACRON_XI),
    ("马克龙会见习近平 呼吁他与泽连斯基通话", MACRON_XI),
    # a meeting named as a noun with no verb of its own still takes the sentence's plan
    ("马克龙将于下周访华 与习近平会见", set()),
])
def test_a_chinese_contact_verb_after_its_subject_keeps_its_modality(
        title: str, pairs: set[str]) -> None:
    assert held(title, "", DAY) == pairs
