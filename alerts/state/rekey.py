"""Re-keying feeds whose URL carried a secret: used by a migration and by `adopt_feed`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from alerts.state.compact import PACKED_TEXTS, TextPacker


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
        conn.execute(f"INSERT INTO feeds (url, {others}) SELECT ?, {others} FROM feeds "
                     "WHERE url = ?", (new, old))
    redact = Redactor(secrets)
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '\\_%' ESCAPE '\\'")]
    for table in tables:
        try:
            conn.execute(f'SELECT rowid FROM "{table}" LIMIT 1')
        except sqlite3.OperationalError:
            continue  # WITHOUT ROWID tables (story keys) hold no URL
        for column in [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]:
            if table == "feeds" and column == "url":
                continue
            rows = conn.execute(f'SELECT rowid, "{column}" FROM "{table}" '
                                f'WHERE typeof("{column}") = \'text\' AND "{column}" LIKE \'%://%\'')
            changes: list[tuple[str | bytes | None, object]] = []
            for rowid, value in rows.fetchall():
                masked = renamed.get(value) or redact.mask(value)
                if masked != value:
                    changes.append((masked, rowid))
            if (table, column) in PACKED_TEXTS:  # compressed since 0023: read, masked, packed
                packer = TextPacker(conn)  # with the state's dictionary since 0026
                for rowid, value in conn.execute(
                        f'SELECT rowid, "{column}" FROM "{table}" '
                        f'WHERE typeof("{column}") = \'blob\'').fetchall():
                    text = packer.unpack(value) or ""
                    masked = redact.mask(text) if "://" in text else text
                    if masked != text:
                        changes.append((packer.pack(masked), rowid))
            for stored, rowid in changes:
                with suppress(sqlite3.IntegrityError):  # a masked key that would collide
                    conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?',
                                 (stored, rowid))
    for old in renamed:
        with suppress(sqlite3.IntegrityError):  # still referenced: kept rather than lost
            conn.execute("DELETE FROM feeds WHERE url = ?", (old,))
