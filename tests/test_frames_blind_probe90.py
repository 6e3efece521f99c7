"""What the blind set of diplomatic relations of 7 Dec 2026 (probe90: ties established,
restored, broken, embassies and envoys, 150 items in eight languages written by a helper who
saw neither the code nor the tests) found, each as the mechanism or the words behind it:

- a state sending its own diplomats home expels no one: the actor's state beside the noun
  ("наказав родинам американських дипломатів залишити Україну");
- in Arabic, a state after the envoy's noun in the construct state, past its title and
  adjectives ("سفير الجمهورية الإسلامية الإيرانية لدى البلاد"), is another state's envoy:
  summoned, not recalled, even when that state was read as the actor for want of another;
- "قد" after "و" or "ف" before a verb in the past says it is done ("فقد تقرر استئناف ..."),
  not that it may be; before the present it is still "may";
- words: an embassy's ranks as diplomats ("радника посольства", "советника посольства",
  "embassy counsellor"); resuming a mission's work in the Arabic verb ("تستأنفان عمل
  بعثتيهما"); a consulate's licence revoked closes it ("撤销...总领事馆的设立和运行许可");
  a government recognised in Russian and Ukrainian ("признала правительство талибов").

The texts are written for these tests, not copied from the set."""

from __future__ import annotations

from datetime import date

import pytest

from tests.event_frames import statuses

DAY = date(2022, 1, 24)


def relations(title: str, summary: str = "") -> list[tuple[str, str]]:
    return statuses("relations", title, summary, DAY)


@pytest.mark.parametrize(("title", "summary"), [
    ("Держдеп наказав родинам американських дипломатів залишити Україну", ""),
    ("Госдеп приказал семьям американских дипломатов покинуть Украину", ""),
    ("Washington orders families of American diplomats to leave Kyiv", ""),
])
def test_own_diplomats_sent_home_are_not_expelled(title: str, summary: str) -> None:
    assert relations(title, summary) == []


@pytest.mark.parametrize(("title", "status"), [
    ("Україна висилає радника посольства Росії", "diplomats-expelled"),
    ("Россия высылает советника посольства Эстонии", "diplomats-expelled"),
    ("Україна висилає російських дипломатів", "diplomats-expelled"),
    ("Poland expels Russian diplomats", "diplomats-expelled"),
])
def test_expulsions_of_another_states_diplomats(title: str, status: str) -> None:
    assert (status, "happened") in relations(title)


def test_an_arabic_construct_envoy_of_another_state_is_summoned() -> None:
    summoned = ("الكويت (كونا) — استدعت وزارة الخارجية اليوم سفير الجمهورية الإسلامية "
                "الإيرانية لدى البلاد وسلمته مذكرة احتجاج.")
    assert relations("احتجاج كويتي", summoned) == []
    # the only state named, read as the actor for want of another, is still the envoy's
    alone = ("استدعت وزارة الخارجية اليوم سفير الجمهورية الإسلامية الإيرانية لدى البلاد "
             "وسلمته مذكرة احتجاج.")
    assert relations("احتجاج", alone) == []
    recalled = "استدعت الكويت سفيرها لدى إيران للتشاور."
    assert ("ambassador-recalled", "happened") in relations("احتجاج كويتي", recalled)


def test_qad_before_a_past_verb_is_done_and_before_the_present_may() -> None:
    decided = "الرياض — وقد تقرر استئناف عمل سفارة السعودية في دمشق."
    assert relations("بيان سعودي", decided) == [("embassy-reopened", "happened")]
    done = "الرياض — السعودية وقد استأنفت عمل سفارتها في دمشق."
    assert relations("بيان", done) == [("embassy-reopened", "happened")]
    may = "الرياض — السعودية وقد تستأنف عمل سفارتها في دمشق."
    assert relations("بيان", may) == [("embassy-reopened", "hypothetical")]


def test_an_arabic_verb_resuming_two_missions_work() -> None:
    assert ("embassy-reopened", "happened") in relations(
        "مصر وتركيا تستأنفان عمل بعثتيهما الدبلوماسيتين")


def test_a_consulates_licence_revoked_closes_it() -> None:
    assert ("embassy-closed", "happened") in relations(
        "中方决定撤销美国驻武汉总领事馆的设立和运行许可")
    assert relations("中方决定撤销对某公司的经营许可") == []


@pytest.mark.parametrize("title", [
    "Россия признала правительство талибов",
    "Україна визнала уряд Косова",
])
def test_a_government_recognised(title: str) -> None:
    assert ("recognised", "happened") in relations(title)


def test_a_government_named_after_recognising_a_fact_is_not_recognised() -> None:
    assert relations("Министр признал, что правительство допустило ошибки") == []
