"""Stories: one real-world event each, the reports (members) that joined it, the keys that
find it again, and the developments of its event that alerted."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from alerts.models import Item
from alerts.state.compact import (
    END_OF_TIME,
    band_value,
    iso,
    moment,
    pack_signature,
    text_key_value,
    text_sql,
    unpack_signature,
)
from alerts.state.db import IN_BATCH, Database
from alerts.state.feedkeys import FEED_ID, feed_number, read_key, stored_key
from alerts.state.members import MEMBER_ITEM, MEMBER_LINK, MEMBER_TITLE
from alerts.state.texts import MEMBER_WHY, SUPPRESSED, text_id
from alerts.stories import EventKey, StoryRef


def _join(conn: sqlite3.Connection, story: StoryRef, item: Item, rule_ids: list[str],
          publisher: str, stamp: int, status: str | None, *, started: bool = False) -> None:
    """The report joins the story for the rules it has not joined it for yet: one member
    row for them all (migration 0020), with their rules beside it. A rule that already
    joined keeps the way and time it joined with, as before. `started`: the story was
    created just now, for this report, and has no member yet to look up."""
    key = stored_key(item.key, item.feed_url)  # the feed by number, the key as stored (0028)
    joined = set() if started else {rule for (rule,) in conn.execute(
        "SELECT r.rule_id FROM story_members m JOIN story_member_rules r ON r.member_id = m.id "
        f"WHERE m.feed_id = {FEED_ID} AND m.item_key = ? AND m.story_id = ?",
        (item.feed_url, key, story.id))}
    new = [rule for rule in dict.fromkeys(rule_ids) if rule not in joined]
    if not new:
        return
    cur = conn.execute(  # its reason kept once, in match_texts (0027)
        "INSERT INTO story_members (story_id, feed_id, item_key, publisher, title, link, "
        "joined_by, at, status, why_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (story.id, feed_number(conn, item.feed_url), key, publisher, item.title, item.link,
         story.joined_by, stamp, status, text_id(conn, story.why or None)))
    conn.executemany("INSERT INTO story_member_rules (member_id, rule_id) VALUES (?, ?)",
                     [(cur.lastrowid, rule) for rule in new])


def _iso_times(row: dict[str, Any], *columns: str) -> dict[str, Any]:
    """A row with its stored times (microseconds since 0025) as the text `ts()` wrote."""
    for column in columns:
        row[column] = iso(row[column])
    return row


# A story's title as read (story alias s): its own, or, stored as '' (0032: it is the title
# its first report joined with), that report's title as MEMBER_TITLE reads it (an item's
# title packed since 0033).
STORY_TITLE = (
    "CASE WHEN s.title != '' THEN s.title ELSE coalesce((SELECT CASE WHEN fm.as_item THEN "
    f"(SELECT {text_sql('fi.title')} FROM items fi WHERE fi.feed_id = fm.feed_id "
    "AND fi.key = fm.item_key) "
    "ELSE fm.title END FROM story_members fm WHERE fm.story_id = s.id ORDER BY fm.id LIMIT 1), "
    "'') END")

# A member's feed URL, by its number (0028).
MEMBER_FEED = "(SELECT f.url FROM feeds f WHERE f.id = m.feed_id)"


def _source(row: dict[str, Any]) -> dict[str, Any]:
    """A story's report as read: its key as it was (0028), its time as `ts()` wrote it."""
    row["item_key"] = read_key(row["item_key"], row["feed_url"])
    return _iso_times(row, "at")


