"""Every Apprise call: building channels, the console target, sending, and what a send did.

Channels are logged by name and services by their kind ("Email", "JSON"), never by URL: URLs
carry secrets. Apprise's own log lines are captured, redacted and reported by us; they never
reach the log directly.

Apprise reports success or failure only, so small hooks recover what it does not say:
- the HTTP status and `Retry-After` of the last response a service got (a wrapper around
  `requests.Session.send` that records them while one of our sends is in progress), so that a
  400/401/403/404 is known to be permanent and a 429/503 waits as long as the service asks;
- the SMTP reply a mail server refused with (wrappers around `smtplib.SMTP`'s connect,
  starttls, login and sendmail that record the code and text of a refusal), so that a 5xx
  (550 mailbox unavailable...) is known to be permanent, with the server's own words;
- the email `Message-ID`: Apprise always generates its own after adding custom headers, so a
  `+Message-ID` header would give two (which mail providers reject). Its generator is
  replaced, for our sends only, by one that returns the alert's stable id;
- the plain-text part of an HTML email: Apprise's HTML-to-text conversion drops the address
  of every link, so each link's address is written beside its text first.
What a send records lives in a context variable (`_recording`), so sends to different
channels run at once in their own threads without mixing their records; Apprise's log lines
are captured the same way.

Each send runs in a daemon thread of its own, under a total deadline (`notify.send_timeout`):
a service that answers one byte at a time is abandoned when the deadline passes (its thread
may go on until the server gives up; no new send to that channel starts meanwhile), and it
never holds up other channels or the daemon's exit. Apprise's own service timeout is off: it
runs services in a pool whose threads the interpreter waits for at exit.

A third one saves time: Apprise's SMTP controller builds a certificate context (reading the
system CA bundle, tens of milliseconds) for every connection, even one that never uses TLS.
It gets a stand-in that builds nothing until TLS is actually started, and then reuses one
context per verification setting.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import copy
import hashlib
import logging
import re
import smtplib
import ssl
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

import apprise
import requests
from apprise.decorators import notify as apprise_plugin

from alerts.backoff import parse_retry_after
from alerts.config import Channel
from alerts.errors import Problem
from alerts.models import Item, Match
from alerts.render import escape_for, escape_markdown_keep_links, html_link_addresses

log = logging.getLogger(__name__)
_print_lock = threading.Lock()

# Permanent: sending the same message again cannot succeed.
PERMANENT_HTTP = frozenset({400, 401, 403, 404, 405, 410, 413, 422})
# An abandoned send still running after this many deadlines no longer holds its channel.
ABANDONED_HOLD = 10
# The severity of an alert as Apprise's message type, which chat services show as a colour.
NOTIFY_TYPE = {"critical": apprise.NotifyType.FAILURE, "high": apprise.NotifyType.WARNING,
               "medium": apprise.NotifyType.INFO, "low": apprise.NotifyType.INFO,
               "info": apprise.NotifyType.INFO}
# Chat services that display Markdown even in a plain-text message: text sent to them is
# escaped (links kept), or a headline's `_` or `*` would turn into formatting.
MARKDOWN_DISPLAY = frozenset({"mmost", "mmosts", "slack", "discord", "rocket", "rockets",
                              "zulip", "msteams", "gchat", "guilded", "revolt", "ryver",
                              "ryvers", "matrix", "matrixs", "mastodon", "toot", "toots"})
APPRISE_FORMAT = {"text": apprise.NotifyFormat.TEXT, "markdown": apprise.NotifyFormat.MARKDOWN,
                  "html": apprise.NotifyFormat.HTML}

# Apprise's log lines can quote URLs with tokens: they go only to our capture.
_apprise_log = logging.getLogger("apprise")
_apprise_log.propagate = False
if not any(isinstance(h, logging.NullHandler) for h in _apprise_log.handlers):
    _apprise_log.addHandler(logging.NullHandler())


@dataclass
class _Recording:
    """What one send (or one channel build) observed, in its own context."""

    responses: list[tuple[int, str | None]] = field(default_factory=list)  # HTTP
    smtp: list[tuple[int, str]] = field(default_factory=list)  # refusals: (code, text)
    log: list[str] = field(default_factory=list)  # Apprise's warnings
    message_id: str | None = None


_recording: contextvars.ContextVar[_Recording | None] = contextvars.ContextVar(
    "alerts_recording", default=None)


class _CaptureHandler(logging.Handler):
    """Apprise's log lines go to the recording of the send that caused them, if any."""

    def emit(self, record: logging.LogRecord) -> None:
        recording = _recording.get()
        if recording is not None:
            try:
                recording.log.append(record.getMessage())
            except Exception:  # a badly formatted line of Apprise's is no reason to fail
                recording.log.append(str(record.msg))


