"""Feed credentials (a password in the URL, a token in a header) reach the feed's server and
nothing else: not the output of `poll` or `status`, not the log, not the database."""

from __future__ import annotations

import asyncio
import base64
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlite_utils
import yaml

from alerts.config import FetchSettings, load_settings
from alerts.errors import FeedError
from alerts.fetch import Fetcher
from alerts.state import Store, migrations
from tests.conftest import cli_env, run_cli, write_config
from tests.feeds import rss, rss_item
from tests.servers import _Server, free_port, wait_for

USER = "desk"
# '@', '/' and ':' must be percent-encoded in a URL: the expansion does it.
PASSWORD = "Wx7@s3cr/et:pw"
TOKEN = "tok-9f8e7d6c5b4a"
FEED = rss(rss_item("UN urges ceasefire in Sudan", guid="1",
                    link="https://wire.example.org/1"),
           rss_item("Markets open higher", guid="2", link="/relative/2"))


def forms(secret: str) -> list[str]:
    """Every way a secret could be written down: as is, percent-encoded, in Basic auth."""
    basic = base64.b64encode(f"{USER}:{secret}".encode()).decode()
    return [secret, quote(secret, safe=""), quote(secret), basic]


class AuthWire(_Server):
    """A wire service on 127.0.0.1 that wants Basic auth or a bearer token (or both)."""

    def __init__(self, *, password: str | None = None, token: str | None = None) -> None:
        self.seen: list[dict[str, str]] = []
        self.away: str | None = None  # where /away.xml redirects (another origin)
        self.lock = threading.Lock()
        wire = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                with wire.lock:
                    wire.seen.append({"path": self.path, **headers})
                if self.path == "/old.xml":  # moved, and echoes the credentials back
                    location = f"http://{USER}:{quote(PASSWORD, safe='')}@{wire.host}/wire.xml"
                    return self._send(301, b"moved", {"Location": location})
                if self.path == "/away.xml" and wire.away:
                    return self._send(302, b"", {"Location": wire.away})
                if self.path.startswith("/boom.xml"):
                    return self._send(500, b"oops", {})
                ok = True
                if password is not None:
                    pair = base64.b64encode(f"{USER}:{password}".encode()).decode()
                    ok = headers.get("authorization") == f"Basic {pair}"
                if token is not None:
                    ok = ok and headers.get("x-wire-token") == token
                if not ok:
                    return self._send(401, b"who are you?", {"WWW-Authenticate": "Basic"})
                self._send(200, FEED.encode(), {"Content-Type": "application/rss+xml"})

            def _send(self, status: int, body: bytes, extra: dict[str, str]) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                for k, v in extra.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(Handler)

    @property
    def host(self) -> str:
        return self.base.removeprefix("http://")


@pytest.fixture
def wire() -> Iterator[AuthWire]:
    server = AuthWire(password=PASSWORD)
    yield server
    server.close()


def every_text_in(db: Path) -> str:
    """Every value of every column of every table, as text."""
    out: list[str] = []
    with sqlite3.connect(db) as conn:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master "
                                              "WHERE type = 'table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                out.extend(v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
                           for v in row if v is not None)
    return "\n".join(out)


def assert_nowhere(secret: str, **texts: str) -> None:
    for where, text in texts.items():
        for form in forms(secret):
            assert form not in text, f"the secret ({form!r}) appears in {where}"


def env_with(**values: str) -> dict[str, str]:
    env = cli_env()
    env.update(values)
    return env


