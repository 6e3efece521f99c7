"""The state's text dictionary (#17, migration 0026): trained from its own stored texts.

A short text alone has little to repeat, so deflate packs an item's summary to about two
thirds of its bytes; a dictionary of the words and phrases the state's feeds use again and
again packs it to about a third (alerts.state.compact). The dictionary is trained from the
state's own items, when it first holds TRAIN_AFTER of them (at an upgrade that finds as
many, or in the poll that stores the thousandth), from the texts of its latest TRAIN_SAMPLES
items (titles, summaries and full texts: since 0033 titles are packed too); then every text
stored without it is packed again with it, in the same transaction.

It is trained once more, from five times the texts, in the poll that stores the state's
TRAIN_AGAIN_AFTER-th item: a thousand items are whichever feeds came first, and their words
pack the others' unevenly (the bench's summaries 130-150 bytes an item from run to run, as
its feeds answer in another order; about 125 from five thousand). Every text is then packed
again with the new dictionary and the first, which no text names any more, is deleted, in
the same transaction. Nothing is shipped: each state learns its own feeds' words. A
dictionary is never changed (the texts packed with it name it by number).

A poll worker (alerts.pollworker) trains it after the transaction of the poll that made it
due instead (`Items.train_left`): the learning and the packing of every text again are made
outside any transaction (`train_outside`), and a short one keeps the dictionary and the
texts so packed where the state still holds what was read (`keep`), unless another worker
made one meanwhile (#17: inside the poll's transaction, about 0.2 s that the other workers
waited for). Should the worker die between the two, the state trains at its next thousand.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from alerts.state.compact import LEVEL, NO_DICTIONARY, TextPacker, digest

TRAIN_AFTER = 1000  # items stored before the dictionary is trained
TRAIN_AGAIN_AFTER = 5000  # items stored before it is trained again, once
TRAIN_SAMPLES = 5000  # the latest items whose texts it is trained on
FIRST = 1  # the number of the state's first dictionary
DICTIONARY_SIZE = 64 * 1024  # at most: 6.5 bytes an item over 10,000 items
MIN_SAMPLE_BYTES = 32 * 1024  # less than this is too little to learn from
MAX_SAMPLE = 8 * 1024  # of one text
MAX_SAMPLE_BYTES = 4 * 1024 * 1024  # of all: trained in about a second at most
# zstd's trainer's segment and d-mer sizes: what it chooses itself by trying others on news
# and the bench's texts of a thousand to five thousand items (the same dictionary, byte for
# byte), in a quarter of the time (5,000 bench items: 0.24 -> 0.06 s).
SEGMENT, DMER = 50, 8
ALL_COLUMNS = ("title", "summary", "content")  # the items' packed texts (titles since 0033)


def latest_item(conn: sqlite3.Connection) -> int:
    """The newest item's number: how many were ever stored (one index lookup, not a count)."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM items").fetchone()[0])


def may_train(packer: TextPacker) -> bool:
    """Whether a dictionary may be trained in a poll: the state has none, or only its first."""
    return packer.newest in (None, FIRST)


