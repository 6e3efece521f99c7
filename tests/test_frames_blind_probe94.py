"""What the blind set of truces and peace talks of 7 Dec 2026 (probe94: regional outlets,
long leads, near-misses, 150 items in eight languages written by a helper who saw neither
the code nor the tests) found, each as the mechanism or the words behind it:

- a word that makes a truce the backdrop reaches it past an act's word right after it:
  "nach Beginn der in Moskau vereinbarten Feuerpause" (after the start of the truce agreed in
  Moscow) tells of a truce agreed before the news, a breach of it;
- a Chinese word of ending with a war as its object in its clause ends the war, not the
  truce ("同意永久停止敌对行动，结束近两年的武装冲突"; probe90);
- words: a truce in an oil or grain war is a figure ("перемирие в нефтяной войне", "Зернове
  перемир'я"); "في متناول" (within reach) says a deal is near, not made.

The texts are written for these tests, not copied from the set."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2020, 10, 11)


def agreed(title: str, summary: str = "") -> list[str]:
    """The positions of the agreed truces the headline and the first sentence report as the
    news: happened, no backdrop, no figure of speech."""
    return [f.position for f in analyse_text(title, summary, DAY).frames
            if f.type == "ceasefire" and f.status == "agreed" and f.modality == "happened"
            and f.sentence <= 1 and not f.flags & {"backdrop", "metaphor"}]


def test_after_the_start_of_a_truce_tells_of_it_as_backdrop() -> None:
    assert agreed("Berg-Karabach", "Nur Stunden nach Beginn der in Moskau vereinbarten "
                  "Feuerpause werfen sich Armenien und Aserbaidschan Angriffe vor.") == []
    # agreed in the news itself, it is the news
    assert agreed("Berg-Karabach", "Armenien und Aserbaidschan haben in Moskau eine Feuerpause "
                  "vereinbart.") == ["lead"]


@pytest.mark.parametrize("title", [
    "Россия и Саудовская Аравия заключили перемирие в нефтяной войне",
    "Україна і Польща уклали зернове перемир'я",
])
def test_a_truce_in_a_war_of_commerce_is_a_figure(title: str) -> None:
    assert agreed(title) == []


def test_a_truce_within_reach_is_not_agreed() -> None:
    assert agreed("هوكشتاين: اتفاق وقف إطلاق النار في متناول أيدينا") == []
    statuses = {f.status for f in analyse_text(
        "هوكشتاين: اتفاق وقف إطلاق النار في متناول أيدينا", "", DAY).frames}
    assert "near" in statuses


def test_a_chinese_word_of_ending_with_a_war_as_its_object_ends_the_war() -> None:
    assert agreed("停火", "双方同意停火，结束两国边境的武装冲突。") == ["lead"]
    # a truce that ended, with fighting after it, still collapsed
    statuses = {f.status for f in analyse_text("停火", "停火结束后冲突再起。", DAY).frames
                if f.type == "ceasefire" and f.sentence == 1}
    assert "collapsed" in statuses
