"""Plain data passed between the pipeline's stages. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Feed:
    """A feed as the configuration describes it."""

    url: str
    name: str
    interval: float  # seconds between polls
    language: str | None = None
    tags: tuple[str, ...] = ()
    backfill: bool = False
    publisher: str | None = None  # several feeds of one outlet count once for corroboration
    # How to reach it, secrets included: `url` is the credential-free identity shown, logged
    # and stored (each ${VARIABLE} as ***); these are used only to make the request.
    request_url: str = field(default="", repr=False, compare=False)  # "" when it is `url`
    headers: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)
    secrets: tuple[str, ...] = field(default=(), repr=False, compare=False)  # never shown


@dataclass(frozen=True)
class FeedState:
    """What we remember about a feed between polls."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    initialised: bool = False
    error_count: int = 0
    last_success: datetime | None = None


@dataclass(frozen=True)
class Fetched:
    """The outcome of one HTTP request for a feed."""

    requested_url: str
    final_url: str
    status: int
    body: bytes | None  # None on 304 Not Modified
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    # Reached through redirects that were all permanent (301/308): the feed has moved.
    permanent_redirect: bool = False
    max_age: float | None = None  # Cache-Control max-age, seconds: no point asking sooner

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class Item:
    """One feed entry, normalised to plain text."""

    feed_url: str
    feed_name: str
    key: str  # stable identity within the feed
    guid: str | None  # the entry id exactly as the feed gives it
    link: str | None  # canonical: tracking parameters removed
    title: str
    summary: str
    published: datetime | None  # UTC, None when absent or invalid
    language: str | None = None
    feed_tags: tuple[str, ...] = ()
    content_hash: str = ""
    # The entry's full text (content:encoded, Atom <content>) when it says more than the
    # summary, else ""; its author(s) and its own categories, all plain text.
    content: str = ""
    author: str = ""
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """A rule that fired on an item, with the reasons in words."""

    rule_id: str
    rule_title: str
    severity: str
    channels: tuple[str, ...]
    explanation: str
    suppressed: str | None = None  # why it must not alert (e.g. throttled); still recorded
    story_id: int | None = None  # the story (one real-world event) the item belongs to


@dataclass(frozen=True)
class Delivery:
    """A queued notification, as the sender takes it from the outbox."""

    id: int
    channel: str
    title: str
    body: str
    attempts: int


@dataclass
class PollResult:
    """What one poll of one feed did, for logs, `poll --once` and tests."""

    feed_url: str
    status: str  # "new" | "not-modified" | "unchanged" | "error"
    http_status: int | None = None
    entries: int = 0
    new_items: int = 0
    edited_items: int = 0
    alerts_queued: int = 0
    suppressed_backlog: int = 0
    flood: bool = False  # most of the feed came back as new: recorded without alerting
    error: str | None = None
    matched_rules: list[str] = field(default_factory=list)
    matches: list[tuple[Item, Match]] = field(default_factory=list)
    # When polled, the feed was not disabled and no notice of its health was outstanding
    # (alerts.health.HealthWatch.check: nothing to say after a poll that stored new items).
    health_settled: bool = False
