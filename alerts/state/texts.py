"""Matches' explanations and reasons stored once (#17, migration 0024).

A rule's explanation ("matched because: ...") and the reason a match raised no alert
("already alerted for story-12 ...") repeat from match to match: every report of one event
matched by one rule is usually explained in the same words. Each distinct text is kept once
in `match_texts` and a match refers to it by number (`explanation_id`, `suppressed_id`).
A text is found again by a 32-bit hash of it (`hash`, indexed), then compared whole, so two
texts with one hash stay apart. Since migration 0027 a story member's reason for joining its
story ("the first report of its event", "the same page") is kept there too (`why_id`). Texts
nothing refers to any more go with the prune.
"""

from __future__ import annotations

import hashlib
import sqlite3

# What readers select to have a match's texts back as they were ("m" is the match).
EXPLANATION = "(SELECT x.text FROM match_texts x WHERE x.id = m.explanation_id)"
SUPPRESSED = "(SELECT x.text FROM match_texts x WHERE x.id = m.suppressed_id)"
MEMBER_WHY = "(SELECT x.text FROM match_texts x WHERE x.id = m.why_id)"  # "m": the member


def text_hash(text: object) -> int | None:
    """The 32-bit hash a text is found by (signed, as SQLite stores it in 4 bytes)."""
    if not isinstance(text, str):
        return None
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=4).digest(),
                          "big", signed=True)


def text_id(conn: sqlite3.Connection, text: str | None) -> int | None:
    """The number of this text in match_texts, stored now if it was not there (None: none)."""
    if text is None:
        return None
    key = text_hash(text)
    for found, stored in conn.execute("SELECT id, text FROM match_texts WHERE hash = ?",
                                      (key,)).fetchall():
        if stored == text:
            return int(found)
    cur = conn.execute("INSERT INTO match_texts (hash, text) VALUES (?, ?)", (key, text))
    return int(cur.lastrowid or 0)


def prune_texts(conn: sqlite3.Connection) -> int:
    """Remove the texts no match and no story member refers to; returns how many."""
    return conn.execute(
        "DELETE FROM match_texts WHERE id NOT IN (SELECT explanation_id FROM matches) "
        "AND id NOT IN (SELECT suppressed_id FROM matches WHERE suppressed_id IS NOT NULL) "
        "AND id NOT IN (SELECT why_id FROM story_members WHERE why_id IS NOT NULL)"
    ).rowcount
