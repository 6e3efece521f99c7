"""A gap stated in one kind of contact (a first visit, a first in-person meeting) is no gap in
contact when the report itself names another contact of the two since (issue #15, probes 103
and 105): "Sisi receives Erdogan on his first visit to Egypt in 12 years ... after a meeting
between the two presidents at the G20 in September", "MBZ arrives in Ankara on his first visit
since 2012 ... three months after a phone call between the two sides". Broken on purpose once
(the reading of the report's other contact removed): these tests fail. The contact a gap
counts from ("since the G20 summit in Bali") is no contact since it (probe106). How the gap
itself is read: tests/test_gaps_stated_forms.py."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryView

RULES = RuleSet(load_rules([shipped_rules_dir()], None))


def first_contact(title: str, summary: str, when: datetime) -> list[str]:
    item = Item(feed_url="test:", feed_name="test", key=title, guid=None, link=None,
                title=title, summary=summary, published=when)
    return [m.explanation for m in RULES.match(item, now=when, history=HistoryView(record=False))
            if m.rule_id == "first-contact-after-gap" and m.suppressed is None]


@pytest.mark.parametrize("title, summary, when", [
    ("Sisi receives Erdogan on his first visit to Egypt in 12 years",
     "President Abdel Fattah al-Sisi received Turkish President Recep Tayyip Erdogan in Cairo "
     "on Wednesday, after their meeting on the sidelines of the G20 summit in New Delhi in "
     "September.", datetime(2024, 2, 14, 12, tzinfo=UTC)),
    ("السيسي يستقبل أردوغان في أول زيارة للرئيس التركي إلى مصر منذ 12 عاماً",
     "استقبل الرئيس عبد الفتاح السيسي نظيره التركي رجب طيب أردوغان في القاهرة الأربعاء، "
     "وتأتي الزيارة بعد لقاء جمع الرئيسين على هامش قمة مجموعة العشرين في سبتمبر الماضي.",
     datetime(2024, 2, 14, 12, tzinfo=UTC)),
    ("Erdogan visits Abu Dhabi, his first visit to the UAE since 2013",
     "Turkish President Recep Tayyip Erdogan met Sheikh Mohamed bin Zayed in Abu Dhabi, three "
     "months after a phone call between the two sides.", datetime(2022, 2, 14, 12, tzinfo=UTC)),
])
def test_a_visit_gap_with_a_later_contact_told_is_no_gap(title: str, summary: str,
                                                          when: datetime) -> None:
    assert first_contact(title, summary, when) == []


def test_a_visit_gap_alone_still_alerts() -> None:
    found = first_contact("Sisi receives Erdogan on his first visit to Egypt in 12 years",
                          "President Abdel Fattah al-Sisi received Turkish President Recep "
                          "Tayyip Erdogan in Cairo on Wednesday.",
                          datetime(2024, 2, 14, 12, tzinfo=UTC))
    assert found and "in-person" in found[0]


def test_a_phone_call_between_the_two_sides_told_is_a_contact() -> None:
    # the call names neither leader ("between the two sides") and is told as what happened,
    # not as a backdrop: a phone call is never in person
    assert first_contact("محمد بن زايد يصل أنقرة في أول زيارة إلى تركيا منذ 2012 ويلتقي أردوغان",
                         "وصل الشيخ محمد بن زايد آل نهيان إلى أنقرة حيث استقبله الرئيس التركي رجب "
                         "طيب أردوغان، وتأتي الزيارة بعد نحو ثلاثة أشهر من اتصال هاتفي جرى بين "
                         "الجانبين.", datetime(2021, 11, 24, 12, tzinfo=UTC)) == []


def test_a_contact_told_of_one_pair_of_three_leaves_the_others_gap() -> None:
    # of three at a meeting, a call between two of them says nothing of the third's gap
    title = ("Erdogan meets Sargsyan and Aliyev in Prague, first in-person meeting of Turkish "
             "and Armenian leaders since 2009")
    summary = "Aliyev and Sargsyan held a phone call last week."
    found = first_contact(title, summary, datetime(2017, 6, 1, 12, tzinfo=UTC))
    assert found and "in-person" in found[0]


def test_the_contact_a_gap_counts_from_is_no_contact_since() -> None:
    # "since the G20 summit in Bali": the summit is where the gap starts (probe106)
    found = first_contact("Biden and Xi hold first face-to-face talks in a year at California "
                          "estate", "Joe Biden and Xi Jinping sat down on Wednesday at the Filoli "
                          "estate for their first in-person meeting since the G20 summit in Bali "
                          "last November.", datetime(2023, 11, 15, 20, tzinfo=UTC))
    assert found and "in-person" in found[0]
