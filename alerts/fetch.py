"""HTTP for feeds: conditional GET, a total deadline per request and a cap on the decoded body."""

from __future__ import annotations

import asyncio

import httpx

from alerts import __version__
from alerts.config import FetchSettings
from alerts.errors import FeedError
from alerts.models import Fetched

PRODUCT_URL = "https://github.com/diplomatic-alerts/diplomatic-alerts"
ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
          "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1")
MAX_REDIRECTS = 5


def user_agent(contact: str | None) -> str:
    return f"diplomatic-alerts/{__version__} (+{contact or PRODUCT_URL})"


class Fetcher:
    """One HTTP client for the daemon's lifetime; create and close it inside the event loop."""

    def __init__(self, settings: FetchSettings):
        self.settings = settings
        self._client = httpx.AsyncClient(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            # Per-read timeouts alone let a server drip bytes forever; the total deadline is
            # enforced around the whole request in fetch().
            timeout=httpx.Timeout(settings.timeout),
            headers={"User-Agent": user_agent(settings.contact), "Accept": ACCEPT},
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=8),
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(self, url: str, etag: str | None = None,
                    last_modified: str | None = None) -> Fetched:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            async with asyncio.timeout(self.settings.timeout):
                return await self._get(url, headers)
        except TimeoutError:
            raise FeedError(
                f"{url} did not answer completely within {self.settings.timeout:g} seconds; "
                "it will be tried again at the next poll", kind="timeout") from None
        except httpx.TooManyRedirects:
            raise FeedError(f"{url} redirects more than {MAX_REDIRECTS} times; check the feed "
                            "URL in a browser", kind="redirects") from None
        except httpx.HTTPError as exc:
            reason = str(exc) or type(exc).__name__
            raise FeedError(f"cannot fetch {url}: {reason}; check the URL and the network",
                            kind="network") from None

    async def _get(self, url: str, headers: dict[str, str]) -> Fetched:
        async with self._client.stream("GET", url, headers=headers) as response:
            final_url = str(response.url)
            if response.status_code == 304:
                return Fetched(url, final_url, 304, None,
                               etag=response.headers.get("etag"),
                               last_modified=response.headers.get("last-modified"))
            if response.status_code >= 400:
                raise FeedError(f"{url} answered HTTP {response.status_code} "
                                f"{response.reason_phrase}", kind=f"http-{response.status_code}")
            if response.status_code != 200:
                raise FeedError(f"{url} answered HTTP {response.status_code} where a feed was "
                                "expected", kind=f"http-{response.status_code}")
            chunks: list[bytes] = []
            size = 0
            # aiter_bytes decodes gzip/deflate as it streams, so the cap applies to what we keep.
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > self.settings.max_bytes:
                    raise FeedError(
                        f"{url} sent more than {self.settings.max_bytes:,} bytes (decoded); "
                        "raise fetch.max_bytes if this feed is really that large",
                        kind="too-large")
                chunks.append(chunk)
            return Fetched(
                url, final_url, 200, b"".join(chunks),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                content_type=response.headers.get("content-type"),
            )
