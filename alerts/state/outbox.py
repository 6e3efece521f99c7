"""The outbox: messages queued with their alerts, delivered, retried, folded into digests,
declared dead; channel pauses; the counts `alerts outbox` and `alerts status` show."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any, Protocol, cast

from alerts.messages import ALERT, UPDATE, OutboxRow, Outgoing
from alerts.models import Delivery, Match
from alerts.render import _default_title, clean, safe_link, when
from alerts.state.compact import instant, moment, text_sql, unpack_text
from alerts.state.db import IN_BATCH, Database, ts
from alerts.state.feedkeys import link_sql
from alerts.state.texts import EXPLANATION, text_hash

# The status a person is shown for an outbox row: a pending message that failed at least once
# (and waits for its retry) is "failed". shown_status() in alerts.outbox says the same.
SHOWN_STATUS = "CASE WHEN status = 'pending' AND attempts > 0 THEN 'failed' ELSE status END"

class _Conflict(Exception):
    pass


OUTBOX_COLUMNS = ("id, channel, kind, title, body, format, alert_id, thread_id, severity, "
                   "rule_id, story, payload, attempts, created, next_attempt, services_done, "
                   "status, last_error")


# An alert's facts (alerts.routing.alert_facts) repeat what the row's columns hold, and most
# alerts have one source, the item itself: stored, those are left out, and JSON is written
# without spaces or escapes (#17: about half the bytes of a queued alert). Reading puts them
# back, in the facts' own order; rows stored in full before are read as they are.
_FROM_COLUMNS = (("alert_id", "alert_id"), ("thread", "thread_id"), ("severity", "severity"),
                 ("rule_id", "rule_id"), ("story", "story"))
_FACTS_ORDER = ("alert_id", "thread", "update", "severity", "rule_id", "rule_title",
                "rule_description", "tags", "title", "summary", "who", "when", "published",
                "feed", "link", "sources", "explanation", "story")


# Facts an alert takes from its item (alerts.routing.alert_facts), left out when the stored
# item gives them back exactly; the payload's "i" says which (#17: about 190 bytes of each
# queued alert). An edit of the item first writes them back (keep_alert_facts), so a queued
# alert keeps the facts it was queued with.
_ITEM_FACTS = (("title", 1), ("link", 2), ("published", 4), ("when", 8))
ITEM_MARK = "i"
ItemRow = tuple[str, str | None, object]  # the stored item's title, link and published
# An alert's rule facts are kept once per rule in alert_rules (migration 0018); the payload's
# "r" is their number there (#17: the shipped rules' descriptions are 300-400 bytes each).
_RULE_FACTS = ("rule_title", "rule_description", "tags")
RULE_MARK = "r"
# An alert whose title is the default one its facts make ("[high] Rule: headline") stores
# an empty title and this mark, and reads the title back from its facts (#17: about 96 bytes
# of each queued alert; a channel's own title template is stored as rendered).
TITLE_MARK = "d"


def item_facts(item: ItemRow) -> dict[str, Any]:
    """The facts alert_facts takes from an item, from its stored row."""
    title, link, published = item
    at = instant(published)
    return {"title": clean(title) or "(untitled)", "link": safe_link(link),
            "published": at.isoformat() if at else None, "when": when(at)}


@lru_cache(maxsize=256)
def _item_facts(title: str, link: str | None, published: object) -> Mapping[str, Any]:
    """item_facts, made once for the alerts of one item on its rules and channels (#17);
    never changed by its readers. Only hashable stored values come here."""
    return item_facts((title, link, published))


@lru_cache(maxsize=2048)
def _rule_json(facts: tuple[tuple[str, Any], ...]) -> str:
    """An alert's rule facts as stored in alert_rules: the same text for each alert of
    the rule, written once (#17: room for as many rules as a large pack has, 1,000 on the
    bench, whose alerts come in no order). Lists come as tuples, which JSON writes alike."""
    return _dumps(dict(facts))


@lru_cache(maxsize=2048)
def _plain_rule_json(title: str, description: str, tags: tuple[Any, ...]) -> str:
    return _dumps({"rule_title": title, "rule_description": description, "tags": tags})


def _rule_facts_json(rule: dict[str, Any]) -> str:
    if tuple(rule) == _RULE_FACTS:  # the common case, keyed without building a key (#17)
        title, description, tags = rule.values()
        if type(title) is str and type(description) is str and type(tags) is list:
            return _plain_rule_json(title, description, tuple(tags))
    try:
        return _rule_json(tuple((fact, tuple(value) if isinstance(value, list) else value)
                                for fact, value in rule.items()))
    except TypeError:  # a value that cannot be a key (a mapping): written each time
        return _dumps(rule)


def _self_source(facts: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"feed": facts.get("feed"), "title": facts.get("title"), "link": facts.get("link")}]


def _is_alert(kind: str, payload: dict[str, Any]) -> bool:
    return kind in (ALERT, UPDATE) and "title" in payload


def default_titled(message: Outgoing) -> bool:
    """Whether an alert's title is the default one its facts make again when read."""
    return (_is_alert(message.kind, message.payload) and bool(message.title)
            and message.title == _default_title(message.payload))


def pack_payload(message: Outgoing, item: ItemRow | None = None,
                 rule_ref: Callable[[str], int] | None = None,
                 titled: bool | None = None,
                 derived: Mapping[str, Any] | None = None) -> str | None:
    """The JSON stored for a message's payload: an alert's without what the row's columns,
    the alert itself and its stored `item` say again; `rule_ref` gives the number of its
    rule facts (as JSON) in alert_rules. An alert whose title is its default one is marked
    (its title is then not stored); `titled`: default_titled(message), when the caller knows
    it already; `derived`: item_facts(item), when the caller made it already."""
    payload = dict(message.payload)
    if not payload:
        return None
    if _is_alert(message.kind, payload):
        if default_titled(message) if titled is None else titled:
            payload[TITLE_MARK] = 1
        for fact, column in _FROM_COLUMNS:
            if fact in payload and payload[fact] == getattr(message, column):
                del payload[fact]
        if payload.get("update") is (message.kind == UPDATE):
            del payload["update"]
        if payload.get("sources") == _self_source(payload):
            del payload["sources"]
        if item is not None and ITEM_MARK not in payload:
            if derived is None:
                derived = _item_facts(*item) if _hashable(item) else item_facts(item)
            mark = 0
            for fact, bit in _ITEM_FACTS:
                if fact in payload and payload[fact] == derived[fact]:
                    del payload[fact]
                    mark |= bit
            if mark:
                payload[ITEM_MARK] = mark
        if rule_ref is not None and RULE_MARK not in payload:
            rule = {fact: payload.pop(fact) for fact in _RULE_FACTS if fact in payload}
            if rule:
                payload[RULE_MARK] = rule_ref(_rule_facts_json(rule))
    return _dumps(payload)


def _hashable(item: ItemRow) -> bool:
    return all(value is None or type(value) in (str, int, float) for value in item)


# json.dumps with these options makes an encoder each call: made once (#17: one per alert).
_ENCODE = json.JSONEncoder(default=str, separators=(",", ":"), ensure_ascii=False).encode
_ENCODE_ASCII = json.JSONEncoder(default=str, separators=(",", ":")).encode


def _dumps(payload: dict[str, Any]) -> str:
    text = _ENCODE(payload)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a broken feed: kept, escaped
        text = _ENCODE_ASCII(payload)
    return text


def unpack_payload(stored: str | None, kind: str, columns: dict[str, Any],
                   item: ItemRow | None = None,
                   rules: dict[int, dict[str, Any]] | None = None) -> dict[str, Any]:
    """A payload as the message had it (stored in full before #17's compaction, or packed;
    `item`: the stored item of an alert whose payload takes facts from it; `rules`: rule
    facts by their number in alert_rules)."""
    return _unpacked(stored, kind, columns, item, rules)[0]


def _unpacked(stored: str | None, kind: str, columns: dict[str, Any],
              item: ItemRow | None = None, rules: dict[int, dict[str, Any]] | None = None
              ) -> tuple[dict[str, Any], bool]:
    """unpack_payload's payload, and whether the alert's title is its default one."""
    payload: dict[str, Any] = json.loads(stored) if stored else {}
    alert = kind in (ALERT, UPDATE)
    default_title = bool(payload.pop(TITLE_MARK, 0)) if alert else False
    if alert and RULE_MARK in payload:
        payload.update((rules or {}).get(payload.pop(RULE_MARK), {}))
    mark = payload.pop(ITEM_MARK, 0) if alert else 0
    if mark:
        derived = item_facts(item) if item is not None else {}
        for fact, bit in _ITEM_FACTS:
            if mark & bit and fact in derived:
                payload[fact] = derived[fact]
    if not _is_alert(kind, payload):
        return payload, False
    full = dict(payload)
    for fact, column in _FROM_COLUMNS:
        full.setdefault(fact, columns[column])
    full.setdefault("update", kind == UPDATE)
    full.setdefault("sources", _self_source(full))
    ordered = {fact: full.pop(fact) for fact in _FACTS_ORDER if fact in full}
    return ordered | full, default_title


def outbox_row(row: tuple[Any, ...], item: ItemRow | None = None,
               rules: dict[int, dict[str, Any]] | None = None) -> OutboxRow:
    (id_, channel, kind, title, body, fmt, alert_id, thread_id, severity, rule_id, story,
     payload, attempts, created, next_attempt, done, status, last_error) = row
    columns = {"alert_id": alert_id, "thread_id": thread_id, "severity": severity,
               "rule_id": rule_id, "story": story}
    facts, default_title = _unpacked(payload, kind, columns, item, rules)
    if default_title and not title:
        title = _default_title(facts) or title
    return OutboxRow(id_, channel, kind, title, body, fmt, alert_id, thread_id, severity,
                     rule_id, story, facts,
                     attempts,
                     cast(datetime, instant(created)),  # both NOT NULL
                     cast(datetime, instant(next_attempt)),
                     frozenset(json.loads(done)) if done else frozenset(), status, last_error)



def queue_message(conn: sqlite3.Connection, message: Outgoing, now: datetime,
           match_id: int | None = None) -> int:
    """Insert one message. A follow-up is queued only on a channel that got the first
    alert of its story, and only once. Returns how many rows were added."""
    revision = 0
    if message.kind == UPDATE:
        earlier = conn.execute(
            "SELECT count(*), sum(alert_id = ?) FROM outbox WHERE channel = ? "
            "AND (alert_id = ? OR thread_id = ?)",
            (message.alert_id, message.channel, message.thread_id,
             message.thread_id)).fetchone()
        if not earlier[0] or earlier[1]:
            return 0
        revision = earlier[0]
    titled = default_titled(message)  # once: the title column and the payload's mark
    stamp = moment(now)
    conn.execute(
        _INSERT,
        (match_id, message.channel, message.kind, revision, message.alert_id,
         message.thread_id, message.severity, message.rule_id, message.story,
         message.format, "" if titled else message.title, message.body,
         pack_payload(message, _stored_item(conn, match_id, message.kind),
                      lambda facts: _rule_ref(conn, facts), titled), stamp, stamp))
    return 1


class AlertToRecord(Protocol):
    """A match to record with its messages, as alerts.state.items.QueuedAlert gives it
    (described here: items imports this module)."""

    @property
    def item_key(self) -> str: ...
    @property
    def match(self) -> Match: ...
    @property
    def messages(self) -> tuple[Outgoing | tuple[str, str, str], ...]: ...
    @property
    def update(self) -> bool: ...
    @property
    def alerted(self) -> bool | None: ...


_INSERT = ("INSERT INTO outbox (match_id, channel, kind, revision, alert_id, thread_id, "
           "severity, rule_id, story, format, title, body, payload, next_attempt, created) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def record_alerts(conn: sqlite3.Connection, item_ids: Mapping[str, int],
                  alerts: Sequence[AlertToRecord], now: datetime) -> int:
    """A poll's matches stored and their messages queued, in its transaction, as storing
    each match and queue_message would (in the same order: the same numbers for matches,
    texts, rule facts and messages), with what they look up read and written a poll at a
    time (#17: with 1,000 rules a poll of 50 new items stores some 70 matches and 60
    alerts, and looking up each one's match, texts, item and rule facts apart cost more than
    storing it). `item_ids`: the stored items' numbers by key; an alert whose item is not
    among them is not recorded. Returns how many messages were queued."""
    wanted = sorted({item_ids[a.item_key] for a in alerts if a.item_key in item_ids})
    stored: dict[tuple[int, str], int | None] = dict(_stored_matches(conn, wanted))
    new: list[AlertToRecord] = []  # the matches to store, in order
    queued: list[tuple[AlertToRecord, tuple[int, str]]] = []  # alerts whose messages go out
    for alert in alerts:
        item_id = item_ids.get(alert.item_key)
        if item_id is None:
            continue
        key = (item_id, alert.match.rule_id)
        if key not in stored:  # its texts are stored once (0024), only for a new match
            stored[key] = None
            new.append(alert)
        elif not alert.update:
            continue
        if alert.messages:
            queued.append((alert, key))
    stamp = moment(now)
    if new:
        texts = _text_ids(conn, [text for alert in new
                                 for text in (alert.match.explanation, alert.match.suppressed)])
        first = _last_id(conn, "matches")
        conn.executemany(
            "INSERT INTO matches (item_id, rule_id, severity, explanation_id, matched_at, "
            "alerted, suppressed_id, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(item_ids[alert.item_key], alert.match.rule_id, alert.match.severity,
              texts.get(alert.match.explanation), stamp,
              int(alert.alerted if alert.alerted is not None else bool(alert.messages)),
              texts.get(alert.match.suppressed), alert.match.story_id) for alert in new])
        stored.update(((item_id, rule_id), match_id) for item_id, rule_id, match_id in
                      conn.execute("SELECT item_id, rule_id, id FROM matches WHERE id > ?",
                                   (first,)))
    queue = _Queue(conn, now, _item_rows(conn, sorted({key[0] for _, key in queued})))
    for alert, key in queued:
        match_id = stored[key]
        assert match_id is not None  # stored above
        for message in alert.messages:
            queue.add(_outgoing(message, alert.match), match_id, key[0])
    return queue.flush()


