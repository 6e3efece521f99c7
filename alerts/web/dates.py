"""Date filters typed on the table pages of times stored as microseconds (#17).

Since migrations 0017 and 0018, items' and the outbox's times are integers (microseconds since
1970, UTC), shown as dates (alerts.web.links). A filter typed as a date on those pages
(`?first_seen__gte=2025-07-01`, or Datasette's filter form) compared an integer with text
and matched nothing. The gate hands Datasette the same filter in microseconds instead:
a date or ISO time (UTC unless it says otherwise) for exact, not, gt, gte, lt and lte, and
`__date=DAY` as the day's range. Anything else, numbers included, passes unchanged.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from alerts.state.compact import moment
from alerts.web.filters import rewritten
from alerts.web.links import TIMES  # the tables and columns of times in microseconds

_COMPARED = ("exact", "not", "gt", "gte", "lt", "lte")


def _instant(value: str) -> datetime | None:
    text = value.strip()
    if not text or text.lstrip("-").isdigit():
        return None  # microseconds already, or nothing
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z")
                                      else text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _day(value: str) -> datetime | None:
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def typed_dates(path: str, query: bytes) -> bytes:
    """The query string of a request for `path` with date filters on microsecond columns
    given in microseconds; any other request's unchanged."""
    return rewritten(path, query, _in_microseconds)


def _in_microseconds(table: str, column: str, op: str, value: str
                     ) -> list[tuple[str, str]] | None:
    if column not in TIMES.get(table, ()):
        return None
    if op in _COMPARED and (when := _instant(value)) is not None:
        return [(f"{column}__{op}", str(moment(when)))]
    if op == "date" and (start := _day(value)) is not None:
        return [(f"{column}__gte", str(moment(start))),
                (f"{column}__lt", str(moment(start + timedelta(days=1))))]
    return None
