"""Store less (#17, migration 0026): items' summaries and full texts packed with a dictionary
trained from the state's own texts. A state made by the previous code upgrades with every
reader giving what it gave and every text back to the character; an upgrade killed at any of
its statements loses nothing; a new state gets its dictionary in the poll that stores its
thousandth item, and texts stored before are packed again with it; texts too few to learn
from leave the state as it was; the web view, the desk, replay and the masking of secrets
read and write texts packed with it."""

from __future__ import annotations

import asyncio
import sqlite3
import zlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from alerts.errors import StateError
from alerts.models import Fetched, Item
from alerts.state import Store, compact
from alerts.state.compact import TextPacker, needs_dictionary, pack_text, unpack_text
from alerts.state.textdict import TRAIN_AFTER, due, latest_item
from tests.old_states import as_json, items_as_before_0028, killed_upgrade, recorded, restore
from tests.tools.state_before_0020 import more_readings
from tests.tools.state_before_0026 import reports

OLD = "state-before-0026"
T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
WIRE = "https://wire-e.example/rss"
# As named before 0028 (tests.old_states.items_as_before_0028).
OTHER_COLUMNS = ("SELECT id, feed_url, key, guid, link, title, published, content_hash, "
                 "first_seen, last_seen, edits, author, categories FROM {} items ORDER BY id")


def old_texts(conn: sqlite3.Connection) -> list[tuple[int, str | None, str | None]]:
    """The texts of a state before 0026, read without our code: 0023's raw deflate."""
    def text(value: object) -> str | None:
        if isinstance(value, bytes):
            return zlib.decompress(value, -15).decode("utf-8")
        return None if value is None else str(value)
    return [(i, text(s), text(c)) for i, s, c in
            conn.execute("SELECT id, summary, content FROM items ORDER BY id")]


def new_texts(conn: sqlite3.Connection) -> list[tuple[int, str | None, str | None]]:
    return [(i, unpack_text(s, conn), unpack_text(c, conn)) for i, s, c in
            conn.execute("SELECT id, summary, content FROM items ORDER BY id")]


