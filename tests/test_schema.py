"""The state schema stays fast as it grows: lookups and cascades go through indexes."""

from __future__ import annotations

from alerts.state import Store


def _indexed_prefixes(conn, table: str) -> set[str]:
    """First column of every index of a table (a WITHOUT ROWID primary key included)."""
    firsts = set()
    for _, name, *_ in conn.execute(f"PRAGMA index_list('{table}')"):
        columns = [row[2] for row in conn.execute(f"PRAGMA index_info('{name}')")]
        if columns:
            firsts.add(columns[0])
    return firsts


def test_every_foreign_key_has_an_index_so_deletes_do_not_scan(tmp_path):
    # Without one, deleting a parent row scans the whole child table: pruning stories took
    # 20 s for 500 of 20,000 before story_keys got its index.
    store = Store(tmp_path / "state.db")
    tables = [name for (name,) in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    missing = []
    for table in tables:
        for row in store.conn.execute(f"PRAGMA foreign_key_list('{table}')"):
            column = row[3]
            if column not in _indexed_prefixes(store.conn, table):
                missing.append(f"{table}.{column}")
    store.close()
    assert missing == []


def test_story_questions_asked_per_item_use_indexes(tmp_path):
    store = Store(tmp_path / "state.db")
    queries = {
        "SELECT id FROM matches WHERE story_id = 1 AND rule_id = 'r' AND alerted = 1":
            "matches_story_alerted",
        "SELECT story_id FROM story_keys WHERE kind = 'link' AND key = 'k' AND at >= ''":
            "PRIMARY KEY",
        "SELECT story_id FROM story_bands WHERE band IN (x'00', x'01') AND at >= 0":
            "PRIMARY KEY",
        "SELECT id FROM story_members WHERE story_id = 1": "story_members_story",
        "SELECT 1 FROM story_member_rules WHERE member_id = 1 AND rule_id = 'r'":
            "PRIMARY KEY",
        "SELECT id FROM story_members WHERE feed_id = 1 AND item_key = 'k' AND "
        "story_id = 1": "story_members_",
        "DELETE FROM story_member_rules WHERE member_id = 1": "PRIMARY KEY",
    }
    for sql, index in queries.items():
        plan = " ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert index in plan, (sql, plan)
    store.close()
