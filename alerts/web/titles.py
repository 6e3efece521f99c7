"""Title filters typed on the items page, where titles are packed (#17, migration 0033).

Since 0033 an item's title is stored packed with the state's dictionary when that is shorter
(alerts.state.compact), shown as text (alerts.web.links). A filter typed on it
(`?title__contains=Sudan`, or Datasette's filter form) compared the packed bytes and found
only the titles stored as text. The gate hands Datasette the same filter on the title's text
instead, as a `_where` clause on alerts_text(title) (the function every connection of the
site has): exact, not, contains, startswith and endswith, compared as Datasette compares
them (LIKE for the last three). Anything else passes unchanged.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

from alerts.state.compact import PACKED_TEXTS, text_sql

_TABLE_PAGE = re.compile(r"^/state/([a-z_]+)(?:\.json|\.csv)?$")
_COMPARED = {"exact": "= {}", "not": "!= {}", "contains": "LIKE '%' || {} || '%'",
             "startswith": "LIKE {} || '%'", "endswith": "LIKE '%' || {}"}


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def typed_titles(path: str, query: bytes) -> bytes:
    """The query string of a request for `path` with filters on packed texts' columns made
    filters on their text; any other request's unchanged."""
    page = _TABLE_PAGE.match(path)
    table = page.group(1) if page else ""
    if not table or b"__" not in query:
        return query
    changed = False
    pairs: list[tuple[str, str]] = []
    for key, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        column, _, op = key.rpartition("__")
        if (table, column) in PACKED_TEXTS and op in _COMPARED:
            pairs.append(("_where", f"{text_sql(column)} {_COMPARED[op].format(_literal(value))}"))
            changed = True
        else:
            pairs.append((key, value))
    return urlencode(pairs).encode("latin-1") if changed else query
