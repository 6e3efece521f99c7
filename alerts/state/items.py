"""Items and their matches: what a poll stores, in one transaction with its alerts."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from alerts.errors import StateError
from alerts.messages import Outgoing
from alerts.models import Fetched, Item, Match
from alerts.rules.history import HistoryEntry
from alerts.state.compact import (
    TextPacker,
    iso,
    moment,
    pack_hash,
    read_guid,
    stored_guid,
    unpack_hash,
)
from alerts.state.db import IN_BATCH, Database, ts
from alerts.state.feedkeys import (
    FEED_ID,
    feed_link_base,
    read_key,
    read_link,
    stored_keys,
    stored_link,
)
from alerts.state.feeds import log_poll, touch_feed
from alerts.state.history import record_history
from alerts.state.members import keep_members_as_joined, members_as_items
from alerts.state.outbox import keep_alert_facts, record_alerts
from alerts.state.textdict import due, keep, latest_item, may_train, train, train_outside

log = logging.getLogger(__name__)

# How old an item's last_seen may grow while its feed still shows it: a poll writes it again
# only then, and the prune keeps items this much longer than its cutoff (alerts.state.upkeep),
# so that an item a feed still shows is never pruned, whatever the retention.
LAST_SEEN_SLACK = timedelta(hours=1)


def _categories(item: Item) -> str:
    if not item.categories:
        return "[]"  # as json.dumps writes it, without its encoder made for it (#17)
    return json.dumps(list(item.categories), ensure_ascii=False)


def _when(published: datetime | None) -> int | str | None:
    """A publication time as stored (#17): microseconds, or as `ts()` text before 1970."""
    if published is None:
        return None
    value = moment(published)
    return value if value >= 0 else ts(published)



@dataclass(frozen=True)
class PackedTexts:
    """Items' texts as record_poll stores them, packed before the poll's write transaction
    (`Items.pack_ahead`) with the dictionary of `digest` (None: the state had none): used
    when that is still the state's newest, else packed again there (#17: the transaction
    poll workers take turns at held the packing too)."""

    digest: bytes | None
    texts: dict[int, tuple[str | bytes | None, ...]]  # by id(item): title, summary, content


def _packed(packer: TextPacker, item: Item) -> tuple[str | bytes | None, ...]:
    """An item's title (with the dictionary only, 0033), summary and full text, packed."""
    return (packer.pack(item.title, deflate=False), packer.pack(item.summary),
            packer.pack(item.content))


class KnownItem(NamedTuple):
    """A stored item, as the seen-before query finds it (a named tuple: one is made for
    every key of every poll, at half a frozen dataclass's cost)."""

    id: int
    content_hash: str
    # Stored before full text was read (migration 0015): its hash is of title and summary
    # only, the first 16 digits of an Item's (alerts.normalise.content_hash).
    without_content: bool = False
    last_seen: int | None = None  # microseconds (None: as no stored time compares)

    def edited(self, item: Item) -> bool:
        """Whether the item's text differs from what was stored. A row stored before full
        text was read compares title and summary only: an upgrade is not an edit (it would
        re-match every item still in a feed, and send follow-ups)."""
        if self.without_content:
            return self.content_hash != item.content_hash[:16]
        return self.content_hash != item.content_hash


def last_seen_due(known: Mapping[str, KnownItem], now: datetime, keys: Iterable[str], *,
                  unknown: bool = False) -> list[str]:
    """Of these keys, those whose items a poll at `now` that found them again is to write
    it saw: their last_seen is more than LAST_SEEN_SLACK old (#17: every poll of a feed
    wrote it for each of the items the feed still shows). A key `known` lacks is one of
    them when `unknown`."""
    cutoff = moment(now - LAST_SEEN_SLACK)  # once a poll: 2 µs, and a poll finds thousands
    due = []
    for key in keys:
        stored = known.get(key)
        if (stored is None and unknown) or (stored is not None and (
                stored.last_seen is None or stored.last_seen < cutoff)):
            due.append(key)
    return due


@dataclass(frozen=True)
class QueuedAlert:
    """A match to record, with its rendered notifications (None when it must not alert)."""

    item_key: str
    match: Match
    messages: tuple[Outgoing | tuple[str, str, str], ...]  # or (channel, title, body)
    update: bool = False  # a follow-up of an alert already sent for this rule and story
    # Whether this match is the alert of its (rule, story), even with no channel to send to
    # (replay): later reports of the story must not alert again. None: it has messages.
    alerted: bool | None = None


class Items(Database):
    """Items seen, their matches and the alerts queued for them."""

    def known_items(self, feed_url: str, keys: list[str]) -> dict[str, KnownItem]:
        """Which of these keys were seen before, in one batched query per 500 keys (the feed
        by its number, the keys as stored: alerts.state.feedkeys)."""
        known: dict[str, KnownItem] = {}
        stored = stored_keys(keys, feed_url)
        given = dict(zip(stored, keys, strict=True))
        for start in range(0, len(stored), IN_BATCH):
            batch = stored[start:start + IN_BATCH]
            rows = self.conn.execute(
                f"SELECT key, id, content_hash, content IS NULL, last_seen FROM items WHERE "
                f"feed_id = {FEED_ID} AND key IN ({','.join('?' * len(batch))})",
                (feed_url, *batch))
            for key, item_id, content_hash, without_content, last_seen in rows:
                known[given[key]] = KnownItem(  # the hash's bytes as hex (0017)
                    item_id, content_hash.hex() if type(content_hash) is bytes
                    else str(content_hash), without_content == 1,
                    last_seen if type(last_seen) is int else None)
        return known

    def matched_rules(self, item_id: int) -> frozenset[str]:
        """The rules an item matched before (asked only when it was edited)."""
        rows = self.conn.execute("SELECT rule_id FROM matches WHERE item_id = ?", (item_id,))
        return frozenset(rule_id for (rule_id,) in rows)

    _training_due = False  # a poll with texts packed ahead left the dictionary to train

    def train_left(self, now: datetime) -> bool:
        """Train the text dictionary a poll with texts packed ahead (a poll worker's) left
        due: learnt and the state's texts packed with it outside a write transaction, kept
        in one of its own (textdict.train_outside, keep), unless another worker trained one
        meanwhile (#17: in the poll's transaction, 0.2 s that the other workers waited).
        True when it was kept."""
        if not self._training_due:
            return False
        self._training_due = False
        try:
            trained = train_outside(self.conn)
            if trained is None:
                return False
            with self.write() as conn:
                return keep(conn, trained, moment(now)) is not None
        except StateError as exc:  # the poll is stored: it must not be reported failed
            log.warning("the state's text dictionary could not be trained after a poll (%s); "
                        "nothing is lost: texts stay packed as they were, and a state without "
                        "a dictionary tries again at its next thousand items", exc)
            return False

    def pack_ahead(self, items: list[Item]) -> PackedTexts:
        """The items' texts packed as record_poll would pack them now, outside a transaction."""
        packer = TextPacker(self.conn)
        return PackedTexts(packer.newest_digest, {id(item): _packed(packer, item)
                                                  for item in items})

    def record_poll(self, *, feed_url: str, feed_name: str, now: datetime, fetched: Fetched,
                    body_hash: str, new_items: list[Item], edited_items: list[Item],
                    seen_keys: list[str], alerts: list[QueuedAlert],
                    history: list[HistoryEntry] = (),  # type: ignore[assignment]
                    feed_title: str | None = None, packed: PackedTexts | None = None) -> int:
        """Items marked seen and their alerts queued in one transaction. Returns alerts queued.
        `feed_title`: the feed's own title, as parsed (kept when None); `packed`: the items'
        texts packed ahead (pack_ahead), used when packed with the dictionary in force."""
        stamp = moment(now)
        with self.write() as conn:
            # Items name their feed by number (0028), their links after its base (0029).
            feed_id, base = touch_feed(conn, feed_url, feed_name)
            log_poll(conn, feed_name, now, "ok", fetched.status)
            before = conn.total_changes
            # Texts packed with the state's dictionary, trained when the state first holds
            # TRAIN_AFTER items (0026, alerts.state.textdict) and again at TRAIN_AGAIN_AFTER.
            packer = TextPacker(conn)
            ahead = (packed.texts if packed is not None
                     and packed.digest == packer.newest_digest else {})
            top = latest_item(conn) if new_items and may_train(packer) else None
            if base is None and (new_items or edited_items):  # set from its first links
                base = feed_link_base(conn, feed_id, base, [item.link for item in
                                                            (*new_items, *edited_items)])
            new_keys = stored_keys([item.key for item in new_items], feed_url)
            conn.executemany(
                "INSERT INTO items (feed_id, key, guid, link, title, summary, published, "
                "language, content_hash, first_seen, last_seen, content, author, categories) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (feed_id, key) DO NOTHING",
                [(feed_id, key, stored_guid(item.key, item.guid), stored_link(item.link, base),
                  title, summary, _when(item.published), item.language,
                  pack_hash(item.content_hash), stamp, stamp, content, item.author,
                  _categories(item))
                 for item, key in zip(new_items, new_keys, strict=True)
                 for title, summary, content in (ahead.get(id(item))
                                                 or _packed(packer, item),)])
            inserted = conn.total_changes - before
            if top is not None and due(conn, packer, top):
                if packed is not None:  # a poll worker's poll: after it (train_left)
                    self._training_due = True
                else:
                    packer = train(conn, stamp)
            edited_keys = stored_keys([item.key for item in edited_items], feed_url)
            keep_members_as_joined(conn, feed_id, edited_keys)
            keep_alert_facts(conn, feed_id, edited_keys)
            conn.executemany(
                "UPDATE items SET title = ?, summary = ?, link = ?, published = ?, "
                "content_hash = ?, last_seen = ?, edits = edits + 1, content = ?, author = ?, "
                "categories = ? WHERE feed_id = ? AND key = ?",
                [(packer.pack(item.title, deflate=False), packer.pack(item.summary),
                  stored_link(item.link, base),
                  _when(item.published),
                  pack_hash(item.content_hash), stamp, packer.pack(item.content), item.author,
                  _categories(item), feed_id, key)
                 for item, key in zip(edited_items, edited_keys, strict=True)])
            members_as_items(conn, feed_id, new_keys + edited_keys)
            seen = stored_keys(seen_keys, feed_url)
            for start in range(0, len(seen), IN_BATCH):
                batch = seen[start:start + IN_BATCH]
                conn.execute(
                    f"UPDATE items SET last_seen = ? WHERE feed_id = ? "
                    f"AND key IN ({','.join('?' * len(batch))})", (stamp, feed_id, *batch))
            ids = {key: known.id for key, known in
                   self.known_items(feed_url, list({a.item_key for a in alerts})).items()}
            queued = record_alerts(conn, ids, alerts, now)  # in one go (#17)
            record_history(conn, history)
            conn.execute(
                "UPDATE feeds SET etag = ?, last_modified = ?, body_hash = ?, initialised = 1, "
                "last_poll = ?, last_success = ?, last_status = ?, last_error = NULL, "
                # A success ends any backoff or Retry-After wait (max-age is set after).
                "error_kind = NULL, error_count = 0, next_poll_after = NULL, "
                "title = COALESCE(?, title), items_seen = items_seen + ? WHERE id = ?",
                (fetched.etag, fetched.last_modified, body_hash, ts(now), ts(now),
                 fetched.status, feed_title, inserted, feed_id))
        return queued

    def stored_items(self) -> Iterator[tuple[str, str | None, list[dict[str, Any]]]]:
        """(feed URL, feed name, items) for every feed, items in the order first seen."""
        feeds = self.conn.execute("SELECT id, url, name, link_base FROM feeds ORDER BY url"
                                  ).fetchall()
        for feed_id, url, name, base in feeds:
            cur = self.conn.execute(
                "SELECT key, guid, link, title, summary, published, language, content_hash, "
                "coalesce(content, '') AS content, author, categories "
                "FROM items WHERE feed_id = ? ORDER BY id", (feed_id,))
            columns = [c[0] for c in cur.description]
            rows = [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]
            packer = TextPacker(self.conn)
            for row in rows:
                row["key"] = read_key(row["key"], url)  # as stored since 0028
                row["link"] = read_link(row["link"], base)  # and 0029
                row["categories"] = tuple(json.loads(row["categories"] or "[]"))
                row["published"] = iso(row["published"])
                row["guid"] = read_guid(row["key"], row["guid"])
                row["content_hash"] = unpack_hash(row["content_hash"])
                row["title"] = packer.unpack(row["title"])  # packed since 0033
                row["summary"] = packer.unpack(row["summary"])
                row["content"] = packer.unpack(row["content"])
            yield url, name, rows
