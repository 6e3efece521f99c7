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
"""

from __future__ import annotations

import sqlite3

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


def latest_item(conn: sqlite3.Connection) -> int:
    """The newest item's number: how many were ever stored (one index lookup, not a count)."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM items").fetchone()[0])


def may_train(packer: TextPacker) -> bool:
    """Whether a dictionary may be trained in a poll: the state has none, or only its first."""
    return packer.newest in (None, FIRST)


def due(conn: sqlite3.Connection, packer: TextPacker, before: int) -> bool:
    """Whether the dictionary is to be trained now: the state has none, and items stored
    since `before` (the newest item's number before them) crossed a thousand (so a state
    whose texts are too few to learn from tries again once per thousand items, not per
    poll); or it has its first only, and they crossed TRAIN_AGAIN_AFTER."""
    if not may_train(packer):
        return False
    after = latest_item(conn)
    if packer.newest is not None:
        return before < TRAIN_AGAIN_AFTER <= after
    return after >= TRAIN_AFTER and after // TRAIN_AFTER > before // TRAIN_AFTER


def train(conn: sqlite3.Connection, made: int,
          columns: tuple[str, ...] = ("title", "summary", "content")) -> TextPacker:
    """Train the dictionary from the latest stored texts, keep it, and pack every text stored
    without it again with it (where that is shorter). Returns the packer to use from now on;
    with too little text to learn from, nothing is changed. `made`: microseconds, now;
    `columns`: the items' columns packed (migration 0026 packs no titles: 0033 does)."""
    import zstandard

    plain = TextPacker(conn)
    samples: list[bytes | bytearray | memoryview] = []
    total = 0
    for row in conn.execute("SELECT title, summary, content FROM items ORDER BY id DESC "
                            "LIMIT ?", (TRAIN_SAMPLES,)).fetchall():
        for text in map(plain.unpack, row):
            if text and total < MAX_SAMPLE_BYTES:  # long full texts: their beginnings
                samples.append(text.encode("utf-8")[:MAX_SAMPLE])
                total += len(samples[-1])
    if total < MIN_SAMPLE_BYTES:
        return plain
    try:  # at most half the texts' bytes: as good, and no larger than what it saves
        trained = zstandard.train_dictionary(min(DICTIONARY_SIZE, total // 2), samples,
                                             level=LEVEL, k=SEGMENT, d=DMER)
    except zstandard.ZstdError:  # nothing it could learn: packed without one, as before
        return plain
    dictionary = trained.as_bytes()
    conn.execute("INSERT INTO text_dictionaries (digest, dictionary, made) VALUES (?, ?, ?)",
                 (digest(dictionary), dictionary, made))
    packer = TextPacker(conn)
    repack(conn, packer, columns)
    newest = packer.newest
    for (number,) in conn.execute("SELECT id FROM text_dictionaries WHERE id != ?",
                                  (newest,)).fetchall():
        if not _names(conn, number):  # every text packed again with the new one
            conn.execute("DELETE FROM text_dictionaries WHERE id = ?", (number,))
            packer.forget()
    return packer


def repack(conn: sqlite3.Connection, packer: TextPacker,
           columns: tuple[str, ...] = ("title", "summary", "content")) -> int:
    """Pack again with the newest dictionary every title, summary and full text (of
    `columns`) stored without it (as text, with deflate or with an older dictionary).
    Returns how many items changed."""
    newest = packer.newest
    stale = " OR ".join(f"typeof({c}) = 'text' OR (typeof({c}) = 'blob' AND substr({c}, 1, 1) "
                        "!= ?1)" for c in columns)
    rows = conn.execute(f"SELECT id, {', '.join(columns)} FROM items WHERE {stale}",
                        (bytes((newest or NO_DICTIONARY,)),)).fetchall()
    changes = []
    for item_id, *values in rows:
        new = tuple(packer.pack(packer.unpack(value), deflate=column != "title")
                    if _stale(value, newest) else value
                    for column, value in zip(columns, values, strict=True))
        if new != tuple(values):
            changes.append((*new, item_id))
    conn.executemany(f"UPDATE items SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
                     changes)
    return len(changes)


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
