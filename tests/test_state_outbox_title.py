"""Store less (#17): a queued alert whose title is the default one its facts make ("[high]
Rule: headline") stores no title; every reader (the sender, `alerts outbox`, dead letters,
the web view's outbox page) gets it back from the facts, as it was queued. A channel's own
title template is stored as rendered."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from alerts.models import Fetched, Item, Match
from alerts.routing import ChannelStyle, Composer
from alerts.state import QueuedAlert, Store
from alerts.state.compact import read_texts_in_sql

T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
MATCH = Match(rule_id="r", rule_title="Envoys", severity="high", channels=("desk", "other"),
              explanation="matched because: 'envoy'")


def _item(key: str = "g:1", title: str = "Envoy arrives in Doha") -> Item:
    return Item(feed_url="https://a.example/rss", feed_name="A", key=key, guid=key[2:],
                link=f"https://a.example/{key[2:]}", title=title,
                summary="The envoy spoke.", published=T0,
                content_hash=title[:16].encode().hex()[:16].ljust(16, "0"))


def _poll(store: Store, new: list[Item], edited: list[Item], alerts: list[QueuedAlert],
          now: datetime = T0) -> None:
    store.record_poll(feed_url="https://a.example/rss", feed_name="A", now=now,
                      fetched=Fetched("https://a.example/rss", "https://a.example/rss", 200, b""),
                      body_hash="h", new_items=new, edited_items=edited, seen_keys=[],
                      alerts=alerts)


def _stored_titles(store: Store) -> list[tuple[str, str]]:
    return store.conn.execute("SELECT title, payload FROM outbox ORDER BY id").fetchall()


def test_a_default_title_is_not_stored_and_reads_back_as_queued(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        composer = Composer({"other": ChannelStyle(format="html")})
        first = _item()
        untitled = _item("g:2", "")  # "(untitled)", made so by the facts
        long = _item("g:3", "Envoy " * 60)  # cut to one line of TITLE_MAX
        composed = {i.key: composer.compose(i, MATCH, later=True) for i in (first, untitled, long)}
        # A follow-up, queued after the first alert on each channel.
        composed[first.key] += composer.compose(first, MATCH, update=True, later=True)
        queued = [m for messages in composed.values() for m in messages]
        _poll(store, [first, untitled, long], [],
              [QueuedAlert(key, MATCH, messages) for key, messages in composed.items()])
        stored = _stored_titles(store)
        assert len(stored) == len(queued) == 8
        assert all(title == "" and '"d":1' in payload for title, payload in stored)
        rows = store.outbox_list(["pending"])
        assert sorted(r.title for r in rows) == sorted(m.title for m in queued)
        assert "Update: [high] Envoys: Envoy arrives in Doha" in {r.title for r in rows}
        assert "[high] Envoys: (untitled)" in {r.title for r in rows}
        assert [r.title for r in store.outbox_due(T0)] == [r.title for r in rows]
        assert [d.title for d in store.due_deliveries(T0, limit=100)] == [r.title for r in rows]
    finally:
        store.close()


def test_a_channels_own_title_is_stored_as_rendered(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        composer = Composer({"desk": ChannelStyle(title="{{ rule_title }} / {{ title }}")})
        item = _item()
        message = composer.compose(item, replace(MATCH, channels=("desk",)), later=True)[0]
        assert message.title == "Envoys / Envoy arrives in Doha"
        # An alert whose title was set otherwise than by the default template, though its
        # facts are the same, keeps it too.
        odd = replace(message, channel="other", title="[high] Envoys: Envoy arrives in Doha!")
        _poll(store, [item], [], [QueuedAlert(item.key, MATCH, (message, odd))])
        stored = _stored_titles(store)
        assert [t for t, _ in stored] == [message.title, odd.title]
        assert not any('"d"' in payload for _, payload in stored)
        assert [r.title for r in store.outbox_list(["pending"])] == [message.title, odd.title]
    finally:
        store.close()


def test_an_edit_of_the_item_keeps_the_title_its_alert_was_queued_with(tmp_path):
    store = Store(tmp_path / "s.db")
    try:
        item = _item()
        message = Composer().compose(item, replace(MATCH, channels=("desk",)), later=True)[0]
        _poll(store, [item], [], [QueuedAlert(item.key, MATCH, (message,))])
        edited = replace(item, title="Envoy arrives in Doha for talks",
                         content_hash="ffffffffffffffff")
        _poll(store, [], [edited], [], now=T0 + timedelta(hours=1))
        assert store.conn.execute("SELECT title FROM items").fetchone() == (edited.title,)
        (row,) = store.outbox_list(["pending"])
        assert row.title == message.title == "[high] Envoys: Envoy arrives in Doha"
    finally:
        store.close()


def test_the_web_views_outbox_page_shows_the_title(tmp_path):
    web = pytest.importorskip("alerts.web")
    store = Store(tmp_path / "s.db")
    try:
        composer = Composer({"other": ChannelStyle(title="{{ title }}")})
        item = _item()
        messages = composer.compose(item, MATCH, later=True)
        update = composer.compose(item, MATCH, update=True, later=True)[:1]
        _poll(store, [item], [], [QueuedAlert(item.key, MATCH, (*messages, *update))])
        expected = {r.id: r.title for r in store.outbox_list(["pending"])}
    finally:
        store.close()
    sql = web.metadata()["databases"]["state"]["queries"]["outbox_problems"]["sql"]
    with sqlite3.connect(tmp_path / "s.db") as conn:
        conn.row_factory = sqlite3.Row
        read_texts_in_sql(conn)  # as the web view's connections (items' titles: 0033)
        shown = {row["id"]: row["title"] for row in conn.execute(sql)}
    assert shown == expected
    assert set(shown.values()) == {"[high] Envoys: Envoy arrives in Doha",
                                   "Envoy arrives in Doha",
                                   "Update: [high] Envoys: Envoy arrives in Doha"}
