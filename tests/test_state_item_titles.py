"""Store less (#17, migration 0033): an item's title packed as its summary is (zstd with the
state's dictionary, where that is shorter). A state made before gives every reader the same
answers after the upgrade, with its titles packed; an upgrade killed at its statement loses
nothing; new and edited items store packed titles that every reader (Python and SQL, through
alerts_text) gives back whole; story members still become their item when the titles are
equal; an alert queued before its item's edit keeps its title; masking a secret masks it
inside a packed title; the dictionary is trained once more at TRAIN_AGAIN_AFTER items, every
text packed again with it; a connection whose poll made a dictionary and rolled back reads the
next one of that number; the web view shows titles (tables, labels, canned pages, filters, a
browser)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from markupsafe import escape

from alerts.state import QueuedAlert, Store
from alerts.state.compact import TextPacker, needs_dictionary, unpack_text
from alerts.state.members import MEMBER_ITEM, MEMBER_TITLE
from alerts.state.textdict import FIRST, TRAIN_AGAIN_AFTER, due
from tests.old_states import killed_upgrade, recorded, restore
from tests.test_state_feed_numbers import readings_but_gone
from tests.test_state_text_dictionary import _poll, _store_in_polls, _wire

OLD = "state-before-0028"
T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
STEP = "0033_packed_item_titles"


def old_titles(db: Path) -> dict[int, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT id, title FROM items"))


def test_a_state_made_before_packs_its_titles_and_reads_the_same(tmp_path):
    db = restore(OLD, tmp_path / "old.db")
    titles = old_titles(db)
    assert all(isinstance(title, str) for title in titles.values())
    assert readings_but_gone(db) == recorded(OLD)  # every reader, as the old code read
    with sqlite3.connect(db) as conn:
        assert STEP in {name for (name,) in conn.execute("SELECT name FROM _sqlite_migrations")}
        stored = dict(conn.execute("SELECT id, title FROM items"))
        assert {i: unpack_text(title, conn) for i, title in stored.items()} == titles
    packed = [title for title in stored.values() if isinstance(title, bytes)]
    assert len(packed) > 0.9 * len(stored) and all(map(needs_dictionary, packed))
    assert sum(map(len, packed)) < 0.7 * sum(len(titles[i].encode()) for i, title in
                                              stored.items() if isinstance(title, bytes))


def test_an_upgrade_killed_at_its_statement_loses_nothing_then_upgrades_whole(tmp_path):
    (tmp_path / "state").mkdir()
    db = restore(OLD, tmp_path / "state" / "alerts.db")
    titles = old_titles(db)
    Store(db).close()  # upgraded, then put back as 0032 left it: titles as text
    with sqlite3.connect(db) as conn:
        conn.executemany("UPDATE items SET title = ? WHERE id = ?",
                         [(title, i) for i, title in titles.items()])
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", (STEP,))
    killed_upgrade(db, "UPDATE items SET title = X'01", tmp_path)
    assert old_titles(db) == titles
    assert readings_but_gone(db) == recorded(OLD)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM items WHERE typeof(title) = 'blob'"
                            ).fetchone()[0] > 0.9 * len(titles)


def test_new_and_edited_titles_are_packed_and_read_whole_everywhere(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        items = _wire(1100)
        _store_in_polls(store, items)
        conn = store.conn
        assert conn.execute("SELECT count(*) FROM text_dictionaries").fetchone() == (1,)
        stored = conn.execute("SELECT title, alerts_text(title) FROM items ORDER BY id"
                              ).fetchall()
        assert [text for _, text in stored] == [item.title for item in items]
        assert [unpack_text(title, conn) for title, _ in stored] == [i.title for i in items]
        assert sum(isinstance(title, bytes) for title, _ in stored) > 1000
        assert [row["title"] for _, _, rows in store.stored_items() for row in rows] == [
            item.title for item in items]
        # An edit stores the new title packed; a story's member that joined with the old
        # one keeps it (not the item's new title), and one that joins with the new title
        # becomes the item (titles compared unpacked).
        first = items[0]
        story = store.add_to_story(None, first, datetime.now(UTC), rule_ids=["r"],
                                   entity_keys=[], link=None, text="t1", sig=None,
                                   band_keys=[], publisher="wire")
        _poll(store, [], [], n=2000)
        member = conn.execute(f"SELECT m.as_item, m.title, {MEMBER_TITLE} FROM story_members m "
                              f"{MEMBER_ITEM}").fetchone()
        assert member[0] == 0 and member[2] == first.title
        with store.write() as c:  # as a poll storing the item after the story took it
            from alerts.state.members import members_as_items

            members_as_items(c, 1, [c.execute("SELECT key FROM items WHERE id = 1"
                                              ).fetchone()[0]])
        member = conn.execute(f"SELECT m.as_item, m.title, {MEMBER_TITLE} FROM story_members m "
                              f"{MEMBER_ITEM}").fetchone()
        assert member == (1, "", first.title)
        edited = replace(first, title=first.title + " (updated)",  # type: ignore[type-var]
                         content_hash="f" * 24)
        _poll(store, [], [edited], n=2001)
        assert isinstance(conn.execute("SELECT title FROM items WHERE id = 1").fetchone()[0],
                          bytes)
        assert conn.execute("SELECT alerts_text(title) FROM items WHERE id = 1").fetchone() == (
            edited.title,)
        member = conn.execute(f"SELECT m.as_item, m.title, {MEMBER_TITLE} FROM story_members m "
                              f"{MEMBER_ITEM}").fetchone()
        assert member == (0, first.title, first.title)  # as it joined
        assert store.story_by_text("t1", datetime(2000, 1, 1, tzinfo=UTC),
                                   datetime(2200, 1, 1, tzinfo=UTC)).id == story.id
    finally:
        store.close()


def test_masking_a_secret_masks_it_inside_a_packed_title(tmp_path):
    secret = "s3cr3t-t0ken-4343"
    legacy = f"https://desk:{secret}@a.example/rss"
    masked = "https://desk:***@a.example/rss"
    items = [replace(item, feed_url=legacy,  # type: ignore[type-var]
                     title=f"{item.title} via {legacy}") for item in _wire(1010)]
    store = Store(tmp_path / "s.db")
    try:
        _store_in_polls(store, items, feed=legacy)
        assert {t[:1] for (t,) in store.conn.execute("SELECT title FROM items")} == {b"\x01"}
        assert store.adopt_feed(masked, legacy, [secret])
        titles = [t for (t,) in store.conn.execute("SELECT alerts_text(title) FROM items "
                                                    "ORDER BY id")]
        assert titles == [item.title.replace(legacy, masked) for item in items]
        assert {t[:1] for (t,) in store.conn.execute("SELECT title FROM items")} == {b"\x01"}
    finally:
        store.close()


@pytest.fixture(scope="module")
def packed_state(tmp_path_factory) -> Path:
    """The old state upgraded (titles packed), its stories moved to the last hour so that
    today's page lists them."""
    db = restore(OLD, tmp_path_factory.mktemp("titles") / "state.db")
    Store(db).close()
    now = int(datetime.now(UTC).timestamp() * 1_000_000)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE stories SET last_at = ?", (now - 3_600_000_000,))
        assert conn.execute("SELECT count(*) FROM items WHERE typeof(title) = 'blob'"
                            ).fetchone()[0] > 1000
    return db


