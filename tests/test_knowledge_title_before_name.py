"""An office right before a name is that person's title.

"Congolese President Joseph Kabila" named Denis Sassou Nguesso too (the president of the
other Congo, whom the title alone would be), and "U.S. President George W. Bush" in an item
dated 2025 named Trump: three-way pairs on two-way meetings. The name says who; the title
alone still names its holder of the day ("the Congolese president met Kagame").
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge import knowledge_base
from alerts.knowledge.phrases import token_text


def people(text: str, day: date) -> list[str]:
    return [m.entity.id for m in knowledge_base().mentions(token_text(text), day)
            if m.entity.kind == "person"]


@pytest.mark.parametrize(("text", "day", "named"), [
    ("Congolese President Joseph Kabila met Rwandan President Paul Kagame", date(2009, 8, 6),
     ["joseph-kabila", "paul-kagame"]),
    ("President of Ukraine held an online meeting with the 43rd President of the United "
     "States George W. Bush", date(2022, 6, 1), ["volodymyr-zelensky", "george-w-bush"]),
    ("美国总统小布什会见普京", date(2025, 8, 6), ["george-w-bush", "vladimir-putin"]),
])
def test_the_name_after_a_title_says_who(text: str, day: date, named: list[str]) -> None:
    assert people(text, day) == named


def test_a_title_alone_names_its_holder() -> None:
    assert people("the Congolese president met Kagame", date(2009, 8, 6)) == [
        "denis-sassou-nguesso", "paul-kagame"]
