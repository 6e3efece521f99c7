"""The sender: takes due messages from the outbox, delivers them, records the outcome.

Each round, per channel: what the channel's policy lets out now (digests, quiet hours, rate
limit: see policy.py), then one message at a time through Apprise. Channels are served at the
same time (up to PARALLEL_CHANNELS), each in its own order, and every send has a total
deadline (`notify.send_timeout`), so a service that answers slowly holds up only its own
channel. Success is recorded at once; a failure is retried with exponential backoff and
jitter, or after the time the service asked for (Retry-After), and a permanent refusal (HTTP
400, 401, 403, 404..., SMTP 5xx) or too many failures make a dead letter, reported on the
fallback channel. A channel that fails is left alone for the rest of the round; the others
go on. When `stopping()` turns true (the daemon is shutting down), no new send starts; a send
cut short leaves its message queued as it was.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Coroutine, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from alerts.config import NotifySettings
from alerts.messages import ALERT, DIGEST, NOTICE, UPDATE, OutboxRow, Outgoing
from alerts.notify import Notifier, SendOutcome
from alerts.policy import SEVERITIES, ChannelPolicy, plan_channel, severity_rank
from alerts.render import Renderer, TemplateProblem, digest_facts, short_hash
from alerts.routing import ChannelStyle, complete_facts

log = logging.getLogger(__name__)

# A refusal of this one message: the channel itself works, its next messages may go.
MESSAGE_REFUSED = frozenset({400, 413, 422})
PARALLEL_CHANNELS = 8  # channels sent to at the same time


class OutboxStore(Protocol):
    """The part of the state the sender uses (`alerts.state.Store` is one)."""

    def outbox_due(self, now: datetime, limit: int = 2000) -> list[OutboxRow]: ...
    def outbox_rows(self, ids: Iterable[int]) -> list[OutboxRow]: ...
    def alert_texts(self, outbox_ids: Iterable[int]) -> dict[int, tuple[str, str]]: ...
    def channel_pauses(self, now: datetime) -> dict[str, datetime]: ...
    def pause_channel(self, channel: str, until: datetime, reason: str) -> None: ...
    def sent_count(self, channel: str, since: datetime) -> int: ...
    def mark_sent(self, delivery_id: int, now: datetime) -> None: ...
    def mark_failed(self, delivery_id: int, error: str, retry_at: datetime | None,
                    done: Iterable[str] | None = None) -> None: ...
    def fold_digest(self, member_ids: list[int], digest: Outgoing,
                    now: datetime) -> int | None: ...
    def report_dead(self, notice: Callable[[list[OutboxRow]], Outgoing | None],
                    now: datetime) -> list[OutboxRow]: ...


@dataclass
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    dead: int = 0
    held: int = 0  # waiting for a digest, the end of quiet hours, the rate limit or a pause
    digests: int = 0  # digests made this round

    @property
    def failed(self) -> int:
        return self.retrying + self.dead


def retry_delay(attempts: int, settings: NotifySettings, rng: random.Random) -> float:
    """Exponential backoff with jitter, so many failed alerts do not retry in lockstep."""
    base = min(settings.retry_max, settings.retry_base * 2 ** max(0, attempts - 1))
    return base * rng.uniform(0.8, 1.2)


async def deliver_due(store: OutboxStore, notifier: Notifier, settings: NotifySettings,
                      clock: Callable[[], datetime], rng: random.Random | None = None,
                      stopping: Callable[[], bool] = lambda: False) -> DeliveryReport:
    rng = rng or random.Random()
    report = DeliveryReport()
    now = clock()
    report_dead_letters(store, notifier, settings, now)
    paused = store.channel_pauses(now)
    by_channel: dict[str, list[OutboxRow]] = {}
    for row in store.outbox_due(now):
        by_channel.setdefault(row.channel, []).append(row)
    limit = asyncio.Semaphore(PARALLEL_CHANNELS)

    async def one(channel: str, rows: list[OutboxRow]) -> None:
        async with limit:
            await _deliver_channel(store, notifier, settings, clock, rng, channel, rows,
                                   report, stopping)

    waiting: list[Coroutine[Any, Any, None]] = []
    for channel, rows in by_channel.items():
        if channel in paused:
            report.held += len(rows)
        elif notifier.busy(channel):
            # Its last send passed the deadline and still runs: the next ones wait for it.
            report.held += len(rows)
            log.info("channel '%s': a send abandoned at its deadline still runs; its %d "
                     "queued messages wait", channel, len(rows))
        else:
            waiting.append(one(channel, rows))
    results = await asyncio.gather(*waiting, return_exceptions=True)
    for result in results:  # the other channels were served; then the first error is told
        if isinstance(result, BaseException):
            raise result
    return report


async def _deliver_channel(store: OutboxStore, notifier: Notifier, settings: NotifySettings,
                           clock: Callable[[], datetime], rng: random.Random, channel: str,
                           rows: list[OutboxRow], report: DeliveryReport,
                           stopping: Callable[[], bool] = lambda: False) -> None:
    config = notifier.channels.get(channel)
    policy = config.policy if config is not None else ChannelPolicy()
    now = clock()
    recent = (store.sent_count(channel, now - timedelta(seconds=policy.rate.per))
              if policy.rate else 0)
    plan = plan_channel(rows, policy, now, recent)
    report.held += len(plan.held) + len(plan.limited)
    by_id = {row.id: row for row in rows}
    for kind, value in plan.steps:
        if stopping():
            return
        if kind == "row":
            row = by_id[value]
            if not row.body and row.kind in (ALERT, UPDATE):
                row = rendered(store, config.style if config else ChannelStyle(), row)
        else:
            reason, members = value
            digest = make_digest(store, config.style if config else ChannelStyle(), channel,
                                 reason, [by_id[i] for i in members], now, policy)
            if digest is None:
                continue
            row = digest
            report.digests += 1
        outcome = await notifier.send_within(
            row.channel, row.title, row.body, format=row.format,
            alert_id=row.alert_id, thread_id=row.thread_id, done=row.services_done, now=now,
            severity=row.severity)
        if outcome.ok:
            store.mark_sent(row.id, clock())
            report.sent += 1
            continue
        _record_failure(store, settings, clock(), rng, row, outcome, report)
        # Likely down: its other messages wait for the next round without spending an
        # attempt, and other channels go on. A refusal of this message alone does not count.
        if not (outcome.permanent and _message_refused(outcome)):
            return


def rendered(store: OutboxStore, style: ChannelStyle, row: OutboxRow) -> OutboxRow:
    """A queued alert with its body rendered now, in the channel's current style, from the
    facts stored with it and the texts of its item and match (queued without a body since
    #17; rows queued before have theirs and are sent as they are)."""
    summary, explanation = store.alert_texts([row.id]).get(row.id, ("", ""))
    facts = complete_facts(row.payload, summary, explanation)
    try:
        title, body = style.renderer().alert(facts)
        fmt = style.format
    except TemplateProblem as exc:  # only the shipped templates are left: a bug
        log.error("could not render alert %s for channel '%s': %s", row.id, row.channel, exc)
        title, body = Renderer("text").notice(row.title, [str(facts.get("title", "")),
                                                          facts["explanation"]])
        fmt = "text"
    return replace(row, title=row.title or title, body=body, format=fmt)


def _message_refused(outcome: SendOutcome) -> bool:
    failed = [s for s in outcome.services if not s.ok]
    return bool(failed) and all(s.status in MESSAGE_REFUSED for s in failed)


def _record_failure(store: OutboxStore, settings: NotifySettings, now: datetime, rng: random.Random,
                    row: OutboxRow, outcome: SendOutcome, report: DeliveryReport) -> None:
    attempts = row.attempts + 1
    error = outcome.error or "failed"
    if outcome.permanent:
        store.mark_failed(row.id, f"{error} (permanent: the service refused it; fix the cause, "
                                  f"then `alerts outbox retry {row.id}`)", None, outcome.done)
        report.dead += 1
        log.error("%s %d to channel '%s' was refused for good and is given up: %s; see "
                  "`alerts outbox`", row.kind, row.id, row.channel, error)
    elif attempts >= settings.max_attempts:
        store.mark_failed(row.id, error, None, outcome.done)
        report.dead += 1
        log.error("%s %d to channel '%s' failed %d times and was given up: %s; see "
                  "`alerts outbox`", row.kind, row.id, row.channel, attempts, error)
    else:
        if outcome.retry_after is not None:
            # The service said when: honour it, for the whole channel.
            delay = max(1.0, outcome.retry_after)
            store.pause_channel(row.channel, now + timedelta(seconds=delay),
                                f"the service asked to wait {delay:.0f} s")
        else:
            delay = retry_delay(attempts, settings, rng)
        retry_at = now + timedelta(seconds=delay)
        store.mark_failed(row.id, error, retry_at, outcome.done)
        report.retrying += 1
        log.warning("%s %d to channel '%s' failed (%s); retrying at %s", row.kind, row.id,
                    row.channel, error, retry_at.strftime("%H:%M:%S"))


def make_digest(store: OutboxStore, style: ChannelStyle, channel: str, reason: str,
                members: list[OutboxRow], now: datetime,
                policy: ChannelPolicy | None = None) -> OutboxRow | None:
    """Gather queued alerts into one digest message (in the outbox, atomically)."""
    facts: list[Mapping[str, Any]] = [row.payload or _facts_of(row) for row in members]
    digest_id = "d" + short_hash(channel, *(str(row.id) for row in members), size=9)
    detail = ""
    if reason == "quiet" and policy is not None and policy.quiet is not None:
        detail = f"({policy.quiet.describe()})"
    try:
        title, body = style.renderer().digest(digest_facts(facts, reason, digest_id, detail))
        fmt = style.format
    except TemplateProblem as exc:
        log.error("could not render a digest for channel '%s': %s", channel, exc)
        title, body = Renderer("text").digest(digest_facts(facts, reason, digest_id, detail))
        fmt = "text"
    severity = max((row.severity or "medium" for row in members), key=severity_rank,
                   default=SEVERITIES[2])
    digest = Outgoing(channel, title, body, fmt, kind=DIGEST, alert_id=digest_id,
                      severity=severity, payload={"members": [row.id for row in members],
                                                  "reason": reason})
    new_id = store.fold_digest([row.id for row in members], digest, now)
    if new_id is None:
        return None
    return store.outbox_rows([new_id])[0]


def _facts_of(row: OutboxRow) -> dict:
    """What a digest can say about a message queued without its facts (older versions)."""
    return {"title": row.title, "rule_id": row.rule_id or "?", "rule_title": row.rule_id or "?",
            "severity": row.severity or "medium", "alert_id": row.alert_id,
            "story": row.story or row.alert_id, "when": row.created.strftime("%Y-%m-%d %H:%M UTC"),
            "who": [], "sources": []}


def report_dead_letters(store: OutboxStore, notifier: Notifier, settings: NotifySettings,
                        now: datetime) -> list[OutboxRow]:
    """Tell the operator, on the fallback channel, about messages given up since last time."""
    fallback = settings.fallback

    def notice(dead: list[OutboxRow]) -> Outgoing | None:
        worth = [row for row in dead if row.kind != NOTICE]  # no notices about notices
        if not worth or fallback is None or fallback not in notifier.channels:
            if worth:
                log.error("%d alerts were given up and no fallback channel is set "
                          "(notify.fallback); see `alerts outbox`", len(worth))
            return None
        style = notifier.channels[fallback].style
        lines = [f"{len(worth)} message{'s' if len(worth) != 1 else ''} could not be "
                 "delivered and {} given up:".format("were" if len(worth) != 1 else "was")]
        for row in worth:
            lines.append(f"#{row.id} to channel '{row.channel}' ({row.kind}, "
                         f"{row.attempts} attempts): {row.title}. Last error: {row.last_error}")
        lines.append("Fix the cause, then run `alerts outbox retry ID` (or --all) to send "
                     "them again; `alerts outbox` lists them.")
        title, body = Renderer(style.format).notice(
            f"alerts: {len(worth)} undelivered message{'s' if len(worth) != 1 else ''}", lines)
        return Outgoing(fallback, title, body, style.format, kind=NOTICE,
                        alert_id="n" + short_hash(*(str(row.id) for row in worth), size=9),
                        severity="high")

    return store.report_dead(notice, now)
