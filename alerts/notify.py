"""Every Apprise call: building channels, the console target, sending, and message rendering.

Channels are logged by name, never by URL: URLs carry secrets.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

import apprise
from apprise.decorators import notify as apprise_plugin

from alerts.config import Channel
from alerts.errors import Problem
from alerts.models import Item, Match

log = logging.getLogger(__name__)
_print_lock = threading.Lock()


@apprise_plugin(on="console", name="Terminal")
def _console(body: str, title: str, *args: object, **kwargs: object) -> bool:
    """console:// prints alerts to the terminal (standard output), for the demo and for cron."""
    rule = "─" * 72
    with _print_lock:
        print(f"\n{rule}\n{title}\n{rule}\n{body}\n", file=sys.stdout, flush=True)
    return True


@dataclass(frozen=True)
class SendOutcome:
    ok: bool
    error: str | None = None


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
    return found


def redact(text: str, channel: Channel) -> str:
    for secret in _secrets(channel):
        text = text.replace(secret, "****")
    return text


class Notifier:
    """Sends through Apprise. A fresh Apprise object per send: Apprise makes most plugins wait
    about 5.5 s between two sends through the same object, which would cap email throughput."""

    def __init__(self, channels: dict[str, Channel]):
        self.channels = channels

    def _build(self, channel: Channel) -> tuple[apprise.Apprise, list[str]]:
        ap = apprise.Apprise()
        bad: list[str] = []
        # Apprise explains a rejected URL only in its log; keep that reason, redacted.
        for index, url in enumerate(channel.urls):
            with apprise.LogCapture(level=logging.WARNING) as captured:
                added = ap.add(url, tag=list(channel.tags) or None)
            if not added:
                reason = _last_log_line(captured.getvalue()) or "unknown URL form"
                bad.append(f"URL #{index + 1} is not usable by Apprise "
                           f"({redact(reason, channel)})")
        if channel.config_file:
            config = apprise.AppriseConfig()
            before = len(ap)
            with apprise.LogCapture(level=logging.WARNING):
                loaded = config.add(channel.config_file) and ap.add(config)
                count = len(ap)  # Apprise reads the file lazily, on first use
            if not loaded or count == before:
                bad.append(f"Apprise config file {channel.config_file} yields no services "
                           "(Apprise accepts a broken file silently); check its syntax")
        return ap, bad

    def check(self) -> list[Problem]:
        """Every channel must resolve to at least one working Apprise service."""
        problems: list[Problem] = []
        for name, channel in self.channels.items():
            ap, bad = self._build(channel)
            for reason in bad:
                problems.append(Problem("channels", None, f"channel '{name}': {reason}; see "
                                        "https://github.com/caronc/apprise/wiki for URL forms"))
            if not bad and len(ap) == 0:
                problems.append(Problem("channels", None, f"channel '{name}' has no services; "
                                        "give it at least one Apprise URL"))
        return problems

    def send(self, channel_name: str, title: str, body: str) -> SendOutcome:
        channel = self.channels.get(channel_name)
        if channel is None:
            return SendOutcome(False, f"channel '{channel_name}' is no longer in the "
                                      "configuration")
        ap, bad = self._build(channel)
        if len(ap) == 0:
            return SendOutcome(False, "; ".join(bad) or "no services")
        with apprise.LogCapture(level=logging.WARNING) as captured:
            result = ap.notify(body=body, title=title, body_format=apprise.NotifyFormat.TEXT)
            if result:
                return SendOutcome(True)
            error = _last_log_line(captured.getvalue(), first=True)
        error = error or "the service did not accept the message"
        return SendOutcome(False, redact(error, channel)[:500])


def _last_log_line(captured: str, first: bool = False) -> str | None:
    lines = [ln.split(" - ", 2)[-1].strip() for ln in captured.splitlines()]
    lines = [ln for ln in lines if ln]
    if not lines:
        return None
    return lines[0] if first else lines[-1]


def render(item: Item, match: Match) -> tuple[str, str]:
    """Title and plain-text body of one alert."""
    title = f"[{match.severity}] {match.rule_title}: {item.title or '(untitled)'}"
    when = item.published.strftime("%Y-%m-%d %H:%M UTC") if item.published else "date unknown"
    lines = [item.title or "(untitled)"]
    if item.summary:
        summary = item.summary if len(item.summary) <= 600 else item.summary[:597] + "..."
        lines += ["", summary]
    lines += ["", f"Source: {item.feed_name} · {when}"]
    if item.link:
        lines.append(item.link)
    lines += ["", match.explanation, f"Rule: {match.rule_id} ({match.severity})"]
    return title[:250], "\n".join(lines)
