"""A headline's label, a call's caller, and a Chinese "unconditional".

- "Waffenruhe: Israel und Hisbollah einigen sich" and "Cessez-le-feu : Israël et le
  Hezbollah trouvent un accord" raised nothing: the ceasefire was the label before the
  colon and the agreement was told in the clause after it. The act of that clause is now
  the label's, unless the clause names the event itself ("Gaza: ceasefire talks stall").
- "Macron receives a phone call from Putin" paired no one: a person after "from" was where
  someone came from. A call's "from" names its caller; "under pressure from Putin" still
  names no side, before the verb now as after it.
- "中国呼吁立即无条件停火" (China calls for an immediate unconditional ceasefire) was a
  denied call: "无" inside "无条件" was read as a negation. Chinese negations of "无" are
  listed whole ("无意", "无法").

Headlines written for these tests in the shapes of wire copy.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.contact_frames import paired
from tests.shipped_rules import fired

DAY = date(2024, 11, 26)


@pytest.mark.parametrize("title", [
    "Waffenruhe: Israel und Hisbollah einigen sich",
    "Cessez-le-feu : Israël et le Hezbollah trouvent un accord",
])
def test_the_act_after_a_label_is_the_labels(title: str) -> None:
    assert "ceasefire-agreed" in fired(title, DAY)


@pytest.mark.parametrize(("title", "status"), [
    ("Gaza: ceasefire talks stall", None),
    ("Waffenruhe: Israel und Hamas werfen sich Verstöße vor", "violated"),
])
def test_a_clause_with_its_own_event_or_act_keeps_it(title: str, status: str | None) -> None:
    assert "ceasefire-agreed" not in fired(title, DAY)
    if status:
        assert [f.status for f in analyse_text(title, "", DAY).frames
                if f.type == "ceasefire"] == [status]


def test_a_clause_naming_the_event_again_leaves_the_label_alone() -> None:
    # The proposal is studied: the truce it names is hypothetical, and so is no call.
    assert "ceasefire-call" not in fired("Ceasefire: Israel and Hamas to study new truce proposal",
                                         DAY)


@pytest.mark.parametrize("title", [
    "Macron receives a phone call from Putin",
    "Erdogan received a phone call from Putin",
])
def test_a_call_from_someone_is_theirs(title: str) -> None:
    pair = "+".join(sorted(("vladimir-putin", "emmanuel-macron" if "Macron" in title
                            else "recep-tayyip-erdogan")))
    assert pair in paired(title)


def test_where_someone_comes_from_is_no_side() -> None:
    assert paired("Zelensky under pressure from Putin meets Trump") == {
        "donald-trump+volodymyr-zelensky"}


def test_an_unconditional_ceasefire_is_called_for() -> None:
    assert "ceasefire-call" in fired("中国呼吁立即无条件停火", date(2024, 3, 1))


def test_a_chinese_negation_still_denies() -> None:
    frames = analyse_text("双方无意停火", "", date(2024, 3, 1)).frames
    assert [f.modality for f in frames if f.type == "ceasefire"] == ["denied"]
    # "no call planned for now": 暂无, one of the negations of 无 listed whole
    frames = analyse_text("克里姆林宫：普京与特朗普暂无通话计划", "", date(2025, 3, 1)).frames
    assert [f.modality for f in frames if f.type == "contact"] == ["denied"]
