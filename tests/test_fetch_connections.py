"""Connections are reused after replies without a body, and a request imports nothing."""

from __future__ import annotations

import asyncio
import importlib.abc
import sys
import threading
from typing import Any

from alerts.config import FetchSettings
from alerts.fetch import Fetcher
from tests.feeds import rss, rss_item

LOOPBACK = ("127.0.0.0/8",)


def _count_connections(feed_server) -> list[int]:
    """Counts the TCP connections the real server accepts (one per process_request)."""
    count = [0]
    lock = threading.Lock()
    original = feed_server.httpd.process_request

    def counting(request: Any, client_address: Any) -> None:
        with lock:
            count[0] += 1
        original(request, client_address)

    feed_server.httpd.process_request = counting
    return count


def _fetch_many(url: str, times: int, etag: str | None = None) -> list[int]:
    """`times` fetches through one Fetcher (one connection pool), each with `etag`."""
    async def go() -> list[int]:
        fetcher = Fetcher(FetchSettings(allow_networks=LOOPBACK, timeout=5))
        try:
            return [(await fetcher.fetch(url, etag)).status for _ in range(times)]
        finally:
            await fetcher.aclose()
    return asyncio.run(go())


def _etag(url: str) -> str:
    async def go() -> str | None:
        fetcher = Fetcher(FetchSettings(allow_networks=LOOPBACK, timeout=5))
        try:
            return (await fetcher.fetch(url)).etag
        finally:
            await fetcher.aclose()
    etag = asyncio.run(go())
    assert etag
    return etag


def test_fifty_polls_answered_304_use_one_connection(feed_server):
    url = feed_server.put("/f.xml", rss(rss_item("A", guid="1")))
    etag = _etag(url)
    connects = _count_connections(feed_server)
    assert _fetch_many(url, 50, etag) == [304] * 50
    assert connects[0] == 1, f"{connects[0]} TCP connections for 50 replies of 304"


def test_a_redirect_keeps_its_connection(feed_server):
    target = feed_server.put("/new.xml", rss(rss_item("A", guid="1")))
    feed_server.put("/old.xml", b"moved", status=302, validators=False,
                    headers={"Location": target})
    connects = _count_connections(feed_server)
    statuses = _fetch_many(feed_server.base + "/old.xml", 10)
    assert statuses == [200] * 10
    assert connects[0] == 1, f"{connects[0]} TCP connections for 10 redirected fetches"


class _ImportRecorder(importlib.abc.MetaPathFinder):
    """Sees every import that is not already in sys.modules (a failed one is tried anew)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        self.names.append(fullname)
        return None  # let the real finders do the work


def test_a_request_imports_nothing(feed_server):
    """httpcore imports sniffio on every request; not installed, each attempt searched every
    directory of sys.path again (the failure is not cached)."""
    url = feed_server.put("/f.xml", rss(rss_item("A", guid="1")))

    async def go() -> list[str]:
        fetcher = Fetcher(FetchSettings(allow_networks=LOOPBACK, timeout=5))
        try:
            await fetcher.fetch(url)  # the first request may import what it needs once
            recorder = _ImportRecorder()
            sys.meta_path.insert(0, recorder)
            try:
                for _ in range(5):
                    await fetcher.fetch(url)
            finally:
                sys.meta_path.remove(recorder)
            return recorder.names
        finally:
            await fetcher.aclose()

    attempted = asyncio.run(go())
    assert attempted == [], f"each request tried to import {sorted(set(attempted))}"
