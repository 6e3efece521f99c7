"""Notifications as plain data: what is queued in the outbox, and what the sender takes out.

No I/O here: the pipeline builds Outgoing messages, state.py stores them, deliver.py reads them
back as OutboxRows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

FORMATS = ("text", "markdown", "html")

# kind of an outbox row
ALERT = "alert"  # the first alert of a (rule, story)
UPDATE = "update"  # a later development of a story whose rule asks for updates
DIGEST = "digest"  # several alerts gathered into one message
NOTICE = "notice"  # a message for the operator (dead letters)


@dataclass(frozen=True)
class Outgoing:
    """One message for one channel, rendered in that channel's format."""

    channel: str
    title: str  # always plain text (an email subject); escaped per service when sent
    body: str  # in `format`
    format: str = "text"
    kind: str = ALERT
    alert_id: str | None = None  # stable: a repeated delivery carries the same id
    thread_id: str | None = None  # for updates: the alert id of the first alert
    severity: str | None = None
    rule_id: str | None = None
    story: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)  # the alert's facts, for digests


@dataclass(frozen=True)
class OutboxRow:
    """A queued message as the sender takes it from the outbox."""

    id: int
    channel: str
    kind: str
    title: str
    body: str
    format: str
    alert_id: str | None
    thread_id: str | None
    severity: str | None
    rule_id: str | None
    story: str | None
    payload: dict[str, Any]
    attempts: int
    created: datetime
    next_attempt: datetime
    services_done: frozenset[str] = frozenset()
    status: str = "pending"
    last_error: str | None = None