if not any(isinstance(h, _CaptureHandler) for h in _apprise_log.handlers):
    _apprise_log.addHandler(_CaptureHandler(logging.WARNING))
if _apprise_log.level == logging.NOTSET or _apprise_log.level > logging.WARNING:
    _apprise_log.setLevel(logging.WARNING)  # whatever the root level: the capture needs them


@contextlib.contextmanager
def _recorded(message_id: str | None = None) -> Iterator[_Recording]:
    recording = _Recording(message_id=message_id)
    token = _recording.set(recording)
    try:
        yield recording
    finally:
        _recording.reset(token)


@apprise_plugin(on="console", name="Terminal")
def _console(body: str, title: str, *args: object, **kwargs: object) -> bool:
    """console:// prints alerts to the terminal (standard output), for the demo and for cron."""
    rule = "─" * 72
    with _print_lock:
        print(f"\n{rule}\n{title}\n{rule}\n{body}\n", file=sys.stdout, flush=True)
    return True


# -- the two hooks ------------------------------------------------------------------------------

class _LazyTLSContext:
    """What `ssl.create_default_context()` returns inside Apprise's SMTP controller: it
    records check_hostname / verify_mode and becomes a real (shared, cached) context only
    when a connection starts TLS."""

    _cache: ClassVar[dict[tuple[bool, int], ssl.SSLContext]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self) -> None:
        object.__setattr__(self, "_settings", {"check_hostname": True,
                                               "verify_mode": ssl.CERT_REQUIRED})

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("check_hostname", "verify_mode"):
            self._settings[name] = value
        else:
            setattr(self._real(), name, value)

    def _real(self) -> ssl.SSLContext:
        key = (bool(self._settings["check_hostname"]), int(self._settings["verify_mode"]))
        with self._lock:
            context = self._cache.get(key)
            if context is None:
                context = ssl.create_default_context()
                context.check_hostname = key[0]
                context.verify_mode = ssl.VerifyMode(key[1])
                self._cache[key] = context
        return context

    def __getattr__(self, name: str) -> Any:
        if name in ("check_hostname", "verify_mode"):
            return self._settings[name]
        return getattr(self._real(), name)


class _SslForSmtp:
    """The `ssl` module as Apprise's SMTP controller sees it."""

    def __getattr__(self, name: str) -> Any:
        return getattr(ssl, name)

    @staticmethod
    def create_default_context(*args: Any, **kwargs: Any) -> Any:
        if args or kwargs:
            return ssl.create_default_context(*args, **kwargs)
        return _LazyTLSContext()


def _smtp_refusal(exc: BaseException) -> list[tuple[int, str]]:
    """(code, text) of every reply an SMTP exception carries."""
    def text(value: Any) -> str:
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        return " ".join(str(value).split())
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return [(int(code), text(reply)) for code, reply in exc.recipients.values()]
    if isinstance(exc, smtplib.SMTPResponseException):
        return [(int(exc.smtp_code), text(exc.smtp_error))]
    return []


def _record_smtp(method: Any) -> Any:
    """Wraps an `smtplib.SMTP` method: a refusal it raises (or the recipients `sendmail`
    reports refused) is recorded for the send in progress, then handled as before."""
    def wrapper(self: smtplib.SMTP, *args: Any, **kwargs: Any) -> Any:
        recording = _recording.get()
        try:
            result = method(self, *args, **kwargs)
        except smtplib.SMTPException as exc:
            if recording is not None:
                recording.smtp.extend(_smtp_refusal(exc))
            raise
        if recording is not None and method.__name__ == "sendmail" and result:
            recording.smtp.extend(_smtp_refusal(smtplib.SMTPRecipientsRefused(result)))
        return result
    wrapper._alerts_hook = True  # type: ignore[attr-defined]
    wrapper.__name__ = method.__name__
    return wrapper


