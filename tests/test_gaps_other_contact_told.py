"""A gap stated in one kind of contact (a first visit, a first in-person meeting) is no gap in
contact when the report itself names another contact of the two since (issue #15, probes 103
and 105): "Sisi receives Erdogan on his first visit to Egypt in 12 years ... after a meeting
between the two presidents at the G20 in September", "MBZ arrives in Ankara on his first visit
since 2012 ... three months after a phone call between the two sides". Broken on purpose once
(the reading of the report's other contact removed): these tests fail. And a first is a
first ever when what follows a comma after it qualifies nothing of it (probe107: "the first
conversation between the two leaders, the presidency said, as the neighbours press on"). A
season of a year ends with its last month ("since the summer of 2024", "depuis l'été 2024":
31 August 2024), and a year after an elided article is read (probe106); the contact a gap
counts from ("since the G20 summit in Bali") is no contact since it (probe106)."""
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



def test_a_qualifier_past_a_comma_does_not_qualify_a_first() -> None:
    from datetime import date

    from alerts.knowledge.gaps import stated_gaps

    lead = ("Erdogan and Pashinyan spoke by phone on Monday in the first conversation between "
            "the two leaders, the Turkish presidency said, as the neighbours press on with "
            "efforts to normalise relations.")
    assert [g.kind for g in stated_gaps(lead, date(2022, 7, 11))] == ["first-ever"]
    # in its own phrase a qualifier still makes it no first ever ("first call as president")
    assert not [g for g in stated_gaps("It was his first call as president.",
                                       date(2022, 7, 11)) if g.kind == "first-ever"]


def test_the_contact_a_gap_counts_from_is_no_contact_since() -> None:
    # "since the G20 summit in Bali": the summit is where the gap starts (probe106)
    found = first_contact("Biden and Xi hold first face-to-face talks in a year at California "
                          "estate", "Joe Biden and Xi Jinping sat down on Wednesday at the Filoli "
                          "estate for their first in-person meeting since the G20 summit in Bali "
                          "last November.", datetime(2023, 11, 15, 20, tzinfo=UTC))
    assert found and "in-person" in found[0]


@pytest.mark.parametrize("text, last", [
    ("leur premier échange depuis l'été 2024 et la brouille", (2024, 8, 31)),
    ("their first call since the summer of 2024", (2024, 8, 31)),
    ("erstes Telefonat seit dem Sommer 2024", (2024, 8, 31)),
    ("первый разговор с лета 2024 года", (2024, 8, 31)),
    ("their first call since the winter of 2023", (2024, 2, 29)),
])
def test_a_season_of_a_year_ends_with_its_last_month(text: str, last: tuple[int, int, int]) -> None:
    from datetime import date

    from alerts.knowledge.gaps import stated_gaps

    assert [g.since for g in stated_gaps(text, date(2025, 3, 31))] == [date(*last)]


def test_a_year_after_an_elided_article_is_read() -> None:
    from datetime import date

    from alerts.knowledge.gaps import stated_gaps

    assert [g.since for g in stated_gaps("première visite depuis l'an 2000",
                                         date(2025, 3, 31))] == [date(2000, 12, 31)]