def _outgoing(message: Outgoing | tuple[str, str, str], match: Match) -> Outgoing:
    """Messages given as (channel, title, body) are plain-text first alerts."""
    if isinstance(message, Outgoing):
        return message
    channel, title, body = message
    return Outgoing(channel, title, body, severity=match.severity, rule_id=match.rule_id)


def _last_id(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])


def _text_ids(conn: sqlite3.Connection, texts: list[str | None]) -> dict[str | None, int]:
    """text_id of each of these texts, stored in this order when they were not (the numbers
    text_id would give them one by one): found by hash in one query for a poll."""
    ordered = list(dict.fromkeys(text for text in texts if text is not None))
    hashes = {text: text_hash(text) for text in ordered}
    found: dict[str | None, int] = {}
    keys = sorted({h for h in hashes.values() if h is not None})
    for start in range(0, len(keys), IN_BATCH):
        batch = keys[start:start + IN_BATCH]
        for text_id_, key, text in conn.execute(
                f"SELECT id, hash, text FROM match_texts WHERE hash IN "
                f"({','.join('?' * len(batch))}) ORDER BY id", batch):
            if text in hashes and hashes[text] == key:
                found.setdefault(text, int(text_id_))  # the first, as text_id finds it
    missing = [text for text in ordered if text not in found]
    if missing:
        first = _last_id(conn, "match_texts")
        conn.executemany("INSERT INTO match_texts (hash, text) VALUES (?, ?)",
                         [(hashes[text], text) for text in missing])
        found.update((text, int(text_id_)) for text_id_, text in conn.execute(
            "SELECT id, text FROM match_texts WHERE id > ?", (first,)))
    return found


