"""Hostile servers: compression bombs, slow answers, and feeds that point at our own network."""

from __future__ import annotations

import asyncio
import gzip
import ipaddress
import json
import shutil
import ssl
import struct
import subprocess
import sys
import time
import zlib

import httpcore
import pytest

from alerts.config import FetchSettings, load_settings
from alerts.errors import ConfigError, FeedError
from alerts.fetch import INFLATE_PIECE, Fetcher, _Inflater
from alerts.netguard import AddressPolicy, GuardedBackend, is_public, numeric_address
from tests.conftest import ROOT
from tests.feeds import rss, rss_item
from tests.servers import FeedServer, RecordingServer, SlowServer

LOOPBACK = ("127.0.0.0/8",)


def fetch(url: str, settings: FetchSettings | None = None):
    settings = settings or FetchSettings(timeout=5, allow_networks=LOOPBACK)

    async def go():
        fetcher = Fetcher(settings)
        try:
            return await fetcher.fetch(url)
        finally:
            await fetcher.aclose()
    return asyncio.run(go())


def fetch_error(url: str, settings: FetchSettings | None = None) -> FeedError:
    with pytest.raises(FeedError) as info:
        fetch(url, settings)
    return info.value


def gzip_bomb(decoded: int, block: int = 1 << 20) -> bytes:
    """A valid gzip body of `decoded` bytes of spaces, built in well under a second: after a
    full flush the compressor starts afresh, so every block compresses to the same bytes."""
    co = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    head = co.compress(b"<rss>") + co.flush(zlib.Z_FULL_FLUSH)
    piece = co.compress(b" " * block) + co.flush(zlib.Z_FULL_FLUSH)
    tail = co.flush()
    count = decoded // block
    crc = zlib.crc32(b"<rss>")
    one = b" " * block
    for _ in range(count):
        crc = zlib.crc32(one, crc)
    trailer = struct.pack("<II", crc, (5 + count * block) & 0xFFFFFFFF)
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + head + piece * count + tail + trailer


# -- compression bombs and huge bodies ---------------------------------------------------------

_MEASURE = r"""
import asyncio, json, resource, sys, time
from alerts.config import FetchSettings
from alerts.errors import FeedError
from alerts.fetch import Fetcher

def peak_mb():
    # VmHWM belongs to this process image; ru_maxrss survives exec and can report the
    # parent's (pytest's) peak instead.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

async def main(bomb, warm):
    fetcher = Fetcher(FetchSettings(timeout=30, allow_networks=("127.0.0.0/8",)))
    try:
        await fetcher.fetch(warm)  # every code path imported and warm before measuring
        base, start, kind = peak_mb(), time.monotonic(), None
        try:
            await fetcher.fetch(bomb)
        except FeedError as exc:
            kind = exc.kind
        return {"kind": kind, "seconds": time.monotonic() - start, "base_mb": base,
                "peak_mb": peak_mb()}
    finally:
        await fetcher.aclose()

print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2]))))
"""


def test_a_gzip_bomb_aborts_fast_with_little_memory(feed_server):
    bomb = gzip_bomb(1 << 30)  # 1 GiB of spaces in about 1 MiB
    assert len(bomb) < 1.1 * 2**20
    url = feed_server.put("/bomb.xml", bomb, headers={"Content-Encoding": "gzip"})
    warm = feed_server.put("/warm.xml", gzip.compress(rss().encode()),
                           headers={"Content-Encoding": "gzip"})
    # A fresh process, so its peak memory is the fetch's and nothing else's.
    proc = subprocess.run([sys.executable, "-c", _MEASURE, url, warm], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    m = json.loads(proc.stdout)
    print(f"gzip bomb: {m['seconds']:.2f} s, peak {m['peak_mb']:.0f} MB "
          f"(+{m['peak_mb'] - m['base_mb']:.0f} MB over the warm client)")
    assert m["kind"] == "too-large"  # the default 10 MiB cap on the decoded body
    assert m["seconds"] < 5  # about 0.1 s measured; the bound only guards against a hang
    assert m["peak_mb"] < 200
    # httpx's own decoder inflates one 64 KiB raw chunk into a 64 MiB piece at once.
    assert m["peak_mb"] - m["base_mb"] < 48


def test_inflating_never_yields_a_piece_larger_than_the_bound():
    bomb = gzip_bomb(64 << 20)
    inflater = _Inflater("gzip")
    total = 0
    for start in range(0, len(bomb), 65536):  # the raw chunks a socket would give
        for piece in inflater.feed(bomb[start:start + 65536]):
            assert len(piece) <= INFLATE_PIECE
            total += len(piece)
    total += sum(len(p) for p in inflater.flush())
    assert total == 5 + (64 << 20)


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip", "deflate", "raw-deflate", "gzip, gzip",
                                      "multi-member", "identity"])
