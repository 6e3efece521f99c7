"""Stories group by the event's time: the feed's date, else the date the report's dateline
gives, never its arrival (#16). An undated archive item fetched with --backfill ("ISTANBUL,
March 29, 2022 - ...") never joins today's story of the same talks; a date further in the
text (often one of the story's past) is not taken for the report's."""

from __future__ import annotations

from datetime import date, timedelta
from xml.sax.saxutils import escape

import pytest

from alerts.models import Feed
from tests.feeds import rss, rss_item
from tests.test_story_events import NOW, _poll, _pub, _shipped_rules


@pytest.mark.parametrize(("title", "summary", "day"), [
    ("Talks", "MOSCOW, March 29, 2022 - Russian and Ukrainian negotiators met", (2022, 3, 29)),
    ("Talks", "ISTANBUL, Mar. 29, 2022 -- negotiators met", (2022, 3, 29)),
    ("Talks", "KYIV (Reuters) - 29 March 2022: negotiators met", (2022, 3, 29)),
    ("Talks", "2022-03-29 Negotiators met in Istanbul", (2022, 3, 29)),
    ("Pourparlers", "Le 29 mars 2022, les négociateurs se sont réunis", (2022, 3, 29)),
    ("Gespräche", "ISTANBUL, 29. März 2022 - Die Unterhändler", (2022, 3, 29)),
    ("Conversaciones", "El 29 de marzo de 2022 los negociadores", (2022, 3, 29)),
    ("March 29, 2022: talks resume in Istanbul", "", (2022, 3, 29)),
])
def test_a_date_that_opens_the_report_is_its_date(title, summary, day):
    from alerts.dateline import dateline

    assert dateline(title, summary) == date(*day)


@pytest.mark.parametrize(("title", "summary"), [
    ("Truce holds", "The truce agreed on 27 November 2024 held overnight"),
    ("Talks", "May 2022 talks are recalled"),  # no day
    ("Talks", "WASHINGTON - Feb 30, 2022 - no such day"),
    ("Talks", "Negotiators met on Tuesday"),
])
def test_no_date_is_read_from_further_in_or_from_an_impossible_day(title, summary):
    from alerts.dateline import dateline

    assert dateline(title, summary) is None


def _undated(title: str, summary: str, guid: str, link: str) -> str:
    return (f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
            f'<guid isPermaLink="false">{guid}</guid>'
            f"<description>{escape(summary)}</description></item>")


def test_an_undated_archive_item_never_joins_todays_story_with_backfill(tmp_path,
                                                                        feed_server):
    db = tmp_path / "s.db"
    talks = "Russia and Ukraine hold peace talks in Istanbul"
    new = feed_server.put("/new.xml", rss(rss_item(
        talks, guid="n1", link="https://new.example/1", pub=_pub(NOW - timedelta(hours=2)))))
    archive = feed_server.put("/archive.xml", rss(_undated(
        talks, "ISTANBUL, March 29, 2022 - Russian and Ukrainian negotiators met again.",
        "a1", "https://archive.example/1")))
    results = _poll(db, [Feed(new, "New", 60, publisher="New"),
                         Feed(archive, "Archive", 60, publisher="Archive")],
                    _shipped_rules(tmp_path), clock=NOW)
    assert [r.alerts_queued for r in results] == [1, 1]
    stories = {m.story_id for r in results for _, m in r.matches}
    assert len(stories) == 2
    # Without a dateline, an undated copy is placed at its arrival and joins.
    again = feed_server.put("/again.xml", rss(_undated(
        talks, "Russian and Ukrainian negotiators met again.", "b1", "https://again.example/1")))
    (result,) = _poll(db, [Feed(again, "Again", 60, publisher="Again")],
                      _shipped_rules(tmp_path), clock=NOW)
    assert result.alerts_queued == 0
