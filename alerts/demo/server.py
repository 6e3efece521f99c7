"""A small feed server on 127.0.0.1 that releases the demo wire's items over time."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from xml.sax.saxutils import escape

import yaml


@dataclass(frozen=True)
class WireItem:
    title: str
    summary: str
    published: datetime
    guid: str


@dataclass(frozen=True)
class WireFeed:
    slug: str
    title: str
    items: tuple[WireItem, ...]


def load_wire() -> tuple[int, list[WireFeed]]:
    data = yaml.safe_load(resources.files("alerts.demo").joinpath("wire.yaml").read_text("utf-8"))
    feeds = []
    for feed in data["feeds"]:
        items = tuple(
            WireItem(i["title"], i["summary"],
                     datetime.fromisoformat(i["published"].replace("Z", "+00:00")),
                     f"demo-{feed['slug']}-{n}")
            for n, i in enumerate(feed["items"], start=1)
        )
        feeds.append(WireFeed(feed["slug"], feed["title"], items))
    return int(data.get("backlog", 2)), feeds


def render_rss(feed: WireFeed, items: tuple[WireItem, ...], base: str) -> bytes:
    entries = "".join(
        f"<item><title>{escape(i.title)}</title>"
        f"<link>{base}/{feed.slug}/{i.guid}.html</link>"
        f"<guid isPermaLink=\"false\">{i.guid}</guid>"
        f"<pubDate>{format_datetime(i.published, usegmt=True)}</pubDate>"
        f"<description>{escape(i.summary)}</description></item>"
        for i in reversed(items)  # newest first, as real feeds list them
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(feed.title)}</title><link>{base}/{feed.slug}/</link>"
        f"<description>Sample items for the alerts demo</description>{entries}"
        "</channel></rss>"
    ).encode()


class DemoWire:
    """Serves /SLUG.xml for each feed; one more item becomes visible every `every` seconds."""

    def __init__(self, every: float = 3.0, clock=time.monotonic):  # type: ignore[no-untyped-def]
        self.backlog, self.feeds = load_wire()
        self.every = every
        self.clock = clock
        self.started: float | None = None
        self._start_lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def visible(self, feed_index: int) -> int:
        with self._start_lock:
            # The wire's clock starts at the daemon's first request, not when the server
            # starts: on a slow machine the daemon's start-up would otherwise let items go
            # out before its first poll, and those are recorded as backlog, never alerted.
            if self.started is None:
                self.started = self.clock()
            started = self.started
        released = int((self.clock() - started) / self.every) if self.every > 0 else 0
        count = len(self.feeds)
        extra = released // count + (1 if feed_index < released % count else 0)
        return min(len(self.feeds[feed_index].items), self.backlog + extra)

    @property
    def total_items(self) -> int:
        return sum(len(f.items) for f in self.feeds)

    def all_released(self) -> bool:
        return all(self.visible(i) == len(f.items) for i, f in enumerate(self.feeds))

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        assert isinstance(host, str)  # an IPv4 or IPv6 server: never a Unix socket's bytes
        return f"http://{host}:{port}"

    def feed_urls(self) -> list[tuple[str, str]]:
        return [(f"{self.base_url}/{f.slug}.xml", f.title) for f in self.feeds]

    def start(self, port: int = 0) -> DemoWire:
        wire = self
        paths = {f"/{feed.slug}.xml": index for index, feed in enumerate(self.feeds)}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                index = paths.get(self.path)
                if index is None:
                    self.send_error(404, "no such demo feed")
                    return
                feed = wire.feeds[index]
                body = render_rss(feed, feed.items[: wire.visible(index)], wire.base_url)
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        name="demo-wire")
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