def _stored_matches(conn: sqlite3.Connection, item_ids: list[int]) -> dict[tuple[int, str], int]:
    """The matches stored for these items, by (item, rule)."""
    found: dict[tuple[int, str], int] = {}
    for start in range(0, len(item_ids), IN_BATCH):
        batch = item_ids[start:start + IN_BATCH]
        found.update(((item_id, rule_id), match_id) for item_id, rule_id, match_id in conn.execute(
            f"SELECT item_id, rule_id, id FROM matches WHERE item_id IN "
            f"({','.join('?' * len(batch))})", batch))
    return found


def _item_rows(conn: sqlite3.Connection, item_ids: list[int]) -> dict[int, ItemRow]:
    """The stored items an alert's payload takes facts from (_stored_item), by number."""
    found: dict[int, ItemRow] = {}
    for start in range(0, len(item_ids), IN_BATCH):
        batch = item_ids[start:start + IN_BATCH]
        found.update((item_id, (title, link, published)) for item_id, title, link, published
                     in conn.execute(f"SELECT i.id, {text_sql('i.title')}, {link_sql('i')}, "
                                     "i.published FROM items i "
                                     f"WHERE i.id IN ({','.join('?' * len(batch))})",
                                     batch))
    return found


class _Queue:
    """Messages of one poll queued as queue_message queues them, inserted together: the
    rule facts of those waiting looked up in one query, an item's facts made once for its
    alerts (#17)."""

    def __init__(self, conn: sqlite3.Connection, now: datetime,
                 items: Mapping[int, ItemRow]):
        self.conn = conn
        self.now = now
        self.stamp = moment(now)
        self.items = items
        self.waiting: list[tuple[Outgoing, int, ItemRow | None, bool]] = []
        self.queued = 0
        self.derived: dict[int, Mapping[str, Any]] = {}

    def add(self, message: Outgoing, match_id: int, item_id: int) -> None:
        if message.kind == UPDATE:  # it reads what was queued before it
            self.flush()
            self.queued += queue_message(self.conn, message, self.now, match_id)
            return
        self.waiting.append((message, match_id, self.items.get(item_id)
                             if message.kind == ALERT else None, default_titled(message)))

    def flush(self) -> int:
        """Insert the messages waiting; returns how many were queued so far."""
        if not self.waiting:
            return self.queued
        # Their rule facts' numbers, stored in the order queue_message would store them.
        wanted = list(dict.fromkeys(
            _rule_facts_json(rule) for message, _, _, _ in self.waiting
            if (rule := _rule_facts(message)) is not None))
        refs = _rule_refs(self.conn, wanted)
        rows = []
        for message, match_id, item, titled in self.waiting:
            derived = None
            if item is not None and _hashable(item):
                derived = _item_facts(*item)
            rows.append((match_id, message.channel, message.kind, 0, message.alert_id,
                         message.thread_id, message.severity, message.rule_id, message.story,
                         message.format, "" if titled else message.title, message.body,
                         pack_payload(message, item, refs.__getitem__, titled, derived),
                         self.stamp, self.stamp))
        self.conn.executemany(_INSERT, rows)
        self.queued += len(rows)
        self.waiting = []
        return self.queued


