"""Date filters typed on the table pages of times stored as microseconds (#17).

Since migrations 0017 and 0018, items' and the outbox's times are integers (microseconds since
1970, UTC), shown as dates (alerts.web.links). A filter typed as a date on those pages
(`?first_seen__gte=2025-07-01`, or Datasette's filter form) compared an integer with text
and matched nothing. The gate hands Datasette the same filter in microseconds instead:
a date or ISO time (UTC unless it says otherwise) for exact, not, gt, gte, lt and lte, and
`__date=DAY` as the day's range. Anything else, numbers included, passes unchanged.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qsl, urlencode

from alerts.state.compact import moment
from alerts.web.links import TIMES  # the tables and columns of times in microseconds

_TABLE_PAGE = re.compile(r"^/state/([a-z_]+)(?:\.json|\.csv)?$")
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
    page = _TABLE_PAGE.match(path)
    columns = TIMES.get(page.group(1), ()) if page else ()
    if not columns or b"__" not in query:
        return query
    changed = False
    pairs: list[tuple[str, str]] = []
    for key, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        column, _, op = key.rpartition("__")
        if column in columns and op in _COMPARED and (when := _instant(value)) is not None:
            pairs.append((key, str(moment(when))))
            changed = True
        elif column in columns and op == "date" and (start := _day(value)) is not None:
            pairs += [(f"{column}__gte", str(moment(start))),
                      (f"{column}__lt", str(moment(start + timedelta(days=1))))]
            changed = True
        else:
            pairs.append((key, value))
    return urlencode(pairs).encode("latin-1") if changed else query
