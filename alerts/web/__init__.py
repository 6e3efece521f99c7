"""`alerts web`: the state database in the browser, through Datasette, read-only.

Datasette and its plugins are the optional `web` extra; nothing here is imported by the
daemon. The database is opened with `mode=ro` and `query_only` on every connection, so the
page can neither change what the daemon writes nor hold a write lock it waits on.
"""

from __future__ import annotations

import hmac
import ipaddress
import sqlite3
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import yaml

from alerts.errors import AlertsError

DATABASE_NAME = "state"
TOKEN_COOKIE = "alerts_web_token"
WEB_EXTRA_HINT = ("`alerts web` needs the optional web extra: install it with "
                  "`pip install 'diplomatic-alerts[web]'` (or `.venv/bin/pip install -e '.[web]'` "
                  "in a checkout), then run `alerts web` again.")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class WebError(AlertsError):
    """The web view cannot start: the extra is missing, the state is absent, or unsafe."""


def metadata() -> dict[str, Any]:
    text = resources.files("alerts.web").joinpath("metadata.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_exposure(host: str, token: str | None) -> None:
    """Beyond loopback, nobody reads the state without the token."""
    if not is_loopback(host) and not token:
        raise WebError(
            f"alerts web would listen on {host}, beyond this machine, without a token. "
            "Set ALERTS_WEB_TOKEN (or pass --token) to a long random value and give it to "
            "your readers, or keep the default --host 127.0.0.1 behind a reverse proxy that "
            "authenticates them.")


def build_app(state_path: Path, token: str | None = None) -> ASGIApp:
    """The Datasette application over `state_path`, wrapped in the token check if any."""
    return Gate(build_datasette(state_path).app(), token)


def build_datasette(state_path: Path) -> Any:
    """Datasette over the state, every connection read-only, with the project's metadata."""
    try:
        from datasette.app import Datasette
        from datasette.database import Database
    except ImportError as exc:
        raise WebError(WEB_EXTRA_HINT) from exc
    if not state_path.is_file():
        raise WebError(f"There is no state database at {state_path}: run `alerts poll --once` "
                       "or `alerts run` first, or point --state at an existing one.")
    _check_readable(state_path)

    class ReadOnlyDatabase(Database):  # type: ignore[misc]
        """Every connection read-only, including one Datasette would open to write."""

        def connect(self, write: bool = False) -> sqlite3.Connection:
            conn = sqlite3.connect(f"file:{Path(self.path).resolve()}?mode=ro", uri=True,
                                   check_same_thread=False)
            conn.execute("PRAGMA query_only = 1")
            self._all_file_connections.append(conn)
            return conn

    from datasette.plugins import pm

    from alerts.web import links

    if not pm.is_registered(links):
        pm.register(links, name="alerts-links")
    datasette = Datasette(
        [], metadata=metadata(),
        settings={"allow_download": False, "allow_csv_stream": True,
                  "default_page_size": 100, "sql_time_limit_ms": 2000},
    )
    datasette.add_database(ReadOnlyDatabase(datasette, path=str(state_path), is_mutable=True),
                           name=DATABASE_NAME)
    return datasette


def _check_readable(state_path: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{state_path.resolve()}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise WebError(f"{state_path} cannot be read as a state database ({exc}): check the "
                       "path, or run `alerts doctor` on it.") from exc


async def _reply(send: Send, status: int, body: bytes,
                 headers: list[tuple[bytes, bytes]] = ()) -> None:  # type: ignore[assignment]
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *headers]})
    await send({"type": "http.response.body", "body": body})


class Gate:
    """In front of Datasette: only reads pass (Datasette answers other methods with a 500
    and a traceback), and with a token only readers who present it, as a bearer header, a
    cookie, or once as `?token=` (which sets the cookie, so links and charts work)."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token.encode() if token else None

    def _matches(self, value: str | None) -> bool:
        return bool(value and self.token) and hmac.compare_digest(
            value.encode(), self.token)  # type: ignore[union-attr, arg-type]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from alerts.web.dates import typed_dates
        from alerts.web.titles import typed_titles

        query_string = scope.get("query_string", b"")
        path = scope.get("path", "")
        typed = typed_titles(path, typed_dates(path, query_string))
        if typed != query_string:
            scope = {**scope, "query_string": typed}
        if scope.get("method", "GET") not in ("GET", "HEAD"):
            await _reply(send, 405, b"This view is read-only: only GET requests are answered.\n",
                         [(b"allow", b"GET, HEAD")])
            return
        if self.token is None:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        bearer = headers.get("authorization", "")
        cookie = SimpleCookie(headers.get("cookie", ""))
        from_cookie = cookie[TOKEN_COOKIE].value if TOKEN_COOKIE in cookie else None
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        from_query = query.get("token", [None])[0]
        if (bearer.lower().startswith("bearer ") and self._matches(bearer[7:].strip())) \
                or self._matches(from_cookie):
            await self.app(scope, receive, send)
            return
        if self._matches(from_query):
            await send({"type": "http.response.start", "status": 303, "headers": [
                (b"location", scope.get("path", "/").encode("latin-1")),
                (b"set-cookie", f"{TOKEN_COOKIE}={from_query}; HttpOnly; SameSite=Strict; "
                                "Path=/".encode("latin-1"))]})
            await send({"type": "http.response.body", "body": b""})
            return
        await _reply(send, 401, b"This page needs the token: open it once with "
                     b"?token=YOUR_TOKEN, or send the header Authorization: Bearer YOUR_TOKEN.\n",
                     [(b"www-authenticate", b"Bearer")])


def serve(state_path: Path, host: str, port: int, token: str | None) -> None:
    check_exposure(host, token)
    app = build_app(state_path, token)
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
