"""A name after a word of topic is no counterpart of a meeting; a decade ago is background.

- "Obama and Putin meet at U.N., remain at odds over Assad" paired both with Assad: after
  "over", "about" or "against" (not a genitive word, which titles hold: "President of
  Ukraine Zelensky") a name is what the sides differ or talk on. Calls had this already.
- "A decade ago this week, the leaders of Russia, Ukraine, Germany and France emerged from
  all-night talks" was a contact of today's leaders: "decade(s) ago", "years on" mark a
  retrospective, as "a year ago" did.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.contact_frames import paired

DAY = date(2025, 8, 15)


@pytest.mark.parametrize(("title", "day", "pairs"), [
    ("Obama and Putin meet at U.N., remain at odds over Assad", date(2015, 9, 28),
     {"barack-obama+vladimir-putin"}),
    ("Trump and Putin meet in Alaska, clash over Zelensky", DAY,
     {"donald-trump+vladimir-putin"}),
    ("Trump meets with President of Ukraine Zelensky", DAY,
     {"donald-trump+volodymyr-zelensky"}),
])
def test_a_name_after_a_topic_word_is_no_counterpart(title: str, day: date,
                                                      pairs: set[str]) -> None:
    assert paired(title, day=day) == pairs


@pytest.mark.parametrize("lead", [
    "A decade ago this week, the leaders of Russia, Ukraine, Germany and France emerged "
    "from all-night talks in Minsk.",
    "Ten years on, the leaders of Russia and Ukraine who met in Minsk are still at war.",
])
def test_a_decade_ago_is_a_retrospective(lead: str) -> None:
    frames = analyse_text("Minsk deal lies in ruins", lead, date(2025, 2, 12)).frames
    contacts = [f for f in frames if f.type == "contact"]
    assert contacts and all("anniversary" in f.flags for f in contacts)
