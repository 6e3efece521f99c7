"""httpcore's network backend on asyncio's own streams (#17: the 304 cycle).

httpcore's default backend on asyncio goes through anyio: every read and write of every
request opens and closes a cancel scope (`anyio.fail_after`), and asking whether an idle
connection is still usable walks anyio's typed attributes. On a poll where every feed
answers 304 that was about a sixth of the request's CPU. This backend does the same with
asyncio's StreamReader and StreamWriter and `asyncio.timeout`, and raises httpcore's own
exceptions (ReadTimeout, ConnectError...), which httpx turns into its own as before.

The address guard (alerts.netguard.GuardedBackend) wraps it: it resolves and checks the
host, then asks this backend to connect to the checked address.

httpcore's pool and connections also lock, wait and shield through anyio on asyncio (its
`_synchronization`): anyio's lock yields to the event loop at every acquire, even free,
and loading anyio's asyncio backend at the first request cost about 15 ms of a cold
`poll --once`. `use_asyncio_primitives` gives httpcore asyncio's own lock and event instead
(about 45 ms of CPU less on a cold poll of 200 unchanged feeds, #17).
"""

from __future__ import annotations

import asyncio
import ssl
import typing
from collections.abc import Iterator
from contextlib import contextmanager

import httpcore
from httpcore._exceptions import PoolTimeout
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



class _Lock:
    """httpcore's AsyncLock on asyncio's Lock: a free lock is taken without yielding."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> _Lock:
        await self._lock.acquire()
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._lock.release()


class _Event:
    """httpcore's AsyncEvent (a request waiting for a connection of the pool)."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def set(self) -> None:
        self._event.set()

    async def wait(self, timeout: float | None = None) -> None:
        try:
            async with asyncio.timeout(timeout):
                await self._event.wait()
        except TimeoutError:
            raise PoolTimeout("no connection of the pool became free in time") from None


class _Shield:
    """httpcore's AsyncShieldCancellation, around closing a response or connection. What it
    shields never waits with this backend (AsyncioStream.aclose closes without waiting, and
    the connection's state lock is never held across a wait, so it is taken without
    yielding): a cancellation cannot arrive inside it, and there is nothing to shield."""

    def __enter__(self) -> _Shield:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


# httpcore's modules and the names in them that are given asyncio's primitives.
_PRIMITIVES: dict[str, dict[str, type]] = {
    "httpcore._async.connection_pool": {"AsyncEvent": _Event, "AsyncShieldCancellation": _Shield},
    "httpcore._async.connection": {"AsyncLock": _Lock},
    "httpcore._async.http11": {"AsyncLock": _Lock, "AsyncShieldCancellation": _Shield},
}


def use_asyncio_primitives() -> bool:
    """httpcore's HTTP/1.1 pool on asyncio's lock and event instead of anyio's (see above).
    Only names that are still httpcore's own are replaced: an httpcore that moved them is
    left as it is (anyio's, slower, as correct), and False says so. Idempotent.

    Feeds are fetched on asyncio only (alerts never runs httpcore under trio), and over
    HTTP/1.1 only (no http2), so these are the only modules that lock for our requests."""
    import importlib

    from httpcore import _synchronization as original

    done = True
    for name, replacements in _PRIMITIVES.items():
        module = importlib.import_module(name)
        for attr, ours in replacements.items():
            current = getattr(module, attr, None)
            if current is ours:
                continue
            if current is not getattr(original, attr, object()):
                done = False  # not httpcore's own any more: leave it
                continue
            setattr(module, attr, ours)
    return done
