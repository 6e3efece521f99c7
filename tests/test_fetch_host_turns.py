"""A poll's deadline counts its own work, not the time its request waits for its host's turn
(alerts.fetch.poll_deadline): feeds that share a host, two requests at a time, must not be
abandoned because many others on that host came first. Real loopback server, real Fetcher,
the daemon's own poll job."""

from __future__ import annotations

import asyncio
import logging

import pytest

from alerts.config import FetchSettings
from alerts.daemon import Daemon
from alerts.errors import FeedError
from alerts.fetch import PER_HOST_REQUESTS, Fetcher, poll_deadline
from alerts.models import Feed
from tests.feeds import rss, rss_item
from tests.servers import FeedServer

LOOPBACK = ("127.0.0.0/8",)
ANSWER = 0.3  # seconds the server takes to answer each request
DEADLINE = 1.5  # per poll: five answers' time, far less than the turns of FEEDS polls
FEEDS = 14  # on one host, PER_HOST_REQUESTS at a time: the last waits (14/2 - 1) * 0.3 s


@pytest.fixture
def slow_host():
    server = FeedServer()
    body = rss(rss_item("One", link="https://example.org/1"))
    urls = [server.put(f"/feed{n}.xml", body, delay=ANSWER) for n in range(FEEDS)]
    yield server, urls
    server.close()


def test_waiting_for_the_host_is_not_counted_against_the_poll(slow_host):
    assert (FEEDS / PER_HOST_REQUESTS - 1) * ANSWER > DEADLINE  # the case needs the waits

    async def main() -> list[object]:
        fetcher = Fetcher(FetchSettings(timeout=5, allow_networks=LOOPBACK))

        async def poll(url: str) -> object:
            try:
                async with poll_deadline(DEADLINE):
                    return (await fetcher.fetch(url)).status
            except TimeoutError:
                return "abandoned"

        try:
            return list(await asyncio.gather(*(poll(url) for url in slow_host[1])))
        finally:
            await fetcher.aclose()

    assert asyncio.run(main()) == [200] * FEEDS


def test_the_deadline_still_ends_a_request_that_takes_too_long(slow_host):
    server, _ = slow_host
    url = server.put("/stuck.xml", rss(), delay=DEADLINE + 1.5)

    async def main() -> str:
        fetcher = Fetcher(FetchSettings(timeout=30, allow_networks=LOOPBACK))
        try:
            async with poll_deadline(DEADLINE):
                await fetcher.fetch(url)
        except TimeoutError:
            return "abandoned"
        except FeedError as exc:
            return f"error: {exc}"
        finally:
            await fetcher.aclose()
        return "answered"

    assert asyncio.run(main()) == "abandoned"


class _FetchOnly:
    """The daemon's poller reduced to its request: the deadline is the daemon's."""

    def __init__(self, fetcher: Fetcher):
        self.fetcher = fetcher

    async def poll(self, feed: Feed) -> object:
        await self.fetcher.fetch(feed.url)
        raise LookupError("fetched")  # the daemon logs it as an unexpected error, not a timeout


def test_the_daemon_polls_with_that_deadline(slow_host, caplog, monkeypatch):
    monkeypatch.setattr(Daemon, "_job_deadline", lambda self: DEADLINE)

    async def main() -> None:
        fetcher = Fetcher(FetchSettings(timeout=5, allow_networks=LOOPBACK))
        daemon = Daemon.__new__(Daemon)  # only what a poll job reads
        daemon._stop, daemon._polling, daemon._wake_sender = (asyncio.Event(), asyncio.Event(),
                                                              asyncio.Event())
        daemon._inflight, daemon._trim, daemon.poller = set(), None, _FetchOnly(fetcher)
        failed: list[str] = []
        daemon._poll_failed = lambda feed, why: failed.append(why)  # type: ignore[method-assign]
        daemon._state_damaged = lambda exc: False  # type: ignore[method-assign]
        try:
            await asyncio.gather(*(daemon._poll_job(Feed(url=url, name=f"f{n}", interval=60))
                                   for n, url in enumerate(slow_host[1])))
        finally:
            if daemon._trim is not None:
                daemon._trim.cancel()
            await fetcher.aclose()
        assert failed == ["crash"] * FEEDS  # each reached its LookupError: none timed out

    with caplog.at_level(logging.WARNING, logger="alerts"):
        asyncio.run(main())
    assert "took longer than" not in caplog.text
