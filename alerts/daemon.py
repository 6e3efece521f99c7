"""`alerts run`: one APScheduler job per feed, a sender, signals, rule reload."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol, cast

from apscheduler.triggers.interval import IntervalTrigger

from alerts.clock import SteadyScheduler
from alerts.config import Settings
from alerts.errors import AlertsError, ConfigError
from alerts.fetch import Fetcher, poll_deadline
from alerts.health import HealthWatch
from alerts.models import Feed
from alerts.once import UP_TO_DATE, nothing_polled, poll_once  # noqa: F401 - their old home
from alerts.pipeline import Poller, describe, utc_now
from alerts.routing import Composer
from alerts.rules import RuleSet
from alerts.state import Store
from alerts.systemd import ProgressWatch, SystemdNotifier

if TYPE_CHECKING:  # the sender's modules load Apprise: only when something is to be sent
    from alerts.deliver import DeliveryReport, OutboxStore
    from alerts.messages import Outgoing
    from alerts.metrics import Metrics
    from alerts.notify import Notifier
    from alerts.pollworker import PollWorkers
    from alerts.rules.history import HistoryKeep

log = logging.getLogger(__name__)

SHUTDOWN_GRACE = 5.0  # seconds in-flight polls get to finish after SIGTERM
RULE_WATCH_INTERVAL = 2.0  # seconds between checks of the rule files for changes
MAX_JITTER = 300.0
# The watchdog is fed only while some feed was polled successfully within this many of the
# longest feed interval (plus a fetch deadline): a daemon whose polling is stuck gets restarted.
STALL_INTERVALS = 3
# Polls in which a server answered as it should; a failure or a skipped feed is no progress.
PROGRESS_STATUSES = frozenset({"new", "not-modified", "unchanged", "postponed", "waiting"})
STATUS_EVERY = 30.0  # seconds between STATUS= updates when systemd sets no watchdog
FIRST_POLL_WAIT = 1.0  # seconds the channel check waits for the first poll to begin
# Once no poll has run for this long, the per-text caches are emptied, the knowledge base is
# let go (read back from its cache file by the next poll with new items, in about 0.2 s; a 304
# poll never needs it) and the memory given back (alerts.trim): the next polls bring new texts.
# One trim for both: the base let go with the caches is given back in the same malloc_trim, and
# an idle daemon is lean seconds sooner (issue #17: 3 s after a first poll of 200 feeds it
# still held the base, about 20 MiB).
TRIM_AFTER = 2.0


@dataclass(frozen=True)
class _NothingSent:
    """A sender's round that had nothing due, for the metrics (alerts.deliver's
    DeliveryReport would load Apprise)."""

    sent: int = 0
    retrying: int = 0
    dead: int = 0


class DaemonStore(Protocol):
    """What the daemon itself asks of the state (`alerts.state.Store` is one): moving stored
    waits after a clock step, pruning, the outbox's counts for the metrics, queueing its own
    notices, closing. The poller, the health checks and the sender get the same Store through
    their own protocols (PollStore, HealthStore, OutboxStore)."""

    def shift_deadlines(self, seconds: float) -> int: ...
    def prune(self, before: datetime,
              keep: Mapping[str, HistoryKeep] | None = None) -> dict[str, int]: ...
    def outbox_counts(self) -> dict[str, int]: ...
    def queue(self, messages: Iterable[Outgoing], now: datetime) -> int: ...
    def close(self) -> None: ...


class Daemon:
    def __init__(self, settings: Settings, rules: RuleSet, *,
                 reload_rules: Callable[[], RuleSet] | None = None,
                 reload_config: Callable[[], tuple[Settings, RuleSet]] | None = None,
                 duration: float | None = None, force_backfill: bool = False,
                 clock: Callable[[], datetime] = utc_now):
        self.settings = settings
        self.rules = rules
        self.reload_rules = reload_rules
        self.reload_config = reload_config
        self.scheduler: SteadyScheduler | None = None
        self.notifier: Notifier | None = None
        self.duration = duration
        self.force_backfill = force_backfill
        self.clock = clock
        self._stop = asyncio.Event()
        self._polling = asyncio.Event()  # the first poll has begun
        self._wake_sender = asyncio.Event()
        self._inflight: set[asyncio.Task] = set()
        self._reloads: set[asyncio.Task] = set()  # reloads asked for by SIGHUP
        self._trim: asyncio.TimerHandle | None = None  # emptying the caches, once idle
        self._reload_lock = asyncio.Lock()
        self._refused_since: datetime | None = None  # rules on disk were refused since then
        self._damaged = False  # the state database proved damaged: stop and exit 2
        self.poller: Poller | None = None
        self.worker: PollWorkers | None = None  # first polls (alerts.pollworker), while running
        self.store: DaemonStore | None = None  # while running
        self.metrics: Metrics | None = None
        self.health: HealthWatch | None = None
        self.systemd = SystemdNotifier()
        longest = max((feed.interval for feed in settings.feeds), default=None)
        self.progress = ProgressWatch(
            float("inf") if longest is None
            else STALL_INTERVALS * longest + settings.fetch.timeout)

    def stop(self) -> None:
        self._stop.set()
        self._wake_sender.set()  # the sender ends its round early and stops

    async def run(self) -> int:
        settings = self.settings
        from alerts.rules.loader import no_rules_problem

        empty = no_rules_problem(self.rules.rules, settings.rule_paths, str(settings.path))
        if empty is not None:  # every item would be recorded as seen and never alerted
            log.error("%s; alerts does not start without one.", empty)
            return 2
        store = Store(settings.state_path)  # the one entry point; each part sees its protocol
        self.store = store
        fetcher = Fetcher(settings.fetch)
        self.poller = Poller(store, fetcher, self.rules, max_entries=settings.fetch.max_entries,
                             force_backfill=self.force_backfill, clock=self.clock,
                             composer=Composer.from_settings(settings),
                             story_window=timedelta(seconds=settings.stories.window))
        if self.clock is utc_now:  # first polls' items digested in processes that end
            from alerts.pollworker import PollWorkers, worker_count

            poller = self.poller
            self.worker = PollWorkers.made(
                max(1, worker_count()), lambda: (self.settings, self.rules,
                                                 self.force_backfill),
                poller.parse_memo, poller.digest)
            poller.offload = self.worker.digest
        self.health = HealthWatch(store, settings, self.clock)
        if settings.metrics.listen:
            from alerts.metrics import Metrics

            self.metrics = Metrics()
            self.metrics.rules.set(len(self.rules))
            if not self.metrics.serve(settings.metrics.listen):
                self.metrics = None
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self.stop)
        loop.add_signal_handler(signal.SIGHUP, self._reload)

        scheduler = SteadyScheduler(
            timezone=UTC, on_step=lambda step: self._clock_stepped(store, step),
            # Late runs must not be dropped silently (the default grace is 1 s), and a backlog
            # of missed runs collapses into one.
            job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1},
        )
        start = datetime.now(UTC)
        for index, feed in enumerate(settings.feeds):
            scheduler.add_job(
                self._poll_job, IntervalTrigger(seconds=feed.interval,
                                                jitter=min(feed.interval * 0.1, MAX_JITTER)),
                args=[feed], id=f"feed:{feed.url}", name=feed.name,
                next_run_time=start + timedelta(seconds=min(0.05 * index, 5.0)))
        scheduler.add_job(self._prune, IntervalTrigger(hours=6), args=[store], id="prune",
                          next_run_time=start + timedelta(minutes=1))
        scheduler.start()
        self.scheduler = scheduler
        watcher = asyncio.create_task(self._watch_rules())
        tasks = [watcher]
        sender: asyncio.Task | None = None
        exit_code = 0
        try:
            # Every channel is checked (in a child process) while the first polls already run;
            # Apprise is loaded here only when something is to be sent.
            if not await self._channels_usable():
                exit_code = 2
            else:
                sender = asyncio.create_task(self._sender_loop(store, store.outbox_counts))
                tasks.append(sender)
                log.info("alerts is running: %d feeds, %d rules, state in %s; stop with Ctrl-C",
                         len(settings.feeds), len(self.rules), settings.state_path)
                # Polling has begun and the channels work: systemd may consider us started.
                self.systemd.ready(self._summary())
                tasks.append(asyncio.create_task(self._systemd_loop()))
                if self.duration is not None:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._stop.wait(), timeout=self.duration)
                else:
                    await self._stop.wait()
        finally:
            log.info("stopping")
            self.systemd.stopping()
            scheduler.shutdown(wait=False)
            # Polls in flight and the sender's current send share one grace; then they are
            # cut short. A poll's transaction was never begun or already committed; a send cut
            # short leaves its message queued (its thread is a daemon: exit does not wait).
            finishing = set(self._inflight) | {t for t in tasks if t is sender}
            if finishing:
                _, pending = await asyncio.wait(finishing, timeout=SHUTDOWN_GRACE)
                for task in pending:
                    task.cancel()
                await asyncio.gather(*pending, return_exceptions=True)
            tasks.extend(self._reloads)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if self.worker is not None:
                self.worker.close()
            await fetcher.aclose()
            store.close()
            if self.metrics is not None:
                self.metrics.close()
            for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                loop.remove_signal_handler(sig)
        if self._damaged:
            return 2  # as for a wrong configuration: a restart cannot help
        if exit_code:
            return exit_code
        log.info("stopped cleanly")
        return 0

    async def _channels_usable(self) -> bool:
        """Whether every channel works; False after saying why.

        The check loads Apprise (a few hundred milliseconds of CPU, 23 MiB that would stay
        for the life of the daemon): it runs in a short-lived child process
        (alerts.channelcheck), started once the first requests went out (or after a second,
        if no feed is due). A reload during the check brings its own check of the new
        channels, and the notifier is built from the channels in force when it is needed."""
        from alerts.channelcheck import channel_problems

        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._polling.wait(), timeout=FIRST_POLL_WAIT)
        problems = await asyncio.to_thread(channel_problems, self.settings)
        if problems:
            log.error("%s\nNo alert can be sent like this, so alerts stops: fix the channels "
                      "(`alerts check` says when they are right) and start it again.",
                      ConfigError(problems))
            return False
        return True

    def _clock_stepped(self, store: DaemonStore, step: float) -> None:
        """Backoffs, Retry-Afters and alert retries keep the wait they had left."""
        try:
            moved = store.shift_deadlines(step)
        except AlertsError as exc:
            log.warning("after the clock step, stored retry times could not be moved (%s); "
                        "feeds in backoff may wait longer or shorter than planned", exc)
            return
        if moved:
            log.info("moved %d stored retry times with the clock", moved)
        self._wake_sender.set()

    async def _prune(self, store: DaemonStore) -> None:
        """Stories and rule history older than the retention window are forgotten, but for
        the history loaded rules still read."""
        from alerts.rules.retention import history_keep, history_needs

        now = self.clock()
        before = now - timedelta(seconds=self.settings.stories.retention)
        # History a loaded rule still reads (a gap of 180 days) outlives the retention.
        keep = history_keep(history_needs(self.rules.rules), before, now)
        try:
            counts = store.prune(before, keep)
        except AlertsError as exc:
            log.warning("pruning old stories failed (%s); it is tried again later", exc)
            return
        if any(counts.values()):
            log.info("pruned %d stories, %d items and %d history records older than %s",
                     counts["stories"], counts["items"], counts["history"],
                     before.date().isoformat())

    def _job_deadline(self) -> float:
        # A poll is one fetch plus local work; a hung job must not block its feed forever.
        return self.settings.fetch.timeout * 2 + 30

    async def _poll_job(self, feed: Feed) -> None:
        if self._stop.is_set() or self.poller is None:
            return
        self._polling.set()
        task = asyncio.current_task()
        assert task is not None
        self._inflight.add(task)
        if self._trim is not None:
            self._trim.cancel()
            self._trim = None
        try:
            async with poll_deadline(self._job_deadline()):  # host turns not counted
                result = await self.poller.poll(feed)
            level = logging.WARNING if result.status == "error" else logging.INFO
            if result.status in ("not-modified", "unchanged", "waiting"):
                level = logging.DEBUG
            elif result.status in ("backoff", "disabled"):
                level = logging.DEBUG  # said once when it began; not again at every interval
            progress = result.status in PROGRESS_STATUSES
            if progress:
                self.progress.success()
            if self.metrics is not None:
                self.metrics.polled(feed, result, progress, time.time())
            log.log(level, "%s", describe(result, feed))
            # After every run, skipped ones included: that is how silence gets noticed.
            notices = self.health.check(feed, result) if self.health is not None else 0
            if result.alerts_queued or notices:
                self._wake_sender.set()
        except TimeoutError:
            self._poll_failed(feed, "timeout")
            log.warning("%s: the poll took longer than %.0f s and was abandoned; it will run "
                        "again at the next interval", feed.name, self._job_deadline())
        except AlertsError as exc:
            self._poll_failed(feed, "error")
            log.error("%s: %s", feed.name, exc)
        except Exception as exc:
            if self._state_damaged(exc):
                return
            self._poll_failed(feed, "crash")
            log.exception("%s: unexpected error while polling; the feed stays scheduled",
                          feed.name)
        finally:
            self._inflight.discard(task)
            if not self._inflight:
                self._trim = asyncio.get_running_loop().call_later(TRIM_AFTER, self._trim_now)

    def _trim_now(self) -> None:
        """No poll for TRIM_AFTER seconds: the per-text caches are emptied, the knowledge
        base is let go when its cache file can give it back, the memory given back to the
        system."""
        self._trim = None
        if self._inflight:
            return
        from alerts.trim import (
            forget_knowledge,
            forget_lexicon,
            forget_texts,
            give_back,
            shrink_database,
        )

        dropped = forget_texts()
        released = forget_knowledge()
        lexicon = forget_lexicon()  # read back from its cache file by the next analysis
        shrink_database(self.store)  # this thread's connection, as every poll's
        give_back()
        log.debug("polls are idle: %d cached texts forgotten, %s, %s, memory given back",
                  dropped, "the knowledge base let go until it is needed" if released
                  else "no knowledge base to let go",
                  "the event lexicon let go" if lexicon else "no event lexicon to let go")

    def _state_damaged(self, exc: Exception) -> bool:
        """The state database turned out damaged while running (its start check passed):
        every poll and send would fail, so the daemon says how to recover and stops (exit 2)
        rather than log a traceback per poll. False for any other error."""
        from alerts.state import is_damage, recovery_advice

        if not is_damage(exc):
            return False
        if not self._damaged:
            self._damaged = True
            path = self.settings.state_path
            log.error("the state database %s is damaged (SQLite says: %s), so alerts stops. "
                      "%s.", path, exc, recovery_advice(path))
            self.stop()
        return True

    def _poll_failed(self, feed: Feed, outcome: str) -> None:
        if self.metrics is not None:
            self.metrics.failed(feed, outcome)

    def _summary(self) -> str:
        """A one-line STATUS= for `systemctl status`."""
        text = f"{len(self.settings.feeds)} feeds, {len(self.rules)} rules"
        if self.progress.last_success is None:
            return f"{text}; no successful poll yet"
        return f"{text}; last successful poll {self.progress.since_success():.0f} s ago"

    async def _systemd_loop(self) -> None:
        """WATCHDOG=1 while polling makes progress (else systemd restarts us), and STATUS=."""
        if not self.systemd.enabled:
            return
        watchdog = self.systemd.watchdog
        period = watchdog / 2 if watchdog else STATUS_EVERY
        stalled = False
        while not self._stop.is_set():
            await asyncio.sleep(period)
            healthy = self.progress.healthy()
            if watchdog and healthy:
                self.systemd.ping()
            if not healthy and not stalled:
                log.error("no feed was polled successfully for %.0f s; %s",
                          self.progress.since_success(),
                          "the watchdog is no longer fed and systemd will restart the daemon"
                          if watchdog else "check the network and the feeds' errors with "
                          "`alerts status`")
            stalled = not healthy
            self.systemd.status(self._summary() + ("; polling stalled" if stalled else ""))

    async def _sender_loop(self, outbox: OutboxStore,
                           counts: Callable[[], dict[str, int]]) -> None:
        """Send what is due, every notify.interval or when woken; `counts`: the outbox's
        messages by status, for the metrics.

        The notifier (and with it Apprise, the templates and the sender's modules) is built
        the first time a message is due, and again after a reload changed the channels."""
        while not self._stop.is_set():
            # Read each round: a configuration reload may bring new channels and settings.
            interval = self.settings.notify.interval
            try:
                if self.notifier is None and not outbox.outbox_due(self.clock(), limit=1):
                    if self.metrics is not None:  # nothing to send: Apprise stays unloaded
                        self.metrics.delivered(cast("DeliveryReport", _NothingSent()),
                                               counts())
                else:
                    report = await self._deliver(outbox)
                    if self.metrics is not None:
                        self.metrics.delivered(report, counts())
                    if report.sent or report.failed:
                        log.info("delivered %d alerts, %d failed%s", report.sent,
                                 report.failed, f" ({report.digests} digests made)"
                                 if report.digests else "")
            except AlertsError as exc:
                log.error("sending alerts failed: %s; they stay queued", exc)
            except Exception as exc:
                if self._state_damaged(exc):
                    return
                log.exception("unexpected error while sending alerts; they stay queued")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake_sender.wait(), timeout=interval)
            self._wake_sender.clear()

    async def _deliver(self, outbox: OutboxStore) -> DeliveryReport:
        """One round of the sender, with the notifier built first if there is none yet."""
        from alerts.deliver import deliver_due

        notifier = self.notifier
        if notifier is None:
            from alerts.notify import Notifier

            notifier = Notifier(self.settings.channels, self.settings.notify.send_timeout)
            self.notifier = notifier
        return await deliver_due(outbox, notifier, self.settings.notify, self.clock,
                                 stopping=self._stop.is_set)

    def _rule_fingerprint(self) -> tuple:
        from alerts.rules.loader import rule_files

        files, _ = rule_files(self.settings.rule_paths)
        stamp = []
        for path in files:
            try:
                info = path.stat()
            except OSError:
                continue
            stamp.append((str(path), info.st_mtime_ns, info.st_size))
        return tuple(stamp)

    def _config_fingerprint(self) -> tuple:
        path = self.settings.path
        try:
            info = path.stat() if path is not None else None
        except OSError:
            return ()
        return (info.st_mtime_ns, info.st_size) if info else ()

    async def _watch_rules(self) -> None:
        """Reload when alerts.yaml or a rule file is added, removed or changed (SIGHUP does
        the same, and may also remove rules)."""
        if self.reload_rules is None and self.reload_config is None:
            return
        seen = await asyncio.to_thread(self._rule_fingerprint)
        seen_config = await asyncio.to_thread(self._config_fingerprint)
        while not self._stop.is_set():
            await asyncio.sleep(RULE_WATCH_INTERVAL)
            current = await asyncio.to_thread(self._rule_fingerprint)
            current_config = await asyncio.to_thread(self._config_fingerprint)
            if current_config != seen_config and self.reload_config is not None:
                seen, seen_config = current, current_config
                log.info("%s changed on disk; reloading the configuration", self.settings.path)
                await self._reload_config_now(removals=False)
            elif current != seen and self.reload_rules is not None:
                seen = current
                log.info("rule files changed on disk; reloading")
                await self._reload_now(removals=False)

    def _reload(self) -> None:
        """SIGHUP: the operator asks for the configuration and rules on disk, removed rules
        included."""
        if self.poller is None:
            return
        if self.reload_config is not None:
            work = self._reload_config_now(removals=True)
        elif self.reload_rules is not None:
            work = self._reload_now(removals=True)
        else:
            return
        task = asyncio.get_running_loop().create_task(work)
        self._reloads.add(task)
        task.add_done_callback(self._reloads.discard)

    async def _reload_config_now(self, *, removals: bool) -> None:
        """alerts.yaml and the rules, loaded in a thread and checked (channels included),
        then applied at once: feeds added, removed and changed, channels, routes and
        settings; or, if anything is wrong, nothing, and the last good configuration goes on.
        """
        if self.reload_config is None or self.poller is None or self.scheduler is None:
            return
        async with self._reload_lock:
            try:
                settings, rules = await asyncio.to_thread(self.reload_config)
                notifier = self.notifier
                if settings.channels != self.settings.channels:
                    await asyncio.to_thread(self._checked_channels, settings)
                    notifier = None  # built for the new channels when something is due
            except AlertsError as exc:
                config = str(self.settings.path)
                if all(getattr(p, "file", None) != config
                       for p in getattr(exc, "problems", [None])):
                    log.error("rules not reloaded; still using the last good set:\n%s", exc)
                    what = "The rule files on disk have problems, so they were not loaded:"
                    title = "alerts: rule files on disk NOT loaded"
                else:
                    log.error("configuration not reloaded; still using the last good one:"
                              "\n%s", exc)
                    what = f"{config} has problems, so it was not loaded:"
                    title = "alerts: configuration on disk NOT loaded"
                self._rules_refused([
                    what, str(exc), f"Alerting goes on with the last good set of "
                    f"{len(self.rules)} rules and the last good configuration. Fix the files "
                    "(`alerts check` lists every problem); they are loaded as soon as they are "
                    "saved."], title=title)
                return
            if not self._rules_acceptable(rules, removals):
                return
            # The swap: no await from here on, so a poll sees the old configuration or the new.
            changes = self._apply_feeds(settings)
            ignored = [what for what, old, new in (
                ("state", self.settings.state_path, settings.state_path),
                ("fetch", self.settings.fetch, settings.fetch),
                ("metrics", self.settings.metrics, settings.metrics)) if old != new]
            self.settings = settings
            self.notifier = notifier
            self.poller.composer = Composer.from_settings(settings)
            self.poller.max_entries = settings.fetch.max_entries
            self.poller.stories.window = timedelta(seconds=settings.stories.window)
            if self.health is not None:
                self.health.settings = settings
            self._swap_rules(rules)
            log.info("configuration reloaded: %d feeds (%s), %d channels, %d rules",
                     len(settings.feeds), ", ".join(changes) or "no feed changed",
                     len(settings.channels), len(rules))
            if ignored:
                log.warning("%s changed in %s; these take effect at the next restart "
                            "(systemctl restart alerts)", ", ".join(ignored), settings.path)
            self._wake_sender.set()

    def _checked_channels(self, settings: Settings) -> None:
        """ConfigError unless every channel of `settings` works (checked in a child process
        while Apprise is not loaded here)."""
        from alerts.channelcheck import channel_problems

        problems = channel_problems(settings)
        if problems:
            raise ConfigError(problems)

    def _apply_feeds(self, settings: Settings) -> list[str]:
        """Jobs for added feeds, none for removed ones, new arguments for changed ones."""
        from dataclasses import astuple

        assert self.scheduler is not None
        old = {feed.url: feed for feed in self.settings.feeds}
        new = {feed.url: feed for feed in settings.feeds}
        start = datetime.now(UTC)
        changes = []
        for url in old.keys() - new.keys():
            with contextlib.suppress(Exception):  # JobLookupError: already gone
                self.scheduler.remove_job(f"feed:{url}")
            changes.append(f"removed {old[url].name}")
        for index, (url, feed) in enumerate(new.items()):
            trigger = IntervalTrigger(seconds=feed.interval,
                                      jitter=min(feed.interval * 0.1, MAX_JITTER))
            if url not in old:
                self.scheduler.add_job(self._poll_job, trigger, args=[feed], id=f"feed:{url}",
                                       name=feed.name,
                                       next_run_time=start + timedelta(seconds=0.05 * index))
                changes.append(f"added {feed.name}")
            elif astuple(feed) != astuple(old[url]):  # credentials and headers included
                self.scheduler.modify_job(f"feed:{url}", args=[feed], name=feed.name)
                if feed.interval != old[url].interval:
                    self.scheduler.reschedule_job(f"feed:{url}", trigger=trigger)
                changes.append(f"changed {feed.name}")
        longest = max((feed.interval for feed in settings.feeds), default=None)
        self.progress.window = (float("inf") if longest is None
                                else STALL_INTERVALS * longest + settings.fetch.timeout)
        return changes

    async def _reload_now(self, *, removals: bool) -> None:
        """Load the rules in a thread (a slow or huge rule file must not stop polling and
        sending), then swap them in at once, unless the new set would switch alerts off.

        `removals`: the operator asked (SIGHUP), so enabled rules may go; a change seen on disk
        never takes them away (an emptied, deleted or half-written file)."""
        if self.reload_rules is None or self.poller is None:
            return

        async with self._reload_lock:  # one at a time, so the last one asked for wins
            try:
                rules = await asyncio.to_thread(self.reload_rules)
            except AlertsError as exc:
                log.error("rules not reloaded; still using the last good set:\n%s", exc)
                self._rules_refused([
                    "The rule files on disk have problems, so they were not loaded:", str(exc),
                    f"Alerting goes on with the last good set of {len(self.rules)} rules. Fix "
                    "the files (`alerts check` lists every problem); they are loaded as soon "
                    "as they are saved."])
                return
            if self._rules_acceptable(rules, removals):
                self._swap_rules(rules)

    def _rules_acceptable(self, rules: RuleSet, removals: bool) -> bool:
        """False (after saying why, on the fallback channel too) when the new set would
        switch alerts off: no enabled rule, or enabled rules gone without SIGHUP."""
        from alerts.rules.loader import dropped_rules, no_rules_problem

        empty = no_rules_problem(rules.rules, self.settings.rule_paths, str(self.settings.path))
        dropped = [] if removals else dropped_rules(self.rules.rules, rules.rules)
        if empty is None and not dropped:
            return True
        kept = f"Alerting goes on with the last good set of {len(self.rules)} rules."
        if empty is not None:
            lines = [f"{empty}.", kept, "Put the rule files back (or fix them); they "
                     "are loaded as soon as they are saved."]
        else:
            lines = ["The rule files on disk no longer have these enabled rules: "
                     + "; ".join(str(d) for d in dropped) + ".", kept,
                     "If an editor was still saving, nothing needs to be done. If you "
                     "removed them on purpose, apply it with SIGHUP (`systemctl reload "
                     "alerts` or `kill -HUP` the daemon) or a restart; a rule set to "
                     "'enabled: false' first can be removed without that."]
        log.error("rules not reloaded, as they would switch alerts off: %s", " ".join(lines))
        self._rules_refused(lines)
        return False

    def _swap_rules(self, rules: RuleSet) -> None:
        """No await in here: a poll sees the old set or the new one."""
        assert self.poller is not None
        removed = sorted(set(self.rules.by_id) - set(rules.by_id))
        self.rules = rules
        self.poller.rules = rules
        if self.metrics is not None:
            self.metrics.rules.set(len(rules))
        if removed:
            log.warning("rules reloaded on request: %d rules; removed: %s", len(rules),
                        ", ".join(removed))
        else:
            log.info("rules reloaded: %d rules", len(rules))
        if self._refused_since is not None:
            self._refused_since = None
            self._rules_notice("alerts: rule files loaded again", [
                f"The rule files load again: {len(rules)} rules are in use. Nothing needs "
                "to be done."])

    def _rules_refused(self, lines: list[str],
                       title: str = "alerts: rule files on disk NOT loaded") -> None:
        """Tell the operator once, on the fallback channel, until rules load again."""
        if self._refused_since is not None:
            return
        self._refused_since = self.clock()
        self._rules_notice(title, lines)

    def _rules_notice(self, title: str, lines: list[str]) -> None:
        if self.health is None or self.store is None:
            return
        from alerts.messages import NOTICE, Outgoing
        from alerts.render import Renderer, short_hash

        now = self.clock()
        messages = []
        for name in self.health.channels():
            style = self.settings.channels[name].style
            subject, body = Renderer(style.format).notice(title, lines)
            messages.append(Outgoing(name, subject, body, style.format, kind=NOTICE,
                                     alert_id="r" + short_hash(title, now.isoformat(), size=9),
                                     severity="high"))
        try:
            queued = self.store.queue(messages, now)
        except AlertsError as exc:
            log.error("the notice %r could not be queued (%s)", title, exc)
            return
        if queued:
            self._wake_sender.set()