def test_only_filters_on_packed_texts_change():
    from alerts.web.titles import typed_titles

    assert typed_titles("/state/items.json", b"title__contains=Doha&_size=5") == (
        b"_where=alerts_text%28title%29+LIKE+%27%25%27+%7C%7C+%27Doha%27+%7C%7C+%27%25%27"
        b"&_size=5")
    assert typed_titles("/state/items", b"summary__exact=it%27s") == (
        b"_where=alerts_text%28summary%29+%3D+%27it%27%27s%27")
    for path, query in (("/state/stories.json", b"title__contains=Doha"),
                        ("/state/items.json", b"title__isnull=1"),
                        ("/state/items.json", b"link__contains=Doha"),
                        ("/state/today.json", b"title__contains=Doha")):
        assert typed_titles(path, query) == query


def test_the_web_view_shows_packed_titles(packed_state, tmp_path):
    pytest.importorskip("datasette", reason="the web extra is part of the test extra")
    from tests.test_web import Web, _browse, _rows

    with sqlite3.connect(packed_state) as conn:
        titles = {i: unpack_text(t, conn) for i, t in conn.execute("SELECT id, title FROM items")}
        match_item, alert_id = conn.execute(
            "SELECT m.item_id, o.alert_id FROM outbox o JOIN matches m ON m.id = o.match_id "
            "WHERE o.alert_id IS NOT NULL ORDER BY o.id LIMIT 1").fetchone()
    web = Web(packed_state)
    try:
        status, page = web.get("/state/items/1")
        assert status == 200 and titles[1] in page.replace("&#39;", "'")
        status, page = web.get(f"/state/matches?item_id={match_item}")
        assert status == 200
        title = titles[match_item].replace("'", "&#39;")
        assert f'<a href="/state/items/{match_item}">{title}</a>&nbsp;' in page
        [why] = _rows(web.json(f"/state/why.json?alert_id={alert_id}"))
        assert why["item"] == f"[{titles[match_item]}](/state/items/{match_item})"
        recent = _rows(web.json("/state/recent_alerts.json"))
        assert recent and all(r["item"].startswith("[") and "b'" not in r["item"]
                              for r in recent)
        assert {r["item"] for r in recent} <= {f"[{t}](/state/items/{i})"
                                               for i, t in titles.items()}
        today = _rows(web.json("/state/today.json"))
        assert today and all(isinstance(r["title"], str) for r in today)
        assert any(t in (r["sources"] or "") for r in today for t in titles.values())
        # The items page (its feed_id labelled, keys after their feed's origin shown whole).
        status, page = web.get("/state/items?_sort_desc=id&_size=max")
        assert status == 200 and "/news/2?x=1</td>" in page
        shown = page.count('<td class="col-title')
        assert shown == 1000 and all(str(escape(titles[i])) in page for i in range(29, 1029))
        # Datasette's filters on the title compare its text (alerts.web.titles).
        word = titles[match_item].split()[1]
        found = {r["id"] for r in _rows(web.json(f"/state/items.json?title__contains={word}"
                                                 "&_size=max"))}
        assert match_item in found
        assert found == {i for i, t in titles.items() if word.lower() in t.lower()}
        exact = _rows(web.json(f"/state/items.json?title__exact={quote(titles[match_item])}"))
        assert [r["id"] for r in exact] == [i for i, t in titles.items()
                                           if t == titles[match_item]]
        status, page = web.get(f"/state/items?_filter_column=title&_filter_op=startswith"
                               f"&_filter_value={quote(titles[match_item][:12])}")
        assert status == 200 and f'href="/state/items/{match_item}"' in page
        # Items as text (a canned query): the export a user reads, never the packed bytes.
        latest = _rows(web.json("/state/item_texts.json?words=&_size=max"))
        assert len(latest) == min(1000, len(titles))
        assert all(r["title"] == titles[r["id"]] for r in latest)
        assert all(isinstance(r["summary"], (str, type(None))) for r in latest)
        some = _rows(web.json(f"/state/item_texts.json?words={quote(word)}&_size=max"))
        assert match_item in {r["id"] for r in some}
        assert all(word.lower() in (r["title"] + (r["summary"] or "")).lower() for r in some)
        status, page = web.get("/state/item_texts.csv?words=&_size=max")
        assert status == 200 and titles[match_item].split()[0] in page and "\\x" not in page
        sql = web.json("/state.json?sql=select+alerts_text(title)+as+t+from+items+where+id+%3D+1")
        assert _rows(sql) == [{"t": titles[1]}]
        dom = _browse(web.base + f"/state/matches?item_id={match_item}", tmp_path / "p1",
                      "--dump-dom")
        assert titles[match_item] in dom.replace("&#39;", "'")
    finally:
        web.close()