def next_training(packer: TextPacker, latest: int) -> int | None:
    """The newest item's number from which the dictionary is trained next, the state's newest
    item being `latest` (None: it is not trained again)."""
    if not may_train(packer):
        return None
    if packer.newest is not None:
        return TRAIN_AGAIN_AFTER if latest < TRAIN_AGAIN_AFTER else None
    return (latest // TRAIN_AFTER + 1) * TRAIN_AFTER


def due(conn: sqlite3.Connection, packer: TextPacker, before: int) -> bool:
    """Whether the dictionary is to be trained now: the state has none, and items stored
    since `before` (the newest item's number before them) crossed a thousand (so a state
    whose texts are too few to learn from tries again once per thousand items, not per
    poll); or it has its first only, and they crossed TRAIN_AGAIN_AFTER."""
    threshold = next_training(packer, before)
    return threshold is not None and latest_item(conn) >= threshold


@dataclass(frozen=True)
class Trained:
    """A dictionary trained outside a write transaction (`train_outside`), beside the state's
    dictionary of digest `base` (None: none), and the state's texts then packed again with
    it as dictionary `number`: by item, (its stored title, summary and full text, the same
    packed with it)."""

    base: bytes | None
    number: int
    dictionary: bytes
    repacked: dict[int, tuple[tuple[object, ...], tuple[object, ...]]]


def train(conn: sqlite3.Connection, made: int,
          columns: tuple[str, ...] = ALL_COLUMNS) -> TextPacker:
    """Train the dictionary from the latest stored texts, keep it, and pack every text stored
    without it again with it (where that is shorter). Returns the packer to use from now on;
    with too little text to learn from, nothing is changed. `made`: microseconds, now;
    `columns`: the items' columns packed (migration 0026 packs no titles: 0033 does)."""
    plain = TextPacker(conn)
    dictionary = _learn(conn, plain)
    if dictionary is None:
        return plain
    return _keep(conn, dictionary, made, columns)


def train_outside(conn: sqlite3.Connection) -> Trained | None:
    """train()'s learning and packing, made outside a write transaction: a poll worker's,
    after the transaction that stored the items the dictionary was due at, which the other
    workers waited for (#17). `keep` stores it. None: it may not be trained, or the texts are
    too few to learn from."""
    plain = TextPacker(conn)
    if not may_train(plain):
        return None
    dictionary = _learn(conn, plain)
    if dictionary is None:
        return None
    number = (plain.newest or 0) + 1  # the row it gets: the dictionaries' largest id, + 1
    packer = plain.beside(number, dictionary)
    return Trained(plain.newest_digest, number, dictionary, {
        item_id: (stored, packed)
        for item_id, stored, packed in _repacked(packer, number, ALL_COLUMNS,
                                                 _stale_rows(conn, number, ALL_COLUMNS))})


def keep(conn: sqlite3.Connection, trained: Trained, made: int) -> TextPacker | None:
    """In a write transaction: keep a dictionary trained outside it, as train() keeps its
    own. None, and nothing changed, when the state's newest dictionary is no longer the one
    it was trained beside (another worker trained one meanwhile)."""
    if TextPacker(conn).newest_digest != trained.base:
        return None
    return _keep(conn, trained.dictionary, made, ALL_COLUMNS, trained)


def _learn(conn: sqlite3.Connection, plain: TextPacker) -> bytes | None:
    """A dictionary trained from the latest stored texts (None: too little to learn from)."""
    import zstandard

    samples: list[bytes | bytearray | memoryview] = []
    total = 0
    for row in conn.execute("SELECT title, summary, content FROM items ORDER BY id DESC "
                            "LIMIT ?", (TRAIN_SAMPLES,)).fetchall():
        for text in map(plain.unpack, row):
            if text and total < MAX_SAMPLE_BYTES:  # long full texts: their beginnings
                samples.append(text.encode("utf-8")[:MAX_SAMPLE])
                total += len(samples[-1])
    if total < MIN_SAMPLE_BYTES:
        return None
    try:  # at most half the texts' bytes: as good, and no larger than what it saves
        trained = zstandard.train_dictionary(min(DICTIONARY_SIZE, total // 2), samples,
                                             level=LEVEL, k=SEGMENT, d=DMER)
    except zstandard.ZstdError:  # nothing it could learn: packed without one, as before
        return None
    return trained.as_bytes()


def _keep(conn: sqlite3.Connection, dictionary: bytes, made: int, columns: tuple[str, ...],
          trained: Trained | None = None) -> TextPacker:
    """Store a new dictionary, pack every text again with it (with `trained`, as it packed
    them where a text is still as it read it), and delete the dictionaries no text names."""
    # As the number its texts were packed with (the dictionaries' largest id + 1, as
    # SQLite would choose: keep() checked that no other was made since).
    conn.execute("INSERT INTO text_dictionaries (id, digest, dictionary, made) "
                 "VALUES (?, ?, ?, ?)", (trained.number if trained is not None else None,
                                         digest(dictionary), dictionary, made))
    packer = TextPacker(conn)
    newest = packer.newest
    repack(conn, packer, columns, trained.repacked if trained is not None else None)
    for (number,) in conn.execute("SELECT id FROM text_dictionaries WHERE id != ?",
                                  (newest,)).fetchall():
        if not _names(conn, number):  # every text packed again with the new one
            conn.execute("DELETE FROM text_dictionaries WHERE id = ?", (number,))
            packer.forget()
    return packer


def repack(conn: sqlite3.Connection, packer: TextPacker,
           columns: tuple[str, ...] = ALL_COLUMNS,
           ahead: dict[int, tuple[tuple[object, ...], tuple[object, ...]]] | None = None
           ) -> int:
    """Pack again with the newest dictionary every title, summary and full text (of
    `columns`) stored without it (as text, with deflate or with an older dictionary).
    `ahead`: texts packed so already (Trained.repacked), used where still stored as they
    were. Returns how many items changed."""
    newest = packer.newest
    rows = _stale_rows(conn, newest, columns)
    known = ahead or {}
    changes = [(*new, item_id) for item_id, stored, new in _repacked(packer, newest, columns,
                                                                     rows, known)
               if new != stored]
    conn.executemany(f"UPDATE items SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
                     changes)
    return len(changes)


def _stale_rows(conn: sqlite3.Connection, newest: int | None,
                columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """(id, *columns) of the items with a text of `columns` stored without dictionary
    `newest`."""
    stale = " OR ".join(f"typeof({c}) = 'text' OR (typeof({c}) = 'blob' AND substr({c}, 1, 1) "
                        "!= ?1)" for c in columns)
    return conn.execute(f"SELECT id, {', '.join(columns)} FROM items WHERE {stale}",
                        (bytes((newest or NO_DICTIONARY,)),)).fetchall()


def _repacked(packer: TextPacker, newest: int | None, columns: tuple[str, ...],
              rows: list[tuple[Any, ...]],
              ahead: dict[int, tuple[tuple[object, ...], tuple[object, ...]]] | None = None
              ) -> Iterator[tuple[int, tuple[object, ...], tuple[object, ...]]]:
    """(id, stored texts, the same packed with dictionary `newest`) of these rows."""
    for item_id, *values in rows:
        stored = tuple(values)
        known = ahead.get(item_id) if ahead else None
        if known is not None and known[0] == stored:
            yield item_id, stored, known[1]
            continue
        yield item_id, stored, tuple(
            packer.pack(packer.unpack(value), deflate=column != "title")
            if _stale(value, newest) else value
            for column, value in zip(columns, values, strict=True))


def _stale(value: object, newest: int | None) -> bool:
    """Stored without the newest dictionary: as text, with deflate, or with an older one."""
    return isinstance(value, str) or (isinstance(value, bytes) and value[:1] != bytes(
        (newest or NO_DICTIONARY,)))


def _names(conn: sqlite3.Connection, number: int) -> bool:
    """Whether any item's text is packed with dictionary `number`."""
    packed = " OR ".join(f"(typeof({c}) = 'blob' AND substr({c}, 1, 1) = ?1)"
                         for c in ("title", "summary", "content"))
    return conn.execute(f"SELECT 1 FROM items WHERE {packed} LIMIT 1",
                        (bytes((number,)),)).fetchone() is not None
