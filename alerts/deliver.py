"""The sender: takes due alerts from the outbox, delivers them, records the outcome."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from alerts.config import NotifySettings
from alerts.notify import Notifier
from alerts.state import Store

log = logging.getLogger(__name__)


@dataclass
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    dead: int = 0

    @property
    def failed(self) -> int:
        return self.retrying + self.dead


def retry_delay(attempts: int, settings: NotifySettings, rng: random.Random) -> float:
    """Exponential backoff with jitter, so many failed alerts do not retry in lockstep."""
    base = min(settings.retry_max, settings.retry_base * 2 ** max(0, attempts - 1))
    return base * rng.uniform(0.8, 1.2)


async def deliver_due(store: Store, notifier: Notifier, settings: NotifySettings,
                      clock: Callable[[], datetime], rng: random.Random | None = None,
                      ) -> DeliveryReport:
    rng = rng or random.Random()
    report = DeliveryReport()
    failing_channels: set[str] = set()
    for delivery in store.due_deliveries(clock(), limit=500):
        # A channel that just failed is likely down: its other alerts wait for the next round
        # without spending an attempt, and other channels go on.
        if delivery.channel in failing_channels:
            continue
        outcome = await asyncio.to_thread(notifier.send, delivery.channel, delivery.title,
                                          delivery.body)
        if outcome.ok:
            store.mark_sent(delivery.id, clock())
            report.sent += 1
            continue
        failing_channels.add(delivery.channel)
        attempts = delivery.attempts + 1
        if attempts >= settings.max_attempts:
            store.mark_failed(delivery.id, outcome.error or "failed", None)
            report.dead += 1
            log.error("alert %d to channel '%s' failed %d times and was given up: %s; "
                      "see `alerts status`", delivery.id, delivery.channel, attempts,
                      outcome.error)
        else:
            retry_at = clock() + timedelta(seconds=retry_delay(attempts, settings, rng))
            store.mark_failed(delivery.id, outcome.error or "failed", retry_at)
            report.retrying += 1
            log.warning("alert %d to channel '%s' failed (%s); retrying at %s",
                        delivery.id, delivery.channel, outcome.error,
                        retry_at.strftime("%H:%M:%S"))
    return report