def test_the_dictionary_is_trained_again_once_and_every_text_packed_with_it(tmp_path):
    """In the poll that stores the TRAIN_AGAIN_AFTER-th item, a dictionary trained from five
    times the texts: every text packed again with it, the first deleted, every reader (one
    whose connection read texts with the first, too) given the same texts; never again."""
    items = _wire(TRAIN_AGAIN_AFTER + 40)
    store = Store(tmp_path / "s.db")
    reader = None
    try:
        _store_in_polls(store, items[:TRAIN_AGAIN_AFTER - 10])
        conn = store.conn
        assert conn.execute("SELECT id FROM text_dictionaries").fetchall() == [(FIRST,)]
        reader = Store(tmp_path / "s.db")  # another connection, which read with the first
        assert reader.conn.execute("SELECT alerts_text(title) FROM items WHERE id = 3"
                                   ).fetchone() == (items[2].title,)
        _store_in_polls(store, items, start=TRAIN_AGAIN_AFTER - 10)
        [(number,)] = conn.execute("SELECT id FROM text_dictionaries").fetchall()
        assert number != FIRST
        firsts = {value[:1] for row in conn.execute("SELECT title, summary, content FROM items")
                  for value in row if isinstance(value, bytes)}
        assert firsts <= {bytes((number,)), b"\x00"} and bytes((number,)) in firsts
        [(_, _, rows)] = list(store.stored_items())
        assert [(r["title"], r["summary"], r["content"]) for r in rows] == [
            (i.title, i.summary, i.content) for i in items]
        assert [t for (t,) in reader.conn.execute(
            "SELECT alerts_text(title) FROM items ORDER BY id")] == [i.title for i in items]
        assert not due(conn, TextPacker(conn), 0)  # trained twice at most
    finally:
        store.close()
        if reader is not None:
            reader.close()


