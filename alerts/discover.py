"""Find the feed behind an address: the feed itself, or the page's <link rel="alternate">.

Fetched through the daemon's own Fetcher (address guard, size cap, total deadline) and
parsed in the same sandboxed workers as every poll.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from alerts.config import FetchSettings
from alerts.errors import AlertsError, FeedError

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
              "application/json", "application/rdf+xml", "application/xml", "text/xml")


class DiscoveryError(AlertsError):
    """No feed could be found at the address given."""


@dataclass(frozen=True)
class Discovered:
    url: str
    title: str | None
    language: str | None
    via_page: str | None  # the web page whose <link rel="alternate"> named the feed


class _Alternates(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (type, href)
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and values.get("href"):
            self.base = self.base or values["href"]
        if tag != "link":
            return
        rel = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES and values.get("href"):
            self.found.append((kind, values["href"].strip()))


def alternates(html: bytes, page_url: str) -> list[str]:
    """Feed addresses a page announces, best first (RSS/Atom before JSON), absolute."""
    parser = _Alternates()
    parser.feed(html.decode("utf-8", "replace"))
    base = urljoin(page_url, parser.base) if parser.base else page_url
    ranked = sorted(parser.found, key=lambda f: FEED_TYPES.index(f[0]))
    urls: list[str] = []
    for _, href in ranked:
        url = urljoin(base, href)
        if url.startswith(("http://", "https://")) and url not in urls:
            urls.append(url)
    return urls


async def _discover(address: str, settings: FetchSettings) -> Discovered:
    from alerts.fetch import Fetcher
    from alerts.parse import parse_feed

    fetcher = Fetcher(settings)
    try:
        fetched = await fetcher.fetch(address)
        body = fetched.body or b""
        try:
            parsed = parse_feed(body, fetched.final_url, fetched.content_type)
            return _found(fetched.final_url, parsed, None)
        except FeedError as exc:
            if exc.kind != "html":
                raise DiscoveryError(f"{address} is not a feed ({exc}); give the address of "
                                     "the feed or of a page that links to it") from None
        candidates = alternates(body, fetched.final_url)
        if not candidates:
            raise DiscoveryError(f"{address} is a web page that names no feed (no <link "
                                 "rel=\"alternate\" type=\"application/rss+xml\">); find the "
                                 "feed's own address on the site and add that")
        problems = []
        for url in candidates[:5]:
            try:
                feed = await fetcher.fetch(url)
                parsed = parse_feed(feed.body or b"", feed.final_url, feed.content_type)
                return _found(feed.final_url, parsed, fetched.final_url)
            except FeedError as exc:
                problems.append(str(exc))
        raise DiscoveryError(f"{address} names {len(candidates)} feed(s), but none could be "
                             "read: " + "; ".join(problems))
    except FeedError as exc:
        raise DiscoveryError(f"could not fetch {address}: {exc}") from None
    finally:
        await fetcher.aclose()


def _found(url: str, parsed: object, page: str | None) -> Discovered:
    feed = getattr(parsed, "feed", None) or (parsed.get("feed", {})  # type: ignore[attr-defined]
                                              if hasattr(parsed, "get") else {})
    title = (feed.get("title") or "").strip() or None
    language = (feed.get("language") or "").split("-")[0].lower() or None
    return Discovered(url, title, language, page)


def discover(address: str, settings: FetchSettings) -> Discovered:
    return asyncio.run(_discover(address, settings))
