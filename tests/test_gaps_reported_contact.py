"""A gap the report states, read against the shipped record: the record's own entry of the
contact reported (days before the report) is that contact, not one since the gap's start;
and a Chinese gap with a word of about before its number ("时隔近七年") is read."""

from __future__ import annotations

from datetime import date

from alerts.knowledge.gaps import stated_gaps
from tests.shipped_rules import fired

KIM_IN_BEIJING = ("中朝双方星期三（3月28日）同时宣布，朝鲜最高领导人金正恩3月25日至"
                  "28日对中国进行非正式访问，并同中国国家主席习近平在人民大会堂举行会谈；"
                  "这也是中朝最高领导人时隔近七年再度会晤。")


def test_a_chinese_gap_of_nearly_n_years_is_read() -> None:
    assert [g.since for g in stated_gaps("中朝最高领导人时隔近七年再度会晤", date(2018, 3, 28))] \
        == [date(2011, 3, 29)]


def test_the_records_entry_of_the_contact_reported_is_no_contact_since() -> None:
    # contacts_public.yaml holds the visit on 2018-03-26, two days before this report.
    assert fired("金正恩秘密访华 与习近平在北京举行会谈", date(2018, 3, 28), KIM_IN_BEIJING) \
        == ["first-contact-after-gap"]
