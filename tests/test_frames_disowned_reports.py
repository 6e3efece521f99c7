"""A denial or a dismissal said of reports of an act makes the act denied, across the clause
boundary (issue #15, blind set failure class 2): "Reports of Sudan truce deal are premature,
army says" (the reports' predicate dismisses them), "Report says Israel and Hamas holding
secret truce talks in Cairo; Hamas denies" (a denial closing the sentence denies what the
sentence reported). A dismissal word is read only of reports ("reports of ... are false"),
and a denial after the act only when it ends the sentence with no object of its own: "Truce
takes effect in Gaza; Hamas denies targeting civilians" denies something else.

The texts are written for these tests, in every shipped language, and run through the
shipped lexicon and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2023, 5, 10)


def happened(title: str, summary: str = "", day: date = DAY) -> list[tuple[str, str]]:
    """(type, status) of every ceasefire or peace-talks frame with a status that happened."""
    return [(f.type, f.status) for f in analyse_text(title, summary, day).frames
            if f.type in ("ceasefire", "peace-talks") and f.status and f.modality == "happened"]


@pytest.mark.parametrize("title", [
    "Reports of Sudan truce deal are premature, army says",
    "Reports of a ceasefire agreement in Sudan are false, army says",
    "Rumours of a truce deal between Sudan's army and the RSF are baseless",
    "Les informations sur un accord de cessez-le-feu au Soudan sont prématurées, selon l'armée",
    "Berichte über eine Einigung auf eine Waffenruhe im Sudan sind verfrüht, sagt die Armee",
    "Los informes sobre un acuerdo de alto el fuego en Sudán son prematuros, dice el ejército",
    "Сообщения о соглашении о прекращении огня в Судане преждевременны, заявила армия",
    "Повідомлення про угоду про припинення вогню в Судані передчасні, заявила армія",
    "الجيش السوداني: الأنباء عن اتفاق وقف إطلاق النار عارية عن الصحة",
])
def test_reports_of_an_act_dismissed_make_it_denied(title):
    assert not happened(title), title


@pytest.mark.parametrize("title", [
    "Report says Israel and Hamas holding secret truce talks in Cairo; Hamas denies",
    "Israel and Hamas agreed a truce in Cairo, report says; Hamas denies",
    "Israël et le Hamas ont conclu une trêve au Caire, selon un rapport ; le Hamas dément",
    "Israel und Hamas haben sich auf eine Waffenruhe geeinigt; Hamas dementiert",
    "Israel y Hamás acordaron una tregua en El Cairo, según un informe; Hamás lo niega",
    "Израиль и ХАМАС договорились о перемирии в Каире; ХАМАС опровергает",
    "Ізраїль і ХАМАС домовилися про перемир'я в Каїрі; ХАМАС спростовує",
    "إسرائيل وحماس تتفقان على هدنة في القاهرة، وحماس تنفي",
])
def test_a_denial_closing_the_sentence_denies_what_it_reported(title):
    assert not happened(title), title


@pytest.mark.parametrize("title", [
    # the denial has an object of its own; the act is reported as done
    "Truce takes effect in Gaza; Hamas denies targeting civilians",
    "Israel and Hamas agree truce in Cairo; Hamas denies it will disarm",
    # no reports dismissed: 'false' said of something else
    "Sudan's army and the RSF agree truce after false start in Jeddah",
    "Reports say Sudan's army and the RSF agreed a truce in Jeddah",
])
def test_a_denial_of_something_else_or_a_plain_report_leaves_the_act(title):
    assert happened(title), title