def test_an_alert_queued_before_its_item_s_edit_keeps_the_packed_title_it_had(tmp_path):
    from alerts.routing import Composer
    from tests.test_state_outbox_title import MATCH
    from tests.test_state_outbox_title import _item as envoy
    from tests.test_state_outbox_title import _poll as poll_envoy

    store = Store(tmp_path / "s.db")
    try:
        _store_in_polls(store, _wire(1010))  # the state has its dictionary
        item = envoy(title="Envoy arrives in Doha for talks on the ceasefire and the envoy")
        message = Composer().compose(item, replace(MATCH, channels=("desk",)), later=True)[0]
        poll_envoy(store, [item], [], [QueuedAlert(item.key, MATCH, (message,))])
        assert store.outbox_list(["pending"])[0].title == message.title
        edited = replace(item, title="Envoy leaves Doha after the talks on the ceasefire end",
                         content_hash="f" * 16)
        poll_envoy(store, [], [edited], [], now=T0 + timedelta(hours=1))
        (stored,) = store.conn.execute("SELECT title FROM items WHERE key = 'g:1'").fetchone()
        assert isinstance(stored, bytes) and unpack_text(stored, store.conn) == edited.title
        (row,) = store.outbox_list(["pending"])
        assert row.title == message.title and item.title in message.title
    finally:
        store.close()


def test_a_dictionary_rolled_back_is_not_read_for_the_next_of_its_number(tmp_path, monkeypatch):
    """alerts_text() on a connection whose poll trained a dictionary and then failed (rolled
    back) reads the next dictionary given that number (made by another process), not the
    one it saw."""
    from alerts.state import items as items_module

    store = Store(tmp_path / "s.db")
    try:
        first = _wire(1010)
        _store_in_polls(store, first[:990])
        real = items_module.keep_members_as_joined

        def fail_after_reading(conn, *args):  # type: ignore[no-untyped-def]
            assert conn.execute("SELECT count(*) FROM text_dictionaries").fetchone() == (1,)
            conn.execute("SELECT alerts_text(title) FROM items").fetchall()  # read with it
            raise OSError("the disk went away")

        monkeypatch.setattr(items_module, "keep_members_as_joined", fail_after_reading)
        with pytest.raises(OSError):
            _poll(store, first[990:], n=990)
        monkeypatch.setattr(items_module, "keep_members_as_joined", real)
        assert store.conn.execute("SELECT count(*) FROM text_dictionaries").fetchone() == (0,)
        other = [replace(item, title=item.title.upper()[::-1],  # type: ignore[type-var]
                         summary=item.summary.upper()[::-1]) for item in first[990:]]
        again = Store(tmp_path / "s.db")
        try:
            _poll(again, other, n=990)  # trains another dictionary numbered 1
        finally:
            again.close()
        assert store.conn.execute("SELECT count(*) FROM text_dictionaries").fetchone() == (1,)
        read = [t for (t,) in store.conn.execute("SELECT alerts_text(title) FROM items "
                                                 "ORDER BY id")]
        assert read == [i.title for i in first[:990] + other]
    finally:
        store.close()