def _rule_facts(message: Outgoing) -> dict[str, Any] | None:
    """The rule facts pack_payload stores apart for this message, if any."""
    payload = message.payload
    if not _is_alert(message.kind, payload) or RULE_MARK in payload:
        return None
    return {fact: payload[fact] for fact in _RULE_FACTS if fact in payload} or None


def _rule_refs(conn: sqlite3.Connection, facts: list[str]) -> dict[str, int]:
    """_rule_ref of each, in this order: those stored found in one query."""
    found: dict[str, int] = {}
    for start in range(0, len(facts), IN_BATCH):
        batch = facts[start:start + IN_BATCH]
        found.update((text, int(ref)) for ref, text in conn.execute(
            f"SELECT id, facts FROM alert_rules WHERE facts IN ({','.join('?' * len(batch))})",
            batch))
    for text in facts:
        if text not in found:
            found[text] = _rule_ref(conn, text)
    return found


def _rule_ref(conn: sqlite3.Connection, facts: str) -> int:
    """The number of these rule facts in alert_rules, stored now if they were not there:
    looked up first, as every alert of a rule after its first finds them (#17)."""
    found = conn.execute("SELECT id FROM alert_rules WHERE facts = ?", (facts,)).fetchone()
    if found is not None:
        return int(found[0])
    conn.execute("INSERT INTO alert_rules (facts) VALUES (?) ON CONFLICT (facts) DO NOTHING",
                 (facts,))
    return int(conn.execute("SELECT id FROM alert_rules WHERE facts = ?",
                            (facts,)).fetchone()[0])


