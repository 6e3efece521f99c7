"""A Fetcher parses each feed URL once for its lifetime (issue #17: httpx parses URLs in
Python, and a 304 spent a third of its CPU parsing the same URL three times). What the
parsed form is used for does not change from the first request to the next: the password in
the URL goes in a header to the feed's origin only and is masked in every error, and the
remembered forms are bounded."""

from __future__ import annotations

import asyncio
import base64
from http.server import BaseHTTPRequestHandler
from urllib.parse import quote

import pytest

from alerts import fetch as fetch_module
from alerts.config import FetchSettings
from alerts.errors import FeedError
from alerts.fetch import Fetcher
from tests.feeds import rss, rss_item
from tests.servers import _Server, free_port
from tests.test_feed_secrets import PASSWORD, USER, AuthWire

SETTINGS = FetchSettings(allow_networks=("127.0.0.0/8",), timeout=5)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made: list[str] = []
    real = fetch_module._Target.parse

    def counted(url: str):  # type: ignore[no-untyped-def]
        made.append(url)
        return real(url)

    monkeypatch.setattr(fetch_module._Target, "parse", staticmethod(counted))
    return made


def test_a_url_is_parsed_once_and_its_password_used_every_time(parses):
    wire = AuthWire(password=PASSWORD)
    url = f"http://{USER}:{quote(PASSWORD, safe='')}@{wire.host}/wire.xml"
    try:
        async def go() -> list[int]:
            fetcher = Fetcher(SETTINGS)
            try:
                return [(await fetcher.fetch(url)).status for _ in range(3)]
            finally:
                await fetcher.aclose()

        assert asyncio.run(go()) == [200, 200, 200]
    finally:
        wire.close()
    assert parses == [url]
    pair = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    assert [seen.get("authorization") for seen in wire.seen] == [f"Basic {pair}"] * 3
    assert all(PASSWORD not in seen["path"] for seen in wire.seen)


@pytest.mark.parametrize("where", ["127.0.0.1:{port}/x.xml", "127.0.0.1:99999/x.xml?t={pw}"])
def test_the_password_is_masked_in_errors_of_later_requests_too(parses, where):
    # Refused, and a port out of range with the password repeated in the query (as written).
    secret = quote(PASSWORD, safe="")
    url = f"http://{USER}:{secret}@" + where.format(port=free_port(), pw=secret)

    async def go() -> list[str]:
        fetcher = Fetcher(SETTINGS)
        errors = []
        try:
            for _ in range(2):
                with pytest.raises(FeedError) as info:
                    await fetcher.fetch(url)
                errors.append(str(info.value))
        finally:
            await fetcher.aclose()
        return errors

    errors = asyncio.run(go())
    assert len(parses) == 1
    for error in errors:
        assert f"http://{USER}:***@127.0.0.1:" in error
        assert PASSWORD not in error and secret not in error


def test_an_unreadable_url_is_told_every_time(parses):
    async def go() -> list[str]:
        fetcher = Fetcher(SETTINGS)
        try:
            errors = []
            for _ in range(2):
                with pytest.raises(FeedError) as info:
                    await fetcher.fetch("http://[::1/feed.xml")
                errors.append(str(info.value))
            return errors
        finally:
            await fetcher.aclose()

    first, second = asyncio.run(go())
    assert first == second and "http://[::1/feed.xml" in first


def test_the_remembered_urls_are_bounded(monkeypatch, parses):
    monkeypatch.setattr(fetch_module, "MAX_TARGETS", 3)
    fetcher = Fetcher.__new__(Fetcher)  # only its memory of URLs is exercised here
    fetcher._targets = {}
    for n in range(10):
        fetcher._target(f"https://example.org/{n}.xml")
        assert len(fetcher._targets) <= 3
    assert len(parses) == 10


class CookieWire(_Server):
    """A feed behind a cookie wall: without its cookie, a redirect to itself that sets it
    (as some publishers' consent and bot checks do)."""

    def __init__(self) -> None:
        self.seen: list[str | None] = []
        wire = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                cookie = self.headers.get("Cookie")
                wire.seen.append(cookie)
                if cookie != "passed=yes":
                    self.send_response(302)
                    self.send_header("Location", "/feed.xml")
                    self.send_header("Set-Cookie", "passed=yes; Path=/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = rss(rss_item("UN urges ceasefire in Sudan", guid="1")).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(Handler)


def test_a_cookie_set_along_a_redirect_is_sent_back():
    wire = CookieWire()
    try:
        async def go() -> tuple[int, int]:
            fetcher = Fetcher(SETTINGS)
            try:
                first = await fetcher.fetch(f"{wire.base}/feed.xml")
                again = await fetcher.fetch(f"{wire.base}/feed.xml")  # the jar kept it
                return first.status, again.status
            finally:
                await fetcher.aclose()

        assert asyncio.run(go()) == (200, 200)
    finally:
        wire.close()
    assert wire.seen == [None, "passed=yes", "passed=yes"]
