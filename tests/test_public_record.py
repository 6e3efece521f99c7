"""The shipped public record of leaders' contacts (alerts/knowledge/data/contacts_public.yaml)
and how the first-contact rule reads it (issue #15): a pair's newest contact on record; for a
pair with none, the newest between the leaders of the two states where the record covers
that pair of states, and nothing where it does not; the record's days; where explain says
the last contact came from; the contacts too weakly read for history alone to make a gap.

Each test names one mechanism and fails without it (each was broken on purpose once)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from alerts.knowledge.public_record import (
    DATA,
    PublicRecord,
    PublicRecordError,
    public_record,
)
from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryEntry, HistoryView
from alerts.state.history import record_history

RECORD = """\
record:
  from: "2018-01-01"
  to: "2025-10-31"
contacts:
  - ["2019-06-20", xi-jinping, kim-jong-un, visit, "Xi in Pyongyang"]
  - ["2024-10-23", narendra-modi, xi-jinping, meeting, "Kazan"]
  - ["2025-08-31", narendra-modi, xi-jinping, meeting, "Tianjin"]
  - ["2023-04-20", joe-biden, gustavo-petro, visit, "Petro at the White House"]
  - ["2020-07", donald-trump, vladimir-putin, call, "a call in July"]
  - ["2023-10-03", antony-blinken, gustavo-petro, meeting, "Blinken in Bogota"]
before:
  - ["2000-03-26", US, SY, meeting, "Clinton and Hafez al-Assad in Geneva"]