def test_a_state_made_before_upgrades_trains_its_dictionary_and_reads_the_same(tmp_path):
    db = restore(OLD, tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        before = old_texts(conn)
        others = conn.execute(OTHER_COLUMNS.format(items_as_before_0028(conn))).fetchall()
        packed_before = conn.execute("SELECT sum(length(summary)) FROM items").fetchone()[0]
    assert len(before) > TRAIN_AFTER
    assert as_json(more_readings(db)) == recorded(OLD)  # every reader, as the old code read
    with sqlite3.connect(db) as conn:
        assert "0026_text_dictionary" in {
            name for (name,) in conn.execute("SELECT name FROM _sqlite_migrations")}
        assert conn.execute("SELECT count(*) FROM text_dictionaries").fetchone() == (1,)
        assert new_texts(conn) == before
        assert conn.execute(OTHER_COLUMNS.format(items_as_before_0028(conn))).fetchall() == others
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        firsts = dict(conn.execute("SELECT substr(summary, 1, 1), count(*) FROM items "
                                   "WHERE typeof(summary) = 'blob' GROUP BY 1").fetchall())
        packed_after = conn.execute("SELECT sum(length(summary)) FROM items").fetchone()[0]
        plain = conn.execute("SELECT count(*) FROM items WHERE typeof(summary) = 'text' "
                             "AND length(summary) > 40").fetchone()[0]
    assert firsts[b"\x01"] > TRAIN_AFTER * 0.8  # packed again with the dictionary
    assert packed_after < packed_before * 0.8
    assert plain == 0


@pytest.mark.parametrize("statement", [
    "CREATE TABLE text_dictionaries", "UPDATE items SET summary = alerts_0026_mark",
    "UPDATE items SET content = alerts_0026_mark", "INSERT INTO text_dictionaries",
    "UPDATE items SET summary = X'01"])  # the repacking (statements as run, values in)
def test_an_upgrade_killed_at_any_statement_loses_nothing(tmp_path, statement):
    (tmp_path / "state").mkdir()
    db = restore(OLD, tmp_path / "state" / "alerts.db")
    killed_upgrade(db, statement, tmp_path)


def test_a_killed_upgrade_then_upgrades_whole(tmp_path):
    (tmp_path / "state").mkdir()
    db = restore(OLD, tmp_path / "state" / "alerts.db")
    killed_upgrade(db, "UPDATE items SET summary = X'01", tmp_path)
    assert as_json(more_readings(db)) == recorded(OLD)


def _poll(store: Store, new: list[Item], edited: list[Item] = (),  # type: ignore[assignment]
          n: int = 0, feed: str = WIRE) -> None:
    store.record_poll(feed_url=feed, feed_name="E", now=T0 + timedelta(hours=n),
                      fetched=Fetched(feed, feed, 200, b""), body_hash=f"h{n}", new_items=new,
                      edited_items=list(edited), seen_keys=[], alerts=[])


def _wire(count: int) -> list[Item]:
    return [replace(item, feed_url=WIRE, feed_name="E")  # type: ignore[type-var]
            for item in reports(count)]


def _store_in_polls(store: Store, items: list[Item], start: int = 0, feed: str = WIRE) -> None:
    for n in range(start, len(items), 50):
        _poll(store, items[n:n + 50], n=n, feed=feed)


def test_a_new_state_trains_in_the_poll_that_stores_its_thousandth_item(tmp_path):
    items = _wire(TRAIN_AFTER + 60)
    store = Store(tmp_path / "s.db")
    try:
        _store_in_polls(store, items[:TRAIN_AFTER - 10])
        conn = store.conn
        assert conn.execute("SELECT count(*) FROM text_dictionaries").fetchone() == (0,)
        assert {s[:1] for (s,) in conn.execute(
            "SELECT summary FROM items WHERE typeof(summary) = 'blob'")} == {b"\x00"}
        _poll(store, items[TRAIN_AFTER - 10:TRAIN_AFTER + 10], n=TRAIN_AFTER)
        assert conn.execute("SELECT count(*) FROM text_dictionaries").fetchone() == (1,)
        # Every text stored before is packed again with it, where that is shorter.
        assert conn.execute("SELECT count(*) FROM items WHERE substr(summary, 1, 1) = X'00' "
                            "OR substr(content, 1, 1) = X'00'").fetchone() == (0,)
        edited = replace(items[3], summary=items[3].summary + " Edited.")
        _poll(store, items[TRAIN_AFTER + 10:], [edited], n=TRAIN_AFTER + 10)
        expected = [(item.summary, item.content) for item in items]
        expected[3] = (edited.summary, edited.content)
        [(_, _, read)] = list(store.stored_items())
        assert [(r["summary"], r["content"]) for r in read] == expected
        assert [(s, c) for _, s, c in new_texts(conn)] == expected
        firsts = {s[:1] for (s,) in conn.execute(
            "SELECT summary FROM items WHERE typeof(summary) = 'blob'")}
        assert firsts == {b"\x01"}
    finally:
        store.close()


def test_texts_packed_ahead_are_stored_as_packed_there_or_again_with_a_newer_dictionary(
        tmp_path):
    """A poll worker packs its items' texts before its write transaction (Items.pack_ahead,
    #17), and trains the dictionary its poll made due after it (train_left): the state stores
    the bytes it would have packed in the transaction; when another worker trained the
    dictionary meanwhile, they are packed again with the new one."""
    items = _wire(TRAIN_AFTER + 100)
    plain, ahead = Store(tmp_path / "plain.db"), Store(tmp_path / "ahead.db")
    try:
        for n in range(0, TRAIN_AFTER + 50, 50):  # trained at the thousandth: one stale
            batch = items[n:n + 50]
            _poll(plain, batch, n=n)
            packed = ahead.pack_ahead(batch)
            ahead.record_poll(feed_url=WIRE, feed_name="E", now=T0 + timedelta(hours=n),
                              fetched=Fetched(WIRE, WIRE, 200, b""), body_hash=f"h{n}",
                              new_items=batch, edited_items=[], seen_keys=[], alerts=[],
                              packed=packed)
            assert ahead.train_left(T0 + timedelta(hours=n)) == (n == TRAIN_AFTER - 50)
        batch = items[TRAIN_AFTER + 50:]
        packed = ahead.pack_ahead(batch)
        assert {t[1][:1] for t in packed.texts.values() if isinstance(t[1], bytes)} == {b"\x01"}
        with ahead.write() as conn:  # another worker's dictionary, made meanwhile
            digest, dictionary, made = conn.execute(
                "SELECT digest, dictionary, made FROM text_dictionaries").fetchone()
            conn.execute("INSERT INTO text_dictionaries (digest, dictionary, made) "
                         "VALUES (?, ?, ?)", (b"\x00" + digest, dictionary, made + 1))
        ahead.record_poll(feed_url=WIRE, feed_name="E", now=T0 + timedelta(hours=99),
                          fetched=Fetched(WIRE, WIRE, 200, b""), body_hash="h99",
                          new_items=batch, edited_items=[], seen_keys=[], alerts=[],
                          packed=packed)
        read = "SELECT title, summary, content FROM items ORDER BY id"
        assert (ahead.conn.execute(read).fetchall()[:TRAIN_AFTER + 50]
                == plain.conn.execute(read).fetchall())
        assert {s[:1] for (s,) in ahead.conn.execute(
            f"SELECT summary FROM items WHERE id > {TRAIN_AFTER + 50} "
            "AND typeof(summary) = 'blob'")} == {b"\x02"}
        [(_, _, stored)] = list(ahead.stored_items())
        assert [(r["title"], r["summary"], r["content"]) for r in stored] == [
            (item.title, item.summary, item.content) for item in items]
    finally:
        plain.close()
        ahead.close()


def _poll_ahead(store: Store, new: list[Item], edited: list[Item] = (),  # type: ignore[assignment]
                n: int = 0) -> None:
    """_poll as a poll worker records it: its texts packed ahead (Items.pack_ahead)."""
    store.record_poll(feed_url=WIRE, feed_name="E", now=T0 + timedelta(hours=n),
                      fetched=Fetched(WIRE, WIRE, 200, b""), body_hash=f"h{n}", new_items=new,
                      edited_items=list(edited), seen_keys=[], alerts=[],
                      packed=store.pack_ahead(new))


def _due_ahead(tmp_path, items: list[Item]) -> Store:
    """A state whose poll worker's polls (texts packed ahead) stored the first TRAIN_AFTER of
    these items, leaving its text dictionary due (Items.train_left)."""
    store = Store(tmp_path / "s.db")
    for n in range(0, TRAIN_AFTER, 50):
        _poll_ahead(store, items[n:n + 50], n=n)
    return store


def _packed_with(conn: sqlite3.Connection) -> set[bytes]:
    return {s[:1] for (s,) in conn.execute(
        "SELECT summary FROM items WHERE typeof(summary) = 'blob'")}


def test_a_poll_workers_poll_trains_its_dictionary_after_its_transaction(tmp_path,
                                                                         monkeypatch):
    """#17: the training (0.2 s with 5,000 items) held the write transaction the other poll
    workers waited for. A poll with texts packed ahead leaves it due; train_left learns and
    packs outside a transaction, and keeps the dictionary in a short one."""
    import zstandard

    items = _wire(TRAIN_AFTER + 50)
    store = _due_ahead(tmp_path, items)
    learnt_in: list[bool] = []  # for each training: whether a transaction was open
    packed_in: list[bool] = []  # for each text packed: the same
    learn, pack = zstandard.train_dictionary, TextPacker.pack

    def learning(*args, **kwargs):  # type: ignore[no-untyped-def]
        learnt_in.append(store.conn.in_transaction)
        return learn(*args, **kwargs)

    def packing(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        packed_in.append(store.conn.in_transaction)
        return pack(self, *args, **kwargs)

    try:
        conn = store.conn
        # Due, and not trained in the poll's transaction.
        assert conn.execute("SELECT count(*) FROM text_dictionaries").fetchone() == (0,)
        assert _packed_with(conn) == {b"\x00"}
        monkeypatch.setattr(zstandard, "train_dictionary", learning)
        monkeypatch.setattr(TextPacker, "pack", packing)
        assert store.train_left(T0)
        assert learnt_in == [False]
        assert packed_in and not any(packed_in)  # every text packed again outside it
        assert conn.execute("SELECT count(*) FROM text_dictionaries").fetchone() == (1,)
        assert _packed_with(conn) == {b"\x01"}
        assert not store.train_left(T0)  # once
        [(_, _, read)] = list(store.stored_items())
        assert [(r["title"], r["summary"], r["content"]) for r in read] == [
            (i.title, i.summary, i.content) for i in items[:TRAIN_AFTER]]
    finally:
        store.close()


def test_a_dictionary_that_cannot_be_kept_after_the_poll_fails_nothing(tmp_path, caplog):
    """The poll is stored when its worker trains the dictionary: a state busy then costs a
    warning and the dictionary, not a poll reported failed (train_left does not raise)."""
    import logging

    items = _wire(TRAIN_AFTER)
    store = _due_ahead(tmp_path, items)
    other = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    try:
        store.conn.execute("PRAGMA busy_timeout = 50")
        other.execute("BEGIN IMMEDIATE")  # another process holds the state's write lock
        with caplog.at_level(logging.WARNING, logger="alerts.state.items"):
            assert store.train_left(T0) is False
        other.execute("ROLLBACK")
        assert "text dictionary could not be trained" in caplog.text
        assert "nothing is lost" in caplog.text
        assert store.conn.execute("SELECT count(*) FROM text_dictionaries").fetchone() == (0,)
        [(_, _, read)] = list(store.stored_items())
        assert [r["summary"] for r in read] == [i.summary for i in items]
    finally:
        other.close()
        store.close()


def test_a_dictionary_trained_after_the_poll_is_dropped_when_another_was_made_meanwhile(
        tmp_path):
    from alerts.state.textdict import keep, train, train_outside

    items = _wire(TRAIN_AFTER)
    store = _due_ahead(tmp_path, items)
    other = Store(tmp_path / "s.db")  # another poll worker of the state
    try:
        trained = train_outside(store.conn)
        assert trained is not None
        with other.write() as conn:
            train(conn, 1)  # the other worker's, first
        with store.write() as conn:
            assert keep(conn, trained, 2) is None
        rows = store.conn.execute("SELECT id, made FROM text_dictionaries").fetchall()
        assert rows == [(1, 1)]
        [(_, _, read)] = list(store.stored_items())
        assert [r["summary"] for r in read] == [i.summary for i in items]
    finally:
        store.close()
        other.close()


def test_texts_stored_or_edited_between_the_training_and_its_keeping_are_packed_there(
        tmp_path):
    """What train_outside packed is kept only where the state still holds what it read: an
    item another worker edited meanwhile keeps its edit, one it stored is packed too."""
    from alerts.state.textdict import keep, train_outside

    items = _wire(TRAIN_AFTER + 50)
    store = _due_ahead(tmp_path, items)
    other = Store(tmp_path / "s.db")
    try:
        trained = train_outside(store.conn)
        assert trained is not None
        edited = replace(items[7], summary=items[7].summary + " Edited meanwhile.")
        _poll(other, items[TRAIN_AFTER:], [edited], n=TRAIN_AFTER)
        with store.write() as conn:
            assert keep(conn, trained, 2) is not None
        assert _packed_with(store.conn) == {b"\x01"}
        expected = [i.summary for i in items]
        expected[7] = edited.summary
        [(_, _, read)] = list(store.stored_items())
        assert [r["summary"] for r in read] == expected
    finally:
        store.close()
        other.close()


def test_texts_too_few_to_learn_from_leave_the_state_as_it_was(tmp_path):
    short = [replace(item, title="Talks", summary="Talks resume.", content="")
             for item in _wire(TRAIN_AFTER + 10)]  # titles are packed texts too (0033)
    store = Store(tmp_path / "s.db")
    try:
        _store_in_polls(store, short)
        conn = store.conn
        assert conn.execute("SELECT count(*) FROM text_dictionaries").fetchone() == (0,)
        [(_, _, read)] = list(store.stored_items())
        assert {r["summary"] for r in read} == {"Talks resume."}
        # Tried again once per thousand items stored, not at every poll.
        top = latest_item(conn)
        assert not due(conn, TextPacker(conn), top)
        assert not due(conn, TextPacker(conn), top - 5)
        assert due(conn, TextPacker(conn), TRAIN_AFTER - 1)
    finally:
        store.close()


def test_two_states_fed_the_same_items_store_the_same_bytes(tmp_path):
    """What tests/test_same_alerts.py compares with SQL: a dictionary depends only on the
    texts it is trained on."""
    items = _wire(TRAIN_AFTER + 20)
    rows = []
    for name in ("a", "b"):
        store = Store(tmp_path / f"{name}.db")
        try:
            _store_in_polls(store, items)
            rows.append(store.conn.execute("SELECT feed_id, key, summary, content FROM items "
                                           "ORDER BY id").fetchall())
        finally:
            store.close()
    assert rows[0] == rows[1]


def test_states_with_dictionaries_of_the_same_number_read_each_their_own(tmp_path):
    """A dictionary is found by its digest, not its number: two states (or a dictionary
    made in a transaction rolled back) with a dictionary 1 of other words each read right."""
    stores = []
    try:
        for name, seed in (("a", 0), ("b", 1)):
            items = _wire(TRAIN_AFTER + 20)
            if seed:
                items = [replace(item, summary=item.summary.upper()[::-1],
                                 content=item.content[::-1]) for item in items]
            store = Store(tmp_path / f"{name}.db")
            stores.append(store)
            _store_in_polls(store, items)
            assert store.conn.execute("SELECT id FROM text_dictionaries").fetchall() == [(1,)]
        compact._CODERS.clear()  # as a new process reads them: with what each state holds
        read = []
        for store in reversed(stores):
            [(_, _, rows)] = list(store.stored_items())
            read.append([r["summary"] for r in rows])
            assert read[-1] == [unpack_text(s, store.conn) for (s,) in store.conn.execute(
                "SELECT summary FROM items ORDER BY id")]
        summaries = [item.summary for item in _wire(TRAIN_AFTER + 20)]
        assert read == [[s.upper()[::-1] for s in summaries], summaries]
    finally:
        for store in stores:
            store.close()


def test_a_text_packed_with_a_dictionary_needs_the_state_to_be_read(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        _store_in_polls(store, _wire(TRAIN_AFTER + 10))
        (packed,) = store.conn.execute("SELECT summary FROM items WHERE id = 2").fetchone()
        assert needs_dictionary(packed)
        with pytest.raises(StateError, match="text dictionary number 1"):
            unpack_text(packed)
        assert unpack_text(packed, store.conn) == _wire(2)[1].summary
        assert not needs_dictionary(pack_text("Talks resume. " * 20))
    finally:
        store.close()


def test_a_secret_in_a_text_packed_with_the_dictionary_is_masked(tmp_path):
    secret = "s3cr3t-t0ken-4242"
    legacy = f"https://desk:{secret}@a.example/rss"
    masked = "https://desk:***@a.example/rss"
    items = [replace(item, feed_url=legacy, summary=f"{item.summary} Source: {legacy}")
             for item in _wire(TRAIN_AFTER + 10)]
    store = Store(tmp_path / "s.db")
    try:
        _store_in_polls(store, items, feed=legacy)
        assert store.adopt_feed(masked, legacy, [secret])
        texts = new_texts(store.conn)
        assert all(secret not in str(s) and "a.example/rss" in str(s) for _, s, _ in texts)
        assert {s[:1] for (s,) in store.conn.execute("SELECT summary FROM items")} == {b"\x01"}
    finally:
        store.close()


def test_the_web_view_shows_a_text_packed_with_the_dictionary(tmp_path):
    datasette_app = pytest.importorskip("datasette.app")
    links = pytest.importorskip("alerts.web.links")
    store = Store(tmp_path / "state.db")
    try:
        _store_in_polls(store, _wire(TRAIN_AFTER + 10))
        (packed,) = store.conn.execute("SELECT summary FROM items WHERE id = 2").fetchone()
    finally:
        store.close()
    datasette = datasette_app.Datasette([str(tmp_path / "state.db")])
    shown = links.render_cell(value=packed, column="summary", table="items",
                              database="state", datasette=datasette)
    assert asyncio.run(shown()) == _wire(2)[1].summary
