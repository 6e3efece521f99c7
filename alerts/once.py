"""`alerts poll --once`: every feed once, then whatever is due is delivered.

Kept apart from the daemon (its scheduler is not needed here) and light to start: Apprise,
the channel check and the templates are loaded only when something is to be sent, so a
cycle in which nothing changed (every feed 304) imports none of them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from alerts.config import Settings
from alerts.errors import AlertsError, ConfigError
from alerts.fetch import Fetcher
from alerts.health import HealthWatch
from alerts.models import Feed
from alerts.parsememo import ParseMemo, memo_path
from alerts.pipeline import Poller, describe, utc_now
from alerts.routing import Composer
from alerts.rules import RuleSet
from alerts.state import Store

if TYPE_CHECKING:
    import subprocess

    from alerts.pollworker import PollWorkers, Spawned

# A poll that leaves the feed's items current: fetched, unchanged, or fresh by the server's
# own word (max-age, <ttl>). Backoff, Retry-After, 410 and failures are not.
UP_TO_DATE = frozenset({"new", "not-modified", "unchanged", "waiting"})


def something_due(store: Store) -> bool:
    """A queued message is due now: only then are Apprise and the channels worth loading."""
    return bool(store.outbox_due(utc_now(), limit=1))


def _check_channels(settings: Settings) -> asyncio.Future:
    """The channels checked in a thread (Apprise loads its plugins for a few hundred ms)."""
    from alerts.notify import channel_problems

    return asyncio.ensure_future(asyncio.to_thread(channel_problems, settings))


async def poll_once(settings: Settings, rules: RuleSet, *, force_backfill: bool = False,
                    send: bool = True, concurrency: int = 8,
                    report: Callable[[str], None] = print,
                    claim: Callable[[], str | None] | None = None,
                    only: tuple[str, ...] = (), spawned: Spawned | None = None) -> int:
    """Every feed once, then deliver. Exit 0 when all went well, 3 when a feed or a delivery
    failed, or no feed could be polled at all (each one's reason is reported).

    The channels are checked (loading Apprise) only when a message is due: beside the polls
    when one was waiting already, after them when they queued one. If a channel is unusable,
    what was polled stays stored and queued, nothing is sent, and ConfigError says why.
    `claim` takes the right to send (the state's lock): it returns why not when a running
    daemon has it, and then what was polled is left queued for that daemon to send. `only`:
    these feeds (by name or URL), polled now whatever their backoff; `spawned`: poll workers'
    processes started already (spawn_early), given to the workers or ended."""
    feeds = settings.feeds
    if only:
        feeds = tuple(f for f in settings.feeds if f.name in only or f.url in only)
        unknown = sorted(set(only) - {f.name for f in feeds} - {f.url for f in feeds})
        if unknown:
            raise AlertsError(f"no feed named {', '.join(map(repr, unknown))} in "
                              f"{settings.path}; `alerts feeds list` shows the names")

    store = Store(settings.state_path)
    checking = _check_channels(settings) if send and something_due(store) else None
    fetcher = Fetcher(settings.fetch)
    # What the last run parsed and stored: its entries are not parsed again (alerts.parse).
    memo_file = memo_path(settings.state_path)
    poller = Poller(store, fetcher, rules, max_entries=settings.fetch.max_entries,
                    force_backfill=force_backfill, composer=Composer.from_settings(settings),
                    story_window=timedelta(seconds=settings.stories.window),
                    parse_memo=ParseMemo.load(memo_file))
    health = HealthWatch(store, settings)
    workers = _first_poll_workers(store, feeds, settings, rules, poller, force_backfill,
                                  spawned.take() if spawned is not None else [])
    limit = asyncio.Semaphore(concurrency)
    failures = 0
    polled = 0  # feeds whose server answered with the feed (or said it is still fresh)

    async def one(feed: Feed) -> None:
        nonlocal failures, polled
        async with limit:
            try:
                result = await poller.poll(feed, force=bool(only))
            except AlertsError as exc:  # e.g. the database is locked: the other feeds go on
                failures += 1
                report(f"{feed.name}: failed: {exc}")
                return
            health.check(feed, result)  # `poll --once` from a timer tells the operator too
        if result.status == "error":
            failures += 1
        elif result.status in UP_TO_DATE:
            polled += 1
        report(describe(result, feed))

    try:
        # The workers start while the first documents are fetched.
        warming = [workers.warm(len(workers.workers))] if workers is not None else []
        await asyncio.gather(*warming, *(one(feed) for feed in feeds))
        poller.parse_memo.save(memo_file)
        if send and checking is None and something_due(store):
            checking = _check_channels(settings)
        problems = await checking if checking is not None else []
        if problems:
            raise ConfigError(problems)
        busy = claim() if checking is not None and claim is not None else None
        if busy is not None:
            report(busy)
        elif checking is not None:
            failures += await _deliver(settings, store, report)
    finally:
        if checking is not None and not checking.done():
            await asyncio.gather(checking, return_exceptions=True)
        await fetcher.aclose()
        if workers is not None:
            workers.close()
        store.close()
    if polled == 0:
        report(nothing_polled(settings))
        return 3
    return 0 if failures == 0 else 3


def _first_poll_workers(store: Store, feeds: tuple[Feed, ...], settings: Settings,
                        rules: RuleSet, poller: Poller, force_backfill: bool,
                        spawned: list[subprocess.Popen[bytes]]) -> PollWorkers | None:
    """Poll workers for the feeds polled for the first time (alerts.pollworker), made the
    poller's offload, when there are at least FIRST_POLLS_FOR_WORKERS of them and two cores
    to share: each first poll digests all of its feed's items, and each worker costs a start
    of a few hundred ms. `spawned`: their processes started already, ended when unused."""
    from alerts import childpipe
    from alerts.pollworker import FIRST_POLLS_FOR_WORKERS, PollWorkers, worker_count

    count = worker_count()
    first = store.first_polls([feed.url for feed in feeds]) if count >= 2 else 0
    if not rules.enabled or first < FIRST_POLLS_FOR_WORKERS:
        for proc in spawned:
            childpipe.kill(proc)
        return None
    # Kept until the run ends: a worker started early must not end before the documents
    # come (a slow server), and the run's end ends them all.
    workers = PollWorkers.made(min(count, first), lambda: (settings, rules, force_backfill),
                               poller.parse_memo, poller.digest, idle_seconds=3600,
                               spawned=spawned)
    for proc in spawned[len(workers.workers):]:
        childpipe.kill(proc)
    poller.offload = workers.digest
    return workers


async def _deliver(settings: Settings, store: Store, report: Callable[[str], None]) -> int:
    """Send what is due; the failures. Messages given up in this round are reported on the
    fallback channel at once (the next round does that), not at the next alert."""
    from alerts.deliver import deliver_due
    from alerts.notify import Notifier

    notifier = Notifier(settings.channels, settings.notify.send_timeout)
    delivered = await deliver_due(store, notifier, settings.notify, utc_now)
    if delivered.dead:
        again = await deliver_due(store, notifier, settings.notify, utc_now)
        delivered.sent += again.sent
        delivered.retrying += again.retrying
        delivered.dead += again.dead
    if delivered.sent or delivered.failed:
        report(f"alerts delivered: {delivered.sent}, failed: {delivered.failed} "
               "(failed ones stay queued and are retried)")
    return delivered.failed


def nothing_polled(settings: Settings) -> str:
    if not settings.feeds:
        return (f"nothing was polled: {settings.path} lists no feeds; add some under "
                "'feeds:' and run `alerts check`")
    return (f"nothing could be polled: none of the {len(settings.feeds)} feeds was fetched "
            "(each one's reason is above). Fix the failing feeds, or wait for the backoff "
            "or the server's Retry-After to pass; `alerts status` shows when each is due")
