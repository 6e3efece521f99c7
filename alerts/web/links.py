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

from alerts.state.compact import (
    PACKED_TEXTS,
    iso,
    needs_dictionary,
    read_guid,
    read_texts_in_sql,
    unpack_text,
)
from alerts.state.feedkeys import ESCAPED, RELATIVE, read_key, read_link
from alerts.state.stories import STORY_TITLE

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
def prepare_connection(conn: Any, database: str) -> None:
    """alerts_text() in the site's SQL: items' titles are packed since 0033 (the canned pages
    read them so, and so can a query written on the SQL page)."""
    if database == "state":
        read_texts_in_sql(conn)


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str | None,
                row: Any = None, datasette: Any = None,
                **_: Any) -> Markup | str | Callable[[], Awaitable[str | None]] | None:
    if database != "state":
        return None
    if table == "stories" and column == "title" and value == "" and row is not None:
        try:  # its first report's title, not stored again (0032)
            story = row["id"]
        except (IndexError, KeyError):  # the page left the story's number out
            return None
        return None if datasette is None else _story_title(datasette, database, story)
    if (column == "item_id" and isinstance(value, dict) and isinstance(value.get("label"), bytes)
            and datasette is not None):  # an item's number labelled with its packed title (0033)
        return _item_link(datasette, database, value)
    if (column == "story_id" and isinstance(value, dict) and value.get("label") == ""
            and datasette is not None):  # a story's number labelled with its title (0032)
        return _story_link(datasette, database, value.get("value"))
    if table == "items" and column == "guid" and value is None and row is not None:
        try:  # not stored again when the key says it (0019), which may be relative (0028)
            key = str(row["key"])
            if key[:1] == RELATIVE:
                return None if datasette is None else _whole_key(
                    datasette, database, key, _number(row["feed_id"]), guid=True)
            return read_guid(read_key(key, ""), None)  # an escaped key: what follows
        except (IndexError, KeyError):  # the page left the key out
            return None
    if (((table, column) in KEY_CELLS or (table, column) == ("items", "link"))
            and isinstance(value, str) and value[:1] in (RELATIVE, ESCAPED)):
        if value[:1] == ESCAPED:
            return value[1:]
        try:  # stored after its feed's origin (0028) or link base (0029): shown whole
            feed_id = _number(row["feed_id"]) if row is not None else None
        except (IndexError, KeyError):  # the page left the feed out
            feed_id = None
        if feed_id is None or datasette is None:
            return None
        if column == "link":
            return _whole_link(datasette, database, value, feed_id)
        return _whole_key(datasette, database, value, feed_id)
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


def _number(value: Any) -> Any:
    """A row's number as the table page gives it: labelled ({"value", "label"}) where the
    column refers to another table (the items page's feed_id), as it is elsewhere."""
    return value.get("value") if isinstance(value, dict) else value


# Items' keys as stored since 0028 (alerts.state.feedkeys), in the tables that show them.
KEY_CELLS = frozenset({("items", "key"), ("story_members", "item_key"),
                       ("story_developments", "item_key")})


def _whole_key(datasette: Any, database: str, stored: str, feed_id: Any, *,
               guid: bool = False) -> Callable[[], Awaitable[str | None]]:
    """A key stored after its feed's origin, shown whole (or the GUID it says)."""
    async def text() -> str | None:
        rows = await datasette.get_database(database).execute(
            "SELECT url FROM feeds WHERE id = ?", [feed_id])
        first = rows.first()
        if first is None or first[0] is None:
            return None
        key = read_key(stored, str(first[0]))
        return read_guid(key, None) if guid else key
    return text


def _whole_link(datasette: Any, database: str, stored: str,
                feed_id: Any) -> Callable[[], Awaitable[str | None]]:
    """A link stored after its feed's link base, shown whole."""
    async def text() -> str | None:
        rows = await datasette.get_database(database).execute(
            "SELECT link_base FROM feeds WHERE id = ?", [feed_id])
        first = rows.first()
        return read_link(stored, None if first is None else first[0])
    return text


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


async def _read_story_title(datasette: Any, database: str, story: Any) -> str | None:
    rows = await datasette.get_database(database).execute(
        f"SELECT {STORY_TITLE} FROM stories s WHERE s.id = ?", [story])
    first = rows.first()
    return None if first is None or first[0] is None else str(first[0])


def _story_title(datasette: Any, database: str,
                 story: Any) -> Callable[[], Awaitable[str | None]]:
    """A story's title stored as '' (0032): its first report's, read from the state."""
    async def text() -> str | None:
        return await _read_story_title(datasette, database, story)
    return text


def _story_link(datasette: Any, database: str,
                story: Any) -> Callable[[], Awaitable[Markup | None]]:
    """A story's number where a table names it, linked and labelled with its title as
    Datasette labels it (the title stored as '' since 0032: read from its first report)."""
    async def link() -> Markup | None:
        title = await _read_story_title(datasette, database, story)
        if title is None:
            return None
        href = f"{datasette.urls.table(database, 'stories')}/{escape(str(story))}"
        return Markup(f'<a href="{href}">{escape(title) or "-"}</a>&nbsp;<em>{escape(story)}</em>')
    return link


def _item_link(datasette: Any, database: str,
               value: dict[str, Any]) -> Callable[[], Awaitable[Markup | None]]:
    """An item's number where a table names it, linked and labelled with its title as
    Datasette labels it (the title packed since 0033: unpacked)."""
    async def link() -> Markup | None:
        title = await datasette.get_database(database).execute_fn(
            lambda conn: unpack_text(value["label"], conn))
        item = value.get("value")
        href = f"{datasette.urls.table(database, 'items')}/{escape(str(item))}"
        return Markup(f'<a href="{href}">{escape(title or "") or "-"}</a>&nbsp;'
                      f'<em>{escape(item)}</em>')
    return link
