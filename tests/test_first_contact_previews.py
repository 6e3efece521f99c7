"""What news comes ahead of is no contact yet: "Merz warnt vor erstem Treffen mit Putin seit
2021" (Merz warns ahead of his first meeting with Putin since 2021) raised "first contact
after a long gap", the rule excluding no preview. A call that is itself the news keeps its
alert whatever it comes ahead of ("Macron and Putin speak ... ahead of Zelensky meeting",
"Ahead of the summit, Macron spoke with Putin ...").

Written for these tests in the constructions of wire copy found by probing the shipped
rules in eight languages.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_rules import fired

DAY = date(2025, 7, 1)


@pytest.mark.parametrize("title", [
    "Merz warnt vor erstem Treffen mit Putin seit 2021",
    "Oil rises ahead of first Trump-Putin meeting since 2019",
    "Zelensky to meet Trump ahead of talks with Putin, their first since 2019",
])
def test_a_previewed_contact_raises_nothing(title: str) -> None:
    assert "first-contact-after-gap" not in fired(title, DAY)


@pytest.mark.parametrize("title", [
    "Macron and Putin speak for the first time since 2022 ahead of Zelensky meeting",
    "Ahead of the summit, Macron spoke with Putin for the first time since 2022",
])
def test_a_call_ahead_of_other_news_is_the_news(title: str) -> None:
    assert "first-contact-after-gap" in fired(title, DAY)