def _install_hooks() -> None:
    original_send = requests.Session.send
    if not getattr(original_send, "_alerts_hook", False):
        def send(self: requests.Session, request: Any, **kwargs: Any) -> requests.Response:
            response = original_send(self, request, **kwargs)
            recording = _recording.get()
            if recording is not None:
                recording.responses.append((response.status_code,
                                            response.headers.get("Retry-After")))
            return response
        send._alerts_hook = True  # type: ignore[attr-defined]
        requests.Session.send = send  # type: ignore[method-assign]
    for name in ("connect", "starttls", "login", "sendmail"):
        method = getattr(smtplib.SMTP, name)
        if not getattr(method, "_alerts_hook", False):
            setattr(smtplib.SMTP, name, _record_smtp(method))
    try:
        from apprise.plugins.email import base as email_base
    except ImportError:
        return
    original_msgid = getattr(email_base, "make_msgid", None)
    if original_msgid is not None and not getattr(original_msgid, "_alerts_hook", False):
        def make_msgid(*args: Any, **kwargs: Any) -> str:
            recording = _recording.get()
            if recording is not None and recording.message_id:
                return recording.message_id
            return original_msgid(*args, **kwargs)
        make_msgid._alerts_hook = True  # type: ignore[attr-defined]
        email_base.make_msgid = make_msgid
    original_convert = getattr(email_base, "convert_between", None)
    if original_convert is not None and not getattr(original_convert, "_alerts_hook", False):
        def convert_between(from_format: Any, to_format: Any, content: Any) -> Any:
            # The plain-text part of an HTML email: keep where every link leads.
            if (from_format == apprise.NotifyFormat.HTML
                    and to_format == apprise.NotifyFormat.TEXT and isinstance(content, str)):
                content = html_link_addresses(content)
            return original_convert(from_format, to_format, content)
        convert_between._alerts_hook = True  # type: ignore[attr-defined]
        email_base.convert_between = convert_between
    try:
        from apprise.plugins.email import smtp as email_smtp
    except ImportError:
        return
    if getattr(email_smtp, "ssl", None) is ssl:
        email_smtp.ssl = _SslForSmtp()  # type: ignore[assignment]


_install_hooks()


def _email_class() -> type[Any] | None:
    try:
        from apprise.plugins.email import NotifyEmail
    except ImportError:
        return None
    return NotifyEmail


# -- outcomes -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ServiceResult:
    label: str  # e.g. "Email #1": never the URL
    ok: bool
    error: str | None = None
    status: int | None = None  # the HTTP status, when the service is reached over HTTP
    retry_after: float | None = None
    smtp: int | None = None  # the reply code an SMTP server refused the message with

    @property
    def permanent(self) -> bool:
        """HTTP 400, 401, 403..., or an SMTP 5xx reply (550 mailbox unavailable...); an SMTP
        4xx is a temporary refusal, retried."""
        return self.status in PERMANENT_HTTP or (self.smtp is not None and self.smtp >= 500)


@dataclass(frozen=True)
class SendOutcome:
    ok: bool
    error: str | None = None
    permanent: bool = False  # the service refused this message for good (HTTP 400, 401...)
    retry_after: float | None = None  # seconds the service asked us to wait
    done: frozenset[str] = frozenset()  # services that have accepted the message
    services: tuple[ServiceResult, ...] = field(default_factory=tuple)


def _secrets(channel: Channel) -> list[str]:
    """Userinfo and query values that must never appear in a log line."""
    found: list[str] = []
    for url in channel.urls:
        try:
            parts = urlsplit(url)
        except ValueError:
            continue
        for value in (parts.password, parts.username):
            if value and len(value) >= 4:
                found.append(value)
        found.extend(v for v in re.findall(r"=([^&]{6,})", parts.query))
        found.extend(seg for seg in parts.path.split("/") if len(seg) >= 16)
        found.extend(seg for seg in re.split(r"[/:@?&=]", url.split("://", 1)[-1])
                     if len(seg) >= 20)
    return sorted(set(found), key=len, reverse=True)


def redact(text: str, channel: Channel) -> str:
    for secret in _secrets(channel):
        text = text.replace(secret, "****")
    return text


def service_id(plugin: Any) -> str:
    """Identifies a service of a channel across sends (a hash: the URL holds secrets)."""
    try:
        url = plugin.url(privacy=False)
    except Exception:
        url = repr(type(plugin))
    return hashlib.sha256(url.encode()).hexdigest()[:12]


def message_id(alert_id: str, channel: str, domain: str) -> str:
    local = re.sub(r"[^A-Za-z0-9_-]", "-", channel) or "channel"
    return f"<alert-{alert_id}.{local}@{domain}>"


@dataclass
class _Progress:
    """How far a send got: what an abandoned send reports."""

    accepted: set[str] = field(default_factory=set)
    current: str | None = None  # label of the service being sent to


