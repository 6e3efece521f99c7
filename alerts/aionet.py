"""httpcore's network backend on asyncio's own streams (#17: the 304 cycle).

httpcore's default backend on asyncio goes through anyio: every read and write of every
request opens and closes a cancel scope (`anyio.fail_after`), and asking whether an idle
connection is still usable walks anyio's typed attributes. On a poll where every feed
answers 304 that was about a sixth of the request's CPU. This backend does the same with
asyncio's StreamReader and StreamWriter and `asyncio.timeout`, and raises httpcore's own
exceptions (ReadTimeout, ConnectError...), which httpx turns into its own as before.

The address guard (alerts.netguard.GuardedBackend) wraps it: it resolves and checks the
host, then asks this backend to connect to the checked address.
"""

from __future__ import annotations

import asyncio
import ssl
import typing
from collections.abc import Iterator
from contextlib import contextmanager

import httpcore
from httpcore._utils import is_socket_readable

READ_LIMIT = 64 * 1024  # the StreamReader's buffer before it stops reading the socket


@contextmanager
def _mapped(timeout_error: type[Exception], other: type[Exception]) -> Iterator[None]:
    """asyncio's and the socket's errors as httpcore's: httpx maps those to its own."""
    try:
        yield
    except TimeoutError as exc:
        raise timeout_error(str(exc) or "timed out") from exc
    except (OSError, EOFError) as exc:  # ssl.SSLError and ConnectionError are OSErrors
        raise other(str(exc) or type(exc).__name__) from exc


class AsyncioStream(httpcore.AsyncNetworkStream):
    """One TCP (or TLS) connection."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self._reader = reader
        self._writer = writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with _mapped(httpcore.ReadTimeout, httpcore.ReadError):
            async with asyncio.timeout(timeout):
                return await self._reader.read(max_bytes)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        with _mapped(httpcore.WriteTimeout, httpcore.WriteError):
            self._writer.write(buffer)
            if self._writer.transport.get_write_buffer_size() == 0:
                # All of it went to the socket: drain() does not wait, it only raises when
                # the connection was lost.
                await self._writer.drain()
                return
            async with asyncio.timeout(timeout):
                await self._writer.drain()

    async def aclose(self) -> None:
        # Not waited for: a TLS peer that never answers the closing handshake must not hold
        # the poll (asyncio ends it on its own timeout).
        self._writer.close()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        try:
            with _mapped(httpcore.ConnectTimeout, httpcore.ConnectError):
                async with asyncio.timeout(timeout):
                    await self._writer.start_tls(ssl_context, server_hostname=server_hostname)
        except BaseException:
            self._writer.transport.abort()
            raise
        return self

    def get_extra_info(self, info: str) -> typing.Any:
        if info == "ssl_object":
            return self._writer.get_extra_info("ssl_object")
        if info == "client_addr":
            return self._writer.get_extra_info("sockname")
        if info == "server_addr":
            return self._writer.get_extra_info("peername")
        if info == "socket":
            return self._writer.get_extra_info("socket")
        if info == "is_readable":  # an idle connection the server closed, or wrote on
            return self._reader.at_eof() or is_socket_readable(
                self._writer.get_extra_info("socket"))
        return None


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    """TCP connections to the address given (the guard passes a checked IP address)."""

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: typing.Iterable[typing.Any] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        local = (local_address, 0) if local_address else None
        with _mapped(httpcore.ConnectTimeout, httpcore.ConnectError):
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(host, port, local_addr=local,
                                                               limit=READ_LIMIT)
        raw = writer.get_extra_info("socket")
        for option in socket_options or ():
            raw.setsockopt(*option)
        return AsyncioStream(reader, writer)

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: typing.Iterable[typing.Any] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("feeds are fetched over TCP only")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

