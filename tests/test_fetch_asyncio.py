"""Requests on asyncio's own streams (alerts.aionet, #17), and TLS only when a feed needs it.

The backend under httpx and httpcore is ours: what httpcore asks of it (is an idle
connection still usable? a connection refused, a read that waits too long) must be answered
as anyio's backend answered, or the pool would send a request into a closed connection.
Real servers on 127.0.0.1, raw sockets where a server must misbehave."""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import subprocess
import threading

import httpcore
import httpx
import pytest

from alerts.aionet import AsyncioBackend
from alerts.config import FetchSettings
from alerts.errors import FeedError
from alerts.fetch import Fetcher
from alerts.netguard import AddressPolicy, GuardedBackend
from tests.feeds import rss, rss_item
from tests.servers import FeedServer, free_port

SETTINGS = FetchSettings(allow_networks=("127.0.0.0/8",), timeout=5)
BODY = rss(rss_item("UN urges ceasefire in Sudan", guid="1")).encode()


class ClosingServer:
    """Answers one request per connection with a keep-alive reply (HTTP/1.1, a length, no
    `Connection: close`), then closes the connection: as a server whose idle timeout is
    shorter than the client's. Counts the connections; `closed` is set after each close."""

    def __init__(self) -> None:
        self.connections = 0
        self.closed = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/feed.xml"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            with conn:
                conn.settimeout(5)
                try:
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                                 b"Content-Length: %d\r\n\r\n%s" % (len(BODY), BODY))
                except OSError:
                    pass
            self.closed.set()

    def close(self) -> None:
        self._stop.set()
        self.sock.close()
        self.thread.join(timeout=2)


def test_a_connection_the_server_closed_while_idle_is_not_reused():
    server = ClosingServer()
    try:
        async def go() -> list[int]:
            fetcher = Fetcher(SETTINGS)
            statuses = []
            try:
                for _ in range(3):
                    server.closed.clear()
                    statuses.append((await fetcher.fetch(server.url)).status)
                    assert await asyncio.to_thread(server.closed.wait, 5)
                    await asyncio.sleep(0.05)  # the close reaches this side
            finally:
                await fetcher.aclose()
            return statuses

        assert asyncio.run(go()) == [200, 200, 200]
    finally:
        server.close()
    assert server.connections == 3  # one each: none was sent into a closed connection


def test_a_refused_connection_is_a_network_error_that_says_so():
    async def go() -> FeedError:
        fetcher = Fetcher(SETTINGS)
        try:
            with pytest.raises(FeedError) as info:
                await fetcher.fetch(f"http://127.0.0.1:{free_port()}/feed.xml")
            return info.value
        finally:
            await fetcher.aclose()

    error = asyncio.run(go())
    assert error.kind == "network" and "cannot fetch" in str(error)
    assert "refused" in str(error).lower() or "connect" in str(error).lower()


def test_a_read_that_waits_past_its_timeout_is_httpcores_read_timeout():
    listener = socket.create_server(("127.0.0.1", 0))

    async def go() -> None:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", listener.getsockname()[1],
                                                    timeout=5)
        try:
            with pytest.raises(httpcore.ReadTimeout):  # httpx makes it its own ReadTimeout
                await stream.read(1024, timeout=0.2)
        finally:
            await stream.aclose()

    try:
        asyncio.run(go())
    finally:
        listener.close()


@pytest.fixture
def contexts(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every TLS context the fetcher makes (the real one, counted)."""
    made: list[object] = []
    real = httpx.create_ssl_context

    def counted(*args: object, **kwargs: object) -> ssl.SSLContext:
        context = real(*args, **kwargs)  # type: ignore[arg-type]
        made.append(context)
        return context

    monkeypatch.setattr(httpx, "create_ssl_context", counted)
    return made


def test_http_feeds_load_no_certificates(feed_server, contexts):
    url = feed_server.put("/f.xml", BODY)

    async def go() -> list[int]:
        fetcher = Fetcher(SETTINGS)
        try:
            return [(await fetcher.fetch(url)).status for _ in range(2)]
        finally:
            await fetcher.aclose()

    assert asyncio.run(go()) == [200, 200]
    assert contexts == []


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is needed to make a cert")
def test_the_first_https_feed_loads_the_certificates_once_and_is_verified(
        tmp_path, monkeypatch, contexts):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    server = FeedServer()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    plain = FeedServer()
    try:
        server.put("/f.xml", BODY)
        plain_url = plain.put("/f.xml", BODY)
        port = server.httpd.server_address[1]
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # trust our certificate, nothing else

        async def go() -> tuple[list[int], FeedError]:
            fetcher = Fetcher(SETTINGS)
            try:
                statuses = [(await fetcher.fetch(plain_url)).status]
                statuses += [(await fetcher.fetch(f"https://localhost:{port}/f.xml")).status
                             for _ in range(2)]
                with pytest.raises(FeedError) as info:  # the certificate does not name it
                    await fetcher.fetch(f"https://127.0.0.1:{port}/f.xml")
                return statuses, info.value
            finally:
                await fetcher.aclose()

        statuses, error = asyncio.run(go())
    finally:
        server.close()
        plain.close()
    assert statuses == [200, 200, 200]
    assert error.kind == "network" and "certificate" in str(error).lower()
    assert len(contexts) == 1


def test_the_guard_uses_the_asyncio_backend_by_default():
    backend = GuardedBackend(AddressPolicy())
    assert isinstance(backend.inner, AsyncioBackend)