def test_basic_auth_password_is_used_and_never_shown_logged_or_stored(tmp_path, wire, webhook):
    closed = free_port()
    feeds = [
        {"url": f"http://{USER}:${{FEED_PASS}}@{wire.host}/wire.xml", "name": "Wire"},
        # moved for good, through a Location that spells the password out
        {"url": f"http://{USER}:${{FEED_PASS}}@{wire.host}/old.xml"},
        {"url": f"http://{USER}:${{FEED_PASS}}@{wire.host}/boom.xml?key=${{FEED_PASS}}"},
        {"url": f"http://{USER}:${{FEED_PASS}}@127.0.0.1:{closed}/nobody.xml"},
    ]
    config = write_config(tmp_path, feeds=feeds, channels={"hook": webhook.url},
                          defaults={"interval": 1, "channels": ["hook"], "backfill": True})
    env = env_with(FEED_PASS=PASSWORD)
    polled = run_cli("--config", str(config), "--log-level", "debug", "poll", "--once",
                     env=env)
    assert polled.returncode == 3, polled.stderr  # two of the four feeds fail, on purpose
    assert "Wire: 2 entries, 2 new" in polled.stdout, polled.stdout
    masked = f"http://{USER}:***@{wire.host}"
    assert f"{masked}/boom.xml?key=*** answered HTTP 500" in polled.stdout
    assert f"cannot fetch {masked.replace(wire.host, f'127.0.0.1:{closed}')}/nobody.xml" \
        in polled.stdout
    assert wait_for(lambda: len(webhook.received) >= 1), "the alert was not delivered"
    pair = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    authorised = {s["path"].partition("?")[0] for s in wire.seen
                  if s.get("authorization") == f"Basic {pair}"}
    assert authorised == {"/wire.xml", "/old.xml", "/boom.xml"}
    assert not any(f"{USER}:" in s["path"] for s in wire.seen)

    status = run_cli("--config", str(config), "status", env=env)
    status_json = run_cli("--config", str(config), "status", "--json", env=env)
    assert status.returncode == 0 and status_json.returncode == 0, status.stderr
    assert f"<{masked}/wire.xml>" in status.stdout
    assert f"moved permanently to http://{wire.host}/wire.xml" in status.stdout
    db = tmp_path / "state" / "alerts.db"
    stored = every_text_in(db)
    assert f"{masked}/wire.xml" in stored  # the feed is keyed by its masked URL
    assert "https://wire.example.org/relative/2" in stored or "/relative/2" in stored
    assert_nowhere(PASSWORD, poll_stdout=polled.stdout, poll_log=polled.stderr,
                   status=status.stdout + status.stderr, status_json=status_json.stdout,
                   database=stored, alerts="\n".join(map(str, webhook.received)))


def test_literal_feed_password_fails_check_with_file_and_line(tmp_path):
    config = write_config(tmp_path, feeds=[{"url": "https://wire.example.org/open.xml"},
                                           {"url": f"https://{USER}:hunter22@wire.example.org/x"},
                                           {"url": "https://wire.example.org/k?apikey=abc123"},
                                           {"url": "https://wire.example.org/t",
                                            "headers": {"Authorization": "Bearer abc123"}}],
                          channels={"terminal": "console://"})
    lines = config.read_text().splitlines()

    def line_of(text: str) -> int:
        return next(n for n, line in enumerate(lines, 1) if text in line)

    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2
    err = result.stderr
    assert (f"{config}:{line_of('hunter22')}: feed 2: its URL has a password written in the "
            "file; put the password in an environment variable") in err
    assert f"{config}:{line_of('apikey=abc123')}: feed 3: its URL has the apikey parameter" in err
    assert (f"{config}:{line_of('Bearer abc123')}: feed 4: its Authorization header is "
            "written in the file") in err
    assert "hunter22" not in result.stdout


def test_header_token_reaches_the_server_and_appears_nowhere(tmp_path, webhook):
    wire = AuthWire(token=TOKEN)
    try:
        config = write_config(tmp_path, feeds=[{"url": wire.base + "/wire.xml",
                                                "name": "Token wire",
                                                "headers": {"X-Wire-Token": "${WIRE_TOKEN}"}}],
                              channels={"hook": webhook.url})
        env = env_with(WIRE_TOKEN=TOKEN)
        checked = run_cli("--config", str(config), "check", env=env)
        assert checked.returncode == 0, checked.stderr
        polled = run_cli("--config", str(config), "--log-level", "debug", "poll", "--once",
                         "--backfill", env=env)
        assert polled.returncode == 0, polled.stderr
        assert "Token wire: 2 entries, 2 new" in polled.stdout
        assert [s.get("x-wire-token") for s in wire.seen] == [TOKEN]
        status = run_cli("--config", str(config), "status", "--json", env=env)
        assert_nowhere(TOKEN, poll=polled.stdout + polled.stderr, status=status.stdout,
                       database=every_text_in(tmp_path / "state" / "alerts.db"),
                       config=config.read_text())
    finally:
        wire.close()


