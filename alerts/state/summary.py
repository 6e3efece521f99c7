"""Whole tables and counts, for `alerts status`, the quality reports and tests."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from alerts.state.db import Database
from alerts.state.stories import STORY_TITLE

_TABLES = ("feeds", "items", "matches", "outbox", "stories")


class Summary(Database):
    """Read-only views of whole tables."""

    def rows(self, sql_table: str) -> Iterable[dict[str, Any]]:
        """All rows of a table, for `alerts status` and tests."""
        if sql_table not in ("feeds", "items", "matches", "outbox"):
            raise ValueError(sql_table)
        return self.db[sql_table].rows


    def count(self, sql_table: str) -> int:
        """How many rows a table holds."""
        if sql_table not in _TABLES:
            raise ValueError(sql_table)
        return int(self.conn.execute(f"SELECT count(*) FROM {sql_table}").fetchone()[0])

    def stories_with_outlets(self, limit: int = 8) -> list[tuple[str, int]]:
        """The stories reported by more than one outlet, most outlets first: (title, outlets)."""
        return [(title, n) for title, n in self.conn.execute(
            f"SELECT {STORY_TITLE}, count(DISTINCT m.publisher) AS n FROM stories s JOIN "
            "story_members m ON m.story_id = s.id GROUP BY s.id HAVING n > 1 "
            "ORDER BY n DESC LIMIT ?", (limit,)).fetchall()]
