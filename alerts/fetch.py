"""HTTP for feeds: conditional GET, a total deadline, a cap on the decoded body, and redirects
followed by hand so that every hop goes through the address guard (alerts.netguard)."""

# ruff: noqa: E402 - httpx's command-line client is marked absent before httpx is imported

from __future__ import annotations

import asyncio
import base64
import dataclasses
import re
import ssl
import sys
import zlib
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager, suppress
from contextvars import ContextVar
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

# `import httpx` imports its command-line client (httpx._main) when click is installed, and
# the client imports pygments and tries rich: about 8 ms of every cold `poll --once` (#17).
# alerts never runs that client, so it is marked absent (httpx.main then says it is not
# installed); the `httpx` command of the same environment, a process of its own, still runs.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

import httpcore
import httpx

from alerts import __version__
from alerts.aionet import use_asyncio_primitives
from alerts.errors import FeedError
from alerts.models import Fetched
from alerts.netguard import AddressPolicy, GuardedBackend
from alerts.redact import Redactor

if TYPE_CHECKING:  # the configuration's loader (its schema, routing, templates) is not needed
    from alerts.config import FetchSettings

PRODUCT_URL = "https://github.com/diplomatic-alerts/diplomatic-alerts"
ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
          "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1")
# Only what _Inflater decodes; httpx would also offer br/zstd when those packages are present.
ACCEPT_ENCODING = "gzip, deflate"
MAX_REDIRECTS = 5
PER_HOST_REQUESTS = 2  # at once, whatever the number of feeds on one host
INFLATE_PIECE = 64 * 1024  # largest piece one decompress call may produce
# A 304 or a redirect is read to its end (a few bytes at most) so that its connection goes
# back to the pool: closed unread, httpcore drops it (50 polls answered 304 made 50 connects).
DRAIN_BYTES = 64 * 1024
DRAIN_SECONDS = 2.0
MAX_TARGETS = 4096  # feed URLs whose parsed form a Fetcher remembers


class _Pool(httpcore.AsyncConnectionPool):
    """httpcore's pool, whose TLS context is made for its first https connection: loading
    the certificate authorities takes about 35 ms of CPU, which a poll of http:// feeds
    does not need (#17)."""

    def create_connection(self, origin: httpcore.Origin) -> httpcore.AsyncConnectionInterface:
        if origin.scheme != b"http" and self._ssl_context is None:
            # As httpx's own: certifi, or SSL_CERT_FILE / SSL_CERT_DIR when set.
            self._ssl_context = httpx.create_ssl_context()
        return super().create_connection(origin)


class _Cookies(httpx.Cookies):
    """The client's cookie jar, which a response changes only by a Set-Cookie (or
    Set-Cookie2) header: for one without, the jar is not asked (http.cookiejar wraps the
    request and response first, about a tenth of a 304's CPU)."""

    def extract_cookies(self, response: httpx.Response) -> None:
        if "set-cookie" in response.headers or "set-cookie2" in response.headers:
            super().extract_cookies(response)


def user_agent(contact: str | None) -> str:
    return f"diplomatic-alerts/{__version__} (+{contact or PRODUCT_URL})"


