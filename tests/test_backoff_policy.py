"""The fetch side's waiting policy (alerts/backoff.py) as plain numbers; test_backoff.py
checks the same through a real server and store."""

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from alerts.backoff import (
    BACKOFF_CAP,
    MAX_RETRY_AFTER,
    backoff_delay,
    fresh_for,
    parse_retry_after,
    retry_after_wait,
)

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def test_backoff_doubles_from_the_interval_up_to_the_cap():
    assert [backoff_delay(60, n, cap=600) for n in range(1, 7)] == [60, 120, 240, 480, 600, 600]
    assert backoff_delay(60, 0) == 60  # before any failure: the interval itself
    assert backoff_delay(60, 10_000) == BACKOFF_CAP  # no overflow, however many failures


def test_backoff_is_never_shorter_than_the_interval():
    # A feed polled every 8 hours is not polled sooner because it fails.
    assert backoff_delay(8 * 3600, 3) == 8 * 3600


def test_retry_after_in_seconds_or_as_a_date_is_capped_and_never_negative():
    assert retry_after_wait("120", NOW) == 120
    assert retry_after_wait(format_datetime(NOW + timedelta(minutes=5), usegmt=True), NOW) == 300
    assert retry_after_wait(format_datetime(NOW - timedelta(hours=1), usegmt=True), NOW) == 0
    assert retry_after_wait("999999", NOW) == BACKOFF_CAP
    assert retry_after_wait("999999", NOW, cap=10) == 10
    assert parse_retry_after("999999", NOW) == MAX_RETRY_AFTER


@pytest.mark.parametrize("value", [None, "", "soon", "-5", "Mon, 99 Foo 2025"])
def test_a_missing_or_unreadable_retry_after_gives_no_wait(value):
    assert retry_after_wait(value, NOW) is None


def test_fresh_for_takes_the_longer_of_max_age_and_ttl_capped():
    assert fresh_for(None) == 0
    assert fresh_for(600) == 600
    assert fresh_for(600, "30") == 1800  # <ttl> is in minutes
    assert fresh_for(None, " 15 ") == 900
    assert fresh_for(None, "soon") == 0  # a <ttl> that is no number says nothing
    assert fresh_for(10**9, None) == BACKOFF_CAP