class Notifier:
    """Sends through Apprise, one service at a time, with a fresh Apprise object per send:
    Apprise makes most plugins wait about 5.5 s between two sends through the same object,
    which would cap email throughput. `send_within` runs a send in a thread of its own under
    a total deadline; sends to different channels may run at the same time."""

    def __init__(self, channels: dict[str, Channel], send_timeout: float = 30.0):
        self.channels = channels
        self.send_timeout = send_timeout
        # Parsing an Apprise URL costs several times building its plugin from the parts:
        # parse once, build a fresh plugin (no shared state, no throttle) for every send.
        self._parsed: dict[str, dict[str, Any] | None] = {}
        # service_timeout=0: plugins run in the calling thread (ours, a daemon thread), not
        # in Apprise's pool, whose threads the interpreter waits for at exit.
        self._asset = apprise.AppriseAsset(async_mode=False, service_timeout=0)
        # channel -> (thread, when it was abandoned) of a send still running past its deadline
        self._abandoned: dict[str, tuple[threading.Thread, float]] = {}

    def _plugin(self, url: str, asset: Any, tags: list[str] | None) -> Any:
        url_to_dict = getattr(apprise.plugins, "url_to_dict", None)
        if url_to_dict is None:  # an Apprise without it: the plain way
            return apprise.Apprise.instantiate(url, asset=asset, tag=tags)
        if url not in self._parsed:
            self._parsed[url] = url_to_dict(url, secure_logging=asset.secure_logging)
        parts = self._parsed[url]
        if parts is None:  # rejected: let Apprise say why, in the log we capture
            return apprise.Apprise.instantiate(url, asset=asset, tag=tags)
        return apprise.Apprise.instantiate(copy.deepcopy(parts), asset=asset, tag=tags)

    def _build(self, channel: Channel) -> tuple[list[Any], list[str]]:
        """The channel's services, built afresh, and why any of its URLs cannot be used."""
        asset = self._asset
        tags = list(channel.tags) or None
        services: list[Any] = []
        bad: list[str] = []
        # Apprise explains a rejected URL only in its log; keep that reason, redacted.
        for index, url in enumerate(channel.urls):
            with _recorded() as captured:
                plugin = self._plugin(url, asset, tags)
            if plugin is None:
                reason = _last_log_line(captured.log) or "unknown URL form"
                bad.append(f"URL #{index + 1} is not usable by Apprise "
                           f"({redact(reason, channel)})")
            else:
                services.append(plugin)  # tagged with the channel's tags: always selected
        if channel.config_file:
            ap = apprise.Apprise(asset=asset)
            config = apprise.AppriseConfig(asset=asset)
            with _recorded():
                loaded = config.add(channel.config_file) and ap.add(config)
                count = len(ap)  # Apprise reads the file lazily, on first use
                found = list(ap.find(tag=tags)) if tags else list(ap)
            if not loaded or count == 0:
                bad.append(f"Apprise config file {channel.config_file} yields no services "
                           "(Apprise accepts a broken file silently); check its syntax")
            services.extend(found)
        if channel.tags and not services and not bad:
            bad.append(f"no service carries the tags {', '.join(channel.tags)}")
        return services, bad

    def check(self) -> list[Problem]:
        """Every channel must resolve to at least one working Apprise service, and its
        templates must compile and render."""
        problems: list[Problem] = []
        for name, channel in self.channels.items():
            services, bad = self._build(channel)
            for reason in bad:
                problems.append(Problem("channels", None, f"channel '{name}': {reason}; see "
                                        "https://github.com/caronc/apprise/wiki for URL forms"))
            if not bad and not services:
                problems.append(Problem("channels", None, f"channel '{name}' has no services; "
                                        "give it at least one Apprise URL"))
            for problem in channel.style.renderer().check():
                problems.append(Problem("channels", None, f"channel '{name}': {problem}; fix "
                                        "the template (see README, Notifications)"))
        return problems

    def labels(self, channel_name: str) -> list[str]:
        channel = self.channels.get(channel_name)
        if channel is None:
            return []
        services, _ = self._build(channel)
        return [_label(plugin, i) for i, plugin in enumerate(services)]

    def busy(self, channel_name: str) -> bool:
        """Whether a send to the channel that was abandoned at its deadline still runs (for
        at most ABANDONED_HOLD deadlines): the channel's next messages wait for it, so they
        keep their order and threads do not pile up on a service that hangs."""
        entry = self._abandoned.get(channel_name)
        if entry is None:
            return False
        thread, since = entry
        if thread.is_alive() and time.monotonic() - since < ABANDONED_HOLD * self.send_timeout:
            return True
        del self._abandoned[channel_name]
        return False

    async def send_within(self, channel_name: str, title: str, body: str,
                          timeout: float | None = None, **kwargs: Any) -> SendOutcome:
        """`send` in a daemon thread of its own, waited for at most `timeout` seconds
        (default: `send_timeout`) in all, however slowly a service answers. A send that
        passes the deadline is abandoned and reported as a failure (retried later); one whose
        waiter is cancelled (shutdown) leaves its message queued as it was."""
        timeout = self.send_timeout if timeout is None else timeout
        loop = asyncio.get_running_loop()
        future: asyncio.Future[SendOutcome] = loop.create_future()
        progress = _Progress(set(kwargs.get("done") or ()))

        def deliver(outcome: SendOutcome | BaseException) -> None:
            if future.done():
                return
            if isinstance(outcome, BaseException):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)

        def run() -> None:
            try:
                result: SendOutcome | BaseException = self.send(
                    channel_name, title, body, progress=progress, **kwargs)
            except Exception as exc:  # reported to the waiter, if it still waits
                result = exc
            with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits
                loop.call_soon_threadsafe(deliver, result)

        thread = threading.Thread(target=run, name=f"send:{channel_name}", daemon=True)
        thread.start()
        try:
            async with asyncio.timeout(timeout):
                return await future  # cancelled at the deadline: the thread's result is dropped
        except TimeoutError:
            self._abandoned[channel_name] = (thread, time.monotonic())
            where = f"{progress.current}: " if progress.current else ""
            return SendOutcome(False, f"{where}no complete answer within {timeout:.0f} s "
                                      "(notify.send_timeout), so the send was abandoned",
                               done=frozenset(progress.accepted))
        except asyncio.CancelledError:
            if thread.is_alive():
                self._abandoned[channel_name] = (thread, time.monotonic())
            raise

    def send(self, channel_name: str, title: str, body: str, *, format: str = "text",
             alert_id: str | None = None, thread_id: str | None = None,
             done: frozenset[str] = frozenset(), now: datetime | None = None,
             severity: str | None = None, progress: _Progress | None = None) -> SendOutcome:
        """Deliver one message to every service of a channel that has not accepted it yet.
        `title` is plain text; `body` is in `format`; `now` reads a Retry-After date;
        `severity` becomes Apprise's message type (the colour chat services show)."""
        channel = self.channels.get(channel_name)
        if channel is None:
            return SendOutcome(False, f"channel '{channel_name}' is no longer in the "
                                      "configuration; add it back, or leave the alert dead")
        services, bad = self._build(channel)
        if not services:
            return SendOutcome(False, "; ".join(bad) or "no services")
        accepted = set(done)
        results: list[ServiceResult] = []
        notify_type = NOTIFY_TYPE.get(severity or "", apprise.NotifyType.INFO)
        # Which services took it matters only to a channel of several (or a retried one).
        track = len(services) > 1 or bool(done)
        for index, plugin in enumerate(services):
            sid = service_id(plugin) if track else str(index)
            if sid in accepted:
                continue
            label = _label(plugin, index)
            if progress is not None:
                progress.current = label
            result = self._send_one(channel, plugin, label, title, body,
                                    format, alert_id, thread_id, now, notify_type)
            results.append(result)
            if result.ok:
                accepted.add(sid)
                if progress is not None and track:
                    progress.accepted.add(sid)
        failed = [r for r in results if not r.ok]
        if not failed:
            return SendOutcome(True, done=frozenset(accepted), services=tuple(results))
        waits = [r.retry_after for r in failed if r.retry_after is not None]
        return SendOutcome(
            False, "; ".join(f"{r.label}: {r.error}" for r in failed)[:500],
            permanent=all(r.permanent for r in failed), retry_after=max(waits) if waits else None,
            done=frozenset(accepted), services=tuple(results))

    def _send_one(self, channel: Channel, plugin: Any, label: str, title: str, body: str,
                  fmt: str, alert_id: str | None, thread_id: str | None,
                  now: datetime | None = None,
                  notify_type: apprise.NotifyType = apprise.NotifyType.INFO) -> ServiceResult:
        email = _email_class()
        msgid = None
        headers = getattr(plugin, "headers", None)
        if email is not None and isinstance(plugin, email):
            if not isinstance(headers, dict):  # the plugin's own attribute: never assume it
                headers = plugin.headers = {}
            domain = _mail_domain(plugin)
            if alert_id:
                msgid = message_id(alert_id, channel.name, domain)
                headers["X-Alert-Id"] = alert_id
            if thread_id:
                first = message_id(thread_id, channel.name, domain)
                headers["In-Reply-To"] = first
                headers["References"] = first
        elif alert_id and isinstance(headers, dict) and _speaks_http(plugin):
            headers["X-Alert-Id"] = alert_id
        # A service that blends the title into the body reads it in the body's format.
        blended = getattr(plugin, "title_maxlen", 1) <= 0
        shown_title = escape_for(fmt, title) if blended and fmt != "text" else title
        if fmt == "text" and _displays_markdown(plugin):
            body = escape_markdown_keep_links(body)
            shown_title = escape_markdown_keep_links(title) if blended else title
        # No service waits longer than the whole send may take (a silent server ends the
        # thread; a dripping one is abandoned by `send_within`).
        for attr in ("socket_read_timeout", "socket_connect_timeout"):
            value = getattr(plugin, attr, None)
            if isinstance(value, (int, float)) and value > self.send_timeout:
                setattr(plugin, attr, self.send_timeout)
        single = apprise.Apprise(asset=self._asset)
        single.add(plugin)
        with _recorded(msgid) as captured:
            try:
                ok = bool(single.notify(body=body, title=shown_title, notify_type=notify_type,
                                        body_format=APPRISE_FORMAT.get(fmt)))
            except Exception as exc:  # a plugin bug is a failed send, not a crash
                ok = False
                _apprise_log.warning("%s: %s", type(exc).__name__, exc)
        if ok:
            return ServiceResult(label, True)
        status, retry_after = (captured.responses[-1] if captured.responses else (None, None))
        logged = _last_log_line(captured.log, first=True) or ""
        if status is None or status < 400:
            found = re.search(r"error=(\d{3})\b", logged)
            status = int(found.group(1)) if found else None
        error = logged or "the service did not accept the message"
        smtp_code = None
        refusals = [(code, text) for code, text in captured.smtp if code >= 400]
        if refusals:
            # Permanent only if every refusal was a 5xx: one 4xx among them is retried.
            smtp_code = min(code for code, _ in refusals)
            replies = "; ".join(dict.fromkeys(f"{code} {text}".strip()
                                              for code, text in refusals))
            error = f"SMTP {replies}: {error}"
        if status:
            error = f"HTTP {status}: {error}"
        return ServiceResult(label, False, redact(error, channel)[:300], status,
                             parse_retry_after(retry_after, now), smtp_code)


