"""Server-side request forgery guard: feeds are fetched from public addresses only.

A feed URL, or any redirect it sends us through, could point at the user's own network (a
router's admin page, a cloud metadata service at 169.254.169.254, a database on localhost).
The check runs where the connection is made: the host is resolved once, every address is
checked, and the socket is opened to a checked address, so a DNS answer that changes between
the check and the connection (DNS rebinding) cannot slip through.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
import typing
from collections.abc import Iterable

import httpcore

from alerts.aionet import AsyncioBackend
from alerts.errors import FeedError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# 64:ff9b::/96 is NAT64: the gateway forwards to the IPv4 address in the last 32 bits.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# The legacy IPv4 forms the C resolver accepts: 127.1, 0x7f000001, 2130706433, 0177.0.0.1.
_LEGACY_IPV4 = re.compile(r"^(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+)){0,3}$", re.IGNORECASE)


def parse_networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """CIDR strings from fetch.allow_networks; config.py has already validated them."""
    return tuple(ipaddress.ip_network(v, strict=False) for v in values)


def numeric_address(host: str) -> IPAddress | None:
    """The address a numeric host stands for, in any form a resolver accepts; else None."""
    host = host.strip().strip("[]").split("%", 1)[0]  # brackets, IPv6 zone id
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _LEGACY_IPV4.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def _embedded_ipv4(ip: IPAddress) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address leads to (mapped, NAT64, 6to4, Teredo client)."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    found = [ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None]
    if ip in _NAT64:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [a for a in found if a is not None]


def is_public(ip: IPAddress) -> bool:
    """Globally routable unicast, and so is every IPv4 address it embeds."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        return is_public(ip.ipv4_mapped)  # ::ffff:a.b.c.d is a.b.c.d on a dual-stack socket
    return all(a.is_global and not a.is_multicast for a in (ip, *_embedded_ipv4(ip)))


class AddressPolicy:
    """Public addresses always; private ones only inside the configured allow-list."""

    def __init__(self, allow_networks: Iterable[str] = ()):
        self.allowed = parse_networks(allow_networks)

    def permits(self, ip: IPAddress) -> bool:
        if is_public(ip):
            return True
        candidates = (ip, *_embedded_ipv4(ip))
        return any(a.version == net.version and a in net
                   for a in candidates for net in self.allowed)

    def check(self, host: str, addresses: list[IPAddress]) -> None:
        """Raise FeedError unless every address of the host is permitted."""
        for ip in addresses:
            if not self.permits(ip):
                raise FeedError(
                    f"{host} resolves to {ip}, which is a private, local or reserved address; "
                    "feeds are only fetched from public addresses. If this is an intranet "
                    "feed, add its range to fetch.allow_networks in the configuration",
                    kind="blocked-address")

    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        """The host's addresses, all checked; numeric hosts are not sent to DNS."""
        ip = numeric_address(host)
        if ip is not None:
            addresses = [ip]
        else:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(
                    host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as exc:
                raise FeedError(f"cannot resolve the host name {host} ({exc}); check the feed "
                                "URL and the network", kind="network") from None
            addresses = []
            for info in infos:
                addr = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
                if addr not in addresses:
                    addresses.append(addr)
            if not addresses:
                raise FeedError(f"the host name {host} has no address; check the feed URL",
                                kind="network")
        self.check(host, addresses)
        return addresses


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend with the policy applied to every TCP connection."""

    def __init__(self, policy: AddressPolicy, inner: httpcore.AsyncNetworkBackend | None = None):
        self.policy = policy
        # asyncio's streams, not anyio's: a sixth less CPU per request (alerts.aionet).
        self.inner = inner or AsyncioBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: typing.Iterable[typing.Any] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        addresses = await self.policy.resolve(host, port)
        error: Exception | None = None
        for ip in addresses:  # connect to the address that was checked, never re-resolve
            try:
                return await self.inner.connect_tcp(str(ip), port, timeout=timeout,
                                                    local_address=local_address,
                                                    socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None  # resolve() never returns an empty list without raising
        raise error

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: typing.Iterable[typing.Any] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise FeedError("feeds are fetched over TCP only", kind="blocked-address")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)
