"""Upkeep across tables: pruning by retention, and moving stored waits by a clock step."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import cast

from alerts.rules.history import HistoryKeep
from alerts.state.compact import instant, moment
from alerts.state.db import Database, ts
from alerts.state.items import LAST_SEEN_SLACK
from alerts.state.members import keep_members_of
from alerts.state.texts import prune_texts


class Upkeep(Database):
    """What the daemon runs now and then over the whole database."""

    def prune(self, before: datetime,
              keep: Mapping[str, HistoryKeep] | None = None) -> dict[str, int]:
        """Forget stories, their keys and history older than the retention window, and the
        items no story or queued alert still needs. `keep`: history scopes loaded rules read
        further back (a gap of 180 days), pruned at their own cutoff instead; the newest entry
        per key of a gap's scope stays whatever its age, since the gap is measured from it."""
        counts = {}
        keep = {scope: kept for scope, kept in (keep or {}).items()  # shared: never pruned
                if not scope.startswith("shared:") and (kept.latest or kept.cutoff < before)}
        with self.write() as conn:
            counts["stories"] = conn.execute(
                # Microseconds since 0025; a time that stayed text compares as text.
                "DELETE FROM stories WHERE last_at < ? OR (typeof(last_at) = 'text' "
                "AND last_at < ?)", (moment(before), ts(before))).rowcount
            conn.execute("DELETE FROM story_members WHERE story_id NOT IN "
                         "(SELECT id FROM stories)")
            conn.execute("DELETE FROM story_keys WHERE story_id NOT IN (SELECT id FROM stories)")
            conn.execute("DELETE FROM story_bands WHERE story_id NOT IN (SELECT id FROM stories)")
            conn.execute("DELETE FROM story_developments WHERE story_id NOT IN "
                         "(SELECT id FROM stories)")
            # A match kept past its story (its item still shown, its alert still queued)
            # lets go of the story's number: SQLite gives a pruned largest number to the
            # next new story, which would otherwise look alerted already.
            conn.execute("UPDATE matches SET story_id = NULL WHERE story_id IS NOT NULL AND "
                         "story_id NOT IN (SELECT id FROM stories)")
            counts["polls"] = conn.execute("DELETE FROM poll_log WHERE at < ?",
                                           (ts(before),)).rowcount
            counts["history"] = conn.execute(
                "DELETE FROM history WHERE at < ? AND scope NOT LIKE 'shared:%' AND scope "
                f"NOT IN ({','.join('?' * len(keep))})", (ts(before), *keep)).rowcount
            for scope, kept in keep.items():
                newest = (" AND at < (SELECT max(h.at) FROM history AS h WHERE h.scope = "
                          "history.scope AND h.key = history.key)") if kept.latest else ""
                counts["history"] += conn.execute(
                    f"DELETE FROM history WHERE scope = ? AND at < ?{newest}",
                    (scope, ts(min(kept.cutoff, before)))).rowcount
            # Items no feed has shown since the cutoff go with their matches and delivered
            # notifications; anything still waiting in the outbox keeps its item. A poll
            # writes an item's last_seen again only once it is LAST_SEEN_SLACK old: an item
            # is kept that much longer, so one a feed still shows is never pruned.
            unseen = (moment(before - LAST_SEEN_SLACK),)
            old = "SELECT id FROM items WHERE last_seen < ?"
            conn.execute(f"DELETE FROM outbox WHERE status IN ('sent', 'dead', 'digested') AND "
                         f"match_id IN (SELECT id FROM matches WHERE item_id IN ({old}))",
                         unseen)
            conn.execute(f"DELETE FROM matches WHERE item_id IN ({old}) AND id NOT IN "
                         "(SELECT match_id FROM outbox WHERE match_id IS NOT NULL)", unseen)
            prune_texts(conn)  # the explanations and reasons of matches gone (0024)
            gone = "SELECT id FROM items WHERE last_seen < ? AND id NOT IN " \
                "(SELECT item_id FROM matches)"
            keep_members_of(conn, gone, unseen)
            counts["items"] = conn.execute(f"DELETE FROM items WHERE id IN ({gone})",
                                           unseen).rowcount
        return counts

    def shift_deadlines(self, seconds: float) -> int:
        """Move every stored wait (a feed's backoff or Retry-After, an alert's next attempt, a
        channel's pause) by a wall-clock step, so each keeps the time it had left. Returns
        how many were moved."""
        step = timedelta(seconds=seconds)
        targets = (("feeds", "url", "next_poll_after", "next_poll_after IS NOT NULL"),
                   ("outbox", "id", "next_attempt", "status = 'pending'"),
                   ("channel_state", "channel", "paused_until", "paused_until IS NOT NULL"))
        moved = 0
        with self.write() as conn:
            for table, key, column, where in targets:
                rows = conn.execute(f"SELECT {key}, {column} FROM {table} WHERE {where}")
                # The outbox's times are microseconds since 0018, the others ISO text.
                changes = [(moment(cast(datetime, instant(value)) + step)
                            if isinstance(value, int)
                            else ts(datetime.fromisoformat(value) + step), row_key)
                           for row_key, value in rows.fetchall()]
                conn.executemany(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", changes)
                moved += len(changes)
        return moved