def test_content_encodings_decode_to_the_same_feed(feed_server, encoding):
    xml = rss(*(rss_item(f"Item {i}", guid=str(i)) for i in range(200))).encode()
    header = encoding
    if encoding in ("gzip", "x-gzip"):
        body = gzip.compress(xml)
    elif encoding == "deflate":
        body = zlib.compress(xml)
    elif encoding == "raw-deflate":  # what some servers send as "deflate"
        co = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        body, header = co.compress(xml) + co.flush(), "deflate"
    elif encoding == "gzip, gzip":
        body = gzip.compress(gzip.compress(xml))
    elif encoding == "multi-member":
        half = len(xml) // 2
        body, header = gzip.compress(xml[:half]) + gzip.compress(xml[half:]), "gzip"
    else:
        body = xml
    url = feed_server.put("/f.xml", body, headers={"Content-Encoding": header})
    assert fetch(url).body == xml
    assert feed_server.requests[-1][2]["accept-encoding"] == "gzip, deflate"


def test_an_unknown_content_encoding_is_a_feed_error(feed_server):
    url = feed_server.put("/f.xml", b"\x00\x01", headers={"Content-Encoding": "br"})
    error = fetch_error(url)
    assert error.kind == "encoding" and "'br'" in str(error)


def test_a_corrupt_gzip_body_is_a_feed_error(feed_server):
    url = feed_server.put("/f.xml", b"\x1f\x8b\x08\x00garbage" * 10,
                          headers={"Content-Encoding": "gzip"})
    assert fetch_error(url).kind == "encoding"


def test_a_huge_plain_body_is_cut_at_the_cap(feed_server):
    url = feed_server.put("/big.xml", b"<rss>" + b" " * 3_000_000)
    error = fetch_error(url, FetchSettings(timeout=5, max_bytes=1_000_000,
                                           allow_networks=LOOPBACK))
    assert error.kind == "too-large" and "fetch.max_bytes" in str(error)


# -- slow servers ------------------------------------------------------------------------------

def test_a_server_that_never_answers_is_cut_off():
    server = SlowServer("silent", hold=30)
    try:
        started = time.monotonic()
        error = fetch_error(server.url, FetchSettings(timeout=1.5, allow_networks=LOOPBACK))
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert error.kind == "timeout" and server.connections == 1
    assert elapsed < 10  # a bound on the test, not a performance claim


def test_headers_sent_one_line_every_two_seconds_hit_the_total_deadline():
    # Each line arrives well within the 3 s per-read timeout; only the total deadline stops
    # this server, which would otherwise keep the request open for a minute.
    server = SlowServer("header-drip", interval=2.0, count=30, hold=60)
    try:
        started = time.monotonic()
        error = fetch_error(server.url, FetchSettings(timeout=3, allow_networks=LOOPBACK))
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert error.kind == "timeout"
    assert "did not answer completely within 3 seconds" in str(error)
    assert elapsed < 10


# -- SSRF --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("host", "address"), [
    ("127.1", "127.0.0.1"),
    ("0x7f000001", "127.0.0.1"),
    ("2130706433", "127.0.0.1"),
    ("0177.0.0.1", "127.0.0.1"),
    ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1"),
    ("::1", "::1"),
    ("169.254.169.254", "169.254.169.254"),
    ("0", "0.0.0.0"),
    ("example.org", None),
    ("1.2.3.4.example.org", None),
])
def test_numeric_host_forms_are_recognised(host, address):
    assert numeric_address(host) == (ipaddress.ip_address(address) if address else None)


@pytest.mark.parametrize(("address", "public"), [
    ("8.8.8.8", True), ("2001:4860:4860::8888", True), ("::ffff:8.8.8.8", True),
    ("64:ff9b::808:808", True),
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False),
    ("224.0.0.1", False), ("255.255.255.255", False), ("::1", False), ("fe80::1", False),
    ("fc00::1", False), ("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False),
    ("64:ff9b::7f00:1", False),  # NAT64 of 127.0.0.1
    ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
    ("2002:a9fe:a9fe::", False),  # 6to4 of 169.254.169.254
])
def test_only_public_addresses_are_public(address, public):
    assert is_public(ipaddress.ip_address(address)) is public


def test_the_allow_list_admits_only_its_ranges():
    policy = AddressPolicy(["127.0.0.0/8"])
    assert policy.permits(ipaddress.ip_address("127.0.0.5"))
    assert policy.permits(ipaddress.ip_address("::ffff:127.0.0.1"))  # the same address
    assert not policy.permits(ipaddress.ip_address("10.0.0.1"))
    assert not policy.permits(ipaddress.ip_address("169.254.169.254"))
    assert not AddressPolicy().permits(ipaddress.ip_address("127.0.0.1"))


def test_loopback_feeds_are_refused_by_default(feed_server):
    feed_server.put("/f.xml", rss())
    port = feed_server.httpd.server_address[1]
    for host in ("127.0.0.1", "127.1", "0x7f000001", "2130706433", "[::ffff:127.0.0.1]",
                 "localhost"):
        error = fetch_error(f"http://{host}:{port}/f.xml", FetchSettings(timeout=5))
        assert error.kind == "blocked-address", host
        assert "fetch.allow_networks" in str(error)
    assert feed_server.requests == []  # refused before connecting


