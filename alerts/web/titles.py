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

from alerts.state.compact import PACKED_TEXTS, text_sql
from alerts.web.filters import rewritten

_COMPARED = {"exact": "= {}", "not": "!= {}", "contains": "LIKE '%' || {} || '%'",
             "startswith": "LIKE {} || '%'", "endswith": "LIKE '%' || {}"}


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def typed_titles(path: str, query: bytes) -> bytes:
    """The query string of a request for `path` with filters on packed texts' columns made
    filters on their text; any other request's unchanged."""
    return rewritten(path, query, _on_text)


def _on_text(table: str, column: str, op: str, value: str) -> list[tuple[str, str]] | None:
    if (table, column) not in PACKED_TEXTS or op not in _COMPARED:
        return None
    return [("_where", f"{text_sql(column)} {_COMPARED[op].format(_literal(value))}")]
