"""What the blind set of diplomatic relations of 7 Dec 2026 (probe60: 140 items in eight
languages, written by a helper who saw neither the code nor the tests) found, each as the
mechanism behind it:

- a metaphor after the truce counts its owner's word out of the distance ("agreed to a
  ceasefire in their escalating trade war");
- the Chinese "将" that puts the object before its verb is no future ("中方决定将两国外交关系
  降为代办级", "将驻立陶宛大使召回"), and "不得不" (had to) negates nothing;
- Arabic diplomatic missions in the dual ("استئناف عمل بعثتيهما الدبلوماسيتين");
- the French noun and infinitive of a recall ("annonce le rappel de l'ambassadeur",
  "allait rappeler son ambassadeur").

The items are written for these tests in the constructions the set showed, not copied from
it; the negatives keep what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from tests.shipped_rules import fired

RELATIONS = ["diplomatic-relations"]


@pytest.mark.parametrize(("summary", "rules"), [
    ("The United States and China agreed to a ceasefire in their escalating trade war after "
     "Presidents Donald Trump and Xi Jinping met over dinner on Saturday.", []),
    ("The United States and China agreed to a ceasefire in the trade war.", []),
    # a war that is one: the truce is agreed
    ("Armenia and Azerbaijan agreed to a ceasefire in their escalating war over Karabakh.",
     ["ceasefire-agreed"]),
])
def test_a_metaphor_after_its_owners_word_is_still_near(summary: str, rules: list[str]) -> None:
    assert fired("Weekend news", date(2018, 12, 2), summary) == rules


def _modality(title: str) -> set[str]:
    return {f.modality for f in analyse_text(title, "", date(2021, 11, 21)).frames
            if f.type == "relations" and f.status}


@pytest.mark.parametrize(("title", "modalities"), [
    ("中国政府将两国外交关系降为代办级", {"happened"}),
    ("中国将驻立陶宛大使召回", {"happened"}),
    ("中国政府不得不将两国外交关系降为代办级", {"happened"}),
    # the future: "将" right before the verb, or "将于"
    ("中国将召回驻立陶宛大使", {"planned"}),
    ("中国将于下周将两国外交关系降为代办级", {"planned"}),
    ("中国将在峰会上召回驻立陶宛大使", {"planned"}),
    # a real negation still denies
    ("中国不将两国外交关系降为代办级", {"denied"}),
])
def test_the_chinese_jiang_before_an_object_is_no_future(
        title: str, modalities: set[str]) -> None:
    assert _modality(title) == modalities


@pytest.mark.parametrize(("title", "rules"), [
    ("السعودية وسوريا تقرران استئناف عمل بعثتيهما الدبلوماسيتين", RELATIONS),
    ("Niger : Macron annonce le rappel de l'ambassadeur de France", RELATIONS),
    ("Emmanuel Macron a annoncé que la France allait rappeler son ambassadeur au Niger",
     RELATIONS),
    ("Macron refuse le rappel de l'ambassadeur de France au Niger", []),
])
def test_missions_in_the_dual_and_a_recall_as_a_noun(title: str, rules: list[str]) -> None:
    assert fired(title, date(2023, 9, 24)) == rules


def test_jiang_with_a_verb_before_the_noun_is_the_future() -> None:
    from tests.contact_frames import held

    assert held("普京将于下周访问中国", "克里姆林宫宣布，俄罗斯总统普京将应邀对中国进行国事访问，"
                "并与习近平举行会谈。", date(2024, 5, 10)) == set()