def test_credentials_are_not_carried_to_another_host(feed_server):
    """A redirect to another origin gets neither the password nor the feed's headers."""
    elsewhere = feed_server.put("/feed.xml", FEED)
    origin = AuthWire()
    try:
        origin.away = elsewhere

        async def go() -> None:
            fetcher = Fetcher(FetchSettings(allow_networks=("127.0.0.0/8",), timeout=5))
            try:
                got = await fetcher.fetch(f"http://{USER}:{quote(PASSWORD, safe='')}@"
                                          f"{origin.host}/away.xml",
                                          headers=[("X-Wire-Token", TOKEN)],
                                          secrets=[PASSWORD, TOKEN])
                assert got.status == 200 and got.final_url == elsewhere
            finally:
                await fetcher.aclose()

        asyncio.run(go())
    finally:
        origin.close()
    assert origin.seen[0]["x-wire-token"] == TOKEN and "authorization" in origin.seen[0]
    far = feed_server.requests[-1][2]
    assert "authorization" not in far and "x-wire-token" not in far


def test_fetch_errors_never_spell_the_password(feed_server):
    async def go(url: str) -> str:
        fetcher = Fetcher(FetchSettings(allow_networks=("127.0.0.0/8",), timeout=5))
        try:
            with pytest.raises(FeedError) as info:
                await fetcher.fetch(url, secrets=[PASSWORD])
            return str(info.value)
        finally:
            await fetcher.aclose()

    secret = quote(PASSWORD, safe="")
    refused = asyncio.run(go(f"http://{USER}:{secret}@127.0.0.1:{free_port()}/x.xml"))
    assert f"http://{USER}:***@127.0.0.1:" in refused
    invalid = asyncio.run(go(f"http://{USER}:{secret}@127.0.0.1:99999/x.xml?token={secret}"))
    status = asyncio.run(go(feed_server.put(f"/e.xml?apikey={secret}", b"err", status=503,
                                            validators=False)))
    assert "apikey=*** answered HTTP 503" in status
    assert_nowhere(PASSWORD, refused=refused, invalid=invalid, status=status)


def test_migration_masks_credentials_stored_by_older_versions(tmp_path, monkeypatch):
    db_path = tmp_path / "old.db"
    # Stored as older versions requested it: the variable's value pasted in (one that made
    # a working URL).
    old_password = "oldPass-99"
    old_url = f"http://{USER}:{old_password}@wire.example.org/wire.xml"
    db = sqlite_utils.Database(db_path)
    migrations.apply(db, stop_before="0011_feed_urls_without_credentials")
    db.execute("INSERT INTO feeds (url, name, initialised, last_error, moved_to) "
               "VALUES (?, ?, 1, ?, ?)",
               (old_url, old_url, f"cannot fetch {old_url}: refused", old_url + "?v=2"))
    db.execute("INSERT INTO items (feed_url, key, guid, link, title, summary, published, "
               "first_seen, last_seen, content_hash) VALUES (?, 'g:1', '1', NULL, 'A', '', "
               "NULL, '2025-07-01T00:00:00+00:00', '2025-07-01T00:00:00+00:00', 'h')",
               (old_url,))
    db.conn.commit()
    db.close()

    Store(db_path).close()
    stored = every_text_in(db_path)
    assert_nowhere(old_password, database=stored)
    masked = f"http://{USER}:***@wire.example.org/wire.xml"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT url, initialised FROM feeds").fetchall() == [(masked, 1)]
        assert conn.execute("SELECT f.url, i.key FROM items i JOIN feeds f "  # numbered: 0028
                            "ON f.id = i.feed_id").fetchall() == [(masked, "g:1")]
    # The configuration names the same feed the same way: its history is kept.
    config = tmp_path / "alerts.yaml"
    config.write_text(yaml.safe_dump({"feeds": [{"url": f"http://{USER}:${{FEED_PASS}}@"
                                                        "wire.example.org/wire.xml"}]}))
    monkeypatch.setenv("FEED_PASS", old_password)
    assert load_settings(config).feeds[0].url == masked