def _rules_of(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> dict[int, dict[str, Any]]:
    """The rule facts the payloads of these outbox rows (as OUTBOX_COLUMNS) refer to."""
    refs = sorted({ref for row in rows if isinstance(row[11], str)
                   and f'"{RULE_MARK}":' in row[11]
                   and isinstance(ref := json.loads(row[11]).get(RULE_MARK), int)})
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(refs), IN_BATCH):
        batch = refs[start:start + IN_BATCH]
        found.update((ref, json.loads(facts)) for ref, facts in conn.execute(
            f"SELECT id, facts FROM alert_rules WHERE id IN ({','.join('?' * len(batch))})",
            batch))
    return found


def _marked(payload: object) -> bool:
    return isinstance(payload, str) and f'"{ITEM_MARK}":' in payload


def _stored_item(conn: sqlite3.Connection, match_id: int | None, kind: str) -> ItemRow | None:
    if match_id is None or kind not in (ALERT, UPDATE):
        return None
    row = conn.execute(f"SELECT {text_sql('i.title')}, {link_sql('i')}, i.published "
                       "FROM matches m JOIN items i "
                       "ON i.id = m.item_id WHERE m.id = ?", (match_id,)).fetchone()
    return (row[0], row[1], row[2]) if row else None


def alert_items(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> dict[int, ItemRow]:
    """The stored items of the outbox rows (as OUTBOX_COLUMNS) whose payload takes facts
    from them, by outbox id."""
    ids = [row[0] for row in rows if _marked(row[11])]
    found: dict[int, ItemRow] = {}
    for start in range(0, len(ids), IN_BATCH):
        batch = ids[start:start + IN_BATCH]
        found.update((o, (title, link, published)) for o, title, link, published in conn.execute(
            f"SELECT o.id, {text_sql('i.title')}, {link_sql('i')}, i.published "
            "FROM outbox o JOIN matches m ON "
            "m.id = o.match_id JOIN items i ON i.id = m.item_id "
            f"WHERE o.id IN ({','.join('?' * len(batch))})", batch))
    return found


def outbox_rows_of(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> list[OutboxRow]:
    items, rules = alert_items(conn, rows), _rules_of(conn, rows)
    return [outbox_row(row, items.get(row[0]), rules) for row in rows]


def keep_alert_facts(conn: sqlite3.Connection, feed_id: int, keys: list[str]) -> None:
    """Before these items are edited: their queued alerts that take facts from them get
    those facts back, as they were queued. `feed_id`, `keys`: the feed's number and the
    items' keys as stored (alerts.state.feedkeys)."""
    for start in range(0, len(keys), IN_BATCH):
        batch = keys[start:start + IN_BATCH]
        rows = conn.execute(
            f"SELECT o.id, o.kind, o.payload, {text_sql('i.title')}, {link_sql('i')}, "
            "i.published FROM outbox o "
            "JOIN matches m ON m.id = o.match_id JOIN items i ON i.id = m.item_id "
            f"WHERE i.feed_id = ? AND i.key IN ({','.join('?' * len(batch))}) "
            f"AND o.payload LIKE '%\"{ITEM_MARK}\":%'", (feed_id, *batch)).fetchall()
        changes = []
        for outbox_id, kind, stored, title, link, published in rows:
            payload = json.loads(stored)
            mark = payload.pop(ITEM_MARK, 0) if kind in (ALERT, UPDATE) else 0
            if not mark:
                continue
            derived = item_facts((title, link, published))
            payload.update({fact: derived[fact] for fact, bit in _ITEM_FACTS if mark & bit})
            changes.append((_dumps(payload), outbox_id))
        conn.executemany("UPDATE outbox SET payload = ? WHERE id = ?", changes)



class Outbox(Database):
    """The outbox, for the sender, the digests and `alerts outbox`."""

    # -- outbox --------------------------------------------------------------------------

    def due_deliveries(self, now: datetime, limit: int = 100) -> list[Delivery]:
        """What is due, as deliveries (titles as read: a default alert title made again)."""
        return [Delivery(row.id, row.channel, row.title, row.body, row.attempts)
                for row in self.outbox_due(now, limit)]

    def mark_sent(self, delivery_id: int, now: datetime) -> None:
        with self.write() as conn:
            conn.execute("UPDATE outbox SET status = 'sent', sent_at = ?, "
                         "attempts = attempts + 1, last_error = NULL WHERE id = ?",
                         (moment(now), delivery_id))

    def mark_failed(self, delivery_id: int, error: str, retry_at: datetime | None,
                    done: Iterable[str] | None = None) -> None:
        """Count a failed attempt; no retry time means the delivery is dead. `done`: services
        of the channel that did accept it, skipped when it is retried."""
        services = json.dumps(sorted(done)) if done else None
        with self.write() as conn:
            if retry_at is None:
                conn.execute("UPDATE outbox SET status = 'dead', attempts = attempts + 1, "
                             "last_error = ?, services_done = ? WHERE id = ?",
                             (error, services, delivery_id))
            else:
                conn.execute("UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                             "next_attempt = ?, services_done = ? WHERE id = ?",
                             (error, moment(retry_at), services, delivery_id))

    def queue(self, messages: Iterable[Outgoing], now: datetime) -> int:
        """Queue messages that belong to no match (operator notices)."""
        with self.write() as conn:
            return sum(queue_message(conn, m, now) for m in messages)

    def outbox_due(self, now: datetime, limit: int = 2000) -> list[OutboxRow]:
        cur = self.conn.execute(
            f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE status = 'pending' "
            "AND next_attempt <= ? ORDER BY id LIMIT ?", (moment(now), limit))
        return outbox_rows_of(self.conn, cur.fetchall())

    def alert_texts(self, outbox_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """(the item's summary, the match's explanation) of queued alerts, by outbox id: what
        their messages are rendered from when sent, beside the facts stored with them."""
        ids = list(outbox_ids)
        found: dict[int, tuple[str, str]] = {}
        for start in range(0, len(ids), IN_BATCH):
            batch = ids[start:start + IN_BATCH]
            cur = self.conn.execute(
                f"SELECT o.id, i.summary, {EXPLANATION} FROM outbox o "
                "JOIN matches m ON m.id = o.match_id JOIN items i ON i.id = m.item_id "
                f"WHERE o.id IN ({','.join('?' * len(batch))})", batch)
            found.update((int(row[0]), (unpack_text(row[1], self.conn) or "", row[2] or ""))
                         for row in cur)
        return found

    def outbox_rows(self, ids: Iterable[int]) -> list[OutboxRow]:
        ids = list(ids)
        found: list[OutboxRow] = []
        for start in range(0, len(ids), IN_BATCH):
            batch = ids[start:start + IN_BATCH]
            cur = self.conn.execute(
                f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id IN "
                f"({','.join('?' * len(batch))}) ORDER BY id", batch)
            found.extend(outbox_rows_of(self.conn, cur.fetchall()))
        return found

    def sent_count(self, channel: str, since: datetime) -> int:
        """Messages delivered on a channel since a moment (for its rate limit)."""
        return int(self.conn.execute(
            "SELECT count(*) FROM outbox WHERE channel = ? AND status = 'sent' "
            "AND sent_at >= ?", (channel, moment(since))).fetchone()[0])

    def fold_digest(self, member_ids: list[int], digest: Outgoing, now: datetime) -> int | None:
        """Replace pending alerts by one digest message, atomically. None when one of them
        is no longer pending (then nothing changes)."""
        try:
            with self.write() as conn:
                queue_message(conn, digest, now)
                digest_id: int = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
                marks = ",".join("?" * len(member_ids))
                cur = conn.execute(
                    f"UPDATE outbox SET status = 'digested', digest_id = ? "
                    f"WHERE status = 'pending' AND id IN ({marks})", (digest_id, *member_ids))
                if cur.rowcount != len(member_ids):
                    raise _Conflict
        except _Conflict:
            return None
        return digest_id

    def report_dead(self, notice: Callable[[list[OutboxRow]], Outgoing | None],
                    now: datetime) -> list[OutboxRow]:
        """Dead letters not yet reported: queue one notice about them (if `notice` makes one)
        and mark them reported, in one transaction."""
        with self.write() as conn:
            cur = conn.execute(f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE status = 'dead' "
                               "AND reported = 0 ORDER BY id")
            dead = outbox_rows_of(conn, cur.fetchall())
            if not dead:
                return []
            message = notice(dead)
            if message is not None:
                queue_message(conn, message, now)
            conn.executemany("UPDATE outbox SET reported = 1 WHERE id = ?",
                             [(row.id,) for row in dead])
        return dead

    def pause_channel(self, channel: str, until: datetime, reason: str) -> None:
        """A service asked us to wait (Retry-After): nothing goes to the channel before then."""
        with self.write() as conn:
            conn.execute("INSERT INTO channel_state (channel, paused_until, reason) "
                         "VALUES (?, ?, ?) ON CONFLICT (channel) DO UPDATE SET "
                         "paused_until = excluded.paused_until, reason = excluded.reason",
                         (channel, ts(until), reason))

    def channel_pauses(self, now: datetime) -> dict[str, datetime]:
        rows = self.conn.execute("SELECT channel, paused_until FROM channel_state "
                                 "WHERE paused_until > ?", (ts(now),)).fetchall()
        return {channel: datetime.fromisoformat(until) for channel, until in rows}

    def outbox_list(self, statuses: Iterable[str], limit: int = 1000,
                    as_shown: bool = False) -> list[OutboxRow]:
        """Rows by status, oldest first, at most `limit` (-1: all). "failed" means pending after a
        failed try; with `as_shown` (what `alerts outbox` lists) "pending" means pending and
        not yet tried, so the limit is spent on the rows asked for, not on rows left out
        after."""
        wanted = set(statuses)
        clauses = [f"status = '{s}'" for s in ("dead", "sent", "digested") if s in wanted]
        if "pending" in wanted:
            clauses.append("(status = 'pending' AND attempts = 0)"
                           if as_shown and "failed" not in wanted else "status = 'pending'")
        if "failed" in wanted and "pending" not in wanted:
            clauses.append("(status = 'pending' AND attempts > 0)")
        if not clauses:
            return []
        cur = self.conn.execute(f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE "
                                f"{' OR '.join(clauses)} ORDER BY id LIMIT ?", (limit,))
        return outbox_rows_of(self.conn, cur.fetchall())

    def outbox_retry(self, ids: list[int] | None, now: datetime) -> dict[int, str]:
        """Requeue dead (and failed) messages to be sent at once with fresh attempts.
        `ids` None means every dead or failed one. Returns each id's status before."""
        with self.write() as conn:
            if ids is None:
                rows = conn.execute("SELECT id, status FROM outbox WHERE status = 'dead' OR "
                                    "(status = 'pending' AND attempts > 0)").fetchall()
            else:
                rows = []
                for delivery_id in ids:
                    found = conn.execute("SELECT id, status FROM outbox WHERE id = ?",
                                         (delivery_id,)).fetchone()
                    rows.append(found or (delivery_id, "missing"))
            requeue = [(moment(now), i) for i, status in rows if status in ("dead", "pending")]
            conn.executemany("UPDATE outbox SET status = 'pending', attempts = 0, "
                             "next_attempt = ?, reported = 0 WHERE id = ?", requeue)
            conn.execute("DELETE FROM channel_state")
        return dict(rows)

    def outbox_counts(self) -> dict[str, int]:
        """Messages by stored status (a failed one waiting for its retry is 'pending')."""
        rows = self.conn.execute("SELECT status, count(*) FROM outbox GROUP BY status")
        return dict(rows.fetchall())

    def outbox_summary(self) -> dict[str, int]:
        """Messages by the status `alerts outbox` shows ('failed': pending after a failed
        try); `alerts status` and `alerts outbox` both count with this one query."""
        rows = self.conn.execute(f"SELECT {SHOWN_STATUS} AS shown, count(*) FROM outbox "
                                 "GROUP BY shown")
        return dict(rows.fetchall())
