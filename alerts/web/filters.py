"""The shared part of the gate's filter rewrites (alerts.web.dates, alerts.web.titles): a table
page's query string read pair by pair, each filter (`column__op=value`) offered to a rewrite
that may give other pairs for it; the query string unchanged when none did."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

# A table page of the state, as HTML, JSON or CSV: its table.
TABLE_PAGE = re.compile(r"^/state/([a-z_]+)(?:\.json|\.csv)?$")

# (table, column, op, value) -> the pairs that replace the filter, or None to keep it.
Rewrite = Callable[[str, str, str, str], list[tuple[str, str]] | None]


def rewritten(path: str, query: bytes, rewrite: Rewrite) -> bytes:
    """The query string of a request for `path` with each filter `rewrite` gives pairs for
    replaced by them; any other request's, or one with no such filter, unchanged."""
    page = TABLE_PAGE.match(path)
    if not page or b"__" not in query:
        return query
    table = page.group(1)
    changed = False
    pairs: list[tuple[str, str]] = []
    for key, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        column, _, op = key.rpartition("__")
        replacement = rewrite(table, column, op, value) if column else None
        if replacement is None:
            pairs.append((key, value))
        else:
            pairs += replacement
            changed = True
    return urlencode(pairs).encode("latin-1") if changed else query
