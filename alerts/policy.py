"""When a channel's alerts go out: digests, quiet hours and rate limits, on an injected clock.

Everything here is a pure function of the queued rows and `now`: the sender asks each round
what to send, what to gather into a digest and what to hold, so a restart loses nothing and
tests need no sleeping.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from alerts.messages import ALERT, UPDATE, OutboxRow

SEVERITIES = ("info", "low", "medium", "high", "critical")
_TIME = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)\s*$")


def severity_rank(severity: str | None) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else SEVERITIES.index("medium")


@dataclass(frozen=True)
class DigestSchedule:
    """Gather a channel's alerts and send them as one message every N seconds or at fixed
    times of day in a time zone."""

    every: float | None = None
    at: tuple[time, ...] = ()
    timezone: str = "UTC"
    urgent: str | None = None  # this severity and above are sent at once

    def next_after(self, moment: datetime) -> datetime:
        """The first digest time strictly after `moment`."""
        if self.every:
            step = self.every
            slots = int(moment.timestamp() // step) + 1
            return datetime.fromtimestamp(slots * step, UTC)
        zone = ZoneInfo(self.timezone)
        local = moment.astimezone(zone)
        for days in range(0, 3):
            day = local.date() + timedelta(days=days)
            for at in sorted(self.at):
                candidate = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
                if candidate > moment:
                    return candidate
        raise ValueError("a digest schedule needs 'every' or at least one time in 'at'")


@dataclass(frozen=True)
class QuietHours:
    """A daily window (which may cross midnight) in which alerts are held."""

    start: time
    end: time
    timezone: str = "UTC"
    urgent: str | None = None  # this severity and above are sent at once

    def contains(self, moment: datetime) -> bool:
        local = moment.astimezone(ZoneInfo(self.timezone)).time().replace(tzinfo=None)
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def describe(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M} {self.timezone}"


@dataclass(frozen=True)
class RateLimit:
    count: int
    per: float  # seconds
    excess: str = "wait"  # "wait" in the outbox, or fold into one "digest"


@dataclass(frozen=True)
class ChannelPolicy:
    digest: DigestSchedule | None = None
    quiet: QuietHours | None = None
    rate: RateLimit | None = None


@dataclass
class Plan:
    """What to do with a channel's due rows this round, in order."""

    # In order: ("row", row id) to send as it is, or ("digest", (reason, member ids)) to
    # gather into one message and send.
    steps: list[tuple[str, Any]] = field(default_factory=list)
    held: list[int] = field(default_factory=list)  # waiting for a digest, quiet hours' end
    limited: list[int] = field(default_factory=list)  # waiting for the rate limit

    @property
    def send(self) -> list[int]:
        return [value for kind, value in self.steps if kind == "row"]

    @property
    def digests(self) -> list[tuple[str, list[int]]]:
        return [value for kind, value in self.steps if kind == "digest"]


def _urgent(row: OutboxRow, threshold: str | None) -> bool:
    return threshold is not None and severity_rank(row.severity) >= severity_rank(threshold)


def plan_channel(rows: Sequence[OutboxRow], policy: ChannelPolicy, now: datetime,
                 sent_recently: int = 0) -> Plan:
    """Decide, for the due rows of one channel (oldest first), what goes out now.

    - Alerts on a digest channel are held until the first digest time after the oldest of
      them, then gathered into one message (unless urgent).
    - In quiet hours alerts are held (unless urgent); when the window has ended, the alerts
      queued inside it go out as one digest (a single one goes out as itself).
    - At most `rate.count` messages per `rate.per` seconds (`sent_recently` were sent in the
      current window); the excess waits, or with `excess: digest` is folded into one message.
    - Digests and operator notices already queued are never held back except by the rate limit.
    """
    plan = Plan()
    quiet_now = policy.quiet is not None and policy.quiet.contains(now)
    direct: list[OutboxRow] = []
    for_digest: list[OutboxRow] = []
    quiet_held: list[OutboxRow] = []
    for row in rows:
        if row.kind not in (ALERT, UPDATE):
            direct.append(row)
            continue
        if policy.digest is not None and not _urgent(row, policy.digest.urgent):
            for_digest.append(row)
        elif quiet_now and not _urgent(row, policy.quiet.urgent):  # type: ignore[union-attr]
            plan.held.append(row.id)
        elif (policy.quiet is not None and policy.quiet.contains(row.created)
              and not _urgent(row, policy.quiet.urgent)):
            quiet_held.append(row)
        else:
            direct.append(row)

    # Each entry of `outgoing` is one message: a row, or a digest about to be made.
    outgoing: list[tuple[str, Any]] = []
    if for_digest:
        due = policy.digest.next_after(min(r.created for r in for_digest))  # type: ignore[union-attr]
        if now >= due and not quiet_now:
            outgoing.append(("digest", ("digest", [r.id for r in for_digest])))
        else:
            plan.held.extend(r.id for r in for_digest)
    if len(quiet_held) == 1:
        direct.append(quiet_held[0])
    elif quiet_held:
        outgoing.append(("digest", ("quiet", [r.id for r in quiet_held])))
    outgoing.extend(("row", row) for row in direct)
    outgoing.sort(key=_order)

    if policy.rate is not None:
        outgoing = _limit(outgoing, policy.rate, sent_recently, plan)
    plan.steps = [(kind, value.id if kind == "row" else value) for kind, value in outgoing]
    return plan


