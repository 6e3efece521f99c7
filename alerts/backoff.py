"""How long a feed is left alone before it is polled again: the fetch side's waiting policy.

Three reasons to wait, each told by the server or by failures, never by our impatience:

- a failing feed backs off: its interval, then twice, four times... up to a cap (6 hours);
- a 429 or 503 with `Retry-After` waits as asked (seconds or an HTTP date), capped the same;
- `Cache-Control: max-age` and RSS `<ttl>` (minutes) are a lower bound on the interval.

Pure functions of numbers and header values: the poller records what they decide.
`parse_retry_after` also serves the sender, which reads the same header on a failed send.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

BACKOFF_CAP = 6 * 3600.0  # longest wait between two polls of a failing feed; never forever
MAX_RETRY_AFTER = 24 * 3600.0  # a Retry-After further away than this is read as this


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max(0.0, (when - (now or datetime.now(UTC))).total_seconds()), MAX_RETRY_AFTER)


def backoff_delay(interval: float, failures: int, cap: float = BACKOFF_CAP) -> float:
    """Seconds before polling a feed again after its `failures`-th failure in a row: the
    interval, then twice, four times... up to the cap (never less than the interval)."""
    delay = interval * 2.0 ** min(max(failures - 1, 0), 32)
    return max(interval, min(delay, cap))


def retry_after_wait(value: str | None, now: datetime, cap: float = BACKOFF_CAP
                     ) -> float | None:
    """Seconds a server that answered 429/503 asked to be left alone (0 to the cap), or None
    when its Retry-After is missing or unreadable (then the failure backs off as usual)."""
    seconds = parse_retry_after(value, now)
    if seconds is None:
        return None
    return min(max(seconds, 0.0), cap)


def fresh_for(max_age: float | None, ttl: object = None, cap: float = BACKOFF_CAP) -> float:
    """Seconds the publisher says the feed will not change (Cache-Control max-age, RSS <ttl>
    in minutes), capped like backoff; 0 when it says nothing."""
    try:
        ttl_seconds = float(str(ttl).strip()) * 60 if ttl is not None else 0.0
    except ValueError:
        ttl_seconds = 0.0  # a <ttl> that is no number says nothing
    return min(max(max_age or 0.0, ttl_seconds), cap)
