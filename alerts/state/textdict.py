"""The state's text dictionary (#17, migration 0026): trained once from its own stored texts.

A short text alone has little to repeat, so deflate packs an item's summary to about two
thirds of its bytes; a dictionary of the words and phrases the state's feeds use again and
again packs it to about a third (alerts.state.compact). The dictionary is trained from the
state's own items, when it first holds TRAIN_AFTER of them (at an upgrade that finds as
many, or in the poll that stores the thousandth), from the texts of its latest TRAIN_SAMPLES
items; then every text stored without it is packed again with it, in the same transaction.
Nothing is shipped: each state learns its own feeds' words. A dictionary is never changed or
deleted (the texts packed with it name it by number); one is made per state.
"""

from __future__ import annotations

import sqlite3

from alerts.state.compact import LEVEL, NO_DICTIONARY, TextPacker, digest

TRAIN_AFTER = 1000  # items stored before the dictionary is trained
TRAIN_SAMPLES = 2000  # the latest items whose texts it is trained on
DICTIONARY_SIZE = 64 * 1024  # at most: 6.5 bytes an item over 10,000 items
MIN_SAMPLE_BYTES = 32 * 1024  # less than this is too little to learn from
MAX_SAMPLE = 8 * 1024  # of one text
MAX_SAMPLE_BYTES = 4 * 1024 * 1024  # of all: trained in about a second at most


def latest_item(conn: sqlite3.Connection) -> int:
    """The newest item's number: how many were ever stored (one index lookup, not a count)."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM items").fetchone()[0])


def due(conn: sqlite3.Connection, packer: TextPacker, before: int) -> bool:
    """Whether the dictionary is to be trained now: the state has none, and items stored
    since `before` (the newest item's number before them) crossed a thousand (so a state
    whose texts are too few to learn from tries again once per thousand items, not per poll)."""
    if packer.newest is not None:
        return False
    after = latest_item(conn)
    return after >= TRAIN_AFTER and after // TRAIN_AFTER > before // TRAIN_AFTER


def train(conn: sqlite3.Connection, made: int) -> TextPacker:
    """Train the dictionary from the latest stored texts, keep it, and pack every text stored
    without it again with it (where that is shorter). Returns the packer to use from now on;
    with too little text to learn from, nothing is changed. `made`: microseconds, now."""
    import zstandard

    plain = TextPacker(conn)
    samples: list[bytes | bytearray | memoryview] = []
    total = 0
    for row in conn.execute("SELECT summary, content FROM items ORDER BY id DESC LIMIT ?",
                            (TRAIN_SAMPLES,)).fetchall():
        for text in map(plain.unpack, row):
            if text and total < MAX_SAMPLE_BYTES:  # long full texts: their beginnings
                samples.append(text.encode("utf-8")[:MAX_SAMPLE])
                total += len(samples[-1])
    if total < MIN_SAMPLE_BYTES:
        return plain
    try:  # at most half the texts' bytes: as good, and no larger than what it saves
        trained = zstandard.train_dictionary(min(DICTIONARY_SIZE, total // 2), samples,
                                             level=LEVEL)
    except zstandard.ZstdError:  # nothing it could learn: packed without one, as before
        return plain
    dictionary = trained.as_bytes()
    conn.execute("INSERT INTO text_dictionaries (digest, dictionary, made) VALUES (?, ?, ?)",
                 (digest(dictionary), dictionary, made))
    packer = TextPacker(conn)
    repack(conn, packer)
    return packer


def repack(conn: sqlite3.Connection, packer: TextPacker) -> int:
    """Pack again with the newest dictionary every summary and full text stored without one.
    Returns how many items changed."""
    rows = conn.execute(
        "SELECT id, summary, content FROM items WHERE typeof(summary) = 'text' "
        "OR typeof(content) = 'text' OR (typeof(summary) = 'blob' AND substr(summary, 1, 1) "
        "= ?1) OR (typeof(content) = 'blob' AND substr(content, 1, 1) = ?1)",
        (bytes((NO_DICTIONARY,)),)).fetchall()
    changes = []
    for item_id, summary, content in rows:
        new = tuple(packer.pack(packer.unpack(value)) if _plain(value) else value
                    for value in (summary, content))
        if new != (summary, content):
            changes.append((*new, item_id))
    conn.executemany("UPDATE items SET summary = ?, content = ? WHERE id = ?", changes)
    return len(changes)


def _plain(value: object) -> bool:
    """Stored without a dictionary: as text, or packed with deflate."""
    return isinstance(value, str) or (isinstance(value, bytes) and value[:1] == b"\x00")
