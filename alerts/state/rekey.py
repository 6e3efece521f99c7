"""Re-keying feeds whose URL carried a secret: used by a migration and by `adopt_feed`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from alerts.state.compact import PACKED_TEXTS, TextPacker
from alerts.state.feedkeys import RELATIVE

# The columns that hold items' keys (alerts.state.feedkeys) or links after a feed's base.
KEY_COLUMNS = frozenset({("items", "key"), ("story_members", "item_key"), ("items", "link"),
                         ("story_developments", "item_key")})


def rekey_feeds(conn: sqlite3.Connection, renamed: dict[str, str],
                 secrets: Iterable[str]) -> None:
    """Key each feed by its new URL (old -> new in `renamed`, the new ones not yet used), its
    items, stories and history following, and mask `secrets` in every text that holds a URL."""
    from contextlib import suppress

    from alerts.redact import Redactor

    if not renamed:
        return
    columns = [row[1] for row in conn.execute("PRAGMA table_info(feeds)")]
    others = ", ".join(c for c in columns if c != "url")
    for old, new in renamed.items():
        if "id" in columns:  # since 0028 items and stories name a feed by its number
            conn.execute("UPDATE feeds SET url = ? WHERE url = ?", (new, old))
        else:  # before (migration 0011): a new row, which the URLs copied elsewhere follow
            conn.execute(f"INSERT INTO feeds (url, {others}) SELECT ?, {others} FROM feeds "
                         "WHERE url = ?", (new, old))
    redact = Redactor(secrets)
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '\\_%' ESCAPE '\\'")]
    for table in tables:
        info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        # A row is found by its rowid, or in a WITHOUT ROWID table (story developments, whose
        # item keys may hold a secret after the feed's origin) by its primary key.
        primary = [f'"{row[1]}"' for row in sorted(info, key=lambda row: row[5]) if row[5]]
        try:
            conn.execute(f'SELECT rowid FROM "{table}" LIMIT 1')
            primary = ["rowid"]
        except sqlite3.OperationalError:
            pass
        row_id = ", ".join(primary)
        where = " AND ".join(f"{name} = ?" for name in primary)
        for column in [row[1] for row in info]:
            if table == "feeds" and column == "url":
                continue
            # A key stored after its feed's origin (0028: '~' and the rest) may hold a secret
            # in its rest; the origin is the feed's URL, masked above.
            relative = (f' OR substr("{column}", 1, 1) = \'{RELATIVE}\''
                        if (table, column) in KEY_COLUMNS else "")
            rows = conn.execute(f'SELECT "{column}", {row_id} FROM "{table}" '
                                f'WHERE typeof("{column}") = \'text\' AND ("{column}" LIKE '
                                f'\'%://%\'{relative})')
            changes: list[tuple[object, ...]] = []
            for value, *key in rows.fetchall():
                masked = renamed.get(value) or redact.mask(value)
                if masked != value:
                    changes.append((masked, *key))
            if (table, column) in PACKED_TEXTS:  # compressed since 0023: read, masked, packed
                packer = TextPacker(conn)  # with the state's dictionary since 0026
                for value, *key in conn.execute(
                        f'SELECT "{column}", {row_id} FROM "{table}" '
                        f'WHERE typeof("{column}") = \'blob\'').fetchall():
                    text = packer.unpack(value) or ""
                    masked = redact.mask(text) if "://" in text else text
                    if masked != text:
                        changes.append((packer.pack(masked), *key))
            for change in changes:
                with suppress(sqlite3.IntegrityError):  # a masked key that would collide
                    conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE {where}', change)
    for old in renamed:
        with suppress(sqlite3.IntegrityError):  # still referenced: kept rather than lost
            conn.execute("DELETE FROM feeds WHERE url = ?", (old,))
