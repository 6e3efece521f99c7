"""Contacts to come or long past, and the pair a commentator names.

Found by a fresh probe of contact pairs (322 headlines in eight languages):
- "Trump says he will raise election meddling when he meets Putin in Helsinki" was a
  meeting that happened: an English verb in the present after "when", "once", "before" or
  "until" tells of what is to come ("When Trump met Putin", the past, still happened).
- "a look back at Trump's past meetings with Putin": "past" and "prior" before the noun
  make it background, as "previous" and "earlier" did.
- "Ушаков: встреча Путина и Трампа пройдет на Аляске" paired Ushakov with Trump, and as a
  meeting that happened: two people joined by "and" right after the noun (genitive, "de",
  "of") are its pair (not of a visit: "the visit of Macron and Scholz" is of two guests,
  see test_frames_owned_contacts.py), and "пройдет", "пройдут", "пройде" are futures.
- "Лавров: встреча Путина и Зеленского пока не планируется": "пока" (for now) ended the
  clause, so the plan after it was not read; "пока" and "поки" no longer end a clause.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.contact_frames import paired

DAY = date(2018, 7, 10)


def contact(title: str, day: date = DAY) -> list[tuple[str, frozenset[str], set[str]]]:
    return [(f.modality, f.flags, {"+".join(sorted(p.entity_id for p in pair))
                                   for pair in f.pairs})
            for f in analyse_text(title, "", day).frames if f.type == "contact" and f.pairs]


@pytest.mark.parametrize("title", [
    "Trump says he will raise election meddling when he meets Putin in Helsinki",
    "What to watch when Trump meets Putin",
    "Trump to hold news conference before he meets Putin",
])
def test_the_present_after_when_is_to_come(title: str) -> None:
    found = contact(title)
    assert found and all(modality != "happened" for modality, _, _ in found)


@pytest.mark.parametrize("title", [
    "When Trump met Putin in Helsinki, he sided with him",
    "Trump meets Putin in Helsinki",
])
def test_a_contact_told_in_the_past_or_as_news_happened(title: str) -> None:
    assert any(modality == "happened" for modality, _, _ in contact(title))


@pytest.mark.parametrize("title", [
    "From Helsinki to Osaka: a look back at Trump's past meetings with Putin",
    "Trump's prior meetings with Putin under scrutiny",
])
def test_past_contacts_are_background(title: str) -> None:
    found = contact(title, date(2019, 6, 28))
    assert found and all("backdrop" in flags for _, flags, _ in found)


def test_two_after_the_noun_are_its_pair_not_the_speakers() -> None:
    found = contact("Ушаков: встреча Путина и Трампа пройдет на Аляске", date(2025, 8, 8))
    assert [(modality, pairs) for modality, _, pairs in found] == [
        ("planned", {"donald-trump+vladimir-putin"})]
    assert paired("Песков опроверг сообщения о разговоре Путина и Трампа",
                  day=date(2025, 3, 1)) == {"donald-trump+vladimir-putin"}


def test_for_now_does_not_end_the_clause() -> None:
    found = contact("Лавров: встреча Путина и Зеленского пока не планируется",
                    date(2025, 8, 22))
    assert [modality for modality, _, _ in found] == ["planned"]
