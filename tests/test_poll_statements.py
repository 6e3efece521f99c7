"""What a poll asks the state for when its new items match nothing (#17: a steady poll's
statements, about 18 a feed, are a sixth of its time; a daemon makes them at every poll of
every feed): not whether any mute is stored, which only a match needs. With a match it is
asked as before, and a mute silences the match. Real loopback feeds, a real SQLite file, the
poller as the daemon makes it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from alerts.fetch import Fetcher
from alerts.models import PollResult
from alerts.state import Store
from tests.feeds import rss
from tests.test_pollworker import CALLS, OTHER, configured, poller_for


def polled(tmp_path, feed_server, *documents: str,
           before_last: Callable[[Store], object] = lambda store: None
           ) -> tuple[list[str], PollResult]:
    """The statements and the result of the last of these polls of one feed (each document
    in turn); `before_last` is given the state just before that poll."""
    url = feed_server.put("/wire.xml", documents[0])
    settings, rules = configured(tmp_path / "c", url)
    store = Store(settings.state_path)
    statements: list[str] = []

    async def polls() -> PollResult:  # one event loop: the fetcher's connections belong to it
        poller = poller_for(settings, rules, store, Fetcher(settings.fetch))
        for n, document in enumerate(documents):
            feed_server.put("/wire.xml", document)
            if n == len(documents) - 1:
                before_last(store)
                store.conn.set_trace_callback(statements.append)
            result = await poller.poll(settings.feeds[0], force=True)
            assert result.status == "new", result
        return result

    try:
        result = asyncio.run(polls())
    finally:
        store.conn.set_trace_callback(None)
        store.close()
    return statements, result


def test_a_poll_whose_new_items_match_nothing_asks_for_no_mute(tmp_path, feed_server):
    said, _ = polled(tmp_path, feed_server, rss(*OTHER[:1]), rss(*OTHER[:2]))
    assert any(s.startswith("INSERT INTO items") for s in said), said
    assert not [s for s in said if "FROM mutes" in s], said


def test_a_poll_with_matches_asks_for_mutes_once(tmp_path, feed_server):
    said, _ = polled(tmp_path, feed_server, rss(*OTHER[:1]), rss(*OTHER[:1], *CALLS[:2]))
    assert len([s for s in said if "EXISTS (SELECT 1 FROM mutes)" in s]) == 1, said


def test_a_mute_still_silences_the_first_match_of_a_poll(tmp_path, feed_server):
    def mute(store: Store) -> None:
        now = datetime.now(UTC)
        store.mute("ceasefire-call", "rule", now + timedelta(days=1), now)

    _, result = polled(tmp_path, feed_server, rss(*OTHER[:1]), rss(*OTHER[:1], CALLS[0]),
                       before_last=mute)
    assert [m.suppressed for _, m in result.matches] and all(
        m.suppressed and m.suppressed.startswith("muted") for _, m in result.matches)