def _limit(outgoing: list[tuple[str, Any]], rate: RateLimit, sent_recently: int,
           plan: Plan) -> list[tuple[str, Any]]:
    available = max(0, rate.count - sent_recently)
    if len(outgoing) <= available:
        return outgoing
    keep, rest = outgoing[:available], outgoing[available:]
    if rate.excess == "digest" and available >= 1:
        # The last free slot carries one digest of every alert that does not fit.
        keep, rest = outgoing[:available - 1], outgoing[available - 1:]
        members: list[int] = []
        others: list[tuple[str, Any]] = []
        for kind, value in rest:
            if kind == "digest":
                members.extend(value[1])
            elif value.kind in (ALERT, UPDATE):
                members.append(value.id)
            else:
                others.append((kind, value))
        keep.append(("digest", ("rate", sorted(members))) if len(members) > 1
                    else rest[0])
        rest = others if len(members) > 1 else rest[1:]
    for kind, value in rest:
        if kind == "row":
            plan.limited.append(value.id)
        else:
            plan.limited.extend(value[1])
    return keep


def _order(entry: tuple[str, Any]) -> int:
    kind, value = entry
    return value.id if kind == "row" else min(value[1])


# -- reading the settings ---------------------------------------------------------------------

Report = Callable[[tuple[Any, ...], str], None]  # (path below the channel, message)


def parse_time(value: Any) -> time | None:
    """'08:00' -> 08:00. YAML 1.1 reads an unquoted 18:00 as the base-60 number 1080: accept
    that form too, since it is how the value was written."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 0 <= value < 24 * 60:
        return time(value // 60, value % 60)
    m = _TIME.match(str(value))
    return time(int(m.group(1)), int(m.group(2))) if m else None


def check_timezone(name: Any) -> bool:
    try:
        ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _severity(spec: dict, key: str, report: Report, where: tuple[Any, ...]) -> str | None:
    value = spec.get(key)
    if value is None:
        return None
    if value not in SEVERITIES:
        report((*where, key), f"'{key}' must be one of {', '.join(SEVERITIES)}, not {value!r}")
        return None
    return value


def parse_policy(spec: dict, timezone: str, duration: Callable[[Any], float | None],
                 report: Report) -> ChannelPolicy:
    """A channel's digest, quiet_hours and rate_limit settings; problems go to `report`."""
    zone = spec.get("timezone")
    if zone is None:
        zone = timezone if check_timezone(timezone) else "UTC"  # reported with notify
    elif not check_timezone(zone):
        report(("timezone",), f"unknown time zone {zone!r}; use a name such as Europe/Paris "
                              "or UTC")
        zone = "UTC"
    digest = quiet = rate = None
    if "digest" in spec:
        d = spec["digest"]
        every = duration(d["every"]) if "every" in d else None
        if "every" in d and every is None:
            report(("digest", "every"), "'every' must be a duration such as 30m or 1h")
        at: list[time] = []
        for i, value in enumerate(d.get("at", [])):
            parsed = parse_time(value)
            if parsed is None:
                report(("digest", "at", i), f"{value!r} is not a time of day; write '08:00'")
            else:
                at.append(parsed)
        if bool(every) == bool(at):
            report(("digest",), "a digest needs either 'every' (e.g. every: 30m) or 'at' "
                                "(e.g. at: ['08:00', '18:00']), not both or neither")
        else:
            digest = DigestSchedule(every, tuple(at), zone,
                                    _severity(d, "urgent", report, ("digest",)))
    if "quiet_hours" in spec:
        q = spec["quiet_hours"]
        start, end = parse_time(q.get("from")), parse_time(q.get("to"))
        if start is None or end is None:
            report(("quiet_hours",), "quiet hours need 'from' and 'to' times of day, e.g. "
                                     "{from: '22:00', to: '07:00'}")
        else:
            quiet = QuietHours(start, end, zone, _severity(q, "urgent", report, ("quiet_hours",)))
    if "rate_limit" in spec:
        r = spec["rate_limit"]
        per = duration(r.get("per", 60))
        if per is None:
            report(("rate_limit", "per"), "'per' must be a duration such as 1m or 1h")
        else:
            rate = RateLimit(int(r["count"]), per, r.get("excess", "wait"))
    return ChannelPolicy(digest, quiet, rate)


POLICY_SCHEMA: dict[str, Any] = {
    "timezone": {"type": "string"},
    "digest": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "every": {"type": ["number", "string"]},
            "at": {"type": "array", "items": {"type": ["string", "integer"]}, "minItems": 1},
            "urgent": {"enum": list(SEVERITIES)},
        },
    },
    "quiet_hours": {
        "type": "object",
        "additionalProperties": False,
        "required": ["from", "to"],
        "properties": {
            "from": {"type": ["string", "integer"]},
            "to": {"type": ["string", "integer"]},
            "urgent": {"enum": list(SEVERITIES)},
        },
    },
    "rate_limit": {
        "type": "object",
        "additionalProperties": False,
        "required": ["count"],
        "properties": {
            "count": {"type": "integer", "minimum": 1},
            "per": {"type": ["number", "string"]},
            "excess": {"enum": ["wait", "digest"]},
        },
    },
}
