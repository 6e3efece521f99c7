"""A contact some time before the news is its backdrop.

"Weeks after his call with Xi, Biden signs law that could ban TikTok" paired Biden and Xi as
if they had just spoken: "call" is also a verb's word, and the flags of a verb do not read
the words before it. A time span before "after" makes such a contact background; "after his
call" alone, or "hours after", may be the day's news and is kept. The span does not hide the
clause "after" opens: "seven years after Riyadh cut relations" stays background to the
restored ties.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.contact_frames import held

DAY = date(2024, 4, 24)


def background(title: str) -> bool:
    """Whether every contact of the headline that pairs two people is background."""
    pairing = [f for f in analyse_text(title, "", DAY).frames if f.type == "contact" and f.pairs]
    return bool(pairing) and all("backdrop" in f.flags for f in pairing)


@pytest.mark.parametrize("title", [
    "Weeks after his call with Xi, Biden signs law that could ban TikTok",
    "A year after their talks with Xi, Biden signs law",
    "Two days after Biden called Xi, the White House signs law",
])
def test_a_contact_long_before_the_news_is_background(title: str) -> None:
    assert background(title)


@pytest.mark.parametrize("title", [
    "After his call with Xi, Biden signs law",
    "Hours after his call with Xi, Biden signs law",
])
def test_a_contact_just_before_the_news_is_kept(title: str) -> None:
    assert held(title, day=DAY) == {"joe-biden+xi-jinping"}
    assert not background(title)


def test_a_time_span_does_not_hide_the_clause_after_opens() -> None:
    analysis = analyse_text(
        "Saudi Arabia and Iran agree to restore diplomatic relations",
        "The regional rivals announced in a joint statement with China that they would resume "
        "ties and reopen embassies within two months, seven years after Riyadh cut relations "
        "with Tehran.", date(2023, 3, 10))
    severed = [f for f in analysis.frames if f.status == "severed"]
    assert severed and all("backdrop" in f.flags for f in severed)
