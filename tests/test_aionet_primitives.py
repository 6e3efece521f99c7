"""httpcore's pool on asyncio's own lock and event (alerts.aionet.use_asyncio_primitives, #17).

What httpcore asks of them must be answered as anyio's answered: a request waiting for a
connection of a full pool ends with PoolTimeout, a request cancelled while it waits for its
answer leaves the pool usable, and an httpcore that moved its names is left alone. A real
server on 127.0.0.1."""

from __future__ import annotations

import asyncio

import httpcore
import pytest

from alerts import aionet
from alerts.aionet import AsyncioBackend, use_asyncio_primitives
from tests.servers import FeedServer


@pytest.fixture
def slow_server():
    server = FeedServer()
    server.put("/slow.xml", b"<rss/>", delay=1.0)
    server.put("/fast.xml", b"<rss/>")
    yield server
    server.close()


def test_fetching_installs_them():
    assert use_asyncio_primitives()
    from httpcore._async import connection, connection_pool, http11

    assert connection_pool.AsyncEvent is aionet._Event
    assert connection.AsyncLock is http11.AsyncLock is aionet._Lock


def test_a_request_waiting_for_a_full_pool_ends_with_pool_timeout(slow_server):
    assert use_asyncio_primitives()

    async def run() -> tuple[object, object, int]:
        async with httpcore.AsyncConnectionPool(max_connections=1,
                                                network_backend=AsyncioBackend()) as pool:
            first = asyncio.ensure_future(pool.request("GET", slow_server.base + "/slow.xml"))
            await asyncio.sleep(0.2)  # the first holds the only connection
            second = await asyncio.gather(pool.request(
                "GET", slow_server.base + "/fast.xml", extensions={"timeout": {"pool": 0.1}}),
                return_exceptions=True)
            done = await first
            again = await pool.request("GET", slow_server.base + "/fast.xml")
            return second[0], done, again.status

    second, first, again = asyncio.run(run())
    assert isinstance(second, httpcore.PoolTimeout), second
    assert first.status == 200 and again == 200  # type: ignore[attr-defined]


def test_a_request_cancelled_while_it_waits_leaves_the_pool_usable(slow_server):
    assert use_asyncio_primitives()

    async def run() -> tuple[int, int, list[object]]:
        async with httpcore.AsyncConnectionPool(max_connections=1,
                                                network_backend=AsyncioBackend()) as pool:
            with pytest.raises(TimeoutError):
                async with asyncio.timeout(0.3):
                    await pool.request("GET", slow_server.base + "/slow.xml")
            left = list(pool.connections)  # the cancelled request's connection is gone
            answer = await pool.request("GET", slow_server.base + "/fast.xml")
            return answer.status, len(pool.connections), left

    status, connections, left = asyncio.run(run())
    assert left == [] and status == 200 and connections == 1


def test_an_httpcore_that_moved_its_names_is_left_alone(monkeypatch):
    from httpcore._async import http11

    class Theirs:
        pass

    monkeypatch.setattr(http11, "AsyncLock", Theirs)
    assert use_asyncio_primitives() is False
    assert http11.AsyncLock is Theirs