"""


@pytest.fixture
def record(tmp_path: Path) -> PublicRecord:
    path = tmp_path / "contacts_public.yaml"
    path.write_text(RECORD, "utf-8")
    return PublicRecord.load(path)


def test_a_pair_has_its_newest_contact_before_the_report(record):
    found = record.last("xi-jinping", "narendra-modi", date(2025, 8, 20))
    assert found is not None and found.day == date(2024, 10, 23)
    assert "Kazan" in found.text and "shipped public record" in found.text


def test_the_contact_reported_on_its_day_or_the_next_is_not_its_own_last(record):
    """A report of the Tianjin meeting dated the next day in UTC is about that meeting: its
    last contact before it is Kazan, not Tianjin one day earlier."""
    for day in (date(2025, 8, 31), date(2025, 9, 1)):
        assert record.last("narendra-modi", "xi-jinping", day).day == date(2024, 10, 23)
    assert record.last("narendra-modi", "xi-jinping", date(2025, 9, 2)).day == date(2025, 8, 31)


def test_a_month_without_a_day_counts_as_its_last_day(record):
    found = record.last("vladimir-putin", "donald-trump", date(2021, 1, 15))
    assert found is not None and found.day == date(2020, 7, 31)


def test_leaders_with_no_contact_get_their_states_last_where_the_record_covers_them(record):
    """Trump and al-Sharaa never met before Riyadh: the last contact between the leaders of
    the United States and Syria on record is Clinton and Hafez al-Assad in 2000."""
    found = record.last("donald-trump", "ahmed-al-sharaa", date(2025, 5, 14))
    assert found is not None and found.day == date(2000, 3, 26)
    assert "no contact between these two on record" in found.text
    assert "the last between leaders of United States and Syria" in found.text
    # Trump and Petro: the last between the leaders of the United States and Colombia is
    # Biden's meeting with Petro; Blinken is no head of state, so his meeting is not it.
    found = record.last("gustavo-petro", "donald-trump", date(2025, 9, 1))
    assert found is not None and found.day == date(2023, 4, 20)


def test_a_pair_of_states_the_record_does_not_list_says_nothing(record):
    """France and Syria are not covered: no contact on record is no evidence of a gap."""
    assert record.last("emmanuel-macron", "ahmed-al-sharaa", date(2025, 5, 7)) is None


def test_a_foreign_minister_gets_no_states_last_contact(record):
    """The record covers heads' contacts; a foreign minister's absence means nothing."""
    assert record.last("marco-rubio", "gustavo-petro", date(2025, 9, 1)) is None


def test_the_record_speaks_for_its_days_and_after_them_only_for_a_watched_history(record):
    assert record.last("narendra-modi", "xi-jinping", date(2017, 6, 1)) is None
    # After its last day the record says nothing by itself: they may have met since...
    assert record.last("xi-jinping", "kim-jong-un", date(2026, 1, 5)) is None
    # ... unless this daemon's own history was kept from before that day on.
    found = record.last("xi-jinping", "kim-jong-un", date(2026, 1, 5), date(2025, 3, 1))
    assert found is not None and found.day == date(2019, 6, 20)
    assert record.last("xi-jinping", "kim-jong-un", date(2026, 1, 5), date(2025, 12, 1)) is None


@pytest.mark.parametrize("row, message", [
    ('["2019-06-20", xi-jinping, nobody-known, visit, "x"]', r":11: 'nobody-known' is no person"),
    ('["June 2019", xi-jinping, kim-jong-un, visit, "x"]', r":11: 'June 2019' is neither a date"),
    ('["2019-06-20", xi-jinping, kim-jong-un, dinner, "x"]', r":11: kind 'dinner' is not one"),
    ('["2019-06-20", xi-jinping, kim-jong-un, visit]', r":11: a row must be \[date, who"),
    ('["2017-06-20", xi-jinping, kim-jong-un, visit, "x"]', r":11: 2017-06-20 is outside"),
])
def test_a_wrong_row_says_which_line_and_what_to_do(tmp_path: Path, row: str, message: str):
    path = tmp_path / "contacts_public.yaml"
    path.write_text(RECORD.replace("before:\n", f"  - {row}\nbefore:\n"), "utf-8")
    with pytest.raises(PublicRecordError, match=message):
        PublicRecord.load(path)


def test_a_row_before_the_window_names_states_and_must_lie_before_it(tmp_path: Path):
    path = tmp_path / "contacts_public.yaml"
    path.write_text(RECORD + '  - ["2019-01-01", US, CU, visit, "x"]\n', "utf-8")
    with pytest.raises(PublicRecordError, match=r":13: 2019-01-01 is outside .*before 2018"):
        PublicRecord.load(path)
    path.write_text(RECORD + '  - ["2016-03-21", US, XX, visit, "x"]\n', "utf-8")
    with pytest.raises(PublicRecordError, match=r":13: 'XX' is no state code"):
        PublicRecord.load(path)


def test_the_shipped_record_loads_and_covers_what_its_header_says():
    shipped = public_record()
    assert (shipped.start, shipped.end) == (date(2018, 1, 1), date(2025, 10, 31))
    header = DATA.read_text("utf-8")
    assert "is not evidence that there was none" in header
    contacts = {c for found in shipped._pairs.values() for c in found}
    assert len(contacts) >= 140
    # Every pair of states it covers is named in the header's list.
    covered = set(shipped._states)
    assert ("SY", "US") in covered and ("CN", "IN") in covered and ("FR", "SY") not in covered
    assert len(covered) == 21


# -- how the rule reads it ---------------------------------------------------------------

@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet(load_rules([shipped_rules_dir()], None))


def _item(title: str, summary: str, when: datetime, feed: str = "test:") -> Item:
    return Item(feed_url=feed, feed_name="test", key=title, guid=None, link=None,
                title=title, summary=summary, published=when)


def _first_contact(rules: RuleSet, item: Item, history: HistoryView) -> str | None:
    found = [m for m in rules.match(item, now=item.published, history=history)
             if m.rule_id == "first-contact-after-gap" and m.suppressed is None]
    return found[0].explanation if found else None


def _explain(rules: RuleSet, item: Item, history: HistoryView) -> str:
    rule = next(r for r in rules.enabled if r.id == "first-contact-after-gap")
    return "\n".join(rules.trace(rule, item, now=item.published, history=history).lines())


def test_a_first_meeting_of_leaders_of_states_long_apart_alerts_and_says_where_from(rules):
    item = _item("Trump meets Syria's President Ahmed al-Sharaa in Riyadh", "",
                 datetime(2025, 5, 14, 12, tzinfo=UTC))
    explanation = _first_contact(rules, item, HistoryView())
    assert explanation is not None
    assert "the last between leaders of Syria and United States: a meeting (Clinton and " \
        "Hafez al-Assad in Geneva)" in explanation
    assert "shipped public record (contacts_public.yaml, line" in explanation
    # Not from the record: history the daemon kept, named as the user's state.
    view = HistoryView()
    view.add(HistoryEntry("shared:contact", "ahmed-al-sharaa+donald-trump",
                          datetime(2025, 4, 1, tzinfo=UTC), "https://example.org/feed", "seen"))
    assert "seen by this daemon, in your state: 'seen' from https://example.org/feed" in \
        _explain(rules, item, view)


def test_a_stated_gap_says_the_report_and_which_record_gave_the_exact_day(rules):
    item = _item("Modi and Xi meet for the first time since October 2024", "",
                 datetime(2025, 8, 31, 12, tzinfo=UTC))
    explanation = _first_contact(rules, item, HistoryView())
    assert explanation is not None and "the report says" in explanation
    assert "history's exact date 2024-10-23, a meeting in the shipped public record" in \
        explanation


def test_after_the_record_ends_it_speaks_only_beside_a_history_kept_before(rules, store):
    """A call in January 2026: the record ends in October 2025. A fresh install (no history)
    claims no gap; a daemon whose state has kept contacts since before then does."""
    item = _item("Trump speaks with Colombia's President Gustavo Petro by phone", "",
                 datetime(2026, 1, 7, 15, tzinfo=UTC))
    assert _first_contact(rules, item, HistoryView(store)) is None
    with store.write() as conn:
        record_history(conn, [HistoryEntry("shared:contact", "a+b",
                                           datetime(2025, 9, 1, tzinfo=UTC), "f", "t")])
    assert HistoryView(store).watched_since("shared:contact") == datetime(2025, 9, 1,
                                                                          tzinfo=UTC)
    explanation = _first_contact(rules, item, HistoryView(store))
    assert explanation is not None and "United States and Colombia" in explanation


@pytest.mark.parametrize("title, summary, why", [
    # Two callers and one called: a joint call or two calls? The pairs are inferred.
    ("Macron and Scholz Speak With Zelensky", "", "paired them among"),
    # One side's account of a contact.
    ("South Korea's new leader says he doesn't want North Korea to 'collapse'",
     "The age of appeasing North Korea is over and any new talks between Seoul and Pyongyang "
     "must be initiated by North Korean leader Kim Jong Un, South Korea's new conservative "
     "President Yoon Suk Yeol said in an exclusive interview with CNN.",
     "reported speech"),
    # Nothing says the headline's meeting happened; the lead says it would.
    ("Trump Pitches Meeting With Kim Jong Un During Asia Tour",
     "The North Korean leader refuses to talk, though a meeting with Trump would boost his "
     "legitimacy.", "says their contact is"),
])
def test_a_weakly_read_contact_gets_no_gap_from_history_and_is_not_recorded(
        rules, title: str, summary: str, why: str):
    day = datetime(2022, 5, 28, 15, tzinfo=UTC) if "Scholz" in title else \
        datetime(2025, 10, 25, 9, tzinfo=UTC)
    if "Yoon" in summary:
        day = datetime(2022, 5, 24, 2, tzinfo=UTC)
    item = _item(title, summary, day)
    view = HistoryView()
    assert _first_contact(rules, item, view) is None
    assert why in _explain(rules, item, HistoryView())
    assert "history alone does not make a gap" in _explain(rules, item, HistoryView())
    assert not [e for e in view.pending if "zelensky" in e.key or "kim-jong-un" in e.key]


def test_a_plain_first_contact_is_still_recorded(rules):
    view = HistoryView()
    item = _item("Trump meets Syria's President Ahmed al-Sharaa in Riyadh", "",
                 datetime(2025, 5, 14, 12, tzinfo=UTC))
    assert _first_contact(rules, item, view) is not None
    assert [e.key for e in view.pending] == ["ahmed-al-sharaa+donald-trump"]


def test_a_contact_told_as_the_backdrop_of_other_news_is_no_first_contact(rules):
    """'as he prepares to wrap his Asia trip': the trip is the backdrop of the message, not
    news of a visit to Kim (whose last contact with a US president was in 2019)."""
    item = _item("Biden offers message for Kim Jong Un as he prepares to wrap first leg of "
                 "his Asia trip", "", datetime(2022, 5, 22, 1, tzinfo=UTC))
    assert _first_contact(rules, item, HistoryView()) is None
    assert "not metaphor, backdrop" in _explain(rules, item, HistoryView())


def test_no_contact_since_the_record_starts_is_no_recent_contact(rules):
    """'First inter-Korean summit in 11 years' on 27 April 2018: the record's word that the
    leaders of the two Koreas had no contact since 2018-01-01 is no call that would make the
    stated gap one in meetings only."""
    item = _item("Moon, Kim hold first inter-Korean summit in 11 years",
                 "South Korean President Moon Jae-in and North Korean leader Kim Jong Un met at "
                 "the truce village of Panmunjom.", datetime(2018, 4, 27, 6, tzinfo=UTC))
    explanation = _first_contact(rules, item, HistoryView())
    assert explanation is not None and "(a gap in in-person contact) > 180" in explanation
    # The record's own entries say which they are.
    entry = HistoryView().last("shared:contact", "kim-jong-un+moon-jae-in",
                               datetime(2018, 4, 27, 6, tzinfo=UTC))
    assert entry is not None and entry.feed_url == "record:public:none"


@pytest.mark.parametrize("text", [
    "Зеленський і Путін вперше зустрілися віч-на-віч у Парижі",
    "Путин и Зеленский впервые встретились лицом к лицу в Париже",
    "Zelensky and Putin met for the first time in person in Paris",
])
def test_a_first_ever_qualified_by_the_words_after_it_is_in_person(text: str):
    from alerts.knowledge.gaps import stated_gaps

    (gap,) = stated_gaps(text, date(2019, 12, 9))
    assert (gap.kind, gap.contact) == ("first-ever", "in-person")


def test_a_first_face_to_face_meeting_after_a_call_is_no_first_contact(rules):
    """Zelensky spoke with Putin by phone in July and August 2019: Paris in December was
    their first meeting, not their first contact."""
    item = _item("Зеленський і Путін вперше зустрілися віч-на-віч у Парижі", "",
                 datetime(2019, 12, 9, 18, tzinfo=UTC))
    assert _first_contact(rules, item, HistoryView()) is None
    explained = _explain(rules, item, HistoryView())
    assert "a call in the shipped public record" in explained
    assert "so no gap in contact" in explained


def test_the_record_keeps_no_hold_on_the_knowledge_base():
    """The idle daemon lets the knowledge base go (alerts/trim.py): the record asks it for
    offices when it needs them and keeps no reference that would hold it in memory."""
    import gc

    from alerts.knowledge import knowledge_base

    shipped = public_record()
    entities = knowledge_base().entities
    assert not any(referrer is shipped or referrer is getattr(shipped, "__dict__", None)
                   for referrer in gc.get_referrers(entities))


@pytest.mark.parametrize("text, contact", [
    ("习近平抵达平壤 系中国最高领导人14年来首次访朝", "in-person"),
    ("时隔三年 两国领导人首次会晤", "in-person"),
    ("习近平同拜登通电话 一年来首次", ""),
    ("时隔三年首次通话，双方同意访问", ""),  # the visit is in another clause
])
def test_a_chinese_gap_next_to_a_visit_or_meeting_is_in_person(text: str, contact: str):
    from alerts.knowledge.gaps import stated_gaps

    (gap,) = stated_gaps(text, date(2019, 6, 20))
    assert gap.contact == contact


def test_xis_first_visit_in_fourteen_years_follows_kims_visit_in_january(rules):
    """Xi in Pyongyang, June 2019: the first visit in 14 years, but Kim had been in Beijing
    in January; a gap in visits, not in contact."""
    item = _item("习近平抵达平壤 系中国最高领导人14年来首次访朝",
                 "习近平同朝鲜劳动党委员长金正恩举行会谈。", datetime(2019, 6, 20, 12, tzinfo=UTC))
    assert _first_contact(rules, item, HistoryView()) is None
    assert "so no gap in contact" in _explain(rules, item, HistoryView())


def test_explain_without_a_state_reads_the_shipped_records(tmp_path: Path):
    """`alerts explain --text` with no --state still has the shipped records: it says the
    last contact and where it came from, not 'no earlier record'."""
    from tests.conftest import run_cli

    result = run_cli("explain", "first-contact-after-gap", "--text",
                     "Trump meets Syria's President Ahmed al-Sharaa in Riyadh",
                     "--date", "2025-05-14", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "the last between leaders of Syria and United States" in result.stdout
    assert "in the shipped public record (contacts_public.yaml, line" in result.stdout
    assert "no earlier record" not in result.stdout
