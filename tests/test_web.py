"""`alerts web`: the state through Datasette, as a subprocess, over HTTP and in Chromium."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import HTTPCookieProcessor, Request, build_opener, urlopen

import pytest

from tests.conftest import CEASEFIRE_RULE, ROOT, cli_env, run_cli, write_config
from tests.feeds import rss, rss_item
from tests.servers import free_port, wait_for

pytest.importorskip("datasette", reason="the web extra is part of the test extra")

FEED_SECRET = "feed-pass-5f1e9a"
CHANNEL_SECRET = "hook-pass-77c2d0"
ARTIFACTS = ROOT / "test-artifacts"

CONTACT_RULE = """\
id: leaders-talk
title: Macron and Putin talk
severity: high
match:
  all:
    - entities: [Macron, Putin]
    - gap: {days: 30, key: people}
"""


def _now_rfc822() -> str:
    return format_datetime(datetime.now(UTC), usegmt=True)


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Iterator[dict]:
    """A real state: two outlets report one ceasefire call, one reports a call between
    leaders, one feed fails; alerts are queued (not sent) for a channel with a password."""
    from tests.servers import FeedServer

    tmp = tmp_path_factory.mktemp("desk")
    server = FeedServer()
    now = _now_rfc822()
    a = server.put("/a.xml", rss(
        rss_item("UN urges ceasefire in Sudan", guid="a1", link="https://a.example/sudan",
                 pub=now),
        rss_item("Macron and Putin speak by phone", guid="a2", link="https://a.example/call",
                 summary="Emmanuel Macron spoke with Vladimir Putin.", pub=now),
        title="Alpha Wire"))
    b = server.put("/b.xml", rss(
        rss_item("UN urges ceasefire in Sudan", guid="b1", link="https://b.example/sudan",
                 pub=now), title="Beta News"))
    broken = server.put("/broken.xml", "not here", status=500)
    env = cli_env() | {"FEED_PASS": FEED_SECRET, "HOOK_PASS": CHANNEL_SECRET}
    feed_a = a.replace("http://", "http://desk:${FEED_PASS}@")
    config = write_config(
        tmp, feeds=[{"url": feed_a, "name": "Alpha", "publisher": "Alpha Wire"},
                    {"url": b, "name": "Beta", "publisher": "Beta News"},
                    {"url": broken, "name": "Broken"}],
        channels={"hook": "json://desk:${HOOK_PASS}@127.0.0.1:9/"},
        rules={"ceasefire.yaml": CEASEFIRE_RULE, "contact.yaml": CONTACT_RULE})
    polled = run_cli("--config", str(config), "poll", "--once", "--backfill", "--no-send",
                     env=env)
    assert polled.returncode in (0, 1, 3), polled.stdout + polled.stderr
    state = tmp / "state" / "alerts.db"
    assert state.exists(), polled.stderr
    yield {"config": config, "state": state, "env": env, "tmp": tmp}
    server.close()


class Web:
    def __init__(self, state: Path, *args: str, env: dict | None = None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "alerts", "web", "--state", str(state), "--port",
             str(self.port), *args], env=env or cli_env(), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        if not wait_for(self._up, timeout=30):
            self.close()
            raise AssertionError(f"alerts web did not start: {self.proc.stderr.read()}")

    def _up(self) -> bool:
        if self.proc.poll() is not None:
            return True
        try:
            urlopen(self.base + "/-/versions.json", timeout=2)
        except HTTPError:
            return True
        except OSError:
            return False
        return True

    def get(self, path: str, headers: dict | None = None) -> tuple[int, str]:
        try:
            with urlopen(Request(self.base + path, headers=headers or {}), timeout=10) as r:
                return r.status, r.read().decode()
        except HTTPError as exc:
            return exc.code, exc.read().decode()

    def json(self, path: str) -> dict:
        status, body = self.get(path)
        assert status == 200, (path, status, body[:500])
        return json.loads(body)

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def web(desk) -> Iterator[Web]:
    server = Web(desk["state"])
    yield server
    server.close()


def _rows(data: dict) -> list[dict]:
    return [dict(zip(data["columns"], row, strict=True)) for row in data["rows"]]


def test_todays_stories_list_every_source(web):
    rows = _rows(web.json("/state/today.json"))
    sudan = [r for r in rows if "Sudan" in r["title"]]
    assert len(sudan) == 1, rows
    assert sudan[0]["outlets"] == 2
    assert "ceasefire-call" in sudan[0]["alerted_rules"]
    assert "https://a.example/sudan" in sudan[0]["sources"]
    assert "https://b.example/sudan" in sudan[0]["sources"]
    assert sudan[0]["story"].startswith("[story ")  # rendered as a link to the story


def test_alerts_by_rule_and_why_an_alert_fired(web):
    by_rule = _rows(web.json("/state/alerts_by_rule.json"))
    # The leaders' call is their first on record: remembered, not alerted (no gap known).
    assert {(r["rule_id"], r["severity"], r["alerts"]) for r in by_rule} == {
        ("ceasefire-call", "high", 1)}
    pending = _rows(web.json("/state/outbox_problems.json"))
    assert pending and all(r["status"] == "pending" for r in pending)
    alert_id = next(r["alert_id"] for r in pending if r["rule_id"] == "ceasefire-call")
    why = _rows(web.json(f"/state/why.json?alert_id={quote(alert_id)}"))
    assert len(why) == 1
    assert why[0]["rule_id"] == "ceasefire-call"
    assert "ceasefire" in why[0]["explanation"].lower()
    assert "/state/items/" in why[0]["item"] and "original article" in why[0]["article"]
    status, page = web.get(f"/state/why?alert_id={quote(alert_id)}")
    assert status == 200 and 'href="/state/items/' in page  # markdown rendered as links


def test_feed_health_and_contact_history(web):
    health = {r["name"]: r for r in _rows(web.json("/state/feed_health.json"))}
    assert health["Broken"]["failures_in_a_row"] >= 1 and health["Broken"]["last_error"]
    assert health["Alpha"]["failures_in_a_row"] == 0 and health["Alpha"]["last_success"]
    contacts = _rows(web.json("/state/contact_history.json?first=macron&second=putin"))
    assert [r["title"] for r in contacts] == ["Macron and Putin speak by phone"]
    failures = _rows(web.json("/state.json?sql=" + quote(
        "select feed_name, outcome from poll_log where outcome not in ('ok', 'unchanged')")))
    assert {r["feed_name"] for r in failures} == {"Broken"}


def test_every_table_and_column_is_described(web):
    meta = web.json("/-/metadata.json")["databases"]["state"]["tables"]
    tables = {t["name"]: t["columns"] for t in web.json("/state.json")["tables"]}
    for table, columns in tables.items():
        if table in ("_sqlite_migrations", "sqlite_stat1"):
            continue
        assert meta.get(table, {}).get("description"), f"table {table} has no description"
        described = meta[table].get("columns") or {}
        missing = [c for c in columns if c != "id" and not described.get(c)]
        assert not missing, f"columns of {table} without a description: {missing}"


def test_writes_through_the_page_are_refused(web, desk):
    before = sqlite3.connect(desk["state"]).execute("select count(*) from feeds").fetchone()
    for sql in ("insert into feeds (url, name) values ('x', 'x')", "delete from items",
                "update feeds set name = 'x'", "pragma query_only = 0"):
        status, body = web.get("/state.json?sql=" + quote(sql))
        assert status in (400, 403), (sql, status, body[:300])
    posted = urlopen_status(web.base + "/state/feeds", data=b"url=x&name=x")
    assert posted == 405
    after = sqlite3.connect(desk["state"]).execute("select count(*) from feeds").fetchone()
    assert before == after


def urlopen_status(url: str, data: bytes) -> int:
    try:
        with urlopen(Request(url, data=data, method="POST"), timeout=10) as r:
            return r.status
    except HTTPError as exc:
        return exc.code


def test_the_database_connection_itself_is_read_only(desk):
    from alerts.web import DATABASE_NAME, build_datasette

    db = build_datasette(desk["state"]).get_database(DATABASE_NAME)

    async def write() -> None:
        await db.execute_write("INSERT INTO feeds (url, name) VALUES ('x', 'x')")

    with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
        asyncio.run(write())


def test_no_secret_is_reachable(web, desk):
    pages = ["/-/metadata.json", "/-/settings.json", "/-/versions.json", "/-/plugins.json",
             "/-/databases.json", "/-/dashboards/overview", "/state.json"]
    tables = [t["name"] for t in web.json("/state.json")["tables"]]
    pages += [f"/state/{t}.json?_size=max" for t in tables]
    pages += [f"/state/{q}.json" for q in ("today", "alerts_by_rule", "recent_alerts",
                                           "feed_health", "outbox_problems")]
    pages.append("/state/item_texts.json?words=&_size=max")  # the texts unpacked
    pages += ["/state.json?sql=" + quote(f"select * from {t}") + "&_size=max" for t in tables]
    for page in pages:
        body = web.get(page)[1]
        assert FEED_SECRET not in body and CHANNEL_SECRET not in body, page
    # The secrets did reach the servers: the feed was polled with its password.
    assert "feed-pass" not in desk["state"].read_bytes().decode("latin-1")


def test_beyond_loopback_needs_a_token(desk):
    refused = run_cli("web", "--state", str(desk["state"]), "--host", "0.0.0.0",
                      "--port", "1", timeout=60)
    assert refused.returncode != 0
    assert "without a token" in refused.stderr and "ALERTS_WEB_TOKEN" in refused.stderr


def test_the_token_gate(desk):
    token = "t0ken-" + os.urandom(8).hex()
    server = Web(desk["state"], env=cli_env() | {"ALERTS_WEB_TOKEN": token})
    try:
        status, body = server.get("/state/today.json")
        assert status == 401 and "token" in body
        assert server.get("/state/today.json", {"Authorization": "Bearer wrong"})[0] == 401
        assert server.get("/state/today.json", {"Authorization": f"Bearer {token}"})[0] == 200
        opener = build_opener(HTTPCookieProcessor())
        with opener.open(f"{server.base}/state/today.json?token={token}", timeout=10) as r:
            assert r.status == 200  # redirected once, then let in by the cookie
        with opener.open(f"{server.base}/state/feed_health.json", timeout=10) as r:
            assert r.status == 200
    finally:
        server.close()


def test_a_missing_extra_is_named(desk):
    code = ("import sys; sys.modules['datasette'] = None\n"
            "from pathlib import Path\nfrom alerts.web import build_app, WebError\n"
            f"try:\n    build_app(Path({str(desk['state'])!r}))\n"
            "except WebError as exc:\n    print(exc)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env=cli_env())
    assert "[web]" in done.stdout and "pip install" in done.stdout, done.stdout + done.stderr


# -- a real browser ---------------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    """Debian's chromium; installed here when missing (root and apt-get), else a skip that
    says why."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    apt = shutil.which("apt-get")
    why = "needs root and apt-get"
    if apt and os.geteuid() == 0:
        env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
        for step in ([apt, "install", "-y", "-q", "chromium"], [apt, "update", "-q"],
                     [apt, "install", "-y", "-q", "chromium"]):
            try:
                done = subprocess.run(step, capture_output=True, text=True, timeout=240,
                                      env=env)
            except (subprocess.TimeoutExpired, OSError) as exc:
                why = f"{' '.join(step[1:2])} failed: {exc}"
                break
            found = shutil.which("chromium")
            if found:
                return found
            why = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else why
    pytest.skip(f"Debian's chromium is not installed and could not be installed ({why}): "
                "the browser tests did not run")


def _browse(url: str, profile: Path, *extra: str) -> str:
    done = subprocess.run([_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                           "--virtual-time-budget=10000", *extra, url],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_a_browser_renders_the_stories_and_the_plot(web, tmp_path):
    stories = _browse(web.base + "/state/today", tmp_path / "p1", "--dump-dom")
    assert "UN urges ceasefire in Sudan" in stories
    assert 'href="/state/stories/' in stories
    dashboard = web.base + "/-/dashboards/overview?days=30"
    dom = _browse(dashboard, tmp_path / "p2", "--dump-dom")
    chart = dom.split('id="chart-alerts-per-day"', 1)
    assert len(chart) == 2, "the alerts chart's element is missing"
    drawn = chart[1].split('id="chart-', 1)[0]
    assert 'class="marks"' in drawn and ("<path" in drawn or "<rect" in drawn), drawn[:500]
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "web-overview.png"
    shot.unlink(missing_ok=True)
    _browse(dashboard, tmp_path / "p3", f"--screenshot={shot}", "--window-size=1280,1000")
    assert shot.exists() and shot.stat().st_size > 10_000
