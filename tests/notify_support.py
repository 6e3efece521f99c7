"""Loopback receivers and small builders for the notification tests.

`HookReceiver` is a real HTTP server: it records every POST (path, headers, JSON body) and
answers with the statuses and headers a test scripts, so Apprise's json://, mmost://
(a Mattermost/Slack-style incoming webhook) and a redirected Telegram plugin deliver to it.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from alerts.config import Channel, NotifySettings
from alerts.messages import OutboxRow
from alerts.models import Fetched, Item, Match
from alerts.policy import ChannelPolicy
from alerts.routing import ChannelStyle, Composer
from alerts.state import QueuedAlert, Store
from tests.servers import _QuietHTTPServer

T0 = datetime(2025, 7, 1, 15, 0, tzinfo=UTC)


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: dict

    @property
    def text(self) -> str:
        """The message text whichever service shape it came in."""
        return self.body.get("message") or self.body.get("text") or ""


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class HookReceiver:
    """Records POSTs; answers with `replies` in turn (then `default`)."""

    def __init__(self, default: Reply | None = None) -> None:
        self.received: list[Received] = []
        self.replies: list[Reply] = []
        self.default = default or Reply()
        self.on_request: Callable[[Received], None] | None = None
        self.lock = threading.Lock()
        receiver = self
        from http.server import BaseHTTPRequestHandler

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                if len(raw) < length:
                    # The sender died mid-body (a SIGKILL test): a real service rejects a
                    # truncated request, so it is no delivery.
                    self.close_connection = True
                    return
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = {"raw": raw.decode("utf-8", "replace")}
                got = Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                with receiver.lock:
                    reply = receiver.replies.pop(0) if receiver.replies else receiver.default
                    if reply.status < 300:
                        receiver.received.append(got)
                if receiver.on_request is not None:
                    receiver.on_request(got)
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = _QuietHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,),
                                       daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def json_url(self) -> str:
        return f"json://127.0.0.1:{self.port}/hook"

    def mattermost_url(self, token: str = "incomingtoken123") -> str:
        return f"mmost://127.0.0.1:{self.port}/{token}"


class Clock:
    def __init__(self, now: datetime = T0):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def item(n: int, title: str | None = None, *, link: str | None = None,
         summary: str = "They called for a truce.", key: str | None = None,
         content_hash: str | None = None) -> Item:
    return Item(feed_url="https://wire.example.org/rss", feed_name="Wire", key=key or f"g:{n}",
                guid=str(n), link=link if link is not None else f"https://wire.example.org/{n}",
                title=title or f"Leaders urge ceasefire #{n}", summary=summary, published=T0,
                content_hash=content_hash or f"h{n}")


def match(severity: str = "high", rule_id: str = "ceasefire-call",
          channels: tuple[str, ...] = ("hook",),
          rule_title: str = "Someone calls for a ceasefire") -> Match:
    return Match(rule_id, rule_title, severity, channels,
                 "matched because: 'ceasefire' (title), 'urge' (title)")


def channel(name: str, *urls: str, fmt: str = "text",
            policy: ChannelPolicy | None = None) -> Channel:
    return Channel(name, urls, style=ChannelStyle(fmt), policy=policy or ChannelPolicy())


def queue(store: Store, channels: dict[str, Channel], items: list[Item],
          severity: str = "high", now: datetime = T0, update: bool = False,
          rule_id: str = "ceasefire-call",
          rule_title: str = "Someone calls for a ceasefire") -> int:
    """Record items and queue their alerts as the pipeline does (one transaction)."""
    composer = Composer({n: c.style for n, c in channels.items()})
    m = match(severity, rule_id, tuple(channels), rule_title)
    alerts = [QueuedAlert(i.key, m, composer.compose(i, m, update=update), update=update)
              for i in items]
    fetched = Fetched(items[0].feed_url, items[0].feed_url, 200, b"")
    return store.record_poll(feed_url=items[0].feed_url, feed_name="Wire", now=now,
                             fetched=fetched, body_hash=str(random.random()),
                             new_items=[] if update else items,
                             edited_items=items if update else [], seen_keys=[],
                             alerts=alerts)


def settings(**kwargs: object) -> NotifySettings:
    base: dict = {"max_attempts": 5, "retry_base": 60, "retry_max": 600}
    base.update(kwargs)
    return NotifySettings(**base)


def rows(store: Store) -> list[OutboxRow]:
    return store.outbox_list(["pending", "dead", "sent", "digested"])


class DripReceiver:
    """A webhook on 127.0.0.1 that reads each POST, then drips its reply one byte every
    `interval` seconds (so no single read waits long enough to time out). `hurry()` sends
    the rest of every reply at once, now and from then on; `close()` hangs up."""

    REPLY = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 0\r\n"
             b"Connection: close\r\n\r\n")

    def __init__(self, interval: float = 2.0) -> None:
        import socket

        self.interval = interval
        self.requests = 0  # POSTs read in full
        self.finished = 0  # replies sent in full
        self.lock = threading.Lock()
        self._hurry = threading.Event()
        self._stop = threading.Event()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def json_url(self) -> str:
        return f"json://127.0.0.1:{self.sock.getsockname()[1]}/hook"

    def hurry(self) -> None:
        self._hurry.set()

    def close(self) -> None:
        self._stop.set()
        self._hurry.set()
        self.sock.close()
        self.thread.join(timeout=2)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn) -> None:  # type: ignore[no-untyped-def]
        with conn:
            conn.settimeout(10)
            try:
                data = b""
                while b"\r\n\r\n" not in data and len(data) < 65536:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                while len(body) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    body += chunk
                with self.lock:
                    self.requests += 1
                for i in range(len(self.REPLY)):
                    if self._stop.is_set():
                        return  # hang up mid-reply
                    if self._hurry.is_set():
                        conn.sendall(self.REPLY[i:])
                        break
                    conn.sendall(self.REPLY[i:i + 1])
                    self._hurry.wait(self.interval)
                with self.lock:
                    self.finished += 1
            except OSError:
                return
