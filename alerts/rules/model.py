"""The Rule dataclass."""

from __future__ import annotations

from dataclasses import dataclass

from alerts.rules.conditions import Condition

SEVERITIES = ("info", "low", "medium", "high", "critical")


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    description: str
    severity: str
    enabled: bool
    condition: Condition
    channels: tuple[str, ...]
    tags: tuple[str, ...]
    file: str
    line: int
    # Headlines the author says must (and must not) fire the rule; `alerts check` tries them.
    examples_match: tuple[tuple[str, int], ...] = ()
    examples_no_match: tuple[tuple[str, int], ...] = ()
    throttle_seconds: float | None = None  # at most one alert per key per this period
    throttle_key: str = "rule"
    corroborate: int = 1  # alert once the story has this many distinct sources
    # None (unset): each development of the story's event (a new status: talks begin ->
    # collapse) alerts as a follow-up threaded to the first alert; an edited item does not.
    # True: every new report (another outlet, an edit) sends a follow-up. False: one alert.
    updates: bool | None = None
    story_window: float | None = None  # `story: {window}` in seconds; None: the daemon's 48 h
    story_by: str = "event"  # `story: {by}`: event | people | text
