"""A Datasette plugin: cells written `[label](/path)` by the canned pages become links.

Cheaper than rendering Markdown in every cell (a page of 100 alerts went from 500 ms to a few
ms), and only two kinds of target are linked: a page of this site, or an http(s) article.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl
from markupsafe import Markup, escape

from alerts.state.compact import PACKED_TEXTS, iso, needs_dictionary, read_guid, unpack_text

LINK = re.compile(r"\[([^\]\n]{1,500})\]\(((?:/|https?://)[^\s)]{0,2000})\)")


# Items', the outbox's, matches' and stories' times are stored as microseconds since 1970
# (#17, migrations 0017, 0018, 0022 and 0025): shown as dates, in their tables and in the
# canned pages (no table) alike.
TIMES: dict[str, tuple[str, ...]] = {"items": ("first_seen", "last_seen", "published"),
                                     "outbox": ("created", "next_attempt", "sent_at"),
                                     "matches": ("matched_at",),
                                     "stories": ("created_at", "last_at"),
                                     "story_members": ("at",), "story_keys": ("at",),
                                     "story_developments": ("at",),
                                     "text_dictionaries": ("made",)}
TIMES[""] = (*dict.fromkeys(column for columns in TIMES.values() for column in columns
                            if column != "at"), "first_report", "latest_report")


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str | None,
                row: Any = None, datasette: Any = None,
                **_: Any) -> Markup | str | Callable[[], Awaitable[str | None]] | None:
    if database != "state":
        return None
    if table == "items" and column == "guid" and value is None and row is not None:
        try:  # not stored again when the key says it (0019)
            return read_guid(str(row["key"]), None)
        except (IndexError, KeyError):  # the page left the key out
            return None
    if isinstance(value, int) and column in TIMES.get(table or "", ()):
        return iso(value)
    if isinstance(value, bytes) and (table, column) in PACKED_TEXTS:
        if needs_dictionary(value):  # packed with the state's dictionary since 0026
            return None if datasette is None else _packed_text(datasette, database, value)
        return unpack_text(value)  # compressed since 0023: shown as the text it is
    if (((table == "matches" and column in ("explanation_id", "suppressed_id"))
         or (table == "story_members" and column == "why_id"))
            and isinstance(value, int) and datasette is not None):
        return _match_text(datasette, database, value)  # kept once since 0024 and 0027
    if not isinstance(value, str) or not value.startswith("["):
        return None
    found = LINK.fullmatch(value)
    if found is None:
        return None
    label, href = found.groups()
    return Markup(f'<a href="{escape(href)}">{escape(label)}</a>')


def _packed_text(datasette: Any, database: str,
                 value: bytes) -> Callable[[], Awaitable[str | None]]:
    """A text packed with the state's dictionary, read from the state, shown as the text."""
    async def text() -> str | None:
        found = await datasette.get_database(database).execute_fn(
            lambda conn: unpack_text(value, conn))
        return None if found is None else str(found)
    return text


def _match_text(datasette: Any, database: str, text_id: int) -> Callable[[], Awaitable[str | None]]:
    """A match's explanation or reason, shown as its text where the table holds its number."""
    async def text() -> str | None:
        rows = await datasette.get_database(database).execute(
            "SELECT text FROM match_texts WHERE id = ?", [text_id])
        first = rows.first()
        return None if first is None else str(first[0])
    return text
