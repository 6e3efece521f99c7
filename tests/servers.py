"""Real servers on 127.0.0.1 for tests: feeds over HTTP, a webhook receiver, an SMTP server."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Every wait_for bound is stretched by this factor (TEST_WAIT_SCALE, default 3): the suite
# runs two workers per core beside the daemons they start, and a bound is not a speed target.
# A wait ends as soon as its condition holds, so a passing test takes no longer for it.
WAIT_SCALE = float(os.environ.get("TEST_WAIT_SCALE", "3"))


def wait_for(predicate: Callable[[], bool], timeout: float = 20.0, step: float = 0.05) -> bool:
    """Poll a condition, bounded in time (timeout x WAIT_SCALE); returns whether it became
    true."""
    deadline = time.monotonic() + timeout * WAIT_SCALE
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


@dataclass
class Served:
    body: bytes
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    validators: bool = True  # send ETag and Last-Modified
    delay: float = 0.0  # before the response
    drip: float = 0.0  # seconds between single body bytes
    headers: dict[str, str] = field(default_factory=dict)


class _QuietHTTPServer(ThreadingHTTPServer):
    """A client hanging up early (as the fetcher does on a bomb or a timeout) is no error."""

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Server:
    def __init__(self, handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1"):
        self.httpd = _QuietHTTPServer((host, 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class FeedServer(_Server):
    """Serves whatever the test puts at a path, honouring If-None-Match / If-Modified-Since."""

    def __init__(self) -> None:
        self.routes: dict[str, Served] = {}
        self.requests: list[tuple[str, int, dict[str, str]]] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out at once, no 40 ms stalls

            def do_GET(self) -> None:
                served = server.routes.get(self.path)
                headers = {k.lower(): v for k, v in self.headers.items()}
                if served is None:
                    self._reply(404, b"not found", "text/plain", {})
                    server._log(self.path, 404, headers)
                    return
                if served.delay:
                    time.sleep(served.delay)
                extra = dict(served.headers)
                if served.validators and served.status == 200:
                    etag = '"' + hashlib.sha1(served.body).hexdigest()[:12] + '"'
                    modified = "Mon, 30 Jun 2025 12:00:00 GMT"
                    extra |= {"ETag": etag, "Last-Modified": modified}
                    if headers.get("if-none-match") == etag:
                        server._log(self.path, 304, headers)
                        self.send_response(304)
                        self.send_header("ETag", etag)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                server._log(self.path, served.status, headers)
                self._reply(served.status, served.body, served.content_type, extra, served.drip)

            def _reply(self, status: int, body: bytes, ctype: str, extra: dict[str, str],
                       drip: float = 0.0) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in extra.items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    if drip:
                        for i in range(len(body)):
                            self.wfile.write(body[i:i + 1])
                            self.wfile.flush()
                            time.sleep(drip)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(Handler)

    def _log(self, path: str, status: int, headers: dict[str, str]) -> None:
        with self.lock:
            self.requests.append((path, status, headers))

    def put(self, path: str, body: bytes | str, **kwargs: object) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = Served(body, **kwargs)  # type: ignore[arg-type]
        return self.base + path

    def statuses(self, path: str) -> list[int]:
        with self.lock:
            return [status for p, status, _ in self.requests if p == path]


class WebhookReceiver(_Server):
    """Records every POSTed JSON body, as Apprise's json:// sends them."""

    def __init__(self, status: int = 200) -> None:
        self.received: list[dict] = []
        self.status = status
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                if receiver.status == 200:
                    try:
                        receiver.received.append(json.loads(raw))
                    except ValueError:
                        receiver.received.append({"raw": raw.decode("utf-8", "replace")})
                self.send_response(receiver.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(Handler)

    @property
    def url(self) -> str:
        return self.base.replace("http://", "json://") + "/hook"


class _Collect:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(message_from_bytes(envelope.content))  # type: ignore[attr-defined]
        return "250 OK"


class SmtpServer:
    """aiosmtpd on 127.0.0.1; stop() and start() simulate an outage on the same port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.handler = _Collect()
        self.controller: Controller | None = None

    def start(self) -> SmtpServer:
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[Message]:
        return self.handler.messages

    @property
    def url(self) -> str:
        return (f"mailto://127.0.0.1:{self.port}?from=alerts@example.org"
                "&to=desk@example.org&mode=insecure")


class SlowServer:
    """A raw TCP server on 127.0.0.1 that misbehaves in time, for total-deadline tests.

    behaviour "silent": reads the request and never answers.
    behaviour "header-drip": sends the status line, then one header line every `interval`
    seconds (at most `count`), so no single read ever waits long.
    Every wait is bounded by `hold` seconds and ends when close() is called.
    """

    def __init__(self, behaviour: str, interval: float = 2.0, count: int = 30,
                 hold: float = 60.0, host: str = "127.0.0.1") -> None:
        assert behaviour in ("silent", "header-drip")
        self.behaviour, self.interval, self.count, self.hold = behaviour, interval, count, hold
        self.connections = 0
        self._stop = threading.Event()
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.sock.getsockname()[:2]
        return f"http://{host}:{port}/feed.xml"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                conn.recv(65536)  # the request; its content does not matter here
                if self.behaviour == "silent":
                    self._stop.wait(self.hold)
                    return
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                deadline = time.monotonic() + self.hold
                for n in range(self.count):
                    if self._stop.wait(self.interval) or time.monotonic() > deadline:
                        return
                    conn.sendall(f"X-Slow-{n}: {n}\r\n".encode())
                conn.sendall(b"Content-Length: 0\r\n\r\n")
            except OSError:
                return

    def close(self) -> None:
        self._stop.set()
        self.sock.close()
        self.thread.join(timeout=2)


class RecordingServer(_Server):
    """Answers every GET with 200 and records the path; proves a request never arrived."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.paths: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                recorder.paths.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(Handler, host)