class Stories(Database):
    """The memory behind `alerts.stories.StoryDesk` (its StoryStore) and `alerts history`."""

    # The story add_to_story started last, the connection's count of changes then, the
    # story's rules and its one report (story_sources_for).
    _started: tuple[int, int, frozenset[str], dict[str, Any]] | None = None
    # The window last looked up and its bounds as stored: a report looks up one window two
    # or three times (story_by_copy, then its event or its bands).
    _window: tuple[datetime, datetime | None, int, int] | None = None

    def _bounds(self, since: datetime, until: datetime | None) -> tuple[int, int]:
        """moment(since) and moment(until) (END_OF_TIME without an end), remembered for the
        last window of aware times (a naive time is local, and the local zone may change)."""
        last = self._window
        if last is not None and last[0] == since and last[1] == until:
            return last[2], last[3]
        low, high = moment(since), moment(until) if until else END_OF_TIME
        if since.tzinfo is not None and (until is None or until.tzinfo is not None):
            self._window = (since, until, low, high)
        return low, high

    def _story_by_key(self, kind: str, key: str | bytes, since: datetime,
                      until: datetime | None = None) -> StoryRef | None:
        low, high = self._bounds(since, until)
        row = self.conn.execute(
            f"SELECT s.id, {STORY_TITLE} FROM story_keys k JOIN stories s ON s.id = k.story_id "
            "WHERE k.kind = ? AND k.key = ? AND k.at >= ? AND k.at <= ? "
            "ORDER BY k.at DESC LIMIT 1",
            (kind, key, low, high)).fetchone()
        return StoryRef(row[0], row[1], kind) if row else None

    def story_by_copy(self, link: str | None, text: str, since: datetime,
                      until: datetime) -> StoryRef | None:
        """The story holding the same page, else the same text, in the window: one query."""
        low, high = self._bounds(since, until)
        row = self.conn.execute(
            f"SELECT s.id, {STORY_TITLE}, k.kind FROM story_keys k "
            "JOIN stories s ON s.id = k.story_id "
            "WHERE ((k.kind = 'link' AND k.key = ?) OR (k.kind = 'text' AND k.key = ?)) "
            "AND k.at >= ? AND k.at <= ? ORDER BY k.kind = 'text', k.at DESC LIMIT 1",
            (link or "", text_key_value(text), low, high)).fetchone()
        return StoryRef(row[0], row[1], row[2]) if row else None

    def story_by_link(self, key: str, since: datetime,
                      until: datetime | None = None) -> StoryRef | None:
        return self._story_by_key("link", key, since, until)

    def story_by_text(self, key: str, since: datetime,
                      until: datetime | None = None) -> StoryRef | None:
        return self._story_by_key("text", text_key_value(key), since, until)

    def story_by_entities(self, rule_id: str, key: str, since: datetime,
                          until: datetime | None = None) -> StoryRef | None:
        return self._story_by_key("entities", f"{rule_id}\x1f{key}", since, until)

    def stories_by_bands(self, bands: list[str], since: datetime,
                         until: datetime | None = None
                         ) -> list[tuple[StoryRef, tuple[int, ...], str | None]]:
        if not bands:
            return []
        marks = ",".join("?" * len(bands))
        args = (*map(band_value, bands), *self._bounds(since, until))
        # Nearly every report shares no band with a story in its window: asked first by the
        # bands alone (#17: a third of the query below, which joins and sorts).
        if self.conn.execute(f"SELECT 1 FROM story_bands WHERE band IN ({marks}) AND at >= ? "
                             "AND at <= ? LIMIT 1", args).fetchone() is None:
            return []
        rows = self.conn.execute(
            f"SELECT DISTINCT s.id, {STORY_TITLE}, s.signature, s.event FROM story_bands b "
            f"JOIN stories s ON s.id = b.story_id WHERE b.band IN ({marks}) "
            f"AND b.at >= ? AND b.at <= ? AND s.signature IS NOT NULL LIMIT 50", args)
        return [(StoryRef(sid, title, "words"), unpack_signature(sig), event)
                for sid, title, sig, event in rows.fetchall()]

    def stories_by_event(self, keys: list[str], since: datetime, until: datetime
                         ) -> list[tuple[StoryRef, str | None]]:
        """Stories whose event has one of these actors (`EventKey.lookup_keys`) in the
        window, newest first: a few indexed lookups, whatever the number stored."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        low, high = self._bounds(since, until)
        rows = self.conn.execute(
            f"SELECT s.id, {STORY_TITLE}, s.event, max(k.at) AS at FROM story_keys k "
            f"JOIN stories s ON s.id = k.story_id WHERE k.kind = 'event' AND k.key IN "
            f"({marks}) AND k.at >= ? AND k.at <= ? GROUP BY s.id ORDER BY at DESC LIMIT 20",
            (*keys, low, high))
        return [(StoryRef(sid, title, "event"), event) for sid, title, event, _ in rows]

    def add_to_story(self, story: StoryRef | None, item: Item, at: datetime, *,
                     rule_ids: list[str],
                     entity_keys: list[str], link: str | None, text: str,
                     sig: tuple[int, ...] | None, band_keys: list[str],
                     publisher: str, event: EventKey | None = None,
                     story_event: EventKey | None = None) -> StoryRef:
        """The item joins the story (or starts one), with every key that can find it again.
        `at`: the report's publication time; `story_event`: the story's event as found,
        which the item's event widens ("Lebanon" joining "Israel and Lebanon")."""
        stamp = moment(at)  # times as microseconds since 0025
        started = story is None
        status = event.status if event else None
        with self.write() as conn:
            if story is None:
                cur = conn.execute(
                    "INSERT INTO stories (title, created_at, last_at, signature, event) "
                    # '' (0032): the title its first report joins with, just below
                    "VALUES (?, ?, ?, ?, ?)", ("" if rule_ids else item.title, stamp, stamp,
                                               pack_signature(sig) if sig else None,
                                               event.encode() if event else None))
                story = StoryRef(cur.lastrowid, item.title, "new",  # type: ignore[arg-type]
                                 "the first report of its event")
            else:
                widened = story_event.merged(event) if story_event and event else None
                conn.execute("UPDATE stories SET last_at = max(last_at, ?), "
                             "event = coalesce(?, event) WHERE id = ?",
                             (stamp, widened.encode() if widened and widened != story_event
                              else None, story.id))
            _join(conn, story, item, rule_ids, publisher, stamp, status, started=started)
            keys: list[tuple[str, str | bytes]] = [("text", text_key_value(text))]  # 0031
            keys += [("link", link)] if link else []
            keys += [("entities", f"{rule_id}\x1f{key}") for rule_id in rule_ids
                     for key in entity_keys]
            keys += [("event", key) for key in (event.stored_keys() if event else [])]
            conn.executemany(
                "INSERT INTO story_keys (kind, key, story_id, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (kind, key, story_id) DO UPDATE SET at = max(at, excluded.at)",
                [(kind, key, story.id, stamp) for kind, key in keys])
            if band_keys:
                conn.executemany(
                    "INSERT INTO story_bands (band, story_id, at) VALUES (?, ?, ?) "
                    "ON CONFLICT (band, story_id) DO UPDATE SET at = max(at, excluded.at)",
                    [(band_value(band), story.id, stamp) for band in band_keys])
        if started and self.conn.in_transaction:  # inside a poll's transaction
            # Its one report, as story_sources reads it back (story_sources_for), while
            # nothing else is written.
            self._started = (story.id, self.conn.total_changes, frozenset(rule_ids), {
                "feed_url": item.feed_url, "item_key": item.key, "publisher": publisher,
                "title": item.title, "link": item.link, "at": iso(stamp), "status": status,
                "joined_by": story.joined_by, "why": story.why or None})
        return story

    def story_developments(self, story_id: int, rule_id: str) -> list[str]:
        """The statuses of its event this story already alerted for this rule, in order."""
        return [row[0] for row in self.conn.execute(
            "SELECT status FROM story_developments WHERE story_id = ? AND rule_id = ? "
            "ORDER BY at", (story_id, rule_id))]

    def record_development(self, story_id: int, rule_id: str, status: str, item: Item,
                           at: datetime) -> None:
        """This status of the story's event alerted for this rule (first alert or update)."""
        with self.write() as conn:
            conn.execute("INSERT OR IGNORE INTO story_developments (story_id, rule_id, status, "
                         "item_key, feed_id, at) VALUES (?, ?, ?, ?, ?, ?)",
                         (story_id, rule_id, status, stored_key(item.key, item.feed_url),
                          feed_number(conn, item.feed_url), moment(at)))

    def story_timeline(self, story_id: int) -> list[dict[str, Any]]:
        """Each status of the story's event that alerted, in order, with its rule."""
        cur = self.conn.execute(
            "SELECT rule_id, status, at FROM story_developments WHERE story_id = ? "
            "ORDER BY at, rule_id", (story_id,))
        return [{"rule_id": rule_id, "status": status, "at": iso(at)}
                for rule_id, status, at in cur]

    def story_member(self, feed_url: str, item_key: str) -> dict[str, Any] | None:
        """Which story took this item, how and why (for explain)."""
        cur = self.conn.execute(
            f"SELECT m.story_id, {STORY_TITLE} AS story_title, m.joined_by, "
            f"{MEMBER_WHY} AS why, "
            "m.status, "
            "s.event FROM story_members m JOIN stories s ON s.id = m.story_id "
            f"WHERE m.feed_id = {FEED_ID} AND m.item_key = ? LIMIT 1",
            (feed_url, stored_key(item_key, feed_url)))
        row = cur.fetchone()
        return dict(zip([c[0] for c in cur.description], row, strict=True)) if row else None

    def story_alerted(self, story_id: int, rule_id: str) -> int | None:
        """The match that already alerted for this story and rule, if any."""
        row = self.conn.execute(
            "SELECT id FROM matches WHERE story_id = ? AND rule_id = ? AND alerted = 1 "
            "ORDER BY id LIMIT 1", (story_id, rule_id)).fetchone()
        return row[0] if row else None

    def match_outcome(self, feed_url: str, item_key: str, rule_id: str
                      ) -> dict[str, Any] | None:
        """What the rule did with this polled item (for explain): `alerted` (the story's
        first alert), `suppressed` (why not), `followed_up` (an update was queued)."""
        cur = self.conn.execute(
            f"SELECT m.alerted, {SUPPRESSED} AS suppressed, EXISTS (SELECT 1 FROM outbox o WHERE "
            "o.match_id = m.id AND o.kind = 'update') AS followed_up FROM matches m "
            f"JOIN items i ON i.id = m.item_id WHERE i.feed_id = {FEED_ID} AND i.key = ? "
            "AND m.rule_id = ?", (feed_url, stored_key(item_key, feed_url), rule_id))
        row = cur.fetchone()
        return dict(zip([c[0] for c in cur.description], row, strict=True)) if row else None

    def story_sources(self, story_id: int, rule_id: str | None = None) -> list[dict[str, Any]]:
        """The story's reports, oldest first, one per item."""
        sql = (f"SELECT {MEMBER_FEED} AS feed_url, m.item_key, m.publisher, "
               f"{MEMBER_TITLE} AS title, "
               f"{MEMBER_LINK} AS link, min(m.at) AS at, max(m.status) AS status, "
               f"max(m.joined_by) AS joined_by, max({MEMBER_WHY}) AS why "
               f"FROM story_members m {MEMBER_ITEM} WHERE m.story_id = ?")
        args: list[Any] = [story_id]
        if rule_id:
            sql += (" AND EXISTS (SELECT 1 FROM story_member_rules r WHERE r.member_id = m.id "
                    "AND r.rule_id = ?)")
            args.append(rule_id)
        cur = self.conn.execute(
            sql + " GROUP BY m.feed_id, m.item_key ORDER BY min(m.at), min(m.id)", args)
        names = [c[0] for c in cur.description]
        return [_source(dict(zip(names, row, strict=True))) for row in cur.fetchall()]

    def story_sources_for(self, story: StoryRef, rule_ids: Sequence[str]
                          ) -> dict[str, list[dict[str, Any]]]:
        """story_sources(story.id, rule) for each of these rules, read in one query; none
        for the story add_to_story has just started, in the transaction still open with
        nothing written since, which holds that one report (#17: the pipeline asks right
        after each report joined or started its story)."""
        rules = list(dict.fromkeys(rule_ids))
        started = self._started
        if (started is not None and started[0] == story.id and self.conn.in_transaction
                and started[1] == self.conn.total_changes):
            return {rule: [dict(started[3])] if rule in started[2] else [] for rule in rules}
        found: dict[str, list[dict[str, Any]]] = {rule: [] for rule in rules}
        for start in range(0, len(rules), IN_BATCH):
            batch = rules[start:start + IN_BATCH]
            # One member per item for a rule (_join never gives a rule a second member of
            # the same item), so each group is story_sources' group for that rule. For
            # several rules, each member's rules are read once ("+": not one look-up of each
            # rule in each member; #17: a story of a thousand reports read for five rules).
            plus = "+" if len(batch) > 1 else ""
            cur = self.conn.execute(
                f"SELECT r.rule_id, {MEMBER_FEED} AS feed_url, m.item_key, m.publisher, "
                f"{MEMBER_TITLE} AS title, {MEMBER_LINK} AS link, min(m.at) AS at, "
                f"max(m.status) AS status, max(m.joined_by) AS joined_by, "
                f"max({MEMBER_WHY}) AS why FROM story_members m JOIN story_member_rules r "
                f"ON r.member_id = m.id {MEMBER_ITEM} WHERE m.story_id = ? AND {plus}r.rule_id IN "
                f"({','.join('?' * len(batch))}) GROUP BY r.rule_id, m.feed_id, m.item_key "
                f"ORDER BY min(m.at), min(m.id)", (story.id, *batch))
            names = [c[0] for c in cur.description][1:]
            for rule, *row in cur.fetchall():
                found[rule].append(_source(dict(zip(names, row, strict=True))))
        return found

    def recent_stories(self, since: datetime, limit: int = 50) -> list[dict[str, Any]]:
        cur = self.conn.execute(
            f"SELECT s.id, {STORY_TITLE} AS title, s.created_at, s.last_at, s.event, "
            "(SELECT count(DISTINCT publisher) FROM story_members m WHERE m.story_id = s.id) "
            "AS publishers, (SELECT group_concat(DISTINCT rule_id) FROM matches WHERE "
            "story_id = s.id AND alerted = 1) AS alerted_rules FROM stories s "
            "WHERE s.last_at >= ? ORDER BY s.last_at DESC LIMIT ?", (moment(since), limit))
        names = [c[0] for c in cur.description]
        return [_iso_times(dict(zip(names, row, strict=True)), "created_at", "last_at")
                for row in cur.fetchall()]

    def story_exists(self, story_id: int) -> bool:
        return self.conn.execute("SELECT 1 FROM stories WHERE id = ?",
                                 (story_id,)).fetchone() is not None
