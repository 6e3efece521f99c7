"""What the blind set of contacts of smaller states' leaders of 7 Dec 2026 (probe79: 160 items
in eight languages, written by a helper who saw neither the code nor the tests) found, each
as the mechanism or the knowledge behind it:

- Kosovo's presidents and prime ministers since 2008 (the generated base has none of them),
  and name forms the base lacked: "Oligui Nguema", "Mukhtar Tileuberdi", "Ukhnaagiin
  Khurelsukh", "Haitham bin Tariq", "Ferdinand Marcos Jr.";
- a headline's infinitive after a name plans its verb with words between ("Tokayev to pay
  state visit to Kyrgyzstan"), not after a common noun ("Aide to the President");
- "a exclu toute rencontre" refuses it.

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.contact_frames import held


@pytest.mark.parametrize(("title", "summary", "day", "pairs"), [
    ("Vučić und Kurti verhandeln in Brüssel", "Serbiens Präsident Aleksandar Vučić und der "
     "kosovarische Regierungschef Albin Kurti sind am Montag in Brüssel zusammengekommen.",
     date(2023, 2, 27), {"albin-kurti+aleksandar-vucic"}),
    ("Vjosa Osmani meets Erdogan in Ankara", "", date(2023, 3, 14),
     {"recep-tayyip-erdogan+vjosa-osmani"}),
    ("Le général Oligui Nguema reçu par Denis Sassou Nguesso à Brazzaville", "",
     date(2023, 9, 12), {"brice-oligui-nguema+denis-sassou-nguesso"}),
    ("Baerbock trifft Tileuberdi", "Außenministerin Annalena Baerbock ist in Astana mit ihrem "
     "Amtskollegen Muchtar Tileuberdi zusammengekommen.", date(2022, 10, 31),
     {"annalena-baerbock+mukhtar-tleuberdi"}),
    ("Putin meets Ukhnaagiin Khurelsukh in Ulaanbaatar", "", date(2024, 9, 3),
     {"khurelsukh-ukhnaa+vladimir-putin"}),
    ("Sultan Haitham bin Tariq holds talks with Iranian President Ebrahim Raisi", "",
     date(2023, 5, 28), {"ebrahim-raisi+haitham-bin-tarik-al-said"}),
    ("Zelensky meets Ferdinand Marcos Jr. in Manila", "", date(2024, 6, 3),
     {"bongbong-marcos+volodymyr-zelensky"}),
    ("Tokayev to pay state visit to Kyrgyzstan", "", date(2025, 8, 18), set()),
    ("Tshisekedi exclut toute rencontre avec Kagame", "Le président Félix Tshisekedi a exclu "
     "vendredi toute rencontre avec son homologue rwandais Paul Kagame.", date(2023, 12, 8),
     set()),
    ("سمو الأمير يتلقى رسالة خطية", "تلقى حضرة صاحب السمو الشيخ تميم بن حمد آل ثاني أمير البلاد "
     "المفدى، رسالة خطية من فخامة الرئيس بول كاغامي رئيس جمهورية رواندا.", date(2023, 9, 12),
     set()),
])
def test_probe79(title: str, summary: str, day: date, pairs: set[str]) -> None:
    assert held(title, summary, day) == pairs


@pytest.mark.parametrize("title", [
    # "to" after a common noun is a preposition
    "Briefing by Aide to the President Yury Ushakov following a telephone conversation "
    "between Vladimir Putin and Joe Biden",
    "Briefing by Aide to President Yury Ushakov following a telephone conversation between "
    "Vladimir Putin and Joe Biden",
])
def test_a_headline_preposition_to_plans_no_verb(title: str) -> None:
    frames = analyse_text(title, "", date(2023, 5, 19)).frames
    assert {f.modality for f in frames if f.type == "contact" and f.pairs} == {"happened"}
