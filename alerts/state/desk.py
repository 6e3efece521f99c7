"""The desk's own records: its judgements of alerts (`alerts feedback`, `alerts quality`)
and what it silenced (`alerts mute`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from alerts.state.compact import unpack_text
from alerts.state.db import Database, ts


class Desk(Database):
    """Feedback and mutes."""

    def alert_facts(self, alert_id: str) -> dict[str, Any] | None:
        """The rule, match and item behind an alert id, as in every message."""
        row = self.conn.execute(
            "SELECT m.id, m.rule_id, i.title, i.summary, m.story_id FROM outbox o "
            "JOIN matches m ON m.id = o.match_id JOIN items i ON i.id = m.item_id "
            "WHERE o.alert_id = ? LIMIT 1", (alert_id,)).fetchone()
        if row is None:
            return None
        facts = dict(zip(("match_id", "rule_id", "title", "summary", "story_id"), row,
                         strict=True))
        facts["title"] = unpack_text(facts["title"], self.conn)  # packed since 0033
        facts["summary"] = unpack_text(facts["summary"], self.conn)
        return facts

    def record_feedback(self, alert_id: str, facts: Mapping[str, Any], verdict: str,
                        note: str | None, now: datetime) -> bool:
        """Store (or replace) the judgement of one alert; True when it replaced one."""
        with self.write() as conn:
            before = conn.execute("SELECT 1 FROM feedback WHERE alert_id = ?",
                                  (alert_id,)).fetchone()
            conn.execute(
                "INSERT INTO feedback (alert_id, match_id, rule_id, verdict, note, title, "
                "summary, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id) DO UPDATE "
                "SET verdict = excluded.verdict, note = excluded.note, at = excluded.at",
                (alert_id, facts["match_id"], facts["rule_id"], verdict, note, facts["title"],
                 facts["summary"], ts(now)))
        return before is not None

    def feedback_rows(self) -> list[dict[str, Any]]:
        cur = self.conn.execute("SELECT alert_id, rule_id, verdict, note, title, summary, at "
                                "FROM feedback ORDER BY at")
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def mute(self, target: str, kind: str, until: datetime | None, now: datetime) -> None:
        with self.write() as conn:
            conn.execute("INSERT INTO mutes (target, kind, until, created) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (target) DO UPDATE SET until = excluded.until, "
                         "created = excluded.created", (target, kind, ts(until), ts(now)))

    def unmute(self, target: str) -> bool:
        with self.write() as conn:
            return conn.execute("DELETE FROM mutes WHERE target = ?", (target,)).rowcount > 0

    def mutes(self, now: datetime) -> list[dict[str, Any]]:
        """Mutes in force (expired ones are left out, and forgotten at the next mute)."""
        cur = self.conn.execute("SELECT target, kind, until, created FROM mutes "
                                "WHERE until IS NULL OR until > ? ORDER BY created", (ts(now),))
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def any_mutes(self) -> bool:
        """Whether any mute is stored, in force or not: a poll that finds none asks no more
        (its write transaction keeps others from adding one meanwhile)."""
        return bool(self.conn.execute("SELECT EXISTS (SELECT 1 FROM mutes)").fetchone()[0])

    def muted(self, rule_id: str, story_id: int | None, now: datetime) -> dict[str, Any] | None:
        """The mute in force for this rule or this story, if any."""
        targets = [rule_id] + ([f"story-{story_id}"] if story_id is not None else [])
        row = self.conn.execute(
            f"SELECT target, until FROM mutes WHERE target IN ({','.join('?' * len(targets))}) "
            "AND (until IS NULL OR until > ?) ORDER BY until IS NULL DESC, until DESC LIMIT 1",
            (*targets, ts(now))).fetchone()
        return {"target": row[0], "until": row[1]} if row else None
