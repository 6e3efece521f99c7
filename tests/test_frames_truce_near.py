"""A ceasefire deal near, in doubt, extended, demanded by a resolution, or remembered.

- "Israel and Hezbollah close to ceasefire deal" and "Gaza ceasefire deal 'very close'" had
  raised "a ceasefire is agreed": "deal" was read as the agreement made. A deal within reach
  is not yet reached, nor is one whose fate hangs in the balance (the statuses `near` and
  `in-doubt`, which end the noun's story as a violation does).
- An extension of a truce is an agreement on it ("Israel and Hamas agree to extend truce by
  two days"), so "a ceasefire is agreed" now counts it; offers, calls and refusals to extend
  one still do not.
- "Security Council adopts resolution demanding an immediate ceasefire" had no status: the
  participle of the demanding verbs was missing.
- "One year ago today, ... ceasefire took effect" and "On this day in 1995" are
  retrospectives, as "years ago" already was.
- "pressing for" joined the demanding verbs, and an infinitive a clause away took it for
  the verb it completes ("pressing for gains in defiance of Trump's deadlines to enter peace
  talks": talks begun). An infinitive in running text completes a verb near it ("arrives in
  Cairo to begin talks").

Headlines written for these tests in the shapes of 2023-2024 wire copy (Gaza, Lebanon,
Yemen, the UN).
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.shipped_rules import fired

DAY = date(2024, 11, 20)


@pytest.mark.parametrize("title", [
    "Israel and Hezbollah close to ceasefire deal, officials say",
    "Gaza ceasefire deal 'very close', Qatar says",
    "Israel and Hamas near ceasefire deal",
    "Israel and Hamas edge closer to ceasefire deal",
    "Israel and Hamas near agreement on Gaza ceasefire",
    "Gaza ceasefire deal within reach, Blinken says",
    "Lebanon ceasefire deal imminent, US envoy says",
    "Israel y Hezbolá, cerca de un acuerdo de alto el fuego",
    "Израиль и Хезболла близки к соглашению о прекращении огня",
    "إسرائيل وحزب الله قريبان من اتفاق لوقف إطلاق النار",
    "Waffenruhe im Libanon in Reichweite",
])
def test_a_deal_within_reach_is_not_yet_agreed(title: str) -> None:
    assert "ceasefire-agreed" not in fired(title, DAY)


@pytest.mark.parametrize("title", [
    "Gaza ceasefire deal hangs in the balance as Blinken leaves region",
    "Gaza ceasefire deal in doubt after strikes",
    "Lebanon truce deal in jeopardy",
    "Gaza ceasefire agreed last week now in doubt",
])
def test_a_deal_in_doubt_is_not_agreed(title: str) -> None:
    assert "ceasefire-agreed" not in fired(title, DAY)


@pytest.mark.parametrize("title", [
    "Israel and Hezbollah agree to ceasefire",
    "Israel and Hamas agree to Gaza ceasefire and hostage release deal",
    "Ceasefire between Israel and Hezbollah takes effect",
])
def test_a_deal_reached_still_is(title: str) -> None:
    assert "ceasefire-agreed" in fired(title, DAY)


@pytest.mark.parametrize("title", [
    "Israel and Hamas agree to extend truce by two days",
    "Israel, Hamas extend truce for two more days, Qatar says",
    "Gaza truce extended by two days",
    "Trêve prolongée de deux jours à Gaza",
    "Waffenruhe in Gaza um zwei Tage verlängert",
])
def test_an_extended_truce_is_agreed(title: str) -> None:
    assert "ceasefire-agreed" in fired(title, date(2023, 11, 28))


@pytest.mark.parametrize("title", [
    "Hamas rejects Israeli offer to extend truce",
    "Israel says it could extend truce if more hostages freed",
])
def test_an_extension_offered_or_refused_is_not(title: str) -> None:
    assert "ceasefire-agreed" not in fired(title, date(2023, 11, 28))


@pytest.mark.parametrize("title", [
    "Security Council adopts resolution demanding an immediate ceasefire in Gaza for Ramadan",
    "UN Security Council passes resolution demanding Gaza ceasefire",
])
def test_a_resolution_demanding_a_ceasefire_calls_for_one(title: str) -> None:
    assert "ceasefire-call" in fired(title, date(2024, 3, 25))


@pytest.mark.parametrize("title", [
    "One year ago today, Israel and Hezbollah ceasefire took effect",
    "On this day in 1995, the Bosnian ceasefire took effect",
])
def test_a_retrospective_is_no_news(title: str) -> None:
    assert "ceasefire-agreed" not in fired(title, date(2025, 11, 27))


def test_an_infinitive_a_clause_away_is_a_goal() -> None:
    # WSJ, 1 September 2025: Putin defies the deadlines to enter talks; no talks began.
    summary = ("Russian President Vladimir Putin is expanding his strikes on Ukrainian cities "
               "and pressing for further military gains in defiance of President Trump's "
               "deadlines to enter serious peace talks.")
    title = "Russia Intensifies Strikes in Ukraine, Defying Trump's Shifting Deadlines for Peace"
    assert "peace-talks" not in fired(title, date(2025, 9, 1), summary)
    frames = analyse_text(title, summary, date(2025, 9, 1)).frames
    assert [f.modality for f in frames if f.type == "peace-talks"] == ["hypothetical"]


def test_an_infinitive_near_its_verb_is_what_it_did() -> None:
    frames = analyse_text("x", "A Hamas delegation arrived in Cairo to begin ceasefire talks.",
                          date(2024, 5, 1)).frames
    assert [f.modality for f in frames if f.type == "peace-talks"] == ["happened"]