def test_cloud_metadata_is_refused_before_connecting():
    started = time.monotonic()
    error = fetch_error("http://169.254.169.254/latest/meta-data/",
                        FetchSettings(timeout=20, allow_networks=LOOPBACK))
    assert error.kind == "blocked-address" and "169.254.169.254" in str(error)
    assert time.monotonic() - started < 5  # no connection attempt to wait for


def test_an_allowed_numeric_form_reaches_the_checked_address(feed_server):
    feed_server.put("/f.xml", rss())
    port = feed_server.httpd.server_address[1]
    allow_one = FetchSettings(timeout=5, allow_networks=("127.0.0.1/32",))
    assert fetch(f"http://0x7f000001:{port}/f.xml", allow_one).status == 200
    assert fetch(f"http://2130706433:{port}/f.xml", allow_one).status == 200
    assert len(feed_server.requests) == 2


@pytest.mark.parametrize("target", ["http://127.0.0.2:{port}/secret",
                                    "http://2130706434:{port}/secret",
                                    "http://0x7f.0.0.2:{port}/secret"])
def test_every_redirect_hop_is_checked_before_connecting(feed_server, target):
    inside = RecordingServer(host="127.0.0.2")  # stands for a host on the user's network
    try:
        location = target.format(port=inside.httpd.server_address[1])
        feed_server.put("/hop2", b"", status=302, validators=False,
                        headers={"Location": location})
        url = feed_server.put("/hop1", b"", status=301, validators=False,
                              headers={"Location": "/hop2"})
        error = fetch_error(url, FetchSettings(timeout=5, allow_networks=("127.0.0.1/32",)))
    finally:
        inside.close()
    assert error.kind == "blocked-address" and "127.0.0.2" in str(error)
    assert inside.paths == []  # the internal server was never contacted
    assert [p for p, _, _ in feed_server.requests] == ["/hop1", "/hop2"]


def test_a_redirect_to_another_scheme_is_refused(feed_server):
    url = feed_server.put("/f.xml", b"", status=302, validators=False,
                          headers={"Location": "file:///etc/passwd"})
    assert fetch_error(url).kind == "blocked-scheme"


def test_redirects_are_followed_at_most_five_times(feed_server):
    for i in range(7):
        feed_server.put(f"/r{i}", b"", status=302, validators=False,
                        headers={"Location": f"/r{i + 1}"})
    feed_server.put("/r7", rss())
    assert fetch_error(feed_server.base + "/r0").kind == "redirects"
    assert fetch(feed_server.base + "/r2").status == 200  # exactly five hops is fine


def test_the_connection_goes_to_the_checked_address_not_a_fresh_lookup(feed_server):
    # A name is resolved once and checked; the socket is then opened to that address, so an
    # answer that changes in between (DNS rebinding) is never used.
    seen: list[str] = []

    class Spy(httpcore.AnyIOBackend):
        async def connect_tcp(self, host, port, **kwargs):
            seen.append(host)
            return await super().connect_tcp(host, port, **kwargs)

    async def go():
        backend = GuardedBackend(AddressPolicy(LOOPBACK), inner=Spy())
        stream = await backend.connect_tcp("localhost", feed_server.httpd.server_address[1],
                                           timeout=5)
        await stream.aclose()
        with pytest.raises(FeedError):
            await GuardedBackend(AddressPolicy(), inner=Spy()).connect_tcp("localhost", 80)
    asyncio.run(go())
    assert seen == ["127.0.0.1"]


def test_allow_networks_is_read_and_checked(tmp_path):
    path = tmp_path / "alerts.yaml"
    path.write_text("fetch:\n  allow_networks: [10.0.0.0/8, 192.168.1.7]\n")
    assert load_settings(path).fetch.allow_networks == ("10.0.0.0/8", "192.168.1.7/32")
    path.write_text("fetch:\n  allow_networks:\n    - 10.0.0.0/8\n    - intranet\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    (problem,) = info.value.problems
    assert problem.line == 4 and "'intranet'" in problem.message
    path.write_text("state: s.db\n")
    assert load_settings(path).fetch.allow_networks == ()  # private ranges refused by default


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is needed to make a cert")
def test_https_is_verified_against_the_name_while_connecting_to_the_checked_address(
        tmp_path, monkeypatch):
    # The socket goes to the checked IP, but TLS must still verify the certificate against the
    # host name in the URL (SNI), or every https feed would break or go unverified.
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    server = FeedServer()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    try:
        server.put("/f.xml", rss(rss_item("A", guid="1")))
        port = server.httpd.server_address[1]
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # trust our certificate, nothing else
        assert fetch(f"https://localhost:{port}/f.xml").status == 200
        error = fetch_error(f"https://127.0.0.1:{port}/f.xml")  # the cert does not name it
        assert error.kind == "network" and "certificate" in str(error).lower()
    finally:
        server.close()