def test_the_fixture_server_refuses_without_credentials(wire):
    """The guard tests above mean something only if the server really wants the password."""
    async def go() -> int | None:
        fetcher = Fetcher(FetchSettings(allow_networks=("127.0.0.0/8",), timeout=5))
        try:
            with pytest.raises(FeedError) as info:
                await fetcher.fetch(wire.base + "/wire.xml")
            return info.value.status
        finally:
            await fetcher.aclose()
    assert asyncio.run(go()) == 401



def test_a_wire_that_echoes_its_key_in_links_does_not_get_it_stored(tmp_path, feed_server):
    key = "k3y-5ecret-0042"
    body = rss(rss_item("UN urges ceasefire in Sudan", guid=f"story-1?apikey={key}",
                        link=f"https://wire.example.org/1?apikey={key}"))
    url = feed_server.put(f"/keyed.xml?apikey={key}", body)
    config = write_config(tmp_path, feeds=[{"url": url.replace(key, "${WIRE_KEY}"),
                                            "name": "Keyed"}],
                          channels={"terminal": "console://"})
    polled = run_cli("--config", str(config), "poll", "--once", "--backfill", "--no-send",
                     env=env_with(WIRE_KEY=key))
    assert polled.returncode == 0, polled.stderr
    assert "Keyed: 1 entries, 1 new" in polled.stdout
    stored = every_text_in(tmp_path / "state" / "alerts.db")
    assert "https://wire.example.org/1?apikey=***" in stored
    assert_nowhere(key, poll=polled.stdout + polled.stderr, database=stored)


def test_a_port_out_of_range_is_a_config_error_not_a_traceback(tmp_path):
    config = write_config(tmp_path, feeds=[{"url": "https://wire.example.org:99999/rss"}],
                          channels={"terminal": "console://"})
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "feed URL 'https://wire.example.org:99999/rss' cannot be used (Port out of range" \
        in result.stderr


def test_a_feed_stored_with_its_secret_in_the_path_keeps_its_history(tmp_path, feed_server,
                                                                     webhook):
    """Older versions stored https://host/TOKEN/feed.xml; the configuration now names it
    https://host/***/feed.xml. The feed is the same one: what it has seen stays seen, and a
    new item alerts (it is not taken for a new feed's backlog)."""
    token = "pathTok-4471"
    old = rss_item("Markets open higher", guid="old-1")
    new = rss_item("UN urges ceasefire in Sudan", guid="new-1")
    url = feed_server.put(f"/{token}/feed.xml", rss(old))
    config = write_config(tmp_path, feeds=[{"url": url.replace(token, "${PATH_TOKEN}"),
                                            "name": "Pathed"}],
                          channels={"hook": webhook.url})
    db = tmp_path / "state" / "alerts.db"
    Store(db).close()
    with sqlite3.connect(db) as conn:  # as an older version left it
        conn.execute("INSERT INTO feeds (url, name, initialised, last_success, last_error) "
                     "VALUES (?, 'Pathed', 1, '2025-07-01T00:00:00+00:00', ?)",
                     (url, f"cannot fetch {url}: refused"))
        conn.execute("INSERT INTO items (feed_id, key, guid, link, title, summary, published, "
                     "first_seen, last_seen, content_hash) VALUES ((SELECT id FROM feeds "
                     "WHERE url = ?), 'g:old-1', 'old-1', "
                     "NULL, 'Markets open higher', '', NULL, '2025-07-01T00:00:00+00:00', "
                     "'2025-07-01T00:00:00+00:00', 'h')", (url,))
    feed_server.put(f"/{token}/feed.xml", rss(new, old))
    polled = run_cli("--config", str(config), "poll", "--once", env=env_with(PATH_TOKEN=token))
    assert polled.returncode == 0, polled.stderr
    # (the stored old item differs from the served one only by a made-up content hash)
    assert "Pathed: 2 entries, 1 new, 1 edited, 1 alerts queued" in polled.stdout, polled.stdout
    assert wait_for(lambda: len(webhook.received) == 1)
    stored = every_text_in(db)
    assert url.replace(token, "***") in stored
    assert_nowhere(token, poll=polled.stdout + polled.stderr, database=stored)