class _Inflater:
    """gzip/deflate decoding that never produces more than INFLATE_PIECE bytes at a time.

    httpx's own decoder inflates each raw chunk in one call: a 64 KiB chunk of a gzip bomb
    became one 64 MiB piece before any size check could run (measured).
    """

    def __init__(self, encoding: str):
        self.gzip = encoding in ("gzip", "x-gzip")
        self._raw_deflate_tried = False
        self._obj = self._new()

    def _new(self):  # type: ignore[no-untyped-def]
        return zlib.decompressobj(16 + zlib.MAX_WBITS if self.gzip else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data:
            try:
                out = self._obj.decompress(data, INFLATE_PIECE)
            except zlib.error:
                # "deflate" is meant to be zlib-wrapped, but some servers send it raw.
                if self.gzip or self._raw_deflate_tried:
                    raise
                self._raw_deflate_tried = True
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            if out:
                self._raw_deflate_tried = True  # output came: the format is settled
                yield out
            data = self._obj.unconsumed_tail
            if self._obj.eof:
                rest = self._obj.unused_data
                if self.gzip and rest[:2] == b"\x1f\x8b":  # a further gzip member
                    self._obj = self._new()
                    data = rest
                else:
                    return  # trailing garbage after the stream is ignored, as browsers do

    def flush(self) -> Iterator[bytes]:
        out = self._obj.flush()
        if out:  # bounded: input is always drained in feed(), so this is a small remainder
            yield out


class _Decoder:
    """The chain of content encodings a response declares, undone in reverse order."""

    def __init__(self, url: str, header: str):
        names = [n.strip().lower() for n in header.split(",") if n.strip()]
        names = [n for n in names if n != "identity"]
        unknown = [n for n in names if n not in ("gzip", "x-gzip", "deflate")]
        if unknown or len(names) > 3:
            raise FeedError(f"{url} sent its feed in the {header!r} content encoding, which "
                            "alerts does not decode; ask the feed owner for gzip or none",
                            kind="encoding")
        self.stages = [_Inflater(n) for n in reversed(names)]

    def feed(self, data: bytes) -> Iterator[bytes]:
        pieces: Iterator[bytes] = iter((data,))
        for stage in self.stages:
            pieces = _through(stage, pieces)
        return pieces

    def flush(self) -> Iterator[bytes]:
        pieces: Iterator[bytes] = iter(())
        for stage in self.stages:
            pieces = _chain_flush(stage, pieces)
        return pieces


def _through(stage: _Inflater, pieces: Iterator[bytes]) -> Iterator[bytes]:
    for piece in pieces:
        yield from stage.feed(piece)


def _chain_flush(stage: _Inflater, pieces: Iterator[bytes]) -> Iterator[bytes]:
    yield from _through(stage, pieces)
    yield from stage.flush()


# The deadline of the poll a request belongs to (poll_deadline). A request waiting for its
# host's turn (PER_HOST_REQUESTS) stops that deadline's clock: 200 feeds on one host, two at a
# time, had their polls abandoned at the daemon's deadline while they waited, under load.
_poll_deadline: ContextVar[asyncio.Timeout | None] = ContextVar("poll_deadline", default=None)


@asynccontextmanager
async def poll_deadline(seconds: float) -> AsyncIterator[None]:
    """asyncio.timeout(seconds) for one poll, not counting the time its requests wait for
    their host's turn: a feed is not abandoned because many others share its host."""
    async with asyncio.timeout(seconds) as deadline:
        token = _poll_deadline.set(deadline)
        try:
            yield
        finally:
            _poll_deadline.reset(token)


async def _take_turn(gate: asyncio.Semaphore) -> None:
    """Wait for the host's turn with the poll's deadline stopped, then move it later by the
    time waited."""
    deadline = _poll_deadline.get()
    when = deadline.when() if deadline is not None else None
    if deadline is None or when is None or not gate.locked():
        await gate.acquire()
        return
    loop = asyncio.get_running_loop()
    started = loop.time()
    deadline.reschedule(None)
    try:
        await gate.acquire()
    finally:
        with suppress(RuntimeError):  # the deadline is already over: nothing to move
            deadline.reschedule(when + (loop.time() - started))


class Fetcher:
    """One HTTP client for the daemon's lifetime; create and close it inside the event loop."""

    def __init__(self, settings: FetchSettings):
        self.settings = settings
        self.policy = AddressPolicy(settings.allow_networks)
        # Each feed URL parsed once for the client's lifetime (httpx parses in Python: about a
        # third of a 304's CPU was parsing the same URL three times).
        self._targets: dict[str, _Target | None] = {}
        # A few requests at a time per host: polite, and faster than a crowd on one origin.
        self._per_host: dict[str, asyncio.Semaphore] = {}
        # The pool locks and waits on asyncio's primitives, not anyio's (alerts.aionet).
        use_asyncio_primitives()
        limits = httpx.Limits(max_connections=32, max_keepalive_connections=8)
        # The transport's own pool is replaced below; the context it is given trusts no
        # certificate at all (none loaded), so that nothing could go unverified through it.
        transport = httpx.AsyncHTTPTransport(verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT),
                                             limits=limits, trust_env=False)
        if not hasattr(transport, "_pool"):  # pragma: no cover - an httpx upgrade moved it
            raise RuntimeError("httpx.AsyncHTTPTransport has no _pool; the address guard "
                               "cannot be installed with this httpx version")
        # The same pool httpx builds, with our backend: every connection (every redirect hop
        # included) is checked by the address policy and opened to the checked address.
        transport._pool = _Pool(
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(self.policy),
        )
        self._client = httpx.AsyncClient(
            transport=transport,
            follow_redirects=False,  # followed in fetch(), each hop checked
            # trust_env=False: proxy variables would route around the address guard, and
            # ~/.netrc credentials must not be sent to feed hosts.
            trust_env=False,
            # Per-read timeouts alone let a server drip bytes forever; the total deadline is
            # enforced around the whole request in fetch().
            timeout=httpx.Timeout(settings.timeout),
            headers={"User-Agent": user_agent(settings.contact), "Accept": ACCEPT,
                     "Accept-Encoding": ACCEPT_ENCODING},
        )
        # A jar asked only about responses that set cookies (its setter would copy it into a
        # plain one, hence the attribute).
        if hasattr(self._client, "_cookies"):
            self._client._cookies = _Cookies()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(self, url: str, etag: str | None = None,
                    last_modified: str | None = None, *,
                    headers: Sequence[tuple[str, str]] = (),
                    secrets: Iterable[str] = ()) -> Fetched:
        """GET a feed. `url` may carry user:password@ (sent as Basic authorization, never in
        the URL) and `headers` a token: both go to the feed's own origin only, never along a
        redirect to another host. `secrets` (and any password in a URL) are masked in every
        message and in the URLs returned, so that nothing shown, logged or stored holds one."""
        target = self._target(url)
        redact = Redactor((*secrets, *(target.passwords if target else ())))
        try:
            return await self._fetch(url, etag, last_modified, headers, redact, target)
        except FeedError as exc:
            raise FeedError(redact(str(exc)), kind=exc.kind, status=exc.status,
                            retry_after=exc.retry_after) from None

    def _target(self, url: str) -> _Target | None:
        """The URL as httpx reads it, remembered (None: httpx cannot read it, and the
        request says why)."""
        if url not in self._targets:
            if len(self._targets) >= MAX_TARGETS:
                self._targets.clear()
            self._targets[url] = _Target.parse(url)
        return self._targets[url]

    async def _fetch(self, url: str, etag: str | None, last_modified: str | None,
                     feed_headers: Sequence[tuple[str, str]], redact: Redactor,
                     target: _Target | None) -> Fetched:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        shown = redact(url)
        try:
            parts = urlsplit(url)
            host = (parts.hostname or url).lower()
            parts.port  # noqa: B018 - raises ValueError when out of range
        except ValueError as exc:
            raise FeedError(f"{shown} is not a usable URL ({redact(str(exc))}); check the feed "
                            "URL", kind="network") from None
        gate = self._per_host.setdefault(host, asyncio.Semaphore(PER_HOST_REQUESTS))
        try:
            await _take_turn(gate)
            try:
                async with asyncio.timeout(self.settings.timeout):
                    return await self._get(url, headers, feed_headers, shown, redact, target)
            finally:
                gate.release()
        except TimeoutError:
            raise FeedError(
                f"{shown} did not answer completely within {self.settings.timeout:g} seconds; "
                "it will be tried again at the next poll", kind="timeout") from None
        except httpx.TimeoutException:
            raise FeedError(
                f"{shown} stopped sending for {self.settings.timeout:g} seconds; it will be "
                "tried again at the next poll", kind="timeout") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            reason = redact(str(exc)) or type(exc).__name__  # httpx puts URLs in them
            raise FeedError(f"cannot fetch {shown}: {reason}; check the URL and the network",
                            kind="network") from None
        except zlib.error as exc:
            raise FeedError(f"{shown} sent a compressed body that cannot be decompressed ({exc}); "
                            "it will be tried again at the next poll", kind="encoding") from None

    async def _get(self, url: str, headers: dict[str, str],
                   feed_headers: Sequence[tuple[str, str]], shown: str,
                   redact: Redactor, target: _Target | None) -> Fetched:
        if target is None:
            httpx.URL(url)  # raises httpx.InvalidURL, which says what is wrong with it
            raise httpx.InvalidURL(f"{url} cannot be read as a URL")
        first = target.url
        # Credentials travel in a header, never in the URL (which httpx would put in its
        # exceptions and in response.url), and only to the feed's own origin.
        private = dict(feed_headers)
        if (first.username or first.password) and not any(
                k.lower() == "authorization" for k in private):
            pair = f"{first.username}:{first.password}".encode()
            private["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        current = target.without_userinfo
        statuses: list[int] = []  # of the redirect hops, to tell a move from a detour
        for _hop in range(MAX_REDIRECTS + 1):
            if current.scheme not in ("http", "https"):
                raise FeedError(f"{shown} leads to {redact(str(current))}, which is not an "
                                "http or https address, so it was not followed; check the "
                                "feed URL", kind="blocked-scheme")
            sent = headers | private if _same_origin(first, current) else headers
            request = self._client.build_request("GET", current, headers=sent)
            response = await self._client.send(request, stream=True)
            try:
                location = response.headers.get("location")
                if response.is_redirect and location:
                    statuses.append(response.status_code)
                    # User info a server puts in a Location is not used, nor shown.
                    current = current.join(location).copy_with(userinfo=b"")
                    continue
                fetched = await self._read(shown, response, redact)
                if statuses and all(s in (301, 308) for s in statuses):
                    fetched = dataclasses.replace(fetched, permanent_redirect=True)
                return fetched
            finally:
                await _finish(response)
        raise FeedError(f"{shown} redirects more than {MAX_REDIRECTS} times; check the feed "
                        "URL in a browser", kind="redirects")

    async def _read(self, url: str, response: httpx.Response, redact: Redactor) -> Fetched:
        final_url = redact(str(response.url))
        if response.status_code == 304:
            return Fetched(url, final_url, 304, None,
                           etag=response.headers.get("etag"),
                           last_modified=response.headers.get("last-modified"),
                           max_age=max_age(response.headers.get("cache-control")))
        if response.status_code >= 400:
            raise FeedError(f"{url} answered HTTP {response.status_code} "
                            f"{response.reason_phrase}", kind=f"http-{response.status_code}",
                            status=response.status_code,
                            retry_after=response.headers.get("retry-after"))
        if response.status_code != 200:
            raise FeedError(f"{url} answered HTTP {response.status_code} where a feed was "
                            "expected", kind=f"http-{response.status_code}")
        limit = self.settings.max_bytes
        decoder = _Decoder(url, response.headers.get("content-encoding", ""))
        chunks: list[bytes] = []
        size = raw_size = 0

        def too_large() -> FeedError:
            return FeedError(f"{url} sent more than {limit:,} bytes (decoded); raise "
                             "fetch.max_bytes if this feed is really that large",
                             kind="too-large")

        def keep(pieces: Iterator[bytes]) -> None:
            nonlocal size
            for piece in pieces:  # each piece is at most INFLATE_PIECE bytes
                size += len(piece)
                if size > limit:
                    raise too_large()
                chunks.append(piece)

        # Raw bytes, decoded here: the cap applies to every piece as it is inflated.
        async for raw in response.aiter_raw():
            raw_size += len(raw)
            if raw_size > limit:  # a compressed stream that inflates to little is no feed
                raise too_large()
            keep(decoder.feed(raw))
        keep(decoder.flush())
        return Fetched(
            url, final_url, 200, b"".join(chunks),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            content_type=response.headers.get("content-type"),
            max_age=max_age(response.headers.get("cache-control")),
        )


@dataclasses.dataclass(frozen=True)
class _Target:
    """A feed URL as httpx reads it, its form without user info (what is requested) and its
    password as written and decoded (what is masked)."""

    url: httpx.URL
    without_userinfo: httpx.URL
    passwords: tuple[str, ...]

    @classmethod
    def parse(cls, url: str) -> _Target | None:
        try:
            parts = httpx.URL(url)
        except (httpx.InvalidURL, ValueError, TypeError):
            return None
        return cls(parts, parts.copy_with(userinfo=b"") if parts.userinfo else parts,
                   _userinfo_password(parts))


def _userinfo_password(parts: httpx.URL) -> tuple[str, ...]:
    """The password in a URL's user info, as written and decoded, to be masked."""
    raw = parts.userinfo.decode("ascii", "replace").partition(":")[2]
    return tuple(p for p in {raw, parts.password} if p)


def _same_origin(first: httpx.URL, other: httpx.URL) -> bool:
    """The same host and port, or the move of that host from http to https (as httpx and
    browsers keep authorization for)."""
    if first.host != other.host:
        return False
    default = {"http": 80, "https": 443}
    port_a = first.port or default.get(first.scheme)
    port_b = other.port or default.get(other.scheme)
    if (first.scheme, port_a) == (other.scheme, port_b):
        return True
    return (first.scheme, port_a, other.scheme, port_b) == ("http", 80, "https", 443)


async def _finish(response: httpx.Response) -> None:
    """Close a response; a 304 or a redirect is first read to its end, a little at most and
    briefly, so its connection is reused. Error pages are not read: they are closed unread."""
    if response.status_code == 304 or response.is_redirect:
        try:
            size = 0
            async with asyncio.timeout(DRAIN_SECONDS):
                async for raw in response.aiter_raw():
                    size += len(raw)
                    if size > DRAIN_BYTES:
                        break  # a long body on a reply without one: not worth keeping
        except (TimeoutError, httpx.HTTPError, httpx.StreamError):
            pass  # the connection is dropped, as it would have been
    await response.aclose()


def max_age(cache_control: str | None) -> float | None:
    """Seconds from `Cache-Control: max-age=N`; None when absent or unreadable."""
    found = re.search(r"(?:^|[,\s])max-age\s*=\s*\"?(\d{1,9})", cache_control or "", re.I)
    return float(found.group(1)) if found else None