def channel_problems(settings: Any) -> list[Problem]:
    """Every channel's problems, as problems of the configuration file."""
    return [Problem(str(settings.path), None, p.message)
            for p in Notifier(settings.channels).check()]


def _label(plugin: Any, index: int) -> str:
    return f"{getattr(plugin, 'service_name', None) or type(plugin).__name__} #{index + 1}"


def _displays_markdown(plugin: Any) -> bool:
    schemas = {getattr(plugin, "protocol", None), getattr(plugin, "secure_protocol", None)}
    flat = {s for v in schemas for s in (v if isinstance(v, (tuple, list)) else (v,))}
    return bool(flat & MARKDOWN_DISPLAY)


def _speaks_http(plugin: Any) -> bool:
    return getattr(plugin, "protocol", None) in ("json", "xml", "form") or \
        getattr(plugin, "secure_protocol", None) in ("jsons", "xmls", "forms")


def _mail_domain(plugin: Any) -> str:
    address = getattr(plugin, "from_addr", None)
    if isinstance(address, (list, tuple)) and len(address) == 2 and "@" in str(address[1]):
        domain = str(address[1]).rsplit("@", 1)[1]
        if re.fullmatch(r"[A-Za-z0-9.-]+", domain):
            return domain
    return "diplomatic-alerts.invalid"


def _last_log_line(captured: list[str], first: bool = False) -> str | None:
    lines = [" ".join(ln.split()) for ln in captured]
    lines = [ln for ln in lines if ln]
    if not lines:
        return None
    return lines[0] if first else lines[-1]


def render(item: Item, match: Match) -> tuple[str, str]:
    """Plain-text title and body of one alert with the default templates."""
    from alerts.routing import Composer

    message = Composer().compose(item, match)
    if message:
        return message[0].title, message[0].body
    from alerts.render import Renderer
    from alerts.routing import alert_facts

    return Renderer("text").alert(alert_facts(item, match))
