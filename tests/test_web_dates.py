"""`alerts web` (#17): a date typed as a filter on the table pages of times stored as
microseconds (items' first_seen, last_seen, published; the outbox's created...) finds the
rows of that date, through the real page; before, it compared an integer with text and
found nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest

from alerts.web.dates import typed_dates
from tests.test_web import Web, _rows, desk  # noqa: F401 - desk: the fixture, a real state

pytest.importorskip("datasette", reason="the web extra is part of the test extra")


@pytest.fixture(scope="module")
def web(desk) -> Iterator[Web]:  # noqa: F811 - the imported fixture
    server = Web(desk["state"])
    yield server
    server.close()


def _count(web: Web, path: str) -> int:
    return len(_rows(web.json(path)))


def test_a_typed_date_filters_items_and_the_outbox(web):
    today = datetime.now(UTC).date()
    everything = _count(web, "/state/items.json")
    assert everything >= 3
    assert _count(web, f"/state/items.json?first_seen__gte={today - timedelta(days=1)}") \
        == everything
    assert _count(web, f"/state/items.json?first_seen__gte={today + timedelta(days=1)}") == 0
    assert _count(web, f"/state/items.json?first_seen__date={today}") == everything
    assert _count(web, f"/state/items.json?last_seen__lt={today}") == 0
    # A time as the page shows it (ISO, with its offset), and Datasette's filter form.
    tomorrow = quote(f"{today + timedelta(days=1)}T00:00:00+00:00")
    assert _count(web, f"/state/items.json?published__lt={tomorrow}") == everything
    queued = _count(web, "/state/outbox.json")
    assert queued >= 1
    assert _count(web, f"/state/outbox.json?_filter_column=created&_filter_op=gte"
                       f"&_filter_value={today}") == queued
    assert _count(web, f"/state/outbox.json?created__gte={today}&status__exact=pending") \
        == queued
    # Numbers are microseconds already: passed as they are.
    assert _count(web, "/state/items.json?first_seen__gt=0") == everything


def test_only_date_filters_on_microsecond_columns_change():
    assert typed_dates("/state/items.json", b"first_seen__gte=2025-07-01&_size=5") == \
        b"first_seen__gte=1751328000000000&_size=5"
    assert typed_dates("/state/items", b"published__date=2025-07-01") == \
        b"published__gte=1751328000000000&published__lt=1751414400000000"
    assert typed_dates("/state/stories.json", b"last_at__gte=2025-07-01") == \
        b"last_at__gte=1751328000000000"  # the stories' times since 0025
    for path, query in (("/state/poll_log.json", b"at__gte=2025-07-01"),
                        ("/state/items.json", b"title__exact=2025-07-01"),
                        ("/state/items.json", b"first_seen__gte=1751328000000000"),
                        ("/state/items.json", b"first_seen__gte=next%20week"),
                        ("/state/today.json", b"first_seen__gte=2025-07-01")):
        assert typed_dates(path, query) == query
